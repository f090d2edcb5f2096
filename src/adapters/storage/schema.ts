import type { DBSchema } from "idb";
import type { Directory } from "../../core/directory/types";
import type { AuditRecord, LogEntry } from "../../core/matterLog/types";
import type { OutboxOperation } from "../../core/outbox/types";

/** The single directory record. */
export interface DirectoryRecord {
  readonly id: "current";
  readonly directory: Directory;
  readonly importedAt: string;
}

/** Audit records get an auto-incremented id so their order of writing is kept. */
export interface StoredAudit extends AuditRecord {
  readonly id?: number;
}

/** Filing history shares one store: "a:<address>" rows hold counts, "c:<conversationId>" rows hold the matter. */
export type FilingHistoryRecord =
  | { readonly key: string; readonly kind: "address"; readonly counts: Readonly<Record<string, number>> }
  | { readonly key: string; readonly kind: "conversation"; readonly matterId: string };

/** A response-clock decision on one message: "no reply needed" (with why) or a snooze until a time. */
export interface ClockNoteRecord {
  readonly internetMessageId: string;
  readonly kind: "no-reply-needed" | "snooze";
  readonly reason: string | null;
  readonly by: string;
  /** ISO-8601 UTC of the decision. */
  readonly at: string;
  /** ISO-8601 UTC end of a snooze. */
  readonly until: string | null;
}

/** A follow-up event created (or to be created) in the calendar; transactionId makes the Graph create idempotent. */
export interface FollowUpRecord {
  readonly transactionId: string;
  readonly matterId: string | null;
  readonly internetMessageId: string | null;
  /** Feature-owned details (subject, start, graph event id …). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** Where an incremental scan stopped: a Graph delta link or the last time scanned, per mailbox and folder. */
export interface ScanCheckpointRecord {
  /** e.g. "<mailbox>|<folderId>". */
  readonly key: string;
  readonly deltaLink: string | null;
  readonly scannedAt: string;
}

/** Typed shape of the "matterline" IndexedDB database. Holds no tokens: MSAL keeps those in its own cache. */
export interface MatterlineSchema extends DBSchema {
  directory: { key: string; value: DirectoryRecord };
  matterLog: { key: string; value: LogEntry; indexes: { byMatter: string; byConversation: string } };
  audit: { key: number; value: StoredAudit; indexes: { byMessage: string } };
  filingHistory: { key: string; value: FilingHistoryRecord };
  outbox: { key: string; value: OutboxOperation; indexes: { byNextAttempt: string; byGroup: string } };
  settings: { key: string; value: unknown };
  clockNotes: { key: string; value: ClockNoteRecord };
  followUps: { key: string; value: FollowUpRecord; indexes: { byMatter: string } };
  scanCheckpoints: { key: string; value: ScanCheckpointRecord };
}
