import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { DB_VERSION, MIGRATIONS, openMatterlineDb, openWithMigrations, type Migration } from "@adapters/storage/openDb";
import { idbStores } from "@adapters/storage/idbStores";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import { drainOutbox } from "@domain/outbox/drain";
import type { MailboxMirror } from "@ports/mailboxMirror";
import { directory, message } from "../../domain/matterLog/fixtures";
import { NO_REPLY_DECISION_KIND, noReplyDecisionExecutor, noReplyDecisionKey } from "@features/clock/noReplyDecisions";
import type { IDBPDatabase } from "idb";

const STORES = [
  "audit",
  "clockDecisions",
  "directory",
  "filingHistory",
  "followUps",
  "matterLog",
  "outbox",
  "recordShadows",
  "scanCursors",
  "scanMessages",
  "settings",
];
/** The mailbox mirror's operations (each filing also queues a shared-record write, which these tests leave alone). */
const mirrorOps = (ops: readonly { kind: string }[]) => ops.filter((o) => o.kind === "mirror");

describe("openMatterlineDb", () => {
  it("creates the current version with every store and index", async () => {
    const db = await openMatterlineDb("fresh");
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(6);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    const tx = db.transaction(["matterLog", "outbox", "audit", "followUps"]);
    expect([...tx.objectStore("matterLog").indexNames].sort()).toEqual(["byConversation", "byMatter", "byMatterNewest"]);
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
    const next: Migration = (db, tx) => {
      ran += 1;
      tx.objectStore("matterLog").createIndex("byLoggedAt" as never, "loggedAt");
      void db;
    };
    const upgraded = await openWithMigrations("upgrade", [...MIGRATIONS, next]);
    expect(upgraded.version).toBe(DB_VERSION + 1);
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
    expect(mirrorOps(await s2.outbox.list())).toHaveLength(1);
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
    expect(mirrorOps(await stores.outbox.list())).toHaveLength(12);

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
    expect(mirrorOps(await stores.outbox.list())).toEqual([]);
    expect(applied.size).toBe(12);
    expect([...applied.values()].every((n) => n === 1)).toBe(true);
    db.close();
  });

  it("moves version 1's clock notes and queued clock marks to the no-reply decision's names, losing nothing", async () => {
    // A pane of the first release: a decision taken offline, its mailbox share still queued, beside a queued mirror write.
    const old = await openWithMigrations("rename", MIGRATIONS.slice(0, 1));
    const decision = {
      internetMessageId: "<q@client.example>",
      kind: "no-reply-needed",
      reason: "Answered by phone",
      by: "ann@firm.example",
      at: "2025-08-26T15:00:00.000Z",
      until: null,
      shared: true,
    };
    const queued = (key: string, kind: string, payload: unknown) => ({
      key,
      kind,
      group: null,
      payload,
      attempts: 1,
      nextAttemptAt: "2025-08-26T15:05:00.000Z",
      lastError: "offline",
      createdAt: "2025-08-26T15:00:00.000Z",
      status: "pending" as const,
    });
    const share = { mailbox: null, graphId: "g-q", internetMessageId: "<q@client.example>", noReplyNeeded: true };
    const raw = old as unknown as IDBPDatabase;
    await raw.put("clockNotes", decision);
    await raw.put("outbox", queued("clock-mark|me|<q@client.example>", "clock-mark", share));
    await raw.put("outbox", queued("mirror:<m@x>:apply", "mirror", { internetMessageId: "<m@x>" }));
    old.close();

    const db = await openMatterlineDb("rename");
    expect([...db.objectStoreNames]).not.toContain("clockNotes");
    const stores = idbStores(db);
    expect(await stores.clockDecisions.all()).toEqual([decision]);
    const ops = await stores.outbox.list();
    expect(ops.map((op) => [op.key, op.kind]).sort()).toEqual([
      ["mirror:<m@x>:apply", "mirror"],
      [noReplyDecisionKey(null, "<q@client.example>"), NO_REPLY_DECISION_KIND],
    ]);
    expect(ops.find((op) => op.kind === NO_REPLY_DECISION_KIND)).toMatchObject({ payload: share, attempts: 1, lastError: "offline" });

    // The renamed operation is due and runs through today's executor: the category reaches the mailbox.
    const written: string[] = [];
    const result = await drainOutbox({
      store: stores.outbox,
      executors: {
        [NO_REPLY_DECISION_KIND]: noReplyDecisionExecutor({
          setCategory: (items, value) => {
            written.push(...items.map((i) => `${i.internetMessageId}:${value}`));
            return Promise.resolve(items.map((i) => ({ key: i.key, ok: true as const, graphId: i.graphId ?? "g" })));
          },
        }),
      },
      now: new Date("2025-08-26T16:00:00Z"),
    });
    expect(written).toEqual(["<q@client.example>:true"]);
    expect(result.done.map((op) => op.kind)).toEqual([NO_REPLY_DECISION_KIND]);
    db.close();
  });

  it("indexes the log by matter and time at version 6, giving older entries their time as their matter is first read", async () => {
    // A pane at version 5 with three entries of one matter (received, sent only, logged only) and one of another.
    const old = await openWithMigrations("newest", MIGRATIONS.slice(0, 5));
    const logged = (id: string, matterId: string, t: { receivedAt?: string; sentAt?: string; loggedAt: string }) => ({
      internetMessageId: id,
      conversationId: null,
      direction: "inbound" as const,
      from: { email: "a@client.example" },
      to: [],
      cc: [],
      subject: id,
      sentAt: t.sentAt ?? null,
      receivedAt: t.receivedAt ?? null,
      snippet: "",
      attachmentNames: [],
      matterId,
      category: "cat",
      loggedBy: "me@firm.example",
      loggedAt: t.loggedAt,
      source: "manual" as const,
      timeEntry: null,
      mailbox: null,
      graphId: null,
    });
    const entries = [
      logged("<r>", "m1", { receivedAt: "2025-08-03T09:00:00.000Z", loggedAt: "2025-08-20T09:00:00.000Z" }),
      logged("<s>", "m1", { sentAt: "2025-08-05T09:00:00.000Z", loggedAt: "2025-08-21T09:00:00.000Z" }),
      logged("<l>", "m1", { loggedAt: "2025-08-04T09:00:00.000Z" }),
      logged("<o>", "m2", { receivedAt: "2025-08-30T09:00:00.000Z", loggedAt: "2025-08-30T09:00:00.000Z" }),
    ];
    const raw = old as unknown as IDBPDatabase;
    for (const e of entries) await raw.put("matterLog", e);
    old.close();

    const db = await openMatterlineDb("newest");
    expect([...db.transaction("matterLog").store.indexNames]).toContain("byMatterNewest");
    // The upgrade rewrites nothing (a long log would hold the pane's storage for seconds): m1 is read whole once.
    expect((await db.get("matterLog", "<r>"))?.timelineAt).toBeUndefined();
    const { log } = idbStores(db);
    expect((await log.newestByMatter("m1", 2)).map((e) => e.internetMessageId)).toEqual(["<s>", "<l>"]);
    expect(await log.countByMatter("m1")).toBe(3);
    expect((await db.get("matterLog", "<r>"))?.timelineAt).toBe("2025-08-03T09:00:00.000Z");
    expect((await db.get("matterLog", "<o>"))?.timelineAt).toBeUndefined();
    // Now through the index, the same; and the other matter on its first read.
    expect((await log.newestByMatter("m1", 3)).map((e) => e.internetMessageId)).toEqual(["<s>", "<l>", "<r>"]);
    // m2 gets a new entry (kept with its time) beside its old one (without): the old one is not lost from its page.
    const added = logged("<n>", "m2", { receivedAt: "2025-08-31T09:00:00.000Z", loggedAt: "2025-08-31T09:00:00.000Z" });
    await log.commit({ put: added });
    expect(await log.newestByMatter("m2", 5)).toEqual([added, entries[3]]);
    expect((await db.get("matterLog", "<o>"))?.timelineAt).toBe("2025-08-30T09:00:00.000Z");
    // Nothing else about the entries changed, and the store's own field is not handed out.
    expect(await log.get("<r>")).toEqual(entries[0]);
    expect(await log.listByMatter("m1")).toContainEqual(entries[1]);
    db.close();
  });

  it("reports storage failures as MatterlineError", async () => {
    const db = await openMatterlineDb("closed");
    db.close();
    await expect(idbStores(db).log.get("<x>")).rejects.toMatchObject({ code: "storage-failed" });
  });
});

