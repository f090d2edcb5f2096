import { describe, expect, it } from "vitest";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import {
  categoryHintOf,
  createPaneRecognizer,
  matterOfMark,
  recognizeForPane,
  type MailboxMarks,
} from "@domain/recognition/paneRecognition";
import { loggedMatterOf } from "@domain/recognition/emailMatter";
import type { FilingHistoryStore } from "@ports/filingHistoryStore";
import { MemoryFilingHistoryStore, MemoryMatterLogStore, MemoryOutboxStore } from "@adapters/storage/memoryStores";
import { directory, message } from "../matterLog/fixtures";
import { testDirectory } from "../directory/fixtures";

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

  it("asks whether the writer wants new work, and goes on without it when that reading fails", async () => {
    const { history, reader } = setup();
    const studio = buildDirectoryIndex(testDirectory());
    const newWork = message({
      from: { name: "Mae", email: "mae@coralline.test" },
      to: [{ email: "ruth@ashbyquill.test" }],
      cc: [],
      subject: "Pier 4 studio lease, and something new",
      bodyText: "Hi Ruth,\nSeparate from the Pier 4 studio lease: we are buying a second studio. Can you act for us?\nMae",
    });
    const deps = { index: studio, me: ["ruth@ashbyquill.test"], history, log: reader };
    const asked: [string, boolean][] = [];
    const plain = await recognizeForPane(newWork, deps);
    expect(plain.recognition.matterId).toBe("x6");
    const read = await recognizeForPane(newWork, {
      ...deps,
      newWork: (m, fromFirm) => (asked.push([m.subject, fromFirm]), Promise.resolve(true)),
    });
    expect(asked).toEqual([[newWork.subject, false]]);
    expect(read.recognition).toMatchObject({ matterId: null, clientId: "k3", abstained: true });
    const failing = await recognizeForPane(newWork, { ...deps, newWork: () => Promise.reject(new Error("chunk failed to load")) });
    expect(failing.recognition).toEqual(plain.recognition);

    // The firm's answer is asked whether it answers new work, and kept off the open matter when it does.
    const answer = message({
      from: { name: "Ruth", email: "ruth@ashbyquill.test" },
      to: [{ email: "mae@coralline.test" }],
      cc: [],
      subject: "RE: Pier 4 studio lease, and something new",
      bodyText: "Mae,\nHappy to act on the second studio; I will open a new file.\nRuth",
    });
    const answered = await recognizeForPane(answer, {
      ...deps,
      newWork: (m, fromFirm) => (asked.push([m.subject, fromFirm]), Promise.resolve(true)),
    });
    expect(asked.at(-1)).toEqual([answer.subject, true]);
    expect(answered.recognition).toMatchObject({ matterId: null, clientId: "k3", abstained: true });
    expect(answered.recognition.reasons.join("\n")).toMatch(/answers a request for new work/);
    expect((await recognizeForPane(answer, { ...deps, newWork: () => Promise.resolve(false) })).recognition.matterId).toBe("x6");
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

  it("reads a colleague's mark from the mailbox thread: our MatterId property", async () => {
    const { history, reader } = setup();
    const msg = ambiguous();
    const byProperty: MailboxMarks = {
      markOf: () => Promise.resolve(null),
      threadMarks: () => Promise.resolve([{ internetMessageId: "<other@x>", matterId: "m2", categories: [] }]),
    };
    const r = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, mailbox: byProperty });
    expect(r.mailbox.status).toBe("read");
    expect(r.mailbox.threadMatterIds).toEqual(["m2"]);
    expect(r.recognition.matterId).toBe("m2");
    expect(r.recognition.abstained).toBe(false);
  });

  it("a matter category is no proof of filing, on the thread or on the message: at most a hint", async () => {
    const { history, reader } = setup();
    const msg = ambiguous();
    const category = "2025-0043 Employment dispute with former";
    const byCategory: MailboxMarks = {
      // Anyone with access can set a category, and inbound mail can arrive with one already set.
      markOf: () => Promise.resolve({ graphId: "G1", matterId: null, categories: [category] }),
      threadMarks: () => Promise.resolve([{ internetMessageId: "<other@x>", matterId: null, categories: [category] }]),
    };
    const r = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, mailbox: byCategory });
    expect(r.mailbox.status).toBe("read");
    expect(r.mailbox.threadMatterIds).toEqual([]);
    expect(r.mailbox.selfMatterId).toBeNull();
    expect(r.mailbox.categoryHint).toBe("m2");
    expect(loggedMatterOf(r)).toBeNull();
    expect(r.recognition.abstained).toBe(true);
    expect(matterOfMark(index, { matterId: null, categories: [category] })).toBeNull();
    // With our property saying the same matter, the category adds nothing to show.
    expect(categoryHintOf(index, { matterId: "m2", categories: [category] })).toBeNull();
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
    const op = (await outbox.list()).find((o) => o.kind === "mirror")!;
    await outbox.settle({ remove: [{ key: op.key, createdAt: op.createdAt }], update: [] });
    await matterLog.recordMirrored({ done: [op], graphIds: {} }, t0);
    const after = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, outbox });
    expect(after.logged?.mirror).toBe("mirrored");
    expect(after.logged?.entry.mailboxMark).toEqual({ matterId: "m2", at: t0.toISOString() });
  });

  it("never says 'in the mailbox' from an empty queue alone: a crash between the log write and the enqueue is unconfirmed", async () => {
    const { history, reader, matterLog, outbox } = setup();
    const msg = ambiguous();
    await matterLog.log({ message: msg, matterId: "m1", by: "pat@firm.test", now: t0, source: "manual" });
    // The mirror operation is lost (as if the pane died before it was queued): nothing waits, nothing was confirmed.
    for (const o of await outbox.list()) await outbox.settle({ remove: [{ key: o.key, createdAt: o.createdAt }], update: [] });
    const lost = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, outbox });
    expect(lost.logged?.mirror).toBe("unconfirmed");
    // The mailbox itself carrying our MatterId property for that matter is evidence too (a mirror from another device).
    const marks: MailboxMarks = {
      markOf: () => Promise.resolve({ matterId: "m1", categories: [], graphId: "g1" }),
      threadMarks: () => Promise.resolve([]),
    };
    const read = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, outbox, mailbox: marks });
    expect(read.logged?.mirror).toBe("mirrored");
    // A mark for another matter (the email was re-filed since) is not.
    const stale: MailboxMarks = { ...marks, markOf: () => Promise.resolve({ matterId: "m2", categories: [], graphId: "g1" }) };
    const other = await recognizeForPane(msg, { index, me: ["pat@firm.test"], history, log: reader, outbox, mailbox: stale });
    expect(other.logged?.mirror).toBe("unconfirmed");
  });

  it("maps marks to matters by our property only, unknown ids ignored; categories are hints", () => {
    expect(matterOfMark(index, { matterId: "m3", categories: ["2025-0042 Harbour lease"] })).toBe("m3");
    expect(categoryHintOf(index, { matterId: "m3", categories: ["2025-0042 Harbour lease"] })).toBe("m1");
    expect(matterOfMark(index, { matterId: "nope", categories: ["2025-0042 harbour lease"] })).toBeNull();
    expect(categoryHintOf(index, { matterId: "nope", categories: ["2025-0042 harbour lease"] })).toBe("m1");
    expect(matterOfMark(index, { matterId: null, categories: ["Red"] })).toBeNull();
    expect(categoryHintOf(index, { matterId: null, categories: ["Red"] })).toBeNull();
  });
});

