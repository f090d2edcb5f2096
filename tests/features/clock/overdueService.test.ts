import { describe, expect, it, vi } from "vitest";
import { createOverdueService, memoryClockDecisionStore, OVERDUE_SETTINGS_KEY, type OverdueItem, type OverdueView } from "@features/clock";
import type { CategoryFlagItem, CategoryFlagWriter } from "@ports/categoryFlagWriter";
import { directory, fakeSync, index, mail, memoryKv } from "./overdueFixtures";
import { NO_REPLY_DECISION_KIND, noReplyDecisionExecutor, type NoReplyDecisionPayload } from "@features/clock";
import { drainOutbox } from "@domain/outbox";
import { MemoryOutboxStore } from "@adapters/storage/memoryStores";
import { decisionText } from "@features/clock/ui/SetAsideList";

const ME = "alice@firm.example";
const SHARED = "team@firm.example";
const NOW = "2025-08-26T15:30:00Z"; // a Tuesday

function setup(options: { shared?: boolean; category?: boolean; server?: ReturnType<typeof fakeSync>; outbox?: MemoryOutboxStore } = {}) {
  const server = options.server ?? fakeSync();
  const kv = memoryKv();
  const decisions = memoryClockDecisionStore();
  const outbox = options.outbox ?? new MemoryOutboxStore();
  let now = new Date(NOW);
  const sent: { subject: string; html: string }[] = [];
  const flagCalls: { keys: string[]; overdue: boolean }[] = [];
  const flags: CategoryFlagWriter = {
    setCategory: vi.fn((items: readonly CategoryFlagItem[], overdue: boolean) => {
      flagCalls.push({ keys: items.map((i) => i.key), overdue });
      return Promise.resolve(items.map((i) => ({ key: i.key, ok: true as const, graphId: i.graphId ?? "x" })));
    }),
  };
  const service = createOverdueService({
    sync: server.sync,
    checkpoints: kv,
    settings: kv,
    decisions,
    directory: () => Promise.resolve({ directory, index }),
    flags,
    overdueCategoryName: "Overdue reply",
    noReplyDecisions: { outbox, categoryName: "No reply needed" },
    sender: {
      send: (m) => {
        sent.push({ subject: m.subject, html: m.html });
        return Promise.resolve();
      },
    },
    me: { email: ME, name: "Alice Partner" },
    clock: { now: () => now },
  });
  const settings = {
    watchedMailboxes: options.shared ? [SHARED] : [],
    slaHours: 24,
    businessDays: false,
    windowDays: 14,
    overdueCategory: !!options.category,
  };
  return { server, kv, decisions, outbox, service, sent, flagCalls, settings, setNow: (iso: string) => (now = new Date(iso)) };
}

const byId = (view: OverdueView, id: string): OverdueItem => {
  const found = view.items.filter((i) => i.messageId === id);
  expect(found).toHaveLength(1);
  return found[0];
};

function seed(server: ReturnType<typeof fakeSync>) {
  const a = mail({
    id: "<a@t>",
    from: "carol@acme.example",
    to: [ME],
    subject: "Lease 2024-0012",
    body: "Could you send me the lease draft?",
    at: "2025-08-25T10:00:00Z",
    conv: "c-a",
  });
  const b = mail({
    id: "<b@t>",
    from: "carol@acme.example",
    to: [ME],
    subject: "Re: 2024-0012 call",
    body: "Can you call me tomorrow about the lease?",
    at: "2025-08-26T09:00:00Z",
    conv: "c-b",
  });
  const c = mail({
    id: "<c@t>",
    from: "dan@zed.example",
    to: [ME],
    subject: "Hearing 2024-0044",
    body: "Please confirm the hearing date.",
    at: "2025-08-26T12:00:00Z",
    conv: "c-c",
  });
  const d = mail({
    id: "<d@t>",
    from: "carol@acme.example",
    to: [ME],
    subject: "Review 2024-0012",
    body: "Can you review the lease clause 4?",
    at: "2025-08-25T08:00:00Z",
    conv: "c-d",
  });
  // A colleague answers the client with the mailbox owner copied: the copy lands in the owner's inbox.
  const dAnswer = mail({
    id: "<d2@t>",
    from: "bob@firm.example",
    to: ["carol@acme.example"],
    cc: [ME],
    subject: "RE: Review 2024-0012",
    body: "Clause 4 is fine.",
    at: "2025-08-25T12:00:00Z",
    conv: "c-d",
  });
  const e = mail({
    id: "<e@t>",
    from: "carol@acme.example",
    to: [ME],
    subject: "Re: Lease 2024-0012",
    body: "Thanks, received.",
    at: "2025-08-26T10:00:00Z",
    conv: "c-e",
  });
  const stranger = mail({
    id: "<f@t>",
    from: "someone@other.example",
    to: [ME],
    subject: "Hello",
    body: "Can you help me?",
    at: "2025-08-25T10:00:00Z",
    conv: "c-f",
  });
  server.add(null, "inbox", a, b, c, d, dAnswer, e, stranger);
  return { a, b, c, d, e };
}

