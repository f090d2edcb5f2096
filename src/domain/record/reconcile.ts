import type { AuditRecord, TimeEntry } from "@domain/matterLog/types";
import type { SharedEntry } from "./types";

/**
 * What to do after the shared record turned out to have changed under a write (a 412 on an eTag, or a create that met
 * the unique constraint): re-apply the user's change if it still makes sense, otherwise keep the other change and
 * record both in the audit trail. Never a silent last-writer-wins.
 */
export type Rebased =
  /** Write this entry (ours re-applied on top of theirs, or theirs kept with a conflict noted). */
  | { readonly action: "write"; readonly entry: SharedEntry; readonly conflict: AuditRecord | null }
  /** Delete the item (our undo still makes sense). */
  | { readonly action: "delete" }
  /** Nothing to write: the record already says what we want, or it is gone and we wanted it gone. */
  | { readonly action: "none"; readonly conflict: AuditRecord | null };

export interface RebaseInput {
  /** What this device wants: the local entry, or null to take the email off the record (undo). */
  readonly ours: SharedEntry | null;
  /** The version our change was made against; null when this device never saw the email in the record. */
  readonly base: SharedEntry | null;
  /** What the record holds now; null when the email is not (or no longer) in it. */
  readonly theirs: SharedEntry | null;
  readonly by: string;
  readonly now: Date;
  /** A matter's short label ("2025-0042") for the conflict note. */
  readonly label: (matterId: string) => string;
}

function sameTime(a: TimeEntry | null, b: TimeEntry | null): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.tenths === b.tenths && a.narrative === b.narrative);
}

const hours = (t: TimeEntry | null) => (t ? `${(t.tenths / 10).toFixed(1)} h` : "no time");

function conflict(input: RebaseInput, imid: string, note: string, from: string | null, to: string | null): AuditRecord {
  return {
    internetMessageId: imid,
    at: input.now.toISOString(),
    by: input.by,
    action: "conflict",
    fromMatterId: from,
    toMatterId: to,
    note,
  };
}

/** Reconciles one email's change with what the shared record holds now. Pure: the caller writes the result. */
export function rebase(input: RebaseInput): Rebased {
  const { ours, base, theirs, label } = input;
  const who = (e: SharedEntry) => e.loggedBy;
  if (!theirs) {
    if (!ours || !base) return ours ? { action: "write", entry: ours, conflict: null } : { action: "none", conflict: null };
    // Someone took it off the record while this device changed it.
    const changed = ours.matterId !== base.matterId || !sameTime(ours.timeEntry, base.timeEntry);
    if (!changed) return { action: "none", conflict: null };
    return {
      action: "none",
      conflict: conflict(
        input,
        ours.internetMessageId,
        `Not applied: ${input.by} filed it to ${label(ours.matterId)}${ours.timeEntry ? ` with ${hours(ours.timeEntry)}` : ""}, but it had been taken off the matter record meanwhile.`,
        ours.matterId,
        null,
      ),
    };
  }
  if (!ours) {
    if (!base) return { action: "none", conflict: null };
    const theyChanged = theirs.matterId !== base.matterId || !sameTime(theirs.timeEntry, base.timeEntry);
    if (!theyChanged) return { action: "delete" };
    const note = `Not applied: ${input.by} took it off ${label(base.matterId)}, but ${who(theirs)} had changed it meanwhile (now ${label(theirs.matterId)}, ${hours(theirs.timeEntry)}).`;
    return { action: "write", entry: theirs, conflict: conflict(input, theirs.internetMessageId, note, null, theirs.matterId) };
  }

  // Both hold the email: merge the two things people change, the matter and the time entry.
  const oursMatter = base ? ours.matterId !== base.matterId : true;
  const theirsMatter = base ? theirs.matterId !== base.matterId : true;
  const matterClash = oursMatter && theirsMatter && ours.matterId !== theirs.matterId;
  const oursTime = base ? !sameTime(ours.timeEntry, base.timeEntry) : ours.timeEntry !== null;
  const theirsTime = base ? !sameTime(theirs.timeEntry, base.timeEntry) : theirs.timeEntry !== null;
  const timeClash = oursTime && theirsTime && !sameTime(ours.timeEntry, theirs.timeEntry);

  const takeOurMatter = oursMatter && !matterClash && ours.matterId !== theirs.matterId;
  const matterPart = takeOurMatter
    ? { matterId: ours.matterId, category: ours.category, loggedBy: ours.loggedBy, loggedAt: ours.loggedAt, source: ours.source }
    : { matterId: theirs.matterId, category: theirs.category, loggedBy: theirs.loggedBy, loggedAt: theirs.loggedAt, source: theirs.source };
  const timeEntry = oursTime && !timeClash ? ours.timeEntry : theirs.timeEntry;
  const entry: SharedEntry = { ...theirs, ...matterPart, timeEntry };

  const notes: string[] = [];
  if (matterClash)
    notes.push(
      `${input.by} filed it to ${label(ours.matterId)}, but ${who(theirs)} had filed it to ${label(theirs.matterId)}; the record keeps ${label(theirs.matterId)}`,
    );
  if (timeClash) notes.push(`${input.by} recorded ${hours(ours.timeEntry)}, but the record had ${hours(theirs.timeEntry)}, which it keeps`);
  const clash = notes.length
    ? conflict(input, ours.internetMessageId, `Two changes met. ${notes.join("; ")}.`, matterClash ? ours.matterId : null, theirs.matterId)
    : null;
  const unchanged = entry.matterId === theirs.matterId && sameTime(entry.timeEntry, theirs.timeEntry);
  if (unchanged && !clash) return { action: "none", conflict: null };
  return { action: "write", entry, conflict: clash };
}
