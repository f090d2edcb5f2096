import { describe, expect, it } from "vitest";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import type { MailMessage } from "@domain/model/mail";
import type { MessageWindow } from "@ports/messageReader";
import { buildTimeline, loadUntaggedQueue, logBulk, prepareBulk, bulkSummary } from "@features/matters/service";
import { directory, mail, setup } from "./fixtures";

const index = buildDirectoryIndex(directory);
const NOW = new Date("2026-03-05T12:00:00Z");
const rosa = { name: "Rosa Quill", email: "rosa@quill.test" };
const ivy = { name: "Ivy Marlow", email: "ivy@marlow.test" };

describe("matter timeline", () => {
  it("lists newest first with the response time of each client message", async () => {
    const { log } = await setup();
    const ask = mail({
      conversationId: "t1",
      subject: "Warehouse lease 2026-0101",
      receivedAt: "2026-03-02T09:00:00.000Z",
      sentAt: "2026-03-02T09:00:00.000Z",
    });
    const ack = mail({
      conversationId: "t1",
      from: rosa,
      to: [ivy],
      subject: "RE: Warehouse lease",
      sentAt: "2026-03-02T14:30:00.000Z",
      receivedAt: "2026-03-02T14:30:00.000Z",
    });
    const later = mail({
      conversationId: "t1",
      from: rosa,
      to: [ivy],
      subject: "RE: again",
      sentAt: "2026-03-02T16:00:00.000Z",
      receivedAt: "2026-03-02T16:00:00.000Z",
    });
    const slow = mail({ conversationId: "t2", subject: "Rent review 2026-0101", receivedAt: "2026-03-03T08:00:00.000Z" });
    const slowReply = mail({
      conversationId: "t2",
      from: rosa,
      to: [ivy],
      sentAt: "2026-03-04T12:00:00.000Z",
      receivedAt: "2026-03-04T12:00:00.000Z",
    });
    const open = mail({ conversationId: "t3", subject: "Keys 2026-0101", receivedAt: "2026-03-05T06:00:00.000Z" });
    // A reply in another conversation never answers t3.
    const elsewhere = mail({
      conversationId: "t9",
      from: rosa,
      to: [ivy],
      sentAt: "2026-03-05T07:00:00.000Z",
      receivedAt: "2026-03-05T07:00:00.000Z",
    });
    const otherSide = mail({
      conversationId: "t4",
      from: { email: "kim@rival.test" },
      subject: "Without prejudice",
      receivedAt: "2026-03-01T08:00:00.000Z",
    });
    const otherClient = mail({
      conversationId: "t5",
      from: { email: "ben.oak@mail.test" },
      subject: "cc'd",
      receivedAt: "2026-03-01T07:00:00.000Z",
    });
    const personal = mail({
      conversationId: "t6",
      from: { email: "ivy.home@mail.test" },
      subject: "From home",
      receivedAt: "2026-03-01T06:00:00.000Z",
    });
    for (const m of [ask, ack, later, slow, slowReply, open, elsewhere, otherSide, otherClient, personal])
      await log.log({ message: m, matterId: "x1", by: "rosa@quill.test", now: NOW, source: "manual" });

    const t = buildTimeline(await log.entriesForMatter("x1"), {
      index,
      matter: directory.matters[0],
      settings: { slaHours: 4, businessDays: false },
      now: NOW,
    });
    expect(t.map((i) => i.entry.internetMessageId)).toEqual(
      [elsewhere, open, slowReply, slow, later, ack, ask, otherSide, otherClient, personal].map((m) => m.internetMessageId),
    );
    const byId = new Map(t.map((i) => [i.entry.internetMessageId, i]));
    expect(byId.get(ask.internetMessageId!)?.response).toMatchObject({
      kind: "answered",
      minutes: 330,
      late: false,
      repliedAt: "2026-03-02T14:30:00.000Z",
      text: "Answered in 5 h",
    });
    expect(byId.get(slow.internetMessageId!)?.response).toMatchObject({ kind: "answered", minutes: 28 * 60, late: true });
    // The matter's own 24 h wins over the user's 4 h.
    expect(byId.get(open.internetMessageId!)?.response).toMatchObject({
      kind: "waiting",
      state: "waiting",
      minutes: 360,
      late: false,
      slaHours: 24,
      dueAt: "2026-03-06T06:00:00.000Z",
    });
    expect(byId.get(ack.internetMessageId!)?.response).toBeNull();
    expect(byId.get(ack.internetMessageId!)?.who).toBe("Ivy Marlow <ivy@marlow.test>");
    expect(byId.get(ask.internetMessageId!)?.fromClient).toBe(true);
    expect(byId.get(otherSide.internetMessageId!)?.fromClient).toBe(false);
    expect(byId.get(otherClient.internetMessageId!)?.fromClient).toBe(false);
    expect(byId.get(personal.internetMessageId!)?.response?.kind).toBe("waiting");
  });

  it("opened on its newest entries, each is timed as in the whole matter's timeline", async () => {
    // Eight threads of client questions and the firm's replies (from either colleague, some late, some never), with
    // times drawn by a fixed generator, some of them equal: every newest-first slice must time its entries exactly as
    // the whole timeline does, since a reply is always newer than what it answers.
    const { log } = await setup();
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const start = Date.parse("2026-02-20T08:00:00.000Z");
    const tom = { name: "Tom Ash", email: "tom@quill.test" };
    for (let i = 0; i < 48; i++) {
      const conversationId = `thread-${i % 8}`;
      const at = new Date(start + Math.floor(next() * 40) * 3 * 3_600_000).toISOString();
      const fromFirm = next() < 0.45;
      const m = fromFirm
        ? mail({ conversationId, from: next() < 0.5 ? rosa : tom, to: [ivy], sentAt: at, receivedAt: at })
        : mail({ conversationId, subject: `Question ${i} 2026-0101`, sentAt: at, receivedAt: at });
      await log.log({ message: m, matterId: "x1", by: "rosa@quill.test", now: NOW, source: "manual" });
    }
    const context = { index, matter: directory.matters[0], settings: { slaHours: 4, businessDays: false }, now: NOW };
    const whole = buildTimeline(await log.entriesForMatter("x1"), context);
    expect(whole.filter((i) => i.response?.kind === "answered").length).toBeGreaterThan(3);
    expect(whole.filter((i) => i.response?.kind === "waiting").length).toBeGreaterThan(0);
    for (let n = 1; n <= whole.length + 1; n++) {
      const { entries, total } = await log.newestForMatter("x1", n);
      expect(total).toBe(48);
      expect(buildTimeline(entries, context), `newest ${n}`).toEqual(whole.slice(0, n));
    }
  });

  it("times replies with the deadline slaFor gives (client, then the user's setting) in the user's mode", async () => {
    const { log } = await setup();
    // Matter x2 sets no deadline of its own.
    const ask = mail({ conversationId: "s1", subject: "Supplier 2026-0102", receivedAt: "2026-03-05T06:00:00.000Z" });
    const saturday = mail({ conversationId: "s2", subject: "Invoices 2026-0102", receivedAt: "2026-02-28T10:00:00.000Z" });
    for (const m of [ask, saturday]) await log.log({ message: m, matterId: "x2", by: "rosa@quill.test", now: NOW, source: "manual" });
    const entries = await log.entriesForMatter("x2");
    const matter = directory.matters[1];
    const response = (t: ReturnType<typeof buildTimeline>, m: MailMessage) =>
      t.find((i) => i.entry.internetMessageId === m.internetMessageId)?.response;

    const user = buildTimeline(entries, { index, matter, settings: { slaHours: 4, businessDays: false }, now: NOW });
    expect(response(user, ask)).toMatchObject({ slaHours: 4, state: "overdue", late: true, dueAt: "2026-03-05T10:00:00.000Z" });

    const withClientSla = { ...directory, clients: directory.clients.map((c) => (c.id === "k1" ? { ...c, slaHours: 8 } : c)) };
    const clientIndex = buildDirectoryIndex(withClientSla);
    const client = buildTimeline(entries, { index: clientIndex, matter, settings: { slaHours: 4, businessDays: false }, now: NOW });
    expect(response(client, ask)).toMatchObject({ slaHours: 8, state: "due-soon", late: false, dueAt: "2026-03-05T14:00:00.000Z" });

    // Business days: mail of a Saturday starts the clock at Monday's 09:00; the calendar clock runs from Saturday 10:00.
    const calendar = buildTimeline(entries, { index, matter, settings: { slaHours: 4, businessDays: false }, now: NOW });
    const business = buildTimeline(entries, { index, matter, settings: { slaHours: 4, businessDays: true }, now: NOW });
    expect(response(calendar, saturday)?.dueAt).toBe("2026-02-28T14:00:00.000Z");
    expect(response(business, saturday)?.dueAt).toBe("2026-03-02T13:00:00.000Z");
  });
});

