import "fake-indexeddb/auto";
import { afterAll, describe, expect, it } from "vitest";
import type { FilingHistoryStore } from "@ports/filingHistoryStore";
import type { MatterLogStore } from "@ports/matterLogStore";
import type { OutboxStore } from "@ports/outboxStore";
import type { SettingsStore } from "@ports/settingsStore";
import type { LogEntry } from "@domain/matterLog/types";
import { newOperation } from "@domain/outbox/queue";
import { openMatterlineDb, type MatterlineDb } from "@adapters/storage/openDb";
import { idbStores } from "@adapters/storage/idbStores";
import { MemoryFilingHistoryStore, MemoryMatterLogStore, MemoryOutboxStore, MemorySettingsStore } from "@adapters/storage/memoryStores";

interface Stores {
  log: MatterLogStore;
  history: FilingHistoryStore;
  outbox: OutboxStore;
  settings: SettingsStore;
}

const opened: MatterlineDb[] = [];
let dbCounter = 0;

const factories: [string, () => Promise<Stores>][] = [
  [
    "memory",
    () =>
      Promise.resolve({
        log: new MemoryMatterLogStore(),
        history: new MemoryFilingHistoryStore(),
        outbox: new MemoryOutboxStore(),
        settings: new MemorySettingsStore(),
      }),
  ],
  [
    "indexeddb",
    async () => {
      dbCounter += 1;
      const db = await openMatterlineDb(`contract-${dbCounter}`);
      opened.push(db);
      return idbStores(db);
    },
  ],
];

afterAll(() => opened.forEach((db) => db.close()));

function entry(id: string, matterId: string, conversationId: string | null = null): LogEntry {
  return {
    internetMessageId: id,
    conversationId,
    direction: "inbound",
    from: { email: "a@client.test" },
    to: [],
    cc: [],
    subject: "s",
    sentAt: null,
    receivedAt: null,
    snippet: "",
    attachmentNames: [],
    matterId,
    category: "cat",
    loggedBy: "p",
    loggedAt: "2026-01-01T00:00:00.000Z",
    source: "manual",
    timeEntry: null,
    mailbox: null,
    graphId: null,
  };
}

const at = (iso: string) => new Date(iso);

