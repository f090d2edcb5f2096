import { MatterlineError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import type { FilingHistoryDelta, FilingHistoryStore } from "@ports/filingHistoryStore";
import type { MirrorCategory } from "@ports/mailboxMirror";
import type { MatterLogStore } from "@ports/matterLogStore";
import type { OutboxStore } from "@ports/outboxStore";
import { isMirrorPayload, type MirrorPayload } from "@domain/outbox/mirrorPayload";
import type { OutboxOperation } from "@domain/outbox/types";
import { newOperation } from "@domain/outbox/queue";
import { RECORD_KIND, recordKey, type RecordPayload } from "@domain/record/types";
import { correspondentsOf, directionOf } from "./direction";
import { snippetOf } from "./snippet";
import { compareNewestFirst } from "./entryOrder";
import type { AuditRecord, Direction, LogEntry, LogSource, TimeEntry } from "./types";

/** What logging did: first filing, a move to another matter, a time-entry change only, or nothing at all. */
export type LogStatus = "logged" | "refiled" | "updated" | "unchanged";

export interface LogResult {
  readonly status: LogStatus;
  readonly entry: LogEntry;
}

export interface LogRequest {
  readonly message: MailMessage;
  readonly matterId: string;
  /** Who is logging: the signed-in user's address. */
  readonly by: string;
  readonly now: Date;
  readonly timeEntry?: TimeEntry | null;
  readonly source: LogSource;
  /** Known direction (recognition computes it); derived from the firm's domains otherwise. */
  readonly direction?: Direction;
  readonly mailbox?: string | null;
  readonly graphId?: string | null;
}

export interface MatterLogDeps {
  readonly log: MatterLogStore;
  readonly history: FilingHistoryStore;
  readonly outbox: OutboxStore;
  /** The matter's mailbox category; null means the matter is unknown and cannot be logged to. */
  readonly categoryFor: (matterId: string) => MirrorCategory | null;
  /** The firm's own domains, so colleagues do not count as correspondents. */
  readonly firmDomains: readonly string[];
}

/** Longest single time entry accepted: 24 h. Anything more is a typo, not a day's work on one email. */
const MAX_TENTHS = 240;

/** Checks a time entry: whole tenths of an hour between 0.1 and 24 h. */
export function validateTimeEntry(entry: TimeEntry): TimeEntry {
  if (!Number.isInteger(entry.tenths) || entry.tenths < 1 || entry.tenths > MAX_TENTHS) {
    throw new MatterlineError("invalid-input", "Time must be in tenths of an hour, from 0.1 to 24.0.");
  }
  return { tenths: entry.tenths, narrative: entry.narrative.trim() };
}

/** Converts hours typed by a user (e.g. 0.3) to whole tenths, rounding up as firms bill started tenths. */
export function hoursToTenths(hours: number): number {
  return Math.ceil(Math.round(hours * 1000) / 100);
}

/** Key of the mirror operation for one message filed to one matter: the same filing always gets the same key. */
export function mirrorKey(internetMessageId: string, matterId: string | null): string {
  return `mirror:${internetMessageId}:${matterId ?? "-"}`;
}

function sameTime(a: TimeEntry | null, b: TimeEntry | null): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.tenths === b.tenths && a.narrative === b.narrative);
}

function historyMove(addresses: readonly string[], from: string | null, to: string | null): FilingHistoryDelta["counts"] {
  const counts: { address: string; matterId: string; delta: number }[] = [];
  for (const address of addresses) {
    if (from) counts.push({ address, matterId: from, delta: -1 });
    if (to) counts.push({ address, matterId: to, delta: 1 });
  }
  return counts;
}

/**
 * The matter log: files emails to matters exactly once, keeps the audit trail, teaches filing history, and
 * queues the mailbox mirror. Order of writes matters: the log entry first (the user's intent), then history,
 * then the outbox — a crash between them leaves a logged entry that `remirror` queues again.
 */
export class MatterLog {
  constructor(private readonly deps: MatterLogDeps) {}

