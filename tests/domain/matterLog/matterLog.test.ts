import { describe, expect, it } from "vitest";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import { MatterlineError } from "@domain/errors";
import { filingHistoryFromSnapshot } from "@domain/matterLog/recognitionHistory";
import { MemoryFilingHistoryStore, MemoryMatterLogStore, MemoryOutboxStore } from "@adapters/storage/memoryStores";
import { directory, message } from "./fixtures";

function setup() {
  const stores = { log: new MemoryMatterLogStore(), history: new MemoryFilingHistoryStore(), outbox: new MemoryOutboxStore() };
  const matterLog = new MatterLog({ ...stores, categoryFor: categoryResolver(directory), firmDomains: directory.firm.domains });
  return { ...stores, matterLog };
}

const t0 = new Date("2026-03-02T12:00:00.000Z");
const t1 = new Date("2026-03-02T13:00:00.000Z");

describe("MatterLog.log", () => {
  it("records the entry with snippet, direction, category and who/when", async () => {
    const { matterLog } = setup();
    const msg = message();
    const result = await matterLog.log({ message: msg, matterId: "m1", by: "pat@firm.test", now: t0, source: "manual" });
    expect(result.status).toBe("logged");
    expect(result.entry).toMatchObject({
      internetMessageId: msg.internetMessageId,
      direction: "inbound",
      matterId: "m1",
      category: "2025-0042 Harbour lease",
      loggedBy: "pat@firm.test",
      loggedAt: t0.toISOString(),
      snippet: "Hi Pat, Can you send the draft lease?",
      attachmentNames: ["plan.pdf"],
      timeEntry: null,
    });
  });

  it("is idempotent: logging twice leaves one entry, one audit record and one outbox operation", async () => {
    const { matterLog, outbox, history } = setup();
    const msg = message();
    await matterLog.log({ message: msg, matterId: "m1", by: "pat@firm.test", now: t0, source: "manual" });
    const again = await matterLog.log({ message: msg, matterId: "m1", by: "someone@firm.test", now: t1, source: "auto" });
    expect(again.status).toBe("unchanged");
    expect(again.entry.loggedBy).toBe("pat@firm.test");
    expect(await matterLog.entriesForMatter("m1")).toHaveLength(1);
    expect(await matterLog.auditFor(msg.internetMessageId!)).toHaveLength(1);
    // One mailbox mirror and one shared-record write, both from the first filing.
    const ops = await outbox.list();
    expect(ops.map((o) => o.kind).sort()).toEqual(["mirror", "record"]);
    expect(ops.every((o) => o.createdAt === t0.toISOString())).toBe(true);
    expect(await history.countsFor("ann@northwind.test")).toEqual({ m1: 1 });
  });

  it("re-filing keeps the audit trail, moves history counts and supersedes the pending mirror", async () => {
    const { matterLog, outbox, history } = setup();
    const msg = message();
    await matterLog.log({ message: msg, matterId: "m1", by: "pat@firm.test", now: t0, source: "manual" });
    const moved = await matterLog.log({ message: msg, matterId: "m2", by: "amy@firm.test", now: t1, source: "manual" });
    expect(moved.status).toBe("refiled");
    expect(await matterLog.auditFor(msg.internetMessageId!)).toEqual([
      {
        internetMessageId: msg.internetMessageId,
        at: t0.toISOString(),
        by: "pat@firm.test",
        action: "logged",
        fromMatterId: null,
        toMatterId: "m1",
      },
      {
        internetMessageId: msg.internetMessageId,
        at: t1.toISOString(),
        by: "amy@firm.test",
        action: "refiled",
        fromMatterId: "m1",
        toMatterId: "m2",
      },
    ]);
    expect(await matterLog.entriesForMatter("m1")).toEqual([]);
    expect(await history.countsFor("ann@northwind.test")).toEqual({ m2: 1 });
    expect(await history.countsFor("bob@northwind.test")).toEqual({ m2: 1 });
    // Colleagues are not correspondents.
    expect(await history.countsFor("pat@firm.test")).toEqual({});
    expect(await history.matterForConversation(msg.conversationId!)).toBe("m2");
    const ops = await outbox.list();
    const mirrors = ops.filter((o) => o.kind === "mirror");
    expect(mirrors).toHaveLength(1);
    expect(mirrors[0].payload).toMatchObject({ matterId: "m2", removeCategories: ["2025-0042 Harbour lease"] });
    expect(ops.filter((o) => o.kind === "record")).toHaveLength(1);
  });

  it("counts several filings per address", async () => {
    const { matterLog, history } = setup();
    for (let i = 0; i < 3; i += 1) await matterLog.log({ message: message(), matterId: "m1", by: "p", now: t0, source: "bulk" });
    await matterLog.log({ message: message(), matterId: "m2", by: "p", now: t0, source: "bulk" });
    expect(await history.countsFor("ann@northwind.test")).toEqual({ m1: 3, m2: 1 });
  });

  it("updates only the time entry when the same filing comes with new time, without touching the outbox", async () => {
    const { matterLog, outbox } = setup();
    const msg = message();
    await matterLog.log({ message: msg, matterId: "m1", by: "p", now: t0, source: "manual" });
    const r = await matterLog.log({
      message: msg,
      matterId: "m1",
      by: "p",
      now: t1,
      source: "manual",
      timeEntry: { tenths: 3, narrative: " Review lease " },
    });
    expect(r.status).toBe("updated");
    expect(r.entry.timeEntry).toEqual({ tenths: 3, narrative: "Review lease" });
    expect((await outbox.list())[0].createdAt).toBe(t0.toISOString());
    expect(await matterLog.auditFor(msg.internetMessageId!)).toHaveLength(1);
  });

  it("rejects bad time entries, unknown matters and messages without an internetMessageId", async () => {
    const { matterLog } = setup();
    await expect(
      matterLog.log({ message: message(), matterId: "m1", by: "p", now: t0, source: "manual", timeEntry: { tenths: 2.5, narrative: "" } }),
    ).rejects.toBeInstanceOf(MatterlineError);
    await expect(matterLog.log({ message: message(), matterId: "nope", by: "p", now: t0, source: "manual" })).rejects.toMatchObject({
      code: "invalid-input",
    });
    await expect(
      matterLog.log({ message: message({ internetMessageId: null }), matterId: "m1", by: "p", now: t0, source: "send" }),
    ).rejects.toMatchObject({ code: "invalid-input" });
  });

  it("derives direction: outbound to a client, internal among colleagues", async () => {
    const { matterLog } = setup();
    const out = await matterLog.log({
      message: message({ from: { email: "pat@firm.test" }, to: [{ email: "ann@northwind.test" }], cc: [] }),
      matterId: "m1",
      by: "p",
      now: t0,
      source: "send",
    });
    const internal = await matterLog.log({
      message: message({ from: { email: "pat@firm.test" }, to: [{ email: "amy@firm.test" }], cc: [] }),
      matterId: "m1",
      by: "p",
      now: t0,
      source: "manual",
    });
    expect(out.entry.direction).toBe("outbound");
    expect(internal.entry.direction).toBe("internal");
  });

  it("lists a matter's entries newest first", async () => {
    const { matterLog } = setup();
    const times = ["2026-03-01T10:00:00Z", "2026-03-03T10:00:00Z", "2026-03-02T10:00:00Z"];
    for (const t of times) await matterLog.log({ message: message({ receivedAt: t }), matterId: "m1", by: "p", now: t0, source: "manual" });
    expect((await matterLog.entriesForMatter("m1")).map((e) => e.receivedAt)).toEqual([times[1], times[2], times[0]]);
  });

  it("unlog removes the entry, records the audit, takes back history and forgets the thread", async () => {
    const { matterLog, history, outbox } = setup();
    const msg = message();
    await matterLog.log({ message: msg, matterId: "m1", by: "p", now: t0, source: "manual" });
    await matterLog.unlog({ internetMessageId: msg.internetMessageId!, by: "q", now: t1 });
    expect(await matterLog.entryFor(msg.internetMessageId!)).toBeNull();
    expect((await matterLog.auditFor(msg.internetMessageId!)).map((a) => a.action)).toEqual(["logged", "unlogged"]);
    expect(await history.countsFor("ann@northwind.test")).toEqual({});
    expect(await history.matterForConversation(msg.conversationId!)).toBeNull();
    const ops = await outbox.list();
    // The mailbox marks and the shared record's item both go, through the outbox.
    expect(ops.map((o) => o.kind).sort()).toEqual(["record", "unmirror"]);
  });
});

describe("filingHistoryFromSnapshot", () => {
  it("gives recognition what the log taught the history", async () => {
    const { matterLog, history } = setup();
    const msg = message();
    await matterLog.log({ message: msg, matterId: "m2", by: "p", now: t0, source: "manual" });
    const h = filingHistoryFromSnapshot(await history.snapshot());
    expect(h.byAddress.get("ann@northwind.test")?.get("m2")).toBe(1);
    expect(h.byConversation.get(msg.conversationId!)).toBe("m2");
  });
});
