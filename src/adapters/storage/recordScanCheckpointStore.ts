import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";
import type { ScanCheckpointRecord } from "./schema";

/** The records store the adapter writes to (IdbRecords<ScanCheckpointRecord> in the pane). */
export interface ScanCheckpointRecords {
  get(key: string): Promise<ScanCheckpointRecord | undefined>;
  put(value: ScanCheckpointRecord): Promise<void>;
}

/** A stored record plus the scan's own JSON state (structured clone keeps the extra field). */
interface StateRecord extends ScanCheckpointRecord {
  readonly state: unknown;
}

/**
 * The overdue scan's get/put-by-key checkpoint over the `scanCheckpoints` object store. The schema's record holds a
 * delta link and a time; the scan keeps more (per-folder cursors and the window's messages, so a resume never
 * counts twice), carried in a `state` field of the same record.
 */
export function createRecordScanCheckpointStore(records: ScanCheckpointRecords, now: () => Date): ScanCheckpointStore {
  return {
    async get(key: string): Promise<unknown> {
      const row = (await records.get(key)) as StateRecord | undefined;
      return row && "state" in row ? row.state : null;
    },
    async put(key: string, value: unknown): Promise<void> {
      const folders = (value as { folders?: Record<string, { cursor?: unknown }> } | null)?.folders;
      const inboxCursor = folders?.inbox?.cursor;
      const record: StateRecord = {
        key,
        deltaLink: typeof inboxCursor === "string" ? inboxCursor : null,
        scannedAt: now().toISOString(),
        state: value,
      };
      await records.put(record);
    },
  };
}
