/**
 * A decision someone took on one client message's clock: "no reply needed" (with why), a snooze, or the undo of
 * either. The record is the audit: who decided, when, and why. One current note per message; a later decision
 * supersedes an earlier one, and the superseded ones travel along in `history`, so nothing is ever lost.
 */
export interface ClockNote {
  readonly internetMessageId: string;
  /** "undo" takes back the decision before it: the clock runs again as the mail alone says. */
  readonly kind: "no-reply-needed" | "snooze" | "undo";
  /** Why (for "no reply needed"); for an undo, what was undone. */
  readonly reason: string | null;
  /** Address of whoever decided. */
  readonly by: string;
  /** ISO-8601 UTC of the decision. */
  readonly at: string;
  /** ISO-8601 UTC end of a snooze; null otherwise. */
  readonly until: string | null;
  /**
   * "mailbox" for a decision read from the message's shared category (decisionMarks.ts), taken by a colleague or on
   * another device: who and when are not known there (`at` is then the message's time). Absent for this device's own.
   */
  readonly source?: "mailbox";
  /** True when the decision was also put in the mailbox (decisionMarks.ts), so a later change there can supersede it. */
  readonly shared?: boolean;
  /** Earlier decisions on this message, oldest first (each without its own history). Absent on a first decision. */
  readonly history?: readonly ClockNote[];
}

/** Where clock notes live (IndexedDB in the pane). Keyed by internetMessageId. */
export interface ClockNoteStore {
  get(internetMessageId: string): Promise<ClockNote | undefined>;
  put(note: ClockNote): Promise<void>;
  all(): Promise<ClockNote[]>;
}

/** An in-memory ClockNoteStore, for tests and for hosts without storage. */
export function memoryClockNoteStore(initial: readonly ClockNote[] = []): ClockNoteStore {
  const notes = new Map(initial.map((n) => [n.internetMessageId, n]));
  return {
    get: (id) => Promise.resolve(notes.get(id)),
    put: (note) => {
      notes.set(note.internetMessageId, note);
      return Promise.resolve();
    },
    all: () => Promise.resolve([...notes.values()]),
  };
}

/**
 * The next note of a message: `next` supersedes `previous`, which joins the history (audit kept, never deleted).
 */
export function supersede(previous: ClockNote | undefined, next: Omit<ClockNote, "history">): ClockNote {
  if (!previous) return next;
  const { history = [], ...bare } = previous;
  return { ...next, history: [...history, bare] };
}

/** Every decision on a message, oldest first, the current one last. */
export function decisionTrail(note: ClockNote | null | undefined): ClockNote[] {
  if (!note) return [];
  const { history = [], ...bare } = note;
  return [...history, bare];
}

/** A short description of a decision, for undo reasons and the audit ("no reply needed (Answered by phone)"). */
export function describeDecision(note: Pick<ClockNote, "kind" | "reason" | "until">): string {
  if (note.kind === "no-reply-needed") return `no reply needed${note.reason ? ` (${note.reason})` : ""}`;
  if (note.kind === "snooze") return `snooze${note.until ? ` until ${note.until}` : ""}`;
  return `undo${note.reason ? ` (${note.reason})` : ""}`;
}