describe("bulk tagging", () => {
  it("logs accepted suggestions, skips unsure ones, reports already logged and failures, in one pass", async () => {
    const { log, outbox, recognizer } = await setup();
    const sure = mail({ subject: "Lease 2026-0101 plans" });
    const sure2 = mail({ subject: "Invoice dispute RQ/0102" });
    const unsure = mail({ subject: "Quick question", bodyText: "Can we talk tomorrow?" });
    const done = mail({ subject: "Lease 2026-0101 again" });
    await log.log({ message: done, matterId: "x1", by: "rosa@quill.test", now: NOW, source: "manual" });
    const messages = new Map<string, MailMessage>([
      ["a", sure],
      ["b", sure2],
      ["c", unsure],
      ["d", done],
    ]);
    const refs = ["a", "b", "c", "d", "e"].map((itemId) => ({ itemId, subject: `s-${itemId}`, conversationId: null }));
    const read = (id: string) => {
      const m = messages.get(id);
      return m ? Promise.resolve(m) : Promise.reject(new Error("item is gone"));
    };
    const progress: number[] = [];
    const recognize = await recognizer.forBatch(() => [...messages.values()]);
    const candidates = await prepareBulk(refs, { read, recognize }, (d) => progress.push(d));
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(candidates.map((c) => c.recognition?.matterId ?? null)).toEqual(["x1", "x2", null, "x1", null]);
    expect(candidates[3]?.loggedMatterId).toBe("x1");

    const outcomes = await logBulk(candidates, { matterForAll: null, accepted: {} }, { log, by: "tom@quill.test", now: () => NOW });
    expect(outcomes.map((o) => o.text)).toEqual(["logged", "logged", "skipped: not sure", "already logged", "failed: item is gone"]);
    expect((await log.entryFor(sure.internetMessageId!))?.source).toBe("bulk");
    expect(bulkSummary(outcomes)).toEqual({ logged: 2, "already-logged": 1, skipped: 1, failed: 1 });
    // Idempotent: the same batch again changes nothing and queues no new mirror work.
    const queued = (await outbox.list()).length;
    const again = await logBulk(candidates, { matterForAll: null, accepted: {} }, { log, by: "tom@quill.test", now: () => NOW });
    expect(again.filter((o) => o.status === "logged")).toEqual([]);
    expect((await outbox.list()).length).toBe(queued);
  });

  it("sets one matter for all, or leaves declined emails out", async () => {
    const { log, recognizer } = await setup();
    const a = mail({ subject: "Lease 2026-0101" });
    const b = mail({ subject: "Anything" });
    const m = new Map([
      ["a", a],
      ["b", b],
    ]);
    const refs = [
      { itemId: "a", subject: "", conversationId: null },
      { itemId: "b", subject: "", conversationId: null },
    ];
    const c = await prepareBulk(refs, { read: (id) => Promise.resolve(m.get(id)!), recognize: await recognizer.forBatch(() => [a, b]) });
    const declined = await logBulk(c, { matterForAll: null, accepted: { a: false } }, { log, by: "t", now: () => NOW });
    expect(declined.map((o) => o.status)).toEqual(["skipped", "skipped"]);
    const all = await logBulk(c, { matterForAll: "x2", accepted: {} }, { log, by: "t", now: () => NOW });
    expect(all.map((o) => [o.status, o.matterId])).toEqual([
      ["logged", "x2"],
      ["logged", "x2"],
    ]);
    expect((await log.entryFor(b.internetMessageId!))?.matterId).toBe("x2");
  });
});

