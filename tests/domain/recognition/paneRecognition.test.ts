import { describe, expect, it } from "vitest";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import { matterOfMark, recognizeForPane, type MailboxMarks } from "@domain/recognition/paneRecognition";
import { MemoryFilingHistoryStore, MemoryMatterLogStore, MemoryOutboxStore } from "@adapters/storage/memoryStores";
import { directory, message } from "../matterLog/fixtures";

const index = buildDirectoryIndex(directory);
const t0 = new Date("2026-03-02T12:00:00.000Z");

function setup() {
  const log = new MemoryMatterLogStore();
  const history = new MemoryFilingHistoryStore();
  const outbox = new MemoryOutboxStore();
  const matterLog = new MatterLog({ log, history, outbox, categoryFor: categoryResolver(directory), firmDomains: directory.firm.domains });
  const reader = {
    get: (id: string) => log.get(id),
    auditFor: (id: string) => log.auditFor(id),
    async listByConversation(conversationId: string) {
      const all = [...(await log.listByMatter("m1")), ...(await log.listByMatter("m2")), ...(await log.listByMatter("m3"))];
      return all.filter((e) => e.conversationId === conversationId);
    },
  };
  return { log, history, outbox, matterLog, reader };
}

/** A client with two open matters and nothing that tells them apart: recognition must ask. */
const ambiguous = () => message({ subject: "Quick question", bodyText: "Hi Pat,\nCould you call me tomorrow?\n" });

describe("recognizeForPane", () => {
  it("abstains on a two-matter client without other evidence", async () => {
    const { history, reader } = setup();
    const r = await recognizeForPane(ambiguous(), { index, me: ["pat@firm.test"], history, log: reader });
    expect(r.recognition.abstained).toBe(true);
    expect(r.recognition.clientId).toBe("c1");
    expect(r.mailbox.status).toBe("skipped");
    expect(r.logged).toBeNull();
  });

  it("uses a thread message in the local log", async () => {
    const { history, reader, matterLog } = setup();
    const first = ambiguous();
    await matterLog.log({ message: first, matterId: "m2", by: "pat@firm.test", now: t0, source: "manual" });
    const second = ambiguous();
    const r = await recognizeForPane(
      { ...second, conversationId: first.conversationId },
      { index, me: ["pat@firm.test"], history, log: reader },
    );
    expect(r.localThreadMatterIds).toEqual(["m2"]);
    expect(r.recognition.matterId).toBe("m2");
    expect(r.recognition.reasons.join(" ")).toContain("same thread");
  });

  it("reads a colleague's mark from the mailbox thread (property or category)", async () => {
    const { history, reader } = setup();
    const msg = ambiguous();
    const byCategory: MailboxMarks = {
      markOf: () => Promise.resolve(null),
      threadMarks: () =>
        Promise.resolve([{ internetMessageId: "<other@x>", matterId: null, categories: ["2025-0043 Employment dispute with former"] }]),
    };
    const r = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, mailbox: byCategory });
    expect(r.mailbox.status).toBe("read");
    expect(r.mailbox.threadMatterIds).toEqual(["m2"]);
    expect(r.recognition.matterId).toBe("m2");
    expect(r.recognition.abstained).toBe(false);
  });

  it("reads the message's own MatterId property and Graph id", async () => {
    const { history, reader } = setup();
    const msg = ambiguous();
    const marks: MailboxMarks = {
      markOf: () => Promise.resolve({ graphId: "G1", matterId: "m1", categories: [] }),
      threadMarks: () => Promise.resolve([]),
    };
    const r = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, mailbox: marks });
    expect(r.mailbox.selfMatterId).toBe("m1");
    expect(r.mailbox.graphId).toBe("G1");
    expect(r.recognition.matterId).toBe("m1");
  });

  it("ignores the message's own row among thread marks", async () => {
    const { history, reader } = setup();
    const msg = ambiguous();
    const marks: MailboxMarks = {
      markOf: () => Promise.resolve(null),
      threadMarks: () => Promise.resolve([{ internetMessageId: msg.internetMessageId, matterId: "m1", categories: [] }]),
    };
    const r = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, mailbox: marks });
    expect(r.mailbox.threadMatterIds).toEqual([]);
  });

  it("a failing mailbox read does not block local recognition", async () => {
    const { history, reader } = setup();
    const failing: MailboxMarks = {
      markOf: () => Promise.reject(new Error("offline")),
      threadMarks: () => Promise.reject(new Error("offline")),
    };
    const msg = message({ subject: "2025-0042 lease" });
    const r = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, mailbox: failing });
    expect(r.mailbox.status).toBe("unavailable");
    expect(r.mailbox.error).toBe("offline");
    expect(r.recognition.matterId).toBe("m1");
  });

  it("skips the mailbox when asked (fast first paint)", async () => {
    const { history, reader } = setup();
    let calls = 0;
    const marks: MailboxMarks = {
      markOf: () => {
        calls += 1;
        return Promise.resolve(null);
      },
      threadMarks: () => {
        calls += 1;
        return Promise.resolve([]);
      },
    };
    await recognizeForPane(ambiguous(), { index, me: ["pat@firm.test"], history, log: reader, mailbox: marks, useMailbox: false });
    expect(calls).toBe(0);
  });

  it("reports the logged entry with audit trail and mirror state", async () => {
    const { history, reader, matterLog, outbox } = setup();
    const msg = ambiguous();
    await matterLog.log({ message: msg, matterId: "m1", by: "pat@firm.test", now: t0, source: "manual" });
    await matterLog.log({ message: msg, matterId: "m2", by: "pat@firm.test", now: t0, source: "manual" });
    const r = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, outbox });
    expect(r.logged?.entry.matterId).toBe("m2");
    expect(r.logged?.audit.map((a) => a.action)).toEqual(["logged", "refiled"]);
    expect(r.logged?.mirror).toBe("waiting");
    const [op] = await outbox.list();
    await outbox.settle({ remove: [{ key: op.key, createdAt: op.createdAt }], update: [] });
    const after = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, outbox });
    expect(after.logged?.mirror).toBe("mirrored");
  });

  it("maps marks to matters: property first, unknown ids ignored", () => {
    expect(matterOfMark(index, { matterId: "m3", categories: ["2025-0042 Harbour lease"] })).toBe("m3");
    expect(matterOfMark(index, { matterId: "nope", categories: ["2025-0042 harbour lease"] })).toBe("m1");
    expect(matterOfMark(index, { matterId: null, categories: ["Red"] })).toBeNull();
  });
});
