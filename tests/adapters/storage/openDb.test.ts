import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { DB_VERSION, MIGRATIONS, openMatterlineDb, openWithMigrations, type Migration } from "@adapters/storage/openDb";
import { idbStores } from "@adapters/storage/idbStores";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import { drainOutbox } from "@domain/outbox/drain";
import type { MailboxMirror } from "@ports/mailboxMirror";
import { directory, message } from "../../domain/matterLog/fixtures";

const STORES = ["audit", "clockNotes", "directory", "filingHistory", "followUps", "matterLog", "outbox", "scanCheckpoints", "settings"];

describe("openMatterlineDb", () => {
  it("creates version 1 with every store and index", async () => {
    const db = await openMatterlineDb("fresh");
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    const tx = db.transaction(["matterLog", "outbox", "audit", "followUps"]);
    expect([...tx.objectStore("matterLog").indexNames].sort()).toEqual(["byConversation", "byMatter"]);
    expect([...tx.objectStore("outbox").indexNames].sort()).toEqual(["byGroup", "byNextAttempt"]);
    expect([...tx.objectStore("audit").indexNames]).toEqual(["byMessage"]);
    expect([...tx.objectStore("followUps").indexNames]).toEqual(["byMatter"]);
    db.close();
  });

  it("upgrades an existing database step by step, keeping its data and running old steps only once", async () => {
    const v1 = await openMatterlineDb("upgrade");
    await v1.put("settings", "kept", "greeting");
    v1.close();
    let ran = 0;
    const v2: Migration = (db, tx) => {
      ran += 1;
      tx.objectStore("matterLog").createIndex("byLoggedAt" as never, "loggedAt");
      void db;
    };
    const upgraded = await openWithMigrations("upgrade", [...MIGRATIONS, v2]);
    expect(upgraded.version).toBe(2);
    expect(ran).toBe(1);
    expect(await upgraded.get("settings", "greeting")).toBe("kept");
    expect([...upgraded.transaction("matterLog").store.indexNames]).toContain("byLoggedAt");
    upgraded.close();
  });

  it("reopened, the log, history, outbox and directory are still there", async () => {
    const db = await openMatterlineDb("reopen");
    const stores = idbStores(db);
    const log = new MatterLog({ ...stores, categoryFor: categoryResolver(directory), firmDomains: directory.firm.domains });
    const msg = message();
    await log.log({
      message: msg,
      matterId: "m1",
      by: "pat@firm.test",
      now: new Date("2026-03-02T12:00:00Z"),
      source: "manual",
      timeEntry: { tenths: 2, narrative: "Read" },
    });
    await stores.directory.save({ directory, importedAt: "2026-03-01T00:00:00.000Z" });
    db.close();

    const again = await openMatterlineDb("reopen");
    const s2 = idbStores(again);
    expect((await s2.log.get(msg.internetMessageId!))?.timeEntry).toEqual({ tenths: 2, narrative: "Read" });
    expect(await s2.history.countsFor("ann@northwind.test")).toEqual({ m1: 1 });
    expect(await s2.outbox.list()).toHaveLength(1);
    expect((await s2.directory.load())?.directory.matters).toHaveLength(directory.matters.length);
    expect(await s2.log.listByConversation(msg.conversationId!)).toHaveLength(1);
    again.close();
  });

  it("logs idempotently and mirrors exactly once through an outbox that survives a flaky mailbox", async () => {
    const db = await openMatterlineDb("idempotent");
    const stores = idbStores(db);
    const log = new MatterLog({ ...stores, categoryFor: categoryResolver(directory), firmDomains: directory.firm.domains });
    const msgs = Array.from({ length: 12 }, () => message());
    const now = new Date("2026-03-02T12:00:00Z");
    for (const m of msgs) await log.log({ message: m, matterId: "m1", by: "p", now, source: "bulk" });
    for (const m of msgs) expect((await log.log({ message: m, matterId: "m1", by: "p", now, source: "bulk" })).status).toBe("unchanged");
    expect(await stores.outbox.list()).toHaveLength(12);

    const applied = new Map<string, number>();
    let call = 0;
    const mirror: MailboxMirror = {
      apply(items) {
        call += 1;
        if (call === 1) return Promise.reject(new Error("Network request failed"));
        return Promise.resolve(
          items.map((item, i) => {
            if (call === 2 && i % 2 === 0) return { key: item.key, ok: false, retryable: true, error: "429" };
            applied.set(item.key, (applied.get(item.key) ?? 0) + 1);
            return { key: item.key, ok: true, graphId: "g" };
          }),
        );
      },
    };
    let t = now;
    for (let i = 0; i < 5; i += 1) {
      await drainOutbox({ store: stores.outbox, mirror, now: t });
      t = new Date(t.getTime() + 2 * 60 * 60_000);
    }
    expect(await stores.outbox.list()).toEqual([]);
    expect(applied.size).toBe(12);
    expect([...applied.values()].every((n) => n === 1)).toBe(true);
    db.close();
  });

  it("reports storage failures as MatterlineError", async () => {
    const db = await openMatterlineDb("closed");
    db.close();
    await expect(idbStores(db).log.get("<x>")).rejects.toMatchObject({ code: "storage-failed" });
  });
});
