import { entryTime } from "@domain/matterLog/entryOrder";
import type { LogEntry } from "@domain/matterLog/types";

/**
 * A log entry as IndexedDB keeps it: with its timeline time written out, because an index's key path names stored
 * fields and cannot say "received, else sent, else logged". The "byMatterNewest" index on [matterId, timelineAt]
 * lets a matter's newest entries be read without reading them all. Absent on an entry kept before version 6 until its
 * matter is first opened (openDb.ts, v6).
 */
export type StoredLogEntry = LogEntry & { readonly timelineAt?: string };

export function toStored(entry: LogEntry): StoredLogEntry & { readonly timelineAt: string } {
  return { ...entry, timelineAt: entryTime(entry) };
}

/** The entry without the storage's own field, so nothing above the store sees it (exports, the shared record). */
export function fromStored(stored: StoredLogEntry): LogEntry {
  if (stored.timelineAt === undefined) return stored;
  const { timelineAt: _timelineAt, ...entry } = stored;
  return entry;
}