describe.each(factories)("store contract: %s", (_name, make) => {
  it("matter log: put, move, remove, with the audit trail in write order", async () => {
    const { log } = await make();
    const audit = (action: "logged" | "refiled" | "unlogged", from: string | null, to: string | null, t: string) => ({
      internetMessageId: "<x>",
      at: t,
      by: "p",
      action,
      fromMatterId: from,
      toMatterId: to,
    });
    await log.commit({ put: entry("<x>", "m1", "conv"), audit: audit("logged", null, "m1", "2026-01-01T00:00:00.000Z") });
    await log.commit({
      put: entry("<y>", "m1"),
      audit: { ...audit("logged", null, "m1", "2026-01-01T00:00:00.000Z"), internetMessageId: "<y>" },
    });
    await log.commit({ put: entry("<x>", "m2", "conv"), audit: audit("refiled", "m1", "m2", "2026-01-02T00:00:00.000Z") });
    expect((await log.listByMatter("m1")).map((e) => e.internetMessageId)).toEqual(["<y>"]);
    expect((await log.get("<x>"))?.matterId).toBe("m2");
    await log.commit({ remove: "<x>", audit: audit("unlogged", "m2", null, "2026-01-03T00:00:00.000Z") });
    expect(await log.get("<x>")).toBeNull();
    expect((await log.auditFor("<x>")).map((a) => a.action)).toEqual(["logged", "refiled", "unlogged"]);
    expect(await log.auditFor("<x>")).toContainEqual(audit("refiled", "m1", "m2", "2026-01-02T00:00:00.000Z"));
  });

  it("matter log: the newest entries of a matter, newest first by received, else sent, else logged time, and its count", async () => {
    const { log } = await make();
    const timed = (id: string, matterId: string, t: { receivedAt?: string; sentAt?: string; loggedAt?: string }) => ({
      ...entry(id, matterId),
      receivedAt: t.receivedAt ?? null,
      sentAt: t.sentAt ?? null,
      loggedAt: t.loggedAt ?? "2020-01-01T00:00:00.000Z",
    });
    const entries = [
      timed("<a>", "m1", { receivedAt: "2026-03-01T10:00:00.000Z", sentAt: "2026-03-09T00:00:00.000Z" }),
      timed("<b>", "m1", { sentAt: "2026-03-05T10:00:00.000Z" }),
      timed("<c>", "m1", { loggedAt: "2026-03-03T10:00:00.000Z" }),
      // Two at the same time: the greater id first, as an index walked backwards gives them.
      timed("<d1>", "m1", { receivedAt: "2026-03-04T10:00:00.000Z" }),
      timed("<d2>", "m1", { receivedAt: "2026-03-04T10:00:00.000Z" }),
      timed("<z>", "m2", { receivedAt: "2026-03-10T10:00:00.000Z" }),
    ];
    for (const e of entries) await log.commit({ put: e });
    expect((await log.newestByMatter("m1", 10)).map((e) => e.internetMessageId)).toEqual(["<b>", "<d2>", "<d1>", "<c>", "<a>"]);
    expect((await log.newestByMatter("m1", 2)).map((e) => e.internetMessageId)).toEqual(["<b>", "<d2>"]);
    expect(await log.newestByMatter("m1", 0)).toEqual([]);
    expect(await log.newestByMatter("nothing", 5)).toEqual([]);
    expect(await log.countByMatter("m1")).toBe(5);
    expect(await log.countByMatter("nothing")).toBe(0);
    // Read back exactly as written: the store's own fields stay in the store.
    expect(await log.newestByMatter("m2", 1)).toEqual([entries[5]]);
    expect(await log.get("<a>")).toEqual(entries[0]);
    expect((await log.listByMatter("m1")).find((e) => e.internetMessageId === "<c>")).toEqual(entries[2]);
    // A move to another matter takes the entry off the first matter's newest.
    await log.commit({ put: { ...entries[1], matterId: "m2" } });
    expect((await log.newestByMatter("m1", 1)).map((e) => e.internetMessageId)).toEqual(["<d2>"]);
    expect(await log.countByMatter("m2")).toBe(2);
  });

  it("filing history: increments, drops zero counts, maps and forgets conversations", async () => {
    const { history } = await make();
    await history.apply({
      counts: [
        { address: "A@client.test", matterId: "m1", delta: 1 },
        { address: "a@client.test", matterId: "m1", delta: 1 },
        { address: "a@client.test", matterId: "m2", delta: 1 },
      ],
      conversations: [{ conversationId: "c1", matterId: "m1" }],
    });
    expect(await history.countsFor("a@client.test")).toEqual({ m1: 2, m2: 1 });
    await history.apply({ counts: [{ address: "a@client.test", matterId: "m2", delta: -1 }], conversations: [] });
    expect(await history.snapshot()).toEqual({ addresses: { "a@client.test": { m1: 2 } }, conversations: { c1: "m1" } });
    await history.apply({
      counts: [{ address: "a@client.test", matterId: "m1", delta: -2 }],
      conversations: [{ conversationId: "c1", matterId: null }],
    });
    expect(await history.snapshot()).toEqual({ addresses: {}, conversations: {} });
    expect(await history.matterForConversation("c1")).toBeNull();
  });

  it("outbox: due order and limit, kinds filter, group supersede, guarded settle", async () => {
    const { outbox } = await make();
    await outbox.enqueue(newOperation({ key: "k2", kind: "mirror", group: "g2", payload: {}, now: at("2026-01-01T00:00:02.000Z") }));
    await outbox.enqueue(newOperation({ key: "k1", kind: "mirror", group: "g1", payload: {}, now: at("2026-01-01T00:00:01.000Z") }));
    await outbox.enqueue(newOperation({ key: "e1", kind: "event", payload: {}, now: at("2026-01-01T00:00:00.000Z") }));
    await outbox.enqueue(newOperation({ key: "late", kind: "mirror", payload: {}, now: at("2026-01-05T00:00:00.000Z") }));
    const due = await outbox.due("2026-01-02T00:00:00.000Z", 10, ["mirror"]);
    expect(due.map((o) => o.key)).toEqual(["k1", "k2"]);
    expect((await outbox.due("2026-01-02T00:00:00.000Z", 1, ["mirror", "event"])).map((o) => o.key)).toEqual(["e1"]);

    // Same group: the newer operation supersedes the older one.
    await outbox.enqueue(newOperation({ key: "k1b", kind: "mirror", group: "g1", payload: {}, now: at("2026-01-01T00:00:03.000Z") }));
    expect((await outbox.list()).map((o) => o.key).sort()).toEqual(["e1", "k1b", "k2", "late"]);

    // Settling k1 (gone) does not bring it back; a stale createdAt does not remove a re-enqueued op.
    const k1 = due[0];
    await outbox.settle({ remove: [{ key: "k2", createdAt: "1999-01-01T00:00:00.000Z" }], update: [{ ...k1, attempts: 1 }] });
    expect((await outbox.list()).map((o) => o.key).sort()).toEqual(["e1", "k1b", "k2", "late"]);
    await outbox.settle({
      remove: [{ key: "k2", createdAt: due[1].createdAt }],
      update: [{ ...(await outbox.list()).find((o) => o.key === "e1")!, status: "failed", nextAttemptAt: null }],
    });
    expect((await outbox.list()).map((o) => o.key).sort()).toEqual(["e1", "k1b", "late"]);
    expect(await outbox.due("2030-01-01T00:00:00.000Z", 10, ["mirror", "event"])).toHaveLength(2);
  });

  it("settings: round-trip, remove, and refuse tokens", async () => {
    const { settings } = await make();
    await settings.set("autoLog", { enabled: true, threshold: 0.9 });
    expect(await settings.get("autoLog")).toEqual({ enabled: true, threshold: 0.9 });
    await settings.remove("autoLog");
    expect(await settings.get("autoLog")).toBeUndefined();
    await expect(settings.set("accessToken", "x")).rejects.toMatchObject({ code: "invalid-input" });
    await expect(settings.set("graph", { cached: "eyJhbGciOi.eyJzdWIiOiIx.c2ln" })).rejects.toMatchObject({ code: "invalid-input" });
  });
});