describe("untagged client mail queue", () => {
  it("lists recent unlogged client mail with its suggestion, newest first, and filters the rest", async () => {
    const { log, recognizer } = await setup();
    const clientMail = mail({ subject: "Warehouse lease 2026-0101", receivedAt: "2026-03-04T10:00:00.000Z" });
    const unsureClient = mail({ subject: "Hello", bodyText: "Call me", receivedAt: "2026-03-05T09:00:00.000Z" });
    const logged = mail({ subject: "Lease 2026-0101", receivedAt: "2026-03-04T11:00:00.000Z" });
    await log.log({ message: logged, matterId: "x1", by: "r", now: NOW, source: "manual" });
    const marked = mail({ subject: "Lease 2026-0101", receivedAt: "2026-03-04T12:00:00.000Z", loggedMatterId: "x1" });
    const colleague = mail({ from: { email: "tom@quill.test" }, subject: "2026-0101 internal", receivedAt: "2026-03-04T13:00:00.000Z" });
    const stranger = mail({
      from: { email: "sales@vendor.test" },
      subject: "Offer",
      bodyText: "Buy now",
      receivedAt: "2026-03-04T14:00:00.000Z",
    });
    const windows: MessageWindow[] = [];
    const reader = {
      listWindow: (w: MessageWindow) => {
        windows.push(w);
        return Promise.resolve([clientMail, unsureClient, logged, marked, colleague, stranger]);
      },
    };
    const q = await loadUntaggedQueue({ reader, log, recognize: await recognizer.forBatch(() => []), index, now: NOW });
    expect(windows).toEqual([{ mailbox: null, folder: "inbox", since: "2026-02-19T12:00:00.000Z" }]);
    expect(q.items.map((i) => [i.message.internetMessageId, i.suggestedMatterId])).toEqual([
      [unsureClient.internetMessageId, null],
      [clientMail.internetMessageId, "x1"],
    ]);
    expect(q.unreadable).toEqual([]);
  });

  it("reports an email it cannot read and still lists the others", async () => {
    const { log, recognizer } = await setup();
    const before = mail({ subject: "Warehouse lease 2026-0101", receivedAt: "2026-03-04T10:00:00.000Z" });
    const poisoned = mail({ subject: "<script>window.__pwned=1</script>", receivedAt: "2026-03-04T11:00:00.000Z" });
    const after = mail({ subject: "Supplier contract 2026-0102", receivedAt: "2026-03-04T12:00:00.000Z" });
    const broken = mail({ subject: "Broken log", receivedAt: "2026-03-04T13:00:00.000Z" });
    const inner = await recognizer.forBatch(() => []);
    const recognize = (m: MailMessage) => (m === poisoned ? Promise.reject(new RangeError("Invalid code point 1114112")) : inner(m));
    const failingLog = {
      entryFor: (imid: string) =>
        imid === broken.internetMessageId ? Promise.reject(new Error("storage read failed")) : log.entryFor(imid),
    };
    const reader = { listWindow: () => Promise.resolve([before, poisoned, after, broken]) };
    const q = await loadUntaggedQueue({ reader, log: failingLog, recognize, index, now: NOW });
    expect(q.items.map((i) => [i.message.internetMessageId, i.suggestedMatterId])).toEqual([
      [after.internetMessageId, "x2"],
      [before.internetMessageId, "x1"],
    ]);
    expect(q.unreadable).toEqual([
      { subject: poisoned.subject, error: "Invalid code point 1114112" },
      { subject: "Broken log", error: "storage read failed" },
    ]);
  });
});

describe("marks from messages in hand", () => {
  it("reads the message's own mark and its thread's marks from the list, as it grows", async () => {
    const { marksFromMessages } = await import("@features/matters/service");
    const list: MailMessage[] = [];
    const marks = marksFromMessages(() => list);
    expect(await marks.threadMarks("t")).toEqual([]);
    list.push(mail({ conversationId: "t", loggedMatterId: "x2", categories: ["2026-0102 Supplier"] }), mail({ conversationId: "u" }));
    expect(await marks.threadMarks("t")).toEqual([
      { internetMessageId: list[0].internetMessageId, matterId: "x2", categories: ["2026-0102 Supplier"] },
    ]);
    expect(await marks.markOf(list[0].internetMessageId!)).toMatchObject({ matterId: "x2" });
    expect(await marks.markOf("<absent@test>")).toBeNull();
  });
});
