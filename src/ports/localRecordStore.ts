import type { AuditRecord, LogEntry } from "@domain/matterLog/types";
import type { RecordVersion } from "@domain/record/types";
import type { FilingHistoryDelta } from "./filingHistoryStore";

/**
 * The last version of an email in the shared record that this device knows (its item id, eTag and stored file):
 * the base every local change is written against.
 */
export type RecordShadow = RecordVersion;

/** One atomic change to the local copy of the record: entries, their audit trails, shadows and filing history together. */
export interface LocalRecordChange {
  readonly putEntries?: readonly LogEntry[];
  readonly removeEntries?: readonly string[];
  /** Appended unless already there (same record read back from the shared record). */
  readonly audits?: readonly AuditRecord[];
  readonly putShadows?: readonly RecordShadow[];
  /** By internetMessageId. */
  readonly removeShadows?: readonly string[];
  readonly history?: FilingHistoryDelta;
}

/** The local copy of the shared record in IndexedDB: what sync and the record's outbox writer change. */
export interface LocalRecordStore {
  shadow(internetMessageId: string): Promise<RecordShadow | null>;
  /** Every shadow, for a full enumeration's "what is gone". */
  shadows(): Promise<RecordShadow[]>;
  apply(change: LocalRecordChange): Promise<void>;
  /** Entries this device holds that the record has never confirmed (no shadow): logged before the shared record. */
  unsyncedEntries(): Promise<LogEntry[]>;
}