describe("createPaneRecognizer: recognition configured once for every feature", () => {
  /** Marks that count their reads and say the message is logged to m2. */
  function countingMarks() {
    const reads = { self: 0, thread: 0 };
    const marks: MailboxMarks = {
      markOf: () => {
        reads.self += 1;
        return Promise.resolve({ graphId: "G", matterId: "m2", categories: [] });
      },
      threadMarks: () => {
        reads.thread += 1;
        return Promise.resolve([]);
      },
    };
    return { reads, marks };
  }

  it("reads the mailbox once per message for every feature that asks, and again once the read is old", async () => {
    const { history, reader } = setup();
    const { reads, marks } = countingMarks();
    let now = t0;
    const recognizer = createPaneRecognizer({
      directory: () => Promise.resolve({ directory, index, importedAt: "x" }),
      me: ["pat@firm.test"],
      history,
      log: reader,
      mailbox: marks,
      now: () => now,
      mailboxReuseMs: 60_000,
    });
    const msg = ambiguous();
    // Filing, replies and follow-ups ask about the same email at once: one read, the same answer.
    const answers = await Promise.all([recognizer.recognize(msg), recognizer.recognize(msg), recognizer.recognize(msg)]);
    expect(reads).toEqual({ self: 1, thread: 1 });
    expect(answers.map((a) => [a.mailbox.selfMatterId, a.recognition.matterId])).toEqual([
      ["m2", "m2"],
      ["m2", "m2"],
      ["m2", "m2"],
    ]);
    // The provisional first paint leaves the mailbox out.
    expect((await recognizer.recognize(msg, { useMailbox: false })).mailbox.status).toBe("skipped");
    now = new Date(t0.getTime() + 61_000);
    await recognizer.recognize(msg);
    expect(reads).toEqual({ self: 2, thread: 2 });
    // Another email is read on its own.
    await recognizer.recognize(ambiguous());
    expect(reads).toEqual({ self: 3, thread: 3 });
  });

  it("recognizes a batch from one history read and the marks in hand; only a matter category is checked in the mailbox", async () => {
    const { history, reader } = setup();
    let snapshots = 0;
    const counted: FilingHistoryStore = {
      countsFor: (a) => history.countsFor(a),
      matterForConversation: (c) => history.matterForConversation(c),
      apply: (d) => history.apply(d),
      snapshot: () => {
        snapshots += 1;
        return history.snapshot();
      },
    };
    const { reads, marks } = countingMarks();
    const recognizer = createPaneRecognizer({
      directory: () => Promise.resolve({ directory, index, importedAt: "x" }),
      me: ["pat@firm.test"],
      history: counted,
      log: reader,
      mailbox: marks,
      now: () => t0,
    });
    const inHand = [ambiguous(), ambiguous(), ambiguous()];
    const withMark = { ...inHand[1], categories: ["2025-0043 Employment dispute with former"] };
    inHand[1] = withMark;
    const recognize = await recognizer.forBatch(() => inHand);
    const results = await Promise.all(inHand.map((m) => recognize(m)));
    expect(snapshots).toBe(1);
    // The category is no proof: the mailbox is asked for that one message, and our property (m2 here) confirms it.
    expect(reads).toEqual({ self: 1, thread: 1 });
    expect(results.map((r) => r.mailbox.selfMatterId)).toEqual([null, "m2", null]);
    expect(results.map((r) => r.mailbox.categoryHint)).toEqual([null, null, null]);
  });

  it("says plainly that the firm directory must be imported first", async () => {
    const { history, reader } = setup();
    const recognizer = createPaneRecognizer({ directory: () => Promise.resolve(null), me: [], history, log: reader, now: () => t0 });
    await expect(recognizer.recognize(ambiguous())).rejects.toMatchObject({ code: "no-directory" });
    await expect(recognizer.forBatch(() => [])).rejects.toMatchObject({ code: "no-directory" });
  });
});
