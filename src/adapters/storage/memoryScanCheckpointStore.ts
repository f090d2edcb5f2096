import type { ScanCheckpointStore, ScanMessageRow, ScanPageChange } from "@ports/scanCheckpointStore";
import { MatterlineError } from "@domain/errors";
import { promiseTry } from "@domain/promiseTry";

/** A key part IndexedDB accepts in the scan's array keys: a string (w3c.github.io/IndexedDB/#valid-key). */
function keyPart(value: unknown, what: string): string {
  if (typeof value !== "string") throw new MatterlineError("invalid-input", `A scan row's ${what} must be a string key.`);
  return value;
}

/** What a test counts: the rows written and deleted, and the transactions that did it. */
export interface ScanStoreCounts {
  puts: number;
  deletes: number;
  writes: number;
}

/**
 * The overdue scan's rows in memory, as strict as IndexedDB: keys must be strings, values are structured-cloned in
 * and out (a value IndexedDB could not store is refused), a page's change is applied whole or not at all, and
 * `counts` says how many rows each call wrote, so tests can check a page writes only its own rows.
 */
export class MemoryScanCheckpointStore implements ScanCheckpointStore {
  /** mailbox → folder → cursor. */
  private readonly cursors = new Map<string, Map<string, unknown>>();
  /** mailbox → folder → graphId → row. */
  private readonly rows = new Map<string, Map<string, Map<string, unknown>>>();
  readonly counts: ScanStoreCounts = { puts: 0, deletes: 0, writes: 0 };

  load(mailbox: string): Promise<{ cursors: Record<string, unknown>; rows: ScanMessageRow[] }> {
    return promiseTry(() => {
      keyPart(mailbox, "mailbox");
      const cursors: Record<string, unknown> = {};
      for (const [folder, state] of this.cursors.get(mailbox) ?? []) cursors[folder] = structuredClone(state);
      const rows: ScanMessageRow[] = [];
      for (const [folder, byId] of this.rows.get(mailbox) ?? [])
        for (const [graphId, value] of byId) rows.push({ folder, graphId, value: structuredClone(value) });
      return { cursors, rows };
    });
  }

  write(mailbox: string, folder: string, change: ScanPageChange): Promise<void> {
    return promiseTry(() => {
      keyPart(mailbox, "mailbox");
      keyPart(folder, "folder");
      // Everything is checked and cloned before anything is applied: one bad row fails the page's whole transaction.
      const removes = change.remove.map((id) => keyPart(id, "id"));
      const puts = change.put.map((p) => [keyPart(p.graphId, "id"), structuredClone(p.value)] as const);
      const cursor = structuredClone(change.cursor);
      let byFolder = this.rows.get(mailbox);
      if (!byFolder) this.rows.set(mailbox, (byFolder = new Map<string, Map<string, unknown>>()));
      let byId = byFolder.get(folder);
      if (!byId) byFolder.set(folder, (byId = new Map<string, unknown>()));
      for (const id of removes) byId.delete(id);
      for (const [id, value] of puts) byId.set(id, value);
      let folders = this.cursors.get(mailbox);
      if (!folders) this.cursors.set(mailbox, (folders = new Map<string, unknown>()));
      folders.set(folder, cursor);
      this.counts.puts += puts.length;
      this.counts.deletes += removes.length;
      this.counts.writes++;
    });
  }

  clear(mailbox: string, folder?: string): Promise<void> {
    return promiseTry(() => {
      keyPart(mailbox, "mailbox");
      if (folder === undefined) {
        this.cursors.delete(mailbox);
        this.rows.delete(mailbox);
      } else {
        this.cursors.get(mailbox)?.delete(keyPart(folder, "folder"));
        this.rows.get(mailbox)?.delete(folder);
      }
    });
  }
}
