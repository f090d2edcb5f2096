import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { DB_NAME, dbNameFor, openAccountDb, openMatterlineDb } from "@adapters/storage/openDb";
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
});
