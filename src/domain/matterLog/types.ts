import type { Address } from "@domain/model/mail";

/** Which way the mail went, seen from the firm. */
export type Direction = "inbound" | "outbound" | "internal";

/** How an entry came to be logged: the pane's button, auto-logging when sure, assistants' bulk tagging, or log-on-send. */
export type LogSource = "manual" | "auto" | "bulk" | "send";

/** Billable time recorded with a logged email, in tenths of an hour (the unit practice-management systems bill in). */
export interface TimeEntry {
  /** Whole tenths of an hour: 3 means 0.3 h. */
  readonly tenths: number;
  readonly narrative: string;
}

/** One communication filed to a matter. Keyed by internetMessageId so the same email is never logged twice. */
export interface LogEntry {
  /** RFC 5322 Message-ID with angle brackets; the dedupe key. */
  readonly internetMessageId: string;
  readonly conversationId: string | null;
  readonly direction: Direction;
  readonly from: Address | null;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly subject: string;
  readonly sentAt: string | null;
  readonly receivedAt: string | null;
  /** A short plain-text excerpt of the message's own text (no quoted history), for the timeline and exports. */
  readonly snippet: string;
  readonly attachmentNames: readonly string[];
  readonly matterId: string;
  /** The mailbox category written for the matter when it was logged; kept so a re-file can take it off again. */
  readonly category: string;
  /** Who logged it (an address or person id) and when (ISO-8601 UTC). */
  readonly loggedBy: string;
  readonly loggedAt: string;
  readonly source: LogSource;
  readonly timeEntry: TimeEntry | null;
  /** Mailbox the message lives in: null for the signed-in user's own, else a shared mailbox address. */
  readonly mailbox: string | null;
  /** Graph immutable id when known. */
  readonly graphId: string | null;
  /**
   * The matter this mailbox's copy of the message was last confirmed marked for (the MatterId property written by a
   * finished mirror), and when. Absent until a mirror is confirmed: "in the mailbox" is never assumed from the lack of
   * queued work, since a crash between the log write and the enqueue leaves no work behind. Local to one mailbox.
   */
  readonly mailboxMark?: { readonly matterId: string; readonly at: string } | null;
}

/**
 * "conflict": two people changed the same filing at once and one change could not be applied; the record keeps the
 * other, and this record says what was not applied (never a silent last-writer-wins). "stored": the email's attachments
 * were stored beside its message in the firm's record; the note says which, and which were left out and why.
 */
export type AuditAction = "logged" | "refiled" | "unlogged" | "conflict" | "stored";

/** One change to where an email is filed; never rewritten, so who moved what and when can always be shown. */
export interface AuditRecord {
  readonly internetMessageId: string;
  /** ISO-8601 UTC. */
  readonly at: string;
  readonly by: string;
  readonly action: AuditAction;
  /** For a conflict: the matter the change not applied asked for. */
  readonly fromMatterId: string | null;
  /** For a conflict: the matter the record keeps. */
  readonly toMatterId: string | null;
  /** Both versions of a conflict, in plain words. */
  readonly note?: string;
}

/** Identity of an audit record, so the same record read back from the shared record is never added twice. */
export function auditKey(a: AuditRecord): string {
  return `${a.internetMessageId}|${a.at}|${a.by.toLowerCase()}|${a.action}|${a.fromMatterId ?? ""}|${a.toMatterId ?? ""}`;
}

/** Both trails as one, each record once, oldest first. */
export function mergeAudits(...trails: readonly (readonly AuditRecord[])[]): AuditRecord[] {
  const seen = new Map<string, AuditRecord>();
  for (const trail of trails) for (const a of trail) if (!seen.has(auditKey(a))) seen.set(auditKey(a), a);
  return [...seen.values()].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}
