import type { ScanCheckpointStore, ScanMessageRow, ScanPageChange } from "@ports/scanCheckpointStore";
import { guard, type MatterlineDb } from "./openDb";

/**
 * Every key of `mailbox` (or of one folder of it) in a store keyed by [mailbox, folder, …]: an array key sorts after
 * every string, so [mailbox, folder, []] bounds all string ids above (w3c.github.io/IndexedDB/#compare-two-keys).
 */
function range(mailbox: string, folder?: string): IDBKeyRange {
  return folder === undefined ? IDBKeyRange.bound([mailbox], [mailbox, []]) : IDBKeyRange.bound([mailbox, folder], [mailbox, folder, []]);
}

/**
 * The overdue scan's rows in IndexedDB: one record per message in `scanMessages` (short field names, see
 * `ScanMessageRecord`), one cursor per folder in
 * `scanCursors`. A page's puts, deletes and cursor go in one transaction, so after a crash rows and cursor agree.
 */
export class IdbScanCheckpointStore implements ScanCheckpointStore {
  constructor(private readonly db: MatterlineDb) {}

  load(mailbox: string): Promise<{ cursors: Record<string, unknown>; rows: ScanMessageRow[] }> {
    return guard("read the overdue scan's progress", async () => {
      const tx = this.db.transaction(["scanCursors", "scanMessages"]);
      const [cursorRecords, messageRecords] = await Promise.all([
        tx.objectStore("scanCursors").getAll(range(mailbox)),
        tx.objectStore("scanMessages").getAll(range(mailbox)),
      ]);
      await tx.done;
      const cursors: Record<string, unknown> = {};
      for (const c of cursorRecords) cursors[c.folder] = c.state;
      return { cursors, rows: messageRecords.map((m) => ({ folder: m.f, graphId: m.k, value: m.r })) };
    });
  }

  write(mailbox: string, folder: string, change: ScanPageChange): Promise<void> {
    return guard("save the overdue scan's progress", async () => {
      const tx = this.db.transaction(["scanCursors", "scanMessages"], "readwrite");
      const messages = tx.objectStore("scanMessages");
      const pending: Promise<unknown>[] = [];
      try {
        for (const graphId of change.remove) pending.push(messages.delete([mailbox, folder, graphId]));
        for (const p of change.put) pending.push(messages.put({ m: mailbox, f: folder, k: p.graphId, r: p.value }));
        pending.push(tx.objectStore("scanCursors").put({ mailbox, folder, state: change.cursor }));
      } catch (error) {
        // A value that cannot be cloned throws at put() without ending the transaction: abort it, or the rows put
        // before it would commit without their cursor.
        tx.abort();
        await Promise.allSettled([...pending, tx.done]);
        throw error;
      }
      await Promise.all([...pending, tx.done]);
    });
  }

  clear(mailbox: string, folder?: string): Promise<void> {
    return guard("save the overdue scan's progress", async () => {
      const tx = this.db.transaction(["scanCursors", "scanMessages"], "readwrite");
      const cursorKeys = folder === undefined ? range(mailbox) : IDBKeyRange.only([mailbox, folder]);
      await Promise.all([
        tx.objectStore("scanCursors").delete(cursorKeys),
        tx.objectStore("scanMessages").delete(range(mailbox, folder)),
        tx.done,
      ]);
    });
  }
}
