import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { DB_NAME, MIGRATIONS, dbNameFor, openAccountDb, openMatterlineDb, openWithMigrations } from "@adapters/storage/openDb";
import type { IDBPDatabase } from "idb";
import { idbStores } from "@adapters/storage/idbStores";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import type { AuditRecord } from "@domain/matterLog/types";
import { directory, message } from "../../domain/matterLog/fixtures";

describe("the local copy of the shared record in IndexedDB", () => {
  it("applies entries, audit records (each once), shadows and filing history in one change", async () => {
    const db = await openMatterlineDb("local-record");
    const { record, log, history } = idbStores(db);
    const msg = message();
    const imid = msg.internetMessageId!;
    const entry = {
      internetMessageId: imid,
      conversationId: "conv-1",
      direction: "inbound" as const,
      from: { email: "ann@northwind.test" },
      to: [],
      cc: [],
      subject: "S",
      sentAt: null,
      receivedAt: "2026-03-02T12:00:00.000Z",
      snippet: "",
      attachmentNames: [],
      matterId: "m1",
      category: "2025-0042 Harbour lease",
      loggedBy: "pat@firm.test",
      loggedAt: "2026-03-02T12:00:00.000Z",
      source: "manual" as const,
      timeEntry: null,
    };
    const audit: AuditRecord = {
      internetMessageId: imid,
      at: "2026-03-02T12:00:00.000Z",
      by: "pat@firm.test",
      action: "logged",
      fromMatterId: null,
      toMatterId: "m1",
    };
    const change = {
      putEntries: [{ ...entry, mailbox: null, graphId: null }],
      audits: [audit, audit],
      putShadows: [{ itemId: "1", eTag: '"{A},1"', entry, audit: [audit], file: null }],
      history: {
        counts: [{ address: "ann@northwind.test", matterId: "m1", delta: 1 }],
        conversations: [{ conversationId: "conv-1", matterId: "m1" }],
      },
    };
    await record.apply(change);
    await record.apply({ audits: [audit] });
    expect(await log.get(imid)).toMatchObject({ matterId: "m1" });
    expect(await log.auditFor(imid)).toHaveLength(1);
    expect(await record.shadow(imid)).toMatchObject({ itemId: "1" });
    expect(await history.countsFor("ann@northwind.test")).toEqual({ m1: 1 });
    expect(await record.unsyncedEntries()).toEqual([]);
    await record.apply({
      removeEntries: [imid],
      removeShadows: [imid],
      history: { counts: [{ address: "ann@northwind.test", matterId: "m1", delta: -1 }], conversations: [] },
    });
    expect(await log.get(imid)).toBeNull();
    expect(await record.shadows()).toEqual([]);
    expect(await history.countsFor("ann@northwind.test")).toEqual({});
    db.close();
  });

  it("each account has its own database; the first opened adopts what an earlier version kept in the shared one, once", async () => {
    const legacy = await openMatterlineDb(DB_NAME);
    const stores = idbStores(legacy);
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
    await stores.settings.set("filing.settings", { autoLog: true });
    legacy.close();

    expect(dbNameFor(" Pat@Firm.test ")).toBe("matterline:pat@firm.test");
    const pat = await openAccountDb("pat@firm.test");
    const mine = idbStores(pat);
    expect((await mine.log.get(msg.internetMessageId!))?.timeEntry).toEqual({ tenths: 2, narrative: "Read" });
    expect(await mine.log.auditFor(msg.internetMessageId!)).toHaveLength(1);
    expect(await mine.settings.get("filing.settings")).toEqual({ autoLog: true });
    expect(await mine.record.unsyncedEntries()).toHaveLength(1);
    pat.close();

    // The old database is gone, so another account starts empty.
    const amy = await openAccountDb("amy@firm.test");
    expect(await idbStores(amy).log.get(msg.internetMessageId!)).toBeNull();
    amy.close();
  });

  it("an earlier version's database of the first schema is upgraded as it is adopted: its clock decisions and queued marks keep", async () => {
    // A pane of the first release (schema version 1): a "no reply needed" kept under its first store name, and its
    // mailbox share still waiting in the outbox under its first kind.
    const old = (await openWithMigrations(DB_NAME, MIGRATIONS.slice(0, 1))) as unknown as IDBPDatabase;
    const decision = {
      internetMessageId: "<q@client.example>",
      kind: "no-reply-needed",
      reason: "Answered by phone",
      by: "ann@firm.example",
      at: "2025-08-26T15:00:00.000Z",
      until: null,
      shared: true,
    };
    await old.put("clockNotes", decision);
    await old.put("outbox", {
      key: "clock-mark|me|<q@client.example>",
      kind: "clock-mark",
      group: null,
      payload: { mailbox: null, graphId: "g-q", internetMessageId: "<q@client.example>", noReplyNeeded: true },
      attempts: 1,
      nextAttemptAt: "2025-08-26T15:05:00.000Z",
      lastError: "offline",
      createdAt: "2025-08-26T15:00:00.000Z",
      status: "pending",
    });
    old.close();

    const ann = await openAccountDb("ann@firm.example");
    const stores = idbStores(ann);
    expect(await stores.clockDecisions.all()).toEqual([decision]);
    expect((await stores.outbox.list()).map((op) => op.kind)).toEqual(["no-reply-decision"]);
    expect(ann.version).toBe(MIGRATIONS.length);
    ann.close();
  });
});
