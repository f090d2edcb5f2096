import type { AuditRecord, LogEntry } from "@domain/matterLog/types";

/** One atomic change to the log: the entry written or removed together with its audit record. */
export interface MatterLogChange {
  /** Entry to write (insert or replace by internetMessageId). */
  readonly put?: LogEntry;
  /** internetMessageId of an entry to delete. */
  readonly remove?: string;
  /** Absent for edits that do not change the filing (a time entry). */
  readonly audit?: AuditRecord;
}

/** Where logged entries and their audit trail are kept (IndexedDB in the pane, memory in tests and the CLI). */
export interface MatterLogStore {
  get(internetMessageId: string): Promise<LogEntry | null>;
  /** Every entry filed to the matter, in no particular order. */
  listByMatter(matterId: string): Promise<LogEntry[]>;
  /**
   * The newest `limit` entries filed to the matter, newest first (domain/matterLog/entryOrder.ts): a matter the firm
   * filed to for years holds thousands, and its timeline opens on the newest.
   */
  newestByMatter(matterId: string, limit: number): Promise<LogEntry[]>;
  /** How many entries are filed to the matter. */
  countByMatter(matterId: string): Promise<number>;
  /** Every entry of one conversation (thread), in no particular order: recognition's "same thread as a logged message". */
  listByConversation(conversationId: string): Promise<LogEntry[]>;
  /** The audit trail of one message, oldest first. */
  auditFor(internetMessageId: string): Promise<AuditRecord[]>;
  /** Applies the change atomically: the entry and its audit record land together or not at all. */
  commit(change: MatterLogChange): Promise<void>;
}