  /** Files a message to a matter. Idempotent: the same filing again returns "unchanged" and writes nothing. */
  async log(request: LogRequest): Promise<LogResult> {
    const { message, matterId, by, now } = request;
    const internetMessageId = message.internetMessageId?.trim();
    if (!internetMessageId) {
      throw new MatterlineError("invalid-input", "This email has no Internet message id yet. Save or send it first, then log it.");
    }
    const category = this.deps.categoryFor(matterId);
    if (!category) throw new MatterlineError("invalid-input", `Matter ${matterId} is not in the firm directory.`);
    const timeEntry = request.timeEntry ? validateTimeEntry(request.timeEntry) : null;

    const existing = await this.deps.log.get(internetMessageId);
    if (existing && existing.matterId === matterId) {
      const timeChanged = request.timeEntry !== undefined && request.timeEntry !== null && !sameTime(existing.timeEntry, timeEntry);
      if (!timeChanged) {
        return { status: "unchanged", entry: existing };
      }
      const updated: LogEntry = { ...existing, timeEntry };
      // A time edit is not a filing change, so it adds no audit record.
      await this.deps.log.commit({ put: updated });
      await this.queueRecord(updated, now);
      return { status: "updated", entry: updated };
    }

    const entry: LogEntry = {
      internetMessageId,
      conversationId: message.conversationId,
      direction: request.direction ?? directionOf(message, this.deps.firmDomains),
      from: message.from,
      to: [...message.to],
      cc: [...message.cc],
      subject: message.subject,
      sentAt: message.sentAt,
      receivedAt: message.receivedAt,
      snippet: snippetOf(message.bodyText),
      attachmentNames: [...message.attachmentNames],
      matterId,
      category: category.name,
      loggedBy: by,
      loggedAt: now.toISOString(),
      source: request.source,
      timeEntry: timeEntry ?? existing?.timeEntry ?? null,
      mailbox: request.mailbox ?? existing?.mailbox ?? null,
      graphId: request.graphId ?? existing?.graphId ?? null,
    };
    const fromMatterId = existing?.matterId ?? null;
    await this.deps.log.commit({
      put: entry,
      audit: this.audit(internetMessageId, now, by, existing ? "refiled" : "logged", fromMatterId, matterId),
    });
    const addresses = correspondentsOf(message, this.deps.firmDomains);
    await this.deps.history.apply({
      counts: historyMove(addresses, fromMatterId, matterId),
      conversations: entry.conversationId ? [{ conversationId: entry.conversationId, matterId }] : [],
    });
    await this.queueMirror(entry, existing ? [existing.category] : [], now);
    await this.queueRecord(entry, now);
    return { status: existing ? "refiled" : "logged", entry };
  }

  /**
   * Takes a message off the log. Forgets the thread's matter too when it pointed here, because precision comes first:
   * an undone filing must not keep steering recognition of the rest of the thread. The mailbox category and MatterId
   * property come off through an "unmirror" operation, and the shared record's item and stored message through a
   * record write, both waiting in the outbox.
   */
  async unlog(request: { internetMessageId: string; by: string; now: Date }): Promise<LogEntry | null> {
    const existing = await this.deps.log.get(request.internetMessageId);
    if (!existing) return null;
    await this.deps.log.commit({
      remove: existing.internetMessageId,
      audit: this.audit(existing.internetMessageId, request.now, request.by, "unlogged", existing.matterId, null),
    });
    const addresses = correspondentsOf({ ...existing, id: existing.internetMessageId, bodyText: "" }, this.deps.firmDomains);
    const pointsHere =
      existing.conversationId && (await this.deps.history.matterForConversation(existing.conversationId)) === existing.matterId;
    await this.deps.history.apply({
      counts: historyMove(addresses, existing.matterId, null),
      conversations: pointsHere && existing.conversationId ? [{ conversationId: existing.conversationId, matterId: null }] : [],
    });
    await this.deps.outbox.enqueue(
      newOperation({
        key: mirrorKey(existing.internetMessageId, null),
        kind: "unmirror",
        group: `mirror:${existing.internetMessageId}`,
        payload: {
          internetMessageId: existing.internetMessageId,
          graphId: existing.graphId,
          mailbox: existing.mailbox,
          removeCategories: [existing.category],
        },
        now: request.now,
      }),
    );
    await this.queueRecord(existing, request.now);
    return existing;
  }

