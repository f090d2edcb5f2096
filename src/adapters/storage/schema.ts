import type { DBSchema } from "idb";
import type { Directory } from "@domain/directory/types";
import type { AuditRecord } from "@domain/matterLog/types";
import type { OutboxOperation } from "@domain/outbox/types";
import type { ClockDecision } from "@features/clock/clockDecisions";
import type { RecordShadow } from "@ports/localRecordStore";
import type { StoredLogEntry } from "./storedLogEntry";

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

/** A response-clock decision (no reply needed, snooze, undo) with its trail: the feature's type, stored as it is. */
export type ClockDecisionRecord = ClockDecision;

/** A follow-up event created (or to be created) in the calendar; transactionId makes the Graph create idempotent. */
export interface FollowUpRecord {
  readonly transactionId: string;
  readonly matterId: string | null;
  readonly internetMessageId: string | null;
  /** Feature-owned details (subject, start, graph event id …). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A scan's cursor for one folder of one mailbox (the feature owns `state`). */
export interface ScanCursorRecord {
  readonly mailbox: string;
  readonly folder: string;
  readonly state: unknown;
}

/** One message a scan keeps, keyed by mailbox, folder and the scan's key for it (the feature owns the row, `r`). */
export interface ScanMessageRecord {
  /** The mailbox. */
  readonly m: string;
  /** The folder. */
  readonly f: string;
  /** The scan's key for the message. */
  readonly k: string;
  /** The row. */
  readonly r: unknown;
}

/** Typed shape of the "matterline" IndexedDB database. Holds no tokens: MSAL keeps those in its own cache. */
export interface MatterlineSchema extends DBSchema {
  directory: { key: string; value: DirectoryRecord };
  matterLog: {
    key: string;
    value: StoredLogEntry;
    indexes: { byMatter: string; byConversation: string; byMatterNewest: [string, string] };
  };
  audit: { key: number; value: StoredAudit; indexes: { byMessage: string } };
  filingHistory: { key: string; value: FilingHistoryRecord };
  outbox: { key: string; value: OutboxOperation; indexes: { byNextAttempt: string; byGroup: string } };
  settings: { key: string; value: unknown };
  clockDecisions: { key: string; value: ClockDecisionRecord };
  followUps: { key: string; value: FollowUpRecord; indexes: { byMatter: string } };
  scanCursors: { key: [string, string]; value: ScanCursorRecord };
  scanMessages: { key: [string, string, string]; value: ScanMessageRecord };
  /** The last version of each email in the shared matter record that this device knows, by internetMessageId. */
  recordShadows: { key: string; value: RecordShadow };
}
