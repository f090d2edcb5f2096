import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { IDBPDatabase } from "idb";
import { MIGRATIONS, openMatterlineDb, openWithMigrations } from "@adapters/storage/openDb";
import { IdbScanCheckpointStore } from "@adapters/storage/idbScanCheckpointStore";
import { MemoryScanCheckpointStore } from "@adapters/storage/memoryScanCheckpointStore";
import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";

let n = 0;
const stores: [string, () => Promise<ScanCheckpointStore>][] = [
  ["IndexedDB", async () => new IdbScanCheckpointStore(await openMatterlineDb(`scan-store-${++n}`))],
  ["memory", () => Promise.resolve(new MemoryScanCheckpointStore())],
];

describe.each(stores)("scan checkpoint store (%s)", (_name, make) => {
  it("keeps rows per mailbox and folder, applies a page's puts and deletes with its cursor, and clears", async () => {
    const store = await make();
    await store.write("me", "inbox", {
      cursor: { at: 1 },
      put: [
        { graphId: "a", value: { s: "A" } },
        { graphId: "b", value: { s: "B" } },
      ],
      remove: [],
    });
    await store.write("me", "sentitems", { cursor: { at: 2 }, put: [{ graphId: "a", value: { s: "sent A" } }], remove: [] });
    await store.write("team", "inbox", { cursor: { at: 3 }, put: [{ graphId: "x", value: { s: "X" } }], remove: [] });
    await store.write("me", "inbox", { cursor: { at: 4 }, put: [{ graphId: "c", value: { s: "C" } }], remove: ["a"] });
    const me = await store.load("me");
    expect(me.cursors).toEqual({ inbox: { at: 4 }, sentitems: { at: 2 } });
    expect(me.rows.map((r) => `${r.folder}/${r.graphId}`).sort()).toEqual(["inbox/b", "inbox/c", "sentitems/a"]);
    // a mailbox whose name starts like another's is its own
    await store.write("me2", "inbox", { cursor: null, put: [{ graphId: "z", value: 1 }], remove: [] });
    expect((await store.load("me")).rows).toHaveLength(3);

    await store.clear("me", "inbox");
    const after = await store.load("me");
    expect(after.cursors).toEqual({ sentitems: { at: 2 } });
    expect(after.rows.map((r) => r.graphId)).toEqual(["a"]);
    await store.clear("me");
    expect(await store.load("me")).toEqual({ cursors: {}, rows: [] });
    expect((await store.load("team")).rows).toHaveLength(1);
  });

  it("refuses a value IndexedDB cannot store, and the page's other rows are not applied", async () => {
    const store = await make();
    await expect(
      store.write("me", "inbox", {
        cursor: { at: 1 },
        put: [
          { graphId: "ok", value: 1 },
          { graphId: "bad", value: { f: () => 1 } },
        ],
        remove: [],
      }),
    ).rejects.toBeTruthy();
    expect(await store.load("me")).toEqual({ cursors: {}, rows: [] });
  });
});

describe("schema version 4", () => {
  it("drops the old one-object-per-mailbox checkpoints and opens with the per-message stores", async () => {
    const v3 = await openWithMigrations("scan-upgrade", MIGRATIONS.slice(0, 3));
    const old = v3 as unknown as IDBPDatabase;
    await old.put("scanCheckpoints", {
      key: "scan:me",
      deltaLink: null,
      scannedAt: "2026-03-01T00:00:00Z",
      state: { big: "x".repeat(1000) },
    });
    v3.close();
    const db = await openWithMigrations("scan-upgrade", MIGRATIONS);
    expect([...db.objectStoreNames]).not.toContain("scanCheckpoints");
    const store = new IdbScanCheckpointStore(db);
    expect(await store.load("me")).toEqual({ cursors: {}, rows: [] });
    await store.write("me", "inbox", { cursor: "c", put: [{ graphId: "g", value: { s: 1 } }], remove: [] });
    expect((await store.load("me")).rows).toEqual([{ folder: "inbox", graphId: "g", value: { s: 1 } }]);
    db.close();
  });
});

describe("schema version 5", () => {
  it("drops the rows and cursors kept under the long field names and keys rows by [m, f, k]", async () => {
    const v4 = await openWithMigrations("scan-upgrade-5", MIGRATIONS.slice(0, 4));
    const old = v4 as unknown as IDBPDatabase;
    await old.put("scanMessages", { mailbox: "me", folder: "inbox", graphId: "g", row: { s: "x" } });
    await old.put("scanCursors", { mailbox: "me", folder: "inbox", state: "delta" });
    v4.close();
    const db = await openWithMigrations("scan-upgrade-5", MIGRATIONS);
    expect(db.transaction("scanMessages").store.keyPath).toEqual(["m", "f", "k"]);
    const store = new IdbScanCheckpointStore(db);
    expect(await store.load("me")).toEqual({ cursors: {}, rows: [] });
    await store.write("me", "sentitems", { cursor: "c", put: [{ graphId: "k1", value: { t: 1 } }], remove: [] });
    expect(await store.load("me")).toEqual({
      cursors: { sentitems: "c" },
      rows: [{ folder: "sentitems", graphId: "k1", value: { t: 1 } }],
    });
    db.close();
  });
});