  /** Every entry of a matter, newest first (by received, else sent, else logged time: entryOrder.ts). */
  async entriesForMatter(matterId: string): Promise<LogEntry[]> {
    return (await this.deps.log.listByMatter(matterId)).sort(compareNewestFirst);
  }

  /** The matter's newest `limit` entries (newest first) and how many it holds: what its timeline opens on. */
  async newestForMatter(matterId: string, limit: number): Promise<{ entries: LogEntry[]; total: number }> {
    const [entries, total] = await Promise.all([this.deps.log.newestByMatter(matterId, limit), this.deps.log.countByMatter(matterId)]);
    return { entries, total };
  }

  entryFor(internetMessageId: string): Promise<LogEntry | null> {
    return this.deps.log.get(internetMessageId);
  }

  auditFor(internetMessageId: string): Promise<AuditRecord[]> {
    return this.deps.log.auditFor(internetMessageId);
  }

  private audit(
    internetMessageId: string,
    now: Date,
    by: string,
    action: AuditRecord["action"],
    fromMatterId: string | null,
    toMatterId: string | null,
  ): AuditRecord {
    return { internetMessageId, at: now.toISOString(), by, action, fromMatterId, toMatterId };
  }

  /** Queues the shared record's copy of this email to follow the local log (its latest state is read when it runs). */
  private async queueRecord(entry: LogEntry, now: Date): Promise<void> {
    const payload: RecordPayload = { internetMessageId: entry.internetMessageId, mailbox: entry.mailbox, graphId: entry.graphId };
    await this.deps.outbox.enqueue(newOperation({ key: recordKey(entry.internetMessageId), kind: RECORD_KIND, payload, now }));
  }

  private async queueMirror(entry: LogEntry, removeCategories: readonly string[], now: Date): Promise<void> {
    const category = this.deps.categoryFor(entry.matterId) ?? { name: entry.category, color: "preset1" };
    const payload: MirrorPayload = {
      graphId: entry.graphId,
      internetMessageId: entry.internetMessageId,
      mailbox: entry.mailbox,
      category,
      removeCategories: removeCategories.filter((name) => name !== category.name),
      matterId: entry.matterId,
    };
    await this.deps.outbox.enqueue(
      newOperation({
        key: mirrorKey(entry.internetMessageId, entry.matterId),
        kind: "mirror",
        group: `mirror:${entry.internetMessageId}`,
        payload,
        now,
      }),
    );
  }

  /**
   * Records what a drain confirmed for mirrored messages: that the mailbox now carries the filing's mark (so the pane
   * can say "in the mailbox" from evidence, not from the lack of queued work) and the Graph ids it learned, so later
   * mirrors and reads skip the lookup by internetMessageId. Only for the filing that was mirrored: a mirror of a matter
   * the email has since left confirms nothing.
   */
  async recordMirrored(
    result: { done: readonly OutboxOperation[]; graphIds: Readonly<Record<string, string>> },
    now: Date,
  ): Promise<number> {
    let updated = 0;
    for (const op of result.done) {
      if (op.kind !== "mirror" || !isMirrorPayload(op.payload)) continue;
      const entry = await this.deps.log.get(op.payload.internetMessageId);
      if (!entry || entry.matterId !== op.payload.matterId) continue;
      const graphId = entry.graphId ?? result.graphIds[op.key] ?? null;
      await this.deps.log.commit({ put: { ...entry, graphId, mailboxMark: { matterId: entry.matterId, at: now.toISOString() } } });
      updated += 1;
    }
    return updated;
  }

  /**
   * Queues the mirror of an entry again (the pane's "Sync again", or repair after a crash between the log write
   * and the enqueue). Same key as the original filing, so it replaces rather than duplicates queued work.
   */
  async remirror(internetMessageId: string, now: Date): Promise<boolean> {
    const entry = await this.deps.log.get(internetMessageId);
    if (!entry) return false;
    await this.queueMirror(entry, [], now);
    return true;
  }
}