describe("the database's lifecycle", () => {
  /** The raw connections the next opens make, as the browser hands them over. */
  function captureConnections(): IDBDatabase[] {
    const seen: IDBDatabase[] = [];
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => {
      const request = open(name, version);
      request.addEventListener("success", () => seen.push(request.result));
      return request;
    };
    return seen;
  }

  /** The "close" event a browser fires when it ends a connection abnormally (fake-indexeddb's own event shape). */
  function abnormalClose(db: IDBDatabase): void {
    const event = {
      type: "close",
      initialized: true,
      dispatched: false,
      eventPath: [],
      bubbles: false,
      NONE: 0,
      CAPTURING_PHASE: 1,
      AT_TARGET: 2,
      BUBBLING_PHASE: 3,
    };
    db.dispatchEvent(event as unknown as Event);
  }

  it("steps aside for a newer version opened in another window, and every later use says to reopen the pane", async () => {
    const old = await openWithMigrations("lifecycle-upgrade", MIGRATIONS);
    await old.put("settings", "kept", "greeting");
    const newer = await openWithMigrations("lifecycle-upgrade", [...MIGRATIONS, () => undefined]);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await newer.get("settings", "greeting")).toBe("kept");
    await expect(old.get("settings", "greeting")).rejects.toThrow(/updated in another window.*reopen this pane/);
    expect(() => old.transaction("settings")).toThrow(/updated in another window/);
    newer.close();
  });

  it("says a VersionError is a newer Matterline, not full storage", async () => {
    const newer = await openWithMigrations("lifecycle-version", [...MIGRATIONS, () => undefined]);
    newer.close();
    const error: unknown = await openWithMigrations("lifecycle-version", MIGRATIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/newer version of Matterline/);
    expect((error as Error).message).not.toMatch(/full/);
  });

  it("opens again when the browser ends the connection, and uses meanwhile wait for it", async () => {
    const open = indexedDB.open.bind(indexedDB);
    const seen = captureConnections();
    try {
      const db = await openWithMigrations("lifecycle-terminated", MIGRATIONS);
      await db.put("settings", "kept", "greeting");
      expect(seen).toHaveLength(1);
      seen[0].close();
      abnormalClose(seen[0]);
      expect(await db.get("settings", "greeting")).toBe("kept");
      expect(seen).toHaveLength(2);
      // Once reopened, transactions work on the new connection.
      expect(await db.transaction("settings").store.get("greeting")).toBe("kept");
      db.close();
    } finally {
      indexedDB.open = open;
    }
  });
});