describe("overdue service", () => {
  it("says the firm directory must be imported first, with what the clock needs it for", async () => {
    const service = createOverdueService({
      sync: fakeSync().sync,
      checkpoints: memoryKv(),
      settings: memoryKv(),
      decisions: memoryClockDecisionStore(),
      directory: () => Promise.resolve(null),
      overdueCategoryName: "Overdue reply",
      sender: { send: () => Promise.resolve() },
      me: { email: ME, name: "Alice Partner" },
      clock: { now: () => new Date(NOW) },
    });
    await expect(service.scan()).rejects.toMatchObject({
      code: "no-directory",
      message: "The response clock needs to know who your clients are.",
    });
  });

  it("gives every client message its state, most urgent first; non-client mail is left out", async () => {
    const t = setup();
    seed(t.server);
    const view = await t.service.scan();
    expect(byId(view, "<a@t>").clock.state).toBe("overdue");
    expect(byId(view, "<a@t>").summary).toBe("Client waiting 29 h — reply was due 5 h ago");
    expect(byId(view, "<a@t>")).toMatchObject({ clientName: "Acme Ltd", matterNumber: "2024-0012", attorneyName: "Alice Partner" });
    expect(byId(view, "<b@t>").clock.state).toBe("waiting");
    // The matter's own 4 h SLA wins over the 24 h default.
    expect(byId(view, "<c@t>")).toMatchObject({ slaHours: 4, attorneyName: "Bob Associate" });
    expect(byId(view, "<c@t>").clock.state).toBe("due-soon");
    const d = byId(view, "<d@t>");
    expect(d.clock.state).toBe("answered");
    expect(d.clock.answeredByAddress).toBe("bob@firm.example");
    expect(d.clock.responseMinutes).toBe(240);
    expect(byId(view, "<e@t>").clock.state).toBe("no-reply-needed");
    expect(view.items.some((i) => i.messageId === "<f@t>" || i.messageId === "<d2@t>")).toBe(false);
    expect(view.groups.overdue.map((i) => i.messageId)).toEqual(["<a@t>"]);
    expect(view.groups.dueSoon.map((i) => i.messageId)).toEqual(["<c@t>"]);
    expect(view.groups.waiting.map((i) => i.messageId)).toEqual(["<b@t>"]);
  });

  it("business-day mode stops the clock over the weekend", async () => {
    const t = setup();
    await t.kv.set(OVERDUE_SETTINGS_KEY, { ...t.settings, businessDays: true });
    t.setNow("2025-08-25T09:00:00Z"); // Monday
    t.server.add(
      null,
      "inbox",
      mail({
        id: "<w@t>",
        from: "carol@acme.example",
        to: [ME],
        subject: "2024-0012",
        body: "Can you send the deed?",
        at: "2025-08-22T15:00:00Z",
        conv: "c-w",
      }),
    );
    const business = byId(await t.service.scan(), "<w@t>");
    expect(business.clock.state).not.toBe("overdue");
    await t.kv.set(OVERDUE_SETTINGS_KEY, { ...t.settings, businessDays: false });
    expect(byId((await t.service.current())!, "<w@t>").clock.state).toBe("overdue");
  });

  it("no reply needed (audited) closes the clock; a snooze hides but still counts", async () => {
    const t = setup();
    seed(t.server);
    const view = await t.service.scan();
    await expect(t.service.markNoReplyNeeded(byId(view, "<a@t>"), "  ")).rejects.toMatchObject({ code: "invalid-input" });
    const after = (await t.service.markNoReplyNeeded(byId(view, "<a@t>"), "Answered by phone"))!;
    const a = byId(after, "<a@t>");
    expect(a.clock.state).toBe("no-reply-needed");
    expect(a.rawClock.state).toBe("overdue");
    expect(a.decision).toMatchObject({ kind: "no-reply-needed", reason: "Answered by phone", by: ME, at: new Date(NOW).toISOString() });
    expect(after.groups.overdue).toHaveLength(0);

    const snoozed = (await t.service.snooze(byId(after, "<b@t>"), "2025-08-26T16:30:00Z"))!;
    expect(snoozed.groups.waiting).toHaveLength(0);
    expect(snoozed.groups.snoozed).toBe(1);
    expect(byId(snoozed, "<b@t>").clock.state).toBe("waiting");
    expect(snoozed.team.byMailbox[0].stats.counts.waiting).toBe(1);
    t.setNow("2025-08-26T16:31:00Z");
    expect((await t.service.current())!.groups.waiting.map((i) => i.messageId)).toEqual(["<b@t>"]);
  });

  it("undoes no reply needed and a snooze; the undo is recorded and the earlier decisions stay in the trail", async () => {
    const t = setup({ category: true });
    await t.kv.set(OVERDUE_SETTINGS_KEY, t.settings);
    seed(t.server);
    const view = await t.service.scan();
    expect(t.flagCalls).toEqual([{ keys: ["me|<a@t>"], overdue: true }]);
    await expect(t.service.undo(byId(view, "<a@t>"))).rejects.toMatchObject({ code: "invalid-input" });

    const decided = (await t.service.markNoReplyNeeded(byId(view, "<a@t>"), "Answered by phone"))!;
    expect(decided.groups.setAside.map((i) => i.messageId)).toEqual(["<a@t>"]);
    expect(byId(decided, "<a@t>").undoable).toBe(true);
    // The category leaves with the decision, not at the next scan.
    expect(t.flagCalls[1]).toEqual({ keys: ["me|<a@t>"], overdue: false });

    t.setNow("2025-08-26T15:40:00Z");
    const undone = (await t.service.undo(byId(decided, "<a@t>")))!;
    const a = byId(undone, "<a@t>");
    expect(a.clock.state).toBe("overdue");
    expect(a.undoable).toBe(false);
    expect(undone.groups.overdue.map((i) => i.messageId)).toEqual(["<a@t>"]);
    expect(undone.groups.setAside).toHaveLength(0);
    expect(t.flagCalls[2]).toEqual({ keys: ["me|<a@t>"], overdue: true });
    const decision = (await t.decisions.get("<a@t>"))!;
    expect(decision).toMatchObject({ kind: "undo", by: ME, at: "2025-08-26T15:40:00.000Z" });
    expect(decision.reason).toContain("no reply needed (Answered by phone)");
    expect(decision.history).toEqual([
      expect.objectContaining({ kind: "no-reply-needed", reason: "Answered by phone", by: ME, at: new Date(NOW).toISOString() }),
    ]);
    await expect(t.service.undo(a)).rejects.toMatchObject({ code: "invalid-input" });

    const snoozed = (await t.service.snooze(byId(undone, "<b@t>"), "2025-08-26T18:00:00Z"))!;
    expect(snoozed.groups.waiting).toHaveLength(0);
    expect(snoozed.groups.setAside.map((i) => i.messageId)).toEqual(["<b@t>"]);
    const back = (await t.service.undo(byId(snoozed, "<b@t>")))!;
    expect(back.groups.waiting.map((i) => i.messageId)).toEqual(["<b@t>"]);
    expect(back.groups.snoozed).toBe(0);
    expect((await t.decisions.get("<b@t>"))!.history?.map((n) => n.kind)).toEqual(["snooze"]);

    // A second decision after the undo keeps the whole trail.
    const again = (await t.service.markNoReplyNeeded(byId(back, "<a@t>"), "Client withdrew the question"))!;
    expect(byId(again, "<a@t>").clock.state).toBe("no-reply-needed");
    expect((await t.decisions.get("<a@t>"))!.history?.map((n) => n.kind)).toEqual(["no-reply-needed", "undo"]);
  });

  it("shares no reply needed through the mailbox: another device sees it, can undo it, and snoozes stay personal", async () => {
    const server = fakeSync();
    const { a, b } = seed(server);
    const laptop = setup({ server });
    const view = await laptop.service.scan();
    await laptop.service.markNoReplyNeeded(byId(view, "<a@t>"), "Answered by phone");
    await laptop.service.snooze(byId(view, "<b@t>"), "2025-08-26T18:00:00Z");
    // One mark queued, for the decision only: the snooze leaves the mail waiting for everyone else.
    const queued = await laptop.outbox.list();
    expect(
      queued.map((op) => [
        op.kind,
        (op.payload as NoReplyDecisionPayload).internetMessageId,
        (op.payload as NoReplyDecisionPayload).noReplyNeeded,
      ]),
    ).toEqual([[NO_REPLY_DECISION_KIND, "<a@t>", true]]);

    // The outbox puts the category on the message (here: the fake mailbox the other device scans).
    const written: { ids: string[]; on: boolean }[] = [];
    const writer = {
      setCategory: (items: readonly CategoryFlagItem[], on: boolean) => {
        written.push({ ids: items.map((i) => i.internetMessageId), on });
        for (const i of items)
          server.add(null, "inbox", {
            ...(i.internetMessageId === "<a@t>" ? a : b),
            categories: on ? ["No reply needed"] : [],
            noReplyMarked: on,
          });
        return Promise.resolve(items.map((i) => ({ key: i.key, ok: true as const, graphId: "g" })));
      },
    };
    const drained = await drainOutbox({
      store: laptop.outbox,
      executors: { [NO_REPLY_DECISION_KIND]: noReplyDecisionExecutor(writer) },
      now: new Date(NOW),
    });
    expect(drained.succeeded).toBe(1);
    expect(written).toEqual([{ ids: ["<a@t>"], on: true }]);

    // The phone has no decisions of its own: it reads the decision from the mailbox, and the snooze is not there.
    const phone = setup({ server });
    const seen = await phone.service.scan();
    const shared = byId(seen, "<a@t>");
    expect(shared.clock.state).toBe("no-reply-needed");
    expect(shared.decision).toMatchObject({ kind: "no-reply-needed", by: "a colleague or another device", source: "mailbox" });
    expect(decisionText(shared)).toBe("No reply needed: Marked “No reply needed” in Matterline (a colleague or another device)");
    expect(seen.groups.overdue).toHaveLength(0);
    expect(byId(seen, "<b@t>").clock.state).toBe("waiting");
    expect(seen.groups.waiting.map((i) => i.messageId)).toEqual(["<b@t>"]);

    // Undone on the phone: the clock runs there at once, and the category is queued to come off.
    const undone = (await phone.service.undo(shared))!;
    expect(byId(undone, "<a@t>").clock.state).toBe("overdue");
    expect((await phone.outbox.list()).map((op) => (op.payload as NoReplyDecisionPayload).noReplyNeeded)).toEqual([false]);

    // Undone on the laptop before its next scan (its list does not show the category yet): still queued to come off.
    const stale = byId((await laptop.service.current())!, "<a@t>");
    expect(stale.categories).not.toContain("No reply needed");
    await laptop.service.undo(stale);
    expect((await laptop.outbox.list()).map((op) => (op.payload as NoReplyDecisionPayload).noReplyNeeded)).toEqual([false]);
  });

  it("follows the mailbox when it changes after this device's decision: a colleague's undo or new decision wins", async () => {
    const server = fakeSync();
    const { a } = seed(server);
    const laptop = setup({ server });
    const drain = (at: string) =>
      drainOutbox({
        store: laptop.outbox,
        executors: {
          [NO_REPLY_DECISION_KIND]: noReplyDecisionExecutor({
            setCategory: (items, on) =>
              Promise.resolve(items.map((i) => ({ key: i.key, ok: true as const, graphId: on ? "set" : "cleared" }))),
          }),
        },
        now: new Date(at),
      });
    const view = await laptop.service.scan();
    await laptop.service.markNoReplyNeeded(byId(view, "<a@t>"), "Answered by phone");

    // Someone reads the email (the mailbox changes) while the mark still waits: the decision holds.
    server.add(null, "inbox", { ...a, modifiedAt: "2025-08-26T15:35:00Z" });
    expect(byId(await laptop.service.scan(), "<a@t>").clock.state).toBe("no-reply-needed");

    // The mark is written; then a colleague takes the category off: the clock runs again here too.
    expect((await drain(NOW)).succeeded).toBe(1);
    server.add(null, "inbox", { ...a, categories: ["No reply needed"], noReplyMarked: true, modifiedAt: "2025-08-26T15:36:00Z" });
    expect(byId(await laptop.service.scan(), "<a@t>").clock.state).toBe("no-reply-needed");
    server.add(null, "inbox", { ...a, categories: [], noReplyMarked: false, modifiedAt: "2025-08-26T15:50:00Z" });
    expect(byId(await laptop.service.scan(), "<a@t>").clock.state).toBe("overdue");

    // Undone here, then a colleague marks it again later: their decision shows.
    laptop.setNow("2025-08-26T16:00:00Z");
    const local = byId((await laptop.service.current())!, "<a@t>");
    expect(local.decision).toBeNull();
    await laptop.service.markNoReplyNeeded(local, "Client called back");
    await laptop.service.undo(byId((await laptop.service.current())!, "<a@t>"));
    expect((await drain("2025-08-26T16:00:00Z")).succeeded).toBe(1);
    server.add(null, "inbox", { ...a, categories: ["No reply needed"], noReplyMarked: true, modifiedAt: "2025-08-26T16:20:00Z" });
    const again = byId(await laptop.service.scan(), "<a@t>");
    expect(again.clock.state).toBe("no-reply-needed");
    expect(again.decision).toMatchObject({ source: "mailbox" });

    // A snooze is personal: no change in the mailbox overrides it.
    const b = byId(
      await laptop.service.snooze(byId((await laptop.service.current())!, "<b@t>"), "2025-08-26T18:00:00Z").then((v) => v!),
      "<b@t>",
    );
    expect(b.snoozedUntil).toBe("2025-08-26T18:00:00Z");
  });

  it("the list, the team view and the digest count the same emails: snoozed ones in, mail older than the list out", async () => {
    const t = setup();
    seed(t.server);
    // Overdue and 20 days old: outside the list's 14 days, inside the team view's month.
    t.server.add(
      null,
      "inbox",
      mail({
        id: "<stale@t>",
        from: "carol@acme.example",
        to: [ME],
        subject: "2024-0012 deed",
        body: "Can you send the deed?",
        at: "2025-08-06T10:00:00Z",
        conv: "c-stale",
      }),
    );
    const first = await t.service.scan();
    const view = (await t.service.snooze(byId(first, "<a@t>"), "2025-08-27T09:00:00Z"))!;
    const digest = await t.service.digest();
    const listed = view.groups.counts.overdue;
    const sum = (rows: typeof view.team.byMailbox) => rows.reduce((n, r) => n + r.stats.counts.overdue, 0);
    expect(listed.snoozed).toBe(1);
    expect(view.groups.overdue.length).toBe(listed.total - 1);
    expect(digest.count).toBe(listed.total);
    expect(sum(view.team.byMailbox)).toBe(listed.total);
    expect(sum(view.team.byAttorney)).toBe(listed.total);
    expect(digest.html).toContain("1 of them is snoozed");
  });

  it("team figures cover 30 days while the list keeps to the 14-day window, and say which period", async () => {
    const t = setup();
    seed(t.server);
    // 20 days old: outside the list's window, inside the team view's month. 40 days old: outside both.
    t.server.add(
      null,
      "inbox",
      mail({
        id: "<old@t>",
        from: "carol@acme.example",
        to: [ME],
        subject: "2024-0012 deed",
        body: "Can you send the deed?",
        at: "2025-08-06T10:00:00Z",
        conv: "c-old",
      }),
    );
    t.server.add(
      null,
      "sentitems",
      mail({
        id: "<old-r@t>",
        from: ME,
        to: ["carol@acme.example"],
        subject: "RE: 2024-0012 deed",
        body: "Attached.",
        at: "2025-08-06T12:00:00Z",
        conv: "c-old",
      }),
    );
    t.server.add(
      null,
      "inbox",
      mail({
        id: "<older@t>",
        from: "carol@acme.example",
        to: [ME],
        subject: "2024-0012 old",
        body: "Can you call?",
        at: "2025-07-17T10:00:00Z",
        conv: "c-older",
      }),
    );
    const view = await t.service.scan();
    expect(view.windowDays).toBe(14);
    expect(view.items.some((i) => i.messageId === "<old@t>" || i.messageId === "<older@t>")).toBe(false);
    expect(view.team).toMatchObject({
      days: 30,
      from: "2025-07-27T15:30:00.000Z",
      to: "2025-08-26T15:30:00.000Z",
      messages: view.items.length + 1,
    });
    const mine = view.team.byMailbox[0].stats;
    expect(mine.counts.answered).toBe(2); // <d@t> in the list's window and <old@t> before it
    expect(mine.medianResponseMinutes).toBe(180); // (240 + 120) / 2
    // An open message older than the list's window still shows its clock.
    expect(
      (
        await t.service.itemFor(
          mail({ id: "<old@t>", from: "carol@acme.example", subject: "", body: "", at: "2025-08-06T10:00:00Z", conv: "c-old" }),
        )
      )?.clock.state,
    ).toBe("answered");
    // A list window wider than 30 days widens the scan too; the team view stays at 30.
    await t.kv.set(OVERDUE_SETTINGS_KEY, { ...t.settings, windowDays: 45 });
    const wide = await t.service.scan();
    expect(wide.items.some((i) => i.messageId === "<older@t>")).toBe(true);
    expect(wide.team.messages).toBe(view.team.messages);
  });

  it("scans watched shared mailboxes, where the shared address is the owner", async () => {
    const t = setup({ shared: true });
    await t.kv.set(OVERDUE_SETTINGS_KEY, t.settings);
    seed(t.server);
    t.server.add(
      SHARED,
      "inbox",
      mail({
        id: "<s@t>",
        from: "carol@acme.example",
        to: [SHARED],
        subject: "2024-0012",
        body: "Could you advise on the notice?",
        at: "2025-08-24T10:00:00Z",
        conv: "c-s",
      }),
    );
    t.server.add(
      SHARED,
      "inbox",
      mail({
        id: "<s2@t>",
        from: "dan@zed.example",
        to: [SHARED],
        subject: "2024-0044",
        body: "Can you send the invoice?",
        at: "2025-08-26T08:00:00Z",
        conv: "c-s2",
      }),
    );
    t.server.add(
      SHARED,
      "sentitems",
      mail({
        id: "<s3@t>",
        from: SHARED,
        to: ["dan@zed.example"],
        subject: "RE: 2024-0044",
        body: "Attached.",
        at: "2025-08-26T09:00:00Z",
        conv: "c-s2",
      }),
    );
    const view = await t.service.scan();
    const s = byId(view, "<s@t>");
    expect(s).toMatchObject({ mailbox: SHARED, key: `${SHARED}|<s@t>` });
    expect(s.clock.state).toBe("overdue");
    expect(byId(view, "<s2@t>").clock.state).toBe("answered");
    expect(view.groups.overdue.map((i) => i.messageId)).toEqual(["<s@t>", "<a@t>"]);
    expect(view.team.byMailbox.map((r) => [r.key, r.stats.counts.overdue])).toEqual([
      [ME, 1],
      [SHARED, 1],
    ]);
    expect(view.mailboxes.map((m) => m.mailbox)).toEqual([null, SHARED]);
  });

  it("an incremental rescan merges changes without double counting", async () => {
    const t = setup();
    seed(t.server);
    const first = await t.service.scan();
    const before = t.server.requests;
    const again = await t.service.scan();
    expect(t.server.requests - before).toBe(2); // one delta request per folder
    expect(again.items.map((i) => i.key).sort()).toEqual(first.items.map((i) => i.key).sort());
    t.server.add(
      null,
      "sentitems",
      mail({
        id: "<a-r@t>",
        from: ME,
        to: ["carol@acme.example"],
        subject: "RE: Lease 2024-0012",
        body: "Draft attached.",
        at: "2025-08-26T15:00:00Z",
        conv: "c-a",
      }),
    );
    t.server.add(
      null,
      "inbox",
      mail({
        id: "<n@t>",
        from: "carol@acme.example",
        to: [ME],
        subject: "2024-0012",
        body: "Can we meet Friday?",
        at: "2025-08-26T15:10:00Z",
        conv: "c-n",
      }),
    );
    const third = await t.service.scan();
    expect(third.items).toHaveLength(first.items.length + 1);
    expect(new Set(third.items.map((i) => i.key)).size).toBe(third.items.length);
    expect(byId(third, "<a@t>").clock.state).toBe("answered");
    expect(byId(third, "<a@t>").clock.late).toBe(true);
    expect(byId(third, "<n@t>").clock.state).toBe("waiting");
  });

  it("keeps the last results when a rescan fails, with the error per mailbox", async () => {
    const t = setup();
    seed(t.server);
    await t.service.scan();
    const failing = vi.spyOn(t.server.sync, "resume").mockRejectedValue(new TypeError("Failed to fetch"));
    const view = await t.service.scan();
    expect(view.mailboxes[0].error).not.toBeNull();
    expect(view.groups.overdue).toHaveLength(1);
    failing.mockRestore();
    expect((await t.service.scan()).mailboxes[0].error).toBeNull();
  });

  it("sets the Overdue reply category on overdue mail and clears it once answered", async () => {
    const t = setup({ category: true });
    await t.kv.set(OVERDUE_SETTINGS_KEY, t.settings);
    seed(t.server);
    await t.service.scan();
    expect(t.flagCalls).toEqual([{ keys: ["me|<a@t>"], overdue: true }]);
    await t.service.scan();
    expect(t.flagCalls).toHaveLength(1);
    t.server.add(
      null,
      "sentitems",
      mail({ from: ME, to: ["carol@acme.example"], subject: "RE", body: "Here.", at: "2025-08-26T15:20:00Z", conv: "c-a" }),
    );
    await t.service.scan();
    expect(t.flagCalls[1]).toEqual({ keys: ["me|<a@t>"], overdue: false });
  });

  it("builds an escaped digest per mailbox and attorney and sends it to me", async () => {
    const t = setup();
    t.server.add(
      null,
      "inbox",
      mail({
        id: "<x@t>",
        from: "carol@acme.example",
        to: [ME],
        subject: "<script>alert(1)</script> 2024-0012",
        body: "Can you call me?",
        at: "2025-08-24T10:00:00Z",
        conv: "c-x",
      }),
    );
    await t.service.scan();
    const digest = await t.service.sendDigest();
    expect(digest.count).toBe(1);
    expect(digest.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(digest.html).not.toContain("<script>");
    expect(digest.html).toContain("By mailbox");
    expect(digest.html).toContain("Alice Partner (1)");
    expect(t.sent).toEqual([{ subject: digest.subject, html: digest.html }]);
    expect(digest.subject).toBe("Test & Co: 1 overdue client email");
    expect(digest.sentTo).toBe(ME);
    // The same content as text for the pane's preview, unescaped there (React writes it as text).
    expect(digest.groups.map((g) => `${g.section}: ${g.name}`)).toEqual([`By mailbox: ${ME}`, "By attorney: Alice Partner"]);
    expect(digest.groups[0].rows[0].subject).toBe("<script>alert(1)</script> 2024-0012");
    expect(digest.intro).toMatch(/^Overdue client email as of /);
  });

  it("rejects bad settings with every problem listed", async () => {
    const t = setup();
    await expect(t.service.saveSettings({ ...t.settings, watchedMailboxes: ["nope", ME], slaHours: 0 })).rejects.toMatchObject({
      code: "invalid-input",
      details: [
        '"nope" is not an email address.',
        `${ME} is your own mailbox; it is always scanned.`,
        "The reply time must be between 1 and 720 hours.",
      ],
    });
    const saved = await t.service.saveSettings({ ...t.settings, watchedMailboxes: [" Team@Firm.example "] });
    expect(saved.watchedMailboxes).toEqual([SHARED]);
    expect(await t.service.loadSettings()).toMatchObject({ watchedMailboxes: [SHARED], windowDays: 14 });
  });
});
