import type { LogEntry } from "./types";

/** When an entry happened, for ordering a matter's timeline: received, else sent, else logged (ISO-8601 UTC). */
export function entryTime(entry: Pick<LogEntry, "receivedAt" | "sentAt" | "loggedAt">): string {
  return entry.receivedAt ?? entry.sentAt ?? entry.loggedAt;
}

/**
 * Newest first; of two at the same time, the greater internetMessageId first. That is the order an IndexedDB index on
 * [matterId, time] gives walked backwards (equal keys come in primary-key order, reversed), compared the same way
 * (strings by UTF-16 code unit: w3c.github.io/IndexedDB/#compare-two-keys), so a page read from storage and a list
 * sorted here agree.
 */
export function compareNewestFirst(a: LogEntry, b: LogEntry): number {
  return compareDesc(entryTime(a), entryTime(b)) || compareDesc(a.internetMessageId, b.internetMessageId);
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
