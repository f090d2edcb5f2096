import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph";
import { createGraphCalendarWriter, createGraphClient, createGraphMessageReader } from "@adapters/graph";
import { MemoryOutboxStore, MemorySettingsStore } from "@adapters/storage/memoryStores";
import { createGraphSeriesWriter } from "@adapters/graph";
import { drainOutbox } from "@domain/outbox";
import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { MatterlineError } from "@domain/errors";
import {
  createFollowUpService,
  followUpEventExecutor,
  followUpEventDeleteExecutor,
  EVENT_DELETE_OUTBOX_KIND,
  EVENT_OUTBOX_KIND,
  type FollowUpStore,
  type MatterGuess,
  type StoredFollowUp,
} from "@features/followUps";
import { identifiedMessage } from "../../fixtures/mailMessage";

// An invented firm in New York (US dates, DST on 8 March 2026), with a holiday on Monday 16 March 2026.
const directory: Directory = {
  firm: {
    name: "Firm LLP",
    domains: ["firm.example"],
    timeZone: "America/New_York",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
    holidays: ["2026-03-16"],
    matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b"],
  },
  people: [{ id: "u1", name: "Ann Lee", email: "ann@firm.example", role: "partner" }],
  clients: [
    { id: "c1", name: "Acme Ltd", domains: ["acme.example"], contacts: [{ name: "Carla Diaz", email: "carla@acme.example" }] },
    { id: "c2", name: "Birch Co", domains: ["birch.example"], contacts: [{ name: "Bo Birch", email: "bo@birch.example" }] },
  ],
  matters: [
    { id: "m1", number: "2026-0012", clientId: "c1", title: "Lease renewal", status: "open", responsible: "u1" },
    { id: "m2", number: "2026-0013", clientId: "c1", title: "Supply dispute", status: "open", responsible: "u1" },
    { id: "m3", number: "2025-0099", clientId: "c2", title: "Old matter", status: "closed", responsible: "u1" },
  ],
};

class MapStore implements FollowUpStore {
  readonly map = new Map<string, StoredFollowUp>();
  get(key: string) {
    return Promise.resolve(this.map.get(key));
  }
  put(value: StoredFollowUp) {
    this.map.set(value.transactionId, structuredClone(value));
    return Promise.resolve();
  }
  all() {
    return Promise.resolve([...this.map.values()]);
  }
}

function setup(options: { now?: string; guess?: MatterGuess; createRetries?: number; foreignClock?: boolean; noDirectory?: boolean } = {}) {
  let now = new Date(options.now ?? "2026-03-10T14:00:00Z"); // Tuesday 10:00 in New York (EDT)
  const sim = createGraphSimulator({ signedInUser: "ann@firm.example", inFlightRetryAfterSec: 0 });
  const graph = createGraphClient({
    tokenProvider: { getToken: () => Promise.resolve("t") },
    fetchImpl: sim.fetch,
    readRetryDelayMs: 1,
    timeoutMs: 2000,
  });
  const calendar = createGraphCalendarWriter(graph, { retryDelayMs: 1, createRetries: options.createRetries });
  const outbox = new MemoryOutboxStore();
  const store = new MapStore();
  const settings = new MemorySettingsStore();
  let queued = 0;
  const service = createFollowUpService({
    calendar,
    series: createGraphSeriesWriter(graph),
    mail: createGraphMessageReader(graph),
    store,
    outbox,
    settings,
    directory: () => Promise.resolve(options.noDirectory ? null : { directory }),
    resolveMatter: () => Promise.resolve(options.guess ?? { clientId: "c1", matterId: "m1", candidates: ["m2"] }),
    // The workbench's clock is the parent window's: its Dates are not `instanceof Date` in the pane.
    now: () => (options.foreignClock ? (runInNewContext(`new Date(${now.getTime()})`) as Date) : now),
    me: "ann@firm.example",
    onQueued: () => queued++,
  });
  const drain = () =>
    drainOutbox({
      store: outbox,
      executors: { [EVENT_OUTBOX_KIND]: followUpEventExecutor(service), [EVENT_DELETE_OUTBOX_KIND]: followUpEventDeleteExecutor(calendar) },
      now,
    });
  return {
    sim,
    graph,
    calendar,
    outbox,
    store,
    settings,
    service,
    drain,
    setNow: (iso: string) => (now = new Date(iso)),
    queuedCount: () => queued,
  };
}

function inbound(body: string, overrides: Partial<MailMessage> = {}): MailMessage {
  return identifiedMessage("<in-1@acme.example>", {
    conversationId: "conv-1",
    subject: "Lease renewal",
    from: { name: "Carla Diaz", email: "carla@acme.example" },
    to: [{ name: "Ann Lee", email: "ann@firm.example" }],
    sentAt: "2026-03-10T13:00:00Z",
    receivedAt: "2026-03-10T13:00:01Z",
    bodyText: body,
    webLink: "https://outlook.example/owa/?ItemID=in-1",
    ...overrides,
  });
}

describe("follow-up plan", () => {
  it("says the firm directory must be imported first, with what follow-ups need it for", async () => {
    const { service } = setup({ noDirectory: true });
    await expect(service.plan(inbound("Can we meet on Friday?"), "read")).rejects.toMatchObject({
      code: "no-directory",
      message: "Follow-ups need the firm's working hours and matters.",
    });
  });

  it("proposes dates from the new text only, ranked, resolved against the sent date in the firm's zone", async () => {
    const { service } = setup();
    const body = [
      "Thanks. The hearing is on March 20 at 10am. Please send the signed lease by Friday.",
      "",
      "On Mon, Mar 2, 2026, Ann Lee wrote:",
      "> We could meet on March 30 to discuss.",
    ].join("\n");
    const plan = await service.plan(inbound(body), "read");
    expect(plan.proposals.map((p) => [p.date, p.kind])).toEqual([
      ["2026-03-13", "deadline"],
      ["2026-03-20", "hearing"],
    ]);
    expect(plan.proposals[1].time).toBe("10:00");
    expect(plan.proposals.some((p) => p.date === "2026-03-30")).toBe(false); // quoted history is not read
    expect(plan.clientName).toBe("Acme Ltd");
    expect(plan.matterId).toBe("m1");
    expect(plan.matterOptions.map((o) => o.matterId)).toEqual(["m1", "m2"]);
    // Only the matter's client contacts from the directory can be invited, per matter offered.
    expect(plan.inviteOptions).toEqual({
      m1: [{ name: "Carla Diaz", email: "carla@acme.example" }],
      m2: [{ name: "Carla Diaz", email: "carla@acme.example" }],
    });
    expect(plan.noReplyWaitingFor).toEqual([]); // inbound mail: no no-reply reminder
  });

  it("works with a clock from another realm (the workbench's parent window)", async () => {
    const { service } = setup({ foreignClock: true, now: "2026-03-25T14:00:00Z" });
    const plan = await service.plan(inbound("Thank you.", { sentAt: "2026-03-09T14:00:00Z" }), "read");
    expect(plan.fallback.date).toBe("2026-03-26");
  });

  it("falls back to the next working day at the start of hours, skipping weekend and holiday", async () => {
    const { service } = setup({ now: "2026-03-13T20:00:00Z" }); // Friday 16:00 EDT
    const plan = await service.plan(
      inbound("Thank you for the update.", { sentAt: "2026-03-13T19:00:00Z", receivedAt: "2026-03-13T19:00:00Z" }),
      "read",
    );
    expect(plan.proposals).toEqual([]);
    expect(plan.fallback).toEqual({ date: "2026-03-17", time: "09:00" }); // Mon 16th is a holiday
  });

  it('never offers a time that has passed: yesterday\'s "tomorrow at 9" read at 3 pm gives the next working slot; creating in the past is flagged', async () => {
    const { service } = setup({ now: "2026-03-11T19:00:00Z" }); // Wednesday 15:00 in New York
    const mail = inbound("Can we talk tomorrow at 9am?", { sentAt: "2026-03-10T13:00:00Z", receivedAt: "2026-03-10T13:00:00Z" });
    const plan = await service.plan(mail, "read");
    expect(plan.proposals).toEqual([]);
    expect(plan.fallback).toEqual({ date: "2026-03-12", time: "09:00" });
    const past = await service.prepare(mail, plan, {
      date: "2026-03-11",
      time: "09:00",
      kind: "other",
      matterId: "m1",
      invite: "",
    });
    expect(past.inPast).toBe(true);
    const ahead = await service.prepare(mail, plan, { ...plan.fallback, kind: "other", matterId: "m1", invite: "" });
    expect(ahead.inPast).toBe(false);
  });

  it("drops dates already past by now and counts the fallback from today for old mail", async () => {
    const { service } = setup({ now: "2026-03-25T14:00:00Z" });
    const plan = await service.plan(inbound("Please reply by March 12.", { sentAt: "2026-03-09T14:00:00Z" }), "read");
    expect(plan.proposals).toEqual([]);
    expect(plan.fallback.date).toBe("2026-03-26");
  });
});

describe("creating a follow-up", () => {
  it("builds the event: subject, summary and link, reminder and category from settings, free, no attendees", async () => {
    const { service, sim, settings } = setup();
    await settings.set("followUps.settings", { reminderMinutes: 30, durationMinutes: 45, noReplyDays: 2 });
    const msg = inbound("The hearing is on March 20 at 10am.");
    const plan = await service.plan(msg, "read");
    const prepared = await service.prepare(msg, plan, {
      date: "2026-03-20",
      time: "10:00",
      kind: "hearing",
      matterId: "m1",
      invite: null,
    });
    expect(prepared.payload.subject).toBe("Follow up: Acme Ltd — 2026-0012 Lease renewal");
    expect(prepared.start).toBe("2026-03-20T14:00:00.000Z"); // 10:00 EDT
    expect(prepared.end).toBe("2026-03-20T14:45:00.000Z");
    const result = await service.schedule(prepared);
    expect(result.outcome).toBe("created");
    const [ev] = sim.events("ann@firm.example");
    expect(ev.subject).toBe("Follow up: Acme Ltd — 2026-0012 Lease renewal");
    expect(ev.showAs).toBe("free");
    expect(ev.sensitivity).toBe("private");
    expect(ev.attendees).toEqual([]);
    // Sent in the firm's zone under its Windows name, which Graph's create accepts; Graph keeps the instant.
    expect(ev.originalStartTimeZone).toBe("Eastern Standard Time");
    expect(ev.start.dateTime).toMatch(/^2026-03-20T14:00:00/);
    expect(ev.reminderMinutesBeforeStart).toBe(30);
    expect(ev.categories).toEqual([expect.stringContaining("2026-0012")]);
    expect(ev.body?.content).toContain("https://outlook.example/owa/?ItemID=in-1");
    expect(ev.transactionId).toBe(prepared.payload.transactionId);
    expect(result.entry.eventId).toBe(ev.id);
  });

  it("without a matter, names the sender, and invites no one: an invitation needs the matter's client", async () => {
    const { service, sim } = setup({ guess: { clientId: null, matterId: null, candidates: [] } });
    const msg = inbound("Can we talk on March 18 at 3pm?");
    const plan = await service.plan(msg, "read");
    const choice = { date: "2026-03-18", time: "15:00", kind: "meeting" as const, matterId: null };
    await expect(service.prepare(msg, plan, { ...choice, invite: "carla@acme.example" })).rejects.toThrow(/^Choose the matter first/);
    const prepared = await service.prepare(msg, plan, { ...choice, invite: null });
    expect(prepared.payload.subject).toBe("Follow up: Carla Diaz — Lease renewal");
    expect(prepared.invited).toBeNull();
    await service.schedule(prepared);
    expect(sim.events("ann@firm.example")[0].attendees).toEqual([]);
  });

  it("invites only the directory contact the user chose, with a neutral subject and body, private and busy", async () => {
    const { service, sim } = setup();
    const msg = inbound("Can we talk on March 18 at 3pm about the lease? Our board is nervous about clause 4.");
    const plan = await service.plan(msg, "read");
    const choice = { date: "2026-03-18", time: "15:00", kind: "meeting" as const, matterId: "m1" };
    // Another client's contact, or an address outside the directory, is refused.
    for (const invite of ["bo@birch.example", "someone@acme.example"])
      await expect(service.prepare(msg, plan, { ...choice, invite }), invite).rejects.toMatchObject({
        code: "invalid-input",
        message: "Invitations go only to a contact of Acme Ltd in the firm directory.",
      });
    const prepared = await service.prepare(msg, plan, { ...choice, invite: "Carla@Acme.example" });
    expect(prepared.invited).toBe("carla@acme.example");
    await service.schedule(prepared);
    const [ev] = sim.events("ann@firm.example");
    expect(ev.attendees).toEqual([{ type: "required", emailAddress: { address: "carla@acme.example", name: "Carla Diaz" } }]);
    expect(ev.subject).toBe("Call with Firm LLP");
    expect(ev.body?.content).toBe("<p>Firm LLP has set up this call. If the time does not suit you, reply to this invitation.</p>");
    // Nothing internal leaves the firm: no summary, no matter title, no link into the mailbox.
    expect(`${ev.subject} ${ev.body?.content}`).not.toMatch(/clause|nervous|Lease renewal|outlook\.example|ItemID/);
    expect(ev.sensitivity).toBe("private");
    expect(ev.showAs).toBe("busy");
  });

  it("makes exactly one event when the create's response is dropped after Graph committed it", async () => {
    const { service, sim } = setup();
    const msg = inbound("Please send it by March 13.");
    const plan = await service.plan(msg, "read");
    const prepared = await service.prepare(msg, plan, { date: "2026-03-13", kind: "deadline", matterId: "m1", invite: null });
    sim.failNext(1, "drop-after-commit", (r) => r.method === "POST" && r.path === "/me/events");
    const result = await service.schedule(prepared);
    expect(sim.pendingFaults()).toBe(0);
    expect(result.outcome).toBe("created");
    expect(sim.events("ann@firm.example")).toHaveLength(1);
    // Clicking again (or a second pane) changes nothing either.
    await service.schedule(prepared);
    expect(sim.events("ann@firm.example")).toHaveLength(1);
  });

  it("queues in the outbox when the response is lost and retries are spent; the drain makes no second event", async () => {
    const { service, sim, drain, outbox, queuedCount } = setup({ createRetries: 0 });
    const msg = inbound("Please send it by March 13.");
    const plan = await service.plan(msg, "read");
    const prepared = await service.prepare(msg, plan, { date: "2026-03-13", kind: "deadline", matterId: "m1", invite: null });
    sim.failNext(1, "drop-after-commit", (r) => r.method === "POST" && r.path === "/me/events");
    const result = await service.schedule(prepared);
    expect(result.outcome).toBe("queued");
    expect(queuedCount()).toBe(1);
    expect(sim.events("ann@firm.example")).toHaveLength(1); // Graph did make it
    const drained = await drain();
    expect(drained.succeeded).toBe(1);
    expect(await outbox.list()).toEqual([]);
    expect(sim.events("ann@firm.example")).toHaveLength(1);
    const [group] = await service.upcoming();
    expect(group.entries[0]).toMatchObject({ status: "scheduled", eventId: sim.events("ann@firm.example")[0].id });
  });

  it("offline: no calendar check, the create waits in the outbox and goes out when back online", async () => {
    const { service, sim, drain, setNow } = setup();
    const msg = inbound("Please send it by March 13.");
    const plan = await service.plan(msg, "read");
    sim.setOffline(true);
    const prepared = await service.prepare(msg, plan, { date: "2026-03-13", kind: "deadline", matterId: "m1", invite: null });
    expect(prepared.calendarChecked).toBe(false);
    const result = await service.schedule(prepared);
    expect(result.outcome).toBe("queued");
    expect((await drain()).succeeded).toBe(0);
    sim.setOffline(false);
    setNow("2026-03-10T14:05:00Z"); // past the outbox's backoff
    expect((await drain()).succeeded).toBe(1);
    expect(sim.events("ann@firm.example")).toHaveLength(1);
  });

  it("moves off busy slots to the next free working time (free events block nothing); a free slot stays", async () => {
    const { service, calendar } = setup();
    const busy = (start: string, end: string, id: string) =>
      calendar.create({
        subject: "Busy",
        bodyHtml: "",
        start,
        end,
        categories: [],
        reminderMinutes: null,
        showAs: "busy",
        attendees: [],
        transactionId: id,
      });
    // Friday 13 March: 10:00-11:00 and 11:00-16:45 EDT busy, so 10:30 moves to Tuesday (Mon 16th is a holiday).
    await busy("2026-03-13T14:00:00Z", "2026-03-13T15:00:00Z", "b1");
    await busy("2026-03-13T15:00:00Z", "2026-03-13T20:45:00Z", "b2");
    await calendar.create({
      subject: "Free",
      bodyHtml: "",
      start: "2026-03-17T13:00:00Z",
      end: "2026-03-17T14:00:00Z",
      categories: [],
      reminderMinutes: null,
      showAs: "free",
      attendees: [],
      transactionId: "f1",
    });
    const msg = inbound("Call me on March 13 at 10:30am.");
    const plan = await service.plan(msg, "read");
    const prepared = await service.prepare(msg, plan, {
      date: "2026-03-13",
      time: "10:30",
      kind: "meeting",
      matterId: "m1",
      invite: null,
    });
    expect(prepared.moved).toBe(true);
    expect(prepared.requestedStart).toBe("2026-03-13T14:30:00.000Z");
    expect(prepared.start).toBe("2026-03-17T13:00:00.000Z"); // 09:00 EDT Tuesday; a free event does not block
    const free = await service.prepare(msg, plan, {
      date: "2026-03-12",
      time: "10:30",
      kind: "meeting",
      matterId: "m1",
      invite: null,
    });
    expect(free.moved).toBe(false);
    expect(free.start).toBe("2026-03-12T14:30:00.000Z");
  });
});

describe("no-reply reminders", () => {
  function seedSent(sim: ReturnType<typeof setup>["sim"]) {
    return sim.addMessage("ann@firm.example", "sentitems", {
      internetMessageId: "<out-1@firm.example>",
      conversationId: "conv-9",
      subject: "Draft lease",
      from: { emailAddress: { address: "ann@firm.example" } },
      toRecipients: [{ emailAddress: { address: "carla@acme.example" } }],
      ccRecipients: [{ emailAddress: { address: "bob@firm.example" } }],
      sentDateTime: "2026-03-12T15:00:00Z",
      receivedDateTime: "2026-03-12T15:00:00Z",
      body: { contentType: "text", content: "Here is the draft." },
    });
  }
  const sent = identifiedMessage("<out-1@firm.example>", {
    conversationId: "conv-9",
    subject: "Draft lease",
    from: { email: "ann@firm.example" },
    to: [{ email: "carla@acme.example" }],
    cc: [{ email: "bob@firm.example" }],
    sentAt: "2026-03-12T15:00:00Z",
    receivedAt: "2026-03-12T15:00:00Z",
    bodyText: "Here is the draft.",
  });

  it("creates a reminder N working days later and removes it when the client replies (not on an out-of-office)", async () => {
    const { service, sim } = setup({ now: "2026-03-12T15:05:00Z" });
    seedSent(sim);
    const plan = await service.plan(sent, "read");
    expect(plan.noReplyWaitingFor).toEqual(["carla@acme.example"]);
    const result = await service.remindNoReply(sent, "read", 2);
    expect(result.entry.start).toBe("2026-03-17T13:00:00.000Z"); // Thu + 2 working days, holiday skipped: Tue 09:00 EDT
    expect(result.entry.reminder?.waitingFor).toEqual(["carla@acme.example"]);
    expect(sim.events("ann@firm.example")).toHaveLength(1);
    expect((await service.reminderFor(sent, "read"))?.transactionId).toBe(result.entry.transactionId);

    expect((await service.checkReplies()).removed).toEqual([]);
    sim.addMessage("ann@firm.example", "inbox", {
      internetMessageId: "<ooo@acme.example>",
      conversationId: "conv-9",
      subject: "Automatic reply: Draft lease",
      from: { emailAddress: { address: "carla@acme.example" } },
      receivedDateTime: "2026-03-12T15:01:00Z",
    });
    expect((await service.checkReplies()).removed).toEqual([]);
    sim.addMessage("ann@firm.example", "inbox", {
      internetMessageId: "<re-1@acme.example>",
      conversationId: "conv-9",
      subject: "RE: Draft lease",
      from: { emailAddress: { address: "carla@acme.example" } },
      receivedDateTime: "2026-03-13T12:00:00Z",
    });
    const check = await service.checkReplies();
    expect(check.removed.map((e) => e.transactionId)).toEqual([result.entry.transactionId]);
    expect(check.removed[0].status).toBe("replied");
    expect(sim.events("ann@firm.example")).toHaveLength(0);
    expect(await service.upcoming()).toEqual([]);
  });

  it("from compose mode: finds the sent message later to learn its conversation", async () => {
    const { service, sim } = setup({ now: "2026-03-12T14:59:00Z" });
    const draft: MailMessage = { ...sent, id: "draft:new", internetMessageId: null, conversationId: null, sentAt: null, receivedAt: null };
    const result = await service.remindNoReply(draft, "compose", 3);
    expect(result.outcome).toBe("created");
    seedSent(sim);
    sim.addMessage("ann@firm.example", "inbox", {
      internetMessageId: "<re-2@acme.example>",
      conversationId: "conv-9",
      subject: "RE: Draft lease",
      from: { emailAddress: { address: "carla@acme.example" } },
      receivedDateTime: "2026-03-13T12:00:00Z",
    });
    const check = await service.checkReplies();
    expect(check.removed).toHaveLength(1);
    expect(sim.events("ann@firm.example")).toHaveLength(0);
  });

  it("refuses mail to no one outside the firm, and reports offline without deciding", async () => {
    const { service, sim } = setup({ now: "2026-03-12T15:05:00Z" });
    await expect(service.remindNoReply({ ...sent, to: [{ email: "bob@firm.example" }], cc: [] }, "read", 2)).rejects.toBeInstanceOf(
      MatterlineError,
    );
    seedSent(sim);
    await service.remindNoReply(sent, "read", 2);
    sim.setOffline(true);
    const check = await service.checkReplies();
    expect(check).toMatchObject({ offline: true, removed: [] });
  });
});

describe("check-ins, upcoming list, edit and cancel", () => {
  it("creates a fortnightly series for a matter and lists it under the matter", async () => {
    const { service, sim } = setup();
    const result = await service.startCheckIn("m2", "biweekly");
    const [ev] = sim.events("ann@firm.example");
    expect(ev.recurrence).toMatchObject({ pattern: { type: "weekly", interval: 2, daysOfWeek: ["wednesday"] } });
    expect(ev.subject).toBe("Check-in: Acme Ltd — 2026-0013 Supply dispute");
    expect(result.entry.start).toBe("2026-03-11T13:00:00.000Z");
    const groups = await service.upcoming();
    expect(groups.map((g) => [g.matterId, g.entries.map((e) => e.type)])).toEqual([["m2", ["check-in"]]]);
    await service.startCheckIn("m2", "biweekly");
    expect(sim.events("ann@firm.example")).toHaveLength(1);
  });

  it("reschedules (keeping the length) and cancels through Graph; refresh notices a deletion in Outlook", async () => {
    const { service, sim, setNow } = setup();
    const msg = inbound("Please send it by March 13. The hearing is on March 20 at 10am.");
    const plan = await service.plan(msg, "read");
    const a = await service.schedule(
      await service.prepare(msg, plan, { date: "2026-03-13", kind: "deadline", matterId: "m1", invite: null }),
    );
    const b = await service.schedule(
      await service.prepare(msg, plan, { date: "2026-03-20", time: "10:00", kind: "hearing", matterId: "m1", invite: null }),
    );
    const moved = await service.reschedule(a.entry.transactionId, "2026-03-18", "14:30");
    expect(moved.start).toBe("2026-03-18T18:30:00.000Z");
    expect(moved.end).toBe("2026-03-18T19:00:00.000Z");
    expect(sim.events("ann@firm.example").find((e) => e.id === a.entry.eventId)?.start.dateTime).toMatch(/^2026-03-18T18:30/);
    await expect(service.reschedule(a.entry.transactionId, "2026-02-30", "10:00")).rejects.toBeInstanceOf(MatterlineError);

    await service.cancel(b.entry.transactionId);
    expect(sim.events("ann@firm.example").map((e) => e.id)).toEqual([a.entry.eventId]);
    expect((await service.upcoming())[0].entries.map((e) => e.transactionId)).toEqual([a.entry.transactionId]);

    // The user deletes the event in Outlook:
    await createGraphCalendarWriter(
      createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("t") }, fetchImpl: sim.fetch }),
    ).remove(a.entry.eventId!);
    expect(await service.refresh()).toEqual({ offline: false, changed: 1 });
    expect(await service.upcoming()).toEqual([]);
    setNow("2026-04-01T00:00:00Z");
    expect(await service.refresh()).toEqual({ offline: false, changed: 0 });
  });

  it("reschedules a queued create before it is sent (the queued payload is replaced), then cancels it", async () => {
    const { service, sim, drain, outbox } = setup();
    const msg = inbound("Please send it by March 13.");
    const plan = await service.plan(msg, "read");
    sim.setOffline(true);
    const r = await service.schedule(
      await service.prepare(msg, plan, { date: "2026-03-13", kind: "deadline", matterId: "m1", invite: null }),
    );
    await service.reschedule(r.entry.transactionId, "2026-03-19", "11:00");
    expect(await outbox.list()).toHaveLength(1);
    sim.setOffline(false);
    await drain();
    expect(sim.events("ann@firm.example")[0].start.dateTime).toMatch(/2026-03-19T15:00/); // 11:00 EDT, stored in UTC;
    await service.cancel(r.entry.transactionId);
    expect(sim.events("ann@firm.example")).toHaveLength(0);
  });
});

describe("offline cancel and other devices", () => {
  it("cancelling offline queues one idempotent delete instead of failing; it goes out when back online", async () => {
    const { service, sim, drain, outbox, setNow, queuedCount } = setup();
    const msg = inbound("Please send it by March 13.");
    const plan = await service.plan(msg, "read");
    const r = await service.schedule(
      await service.prepare(msg, plan, { date: "2026-03-13", kind: "deadline", matterId: "m1", invite: null }),
    );
    expect(sim.events("ann@firm.example")).toHaveLength(1);
    sim.setOffline(true);
    const cancelled = await service.cancel(r.entry.transactionId);
    expect(cancelled).toMatchObject({ status: "cancelled", deleteQueued: true });
    expect(queuedCount()).toBe(1);
    expect(await service.upcoming()).toEqual([]);
    // Cancelling again (another click, another pane) queues no second delete.
    await service.cancel(r.entry.transactionId);
    const ops = await outbox.list();
    expect(ops.map((o) => [o.kind, o.key])).toEqual([[EVENT_DELETE_OUTBOX_KIND, `event-delete:${r.entry.eventId}`]]);
    expect((await drain()).succeeded).toBe(0);
    // The event is still in the calendar meanwhile: a refresh does not bring the cancelled follow-up back.
    sim.setOffline(false);
    expect((await service.refresh()).offline).toBe(false);
    expect(await service.upcoming()).toEqual([]);
    setNow("2026-03-10T14:05:00Z");
    expect((await drain()).succeeded).toBe(1);
    expect(sim.events("ann@firm.example")).toHaveLength(0);
    expect(await outbox.list()).toEqual([]);
    // A delete repeated after a lost answer finds the event gone: no error.
    await followUpEventDeleteExecutor(
      createGraphCalendarWriter(createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("t") }, fetchImpl: sim.fetch })),
    )
      .execute([{ ...ops[0], attempts: 1 }])
      .then((out) => expect(out).toEqual([{ key: ops[0].key, ok: true, graphId: r.entry.eventId }]));
  });

  it("refresh picks up follow-ups made on another device (our transactionId; matter from its category), not others' events", async () => {
    const first = setup();
    const msg = inbound("Please send it by March 13. The hearing is on March 20 at 10am.");
    const plan = await first.service.plan(msg, "read");
    const made = await first.service.schedule(
      await first.service.prepare(msg, plan, { date: "2026-03-20", time: "10:00", kind: "hearing", matterId: "m1", invite: null }),
    );
    const noMatter = await first.service.schedule(
      await first.service.prepare(msg, plan, { date: "2026-03-13", kind: "deadline", matterId: null, invite: null }),
    );
    // Someone else's event, with a transactionId that is not ours, and one of ours already past.
    await first.calendar.create({
      subject: "Lunch",
      bodyHtml: "",
      start: "2026-03-12T16:00:00Z",
      end: "2026-03-12T17:00:00Z",
      categories: [],
      reminderMinutes: null,
      showAs: "busy",
      attendees: [],
      transactionId: "other-app-1",
    });

    // Another device: same mailbox (same simulator), its own empty store.
    const other = setup();
    const sameMailbox = createFollowUpService({
      calendar: first.calendar,
      series: createGraphSeriesWriter(first.graph),
      mail: createGraphMessageReader(first.graph),
      store: other.store,
      outbox: other.outbox,
      settings: other.settings,
      directory: () => Promise.resolve({ directory }),
      resolveMatter: () => Promise.resolve({ clientId: null, matterId: null, candidates: [] }),
      now: () => new Date("2026-03-10T15:00:00Z"),
      me: "ann@firm.example",
    });
    expect(await sameMailbox.upcoming()).toEqual([]);
    expect(await sameMailbox.refresh()).toEqual({ offline: false, changed: 2 });
    const groups = await sameMailbox.upcoming();
    expect(groups.map((g) => [g.matterId, g.entries.map((e) => e.subject)])).toEqual([
      [null, [noMatter.entry.subject]],
      ["m1", [made.entry.subject]],
    ]);
    const found = groups[1].entries[0];
    expect(found).toMatchObject({
      transactionId: made.entry.transactionId,
      eventId: made.entry.eventId,
      start: made.entry.start,
      end: made.entry.end,
      discovered: true,
      status: "scheduled",
    });
    // Nothing new the second time; and it can be edited and cancelled from here like one of its own.
    expect(await sameMailbox.refresh()).toEqual({ offline: false, changed: 0 });
    const moved = await sameMailbox.reschedule(found.transactionId, "2026-03-19", "11:00");
    expect(moved.start).toBe("2026-03-19T15:00:00.000Z");
    await sameMailbox.cancel(found.transactionId);
    expect(
      first.sim
        .events("ann@firm.example")
        .map((e) => e.subject)
        .sort(),
    ).toEqual(["Lunch", noMatter.entry.subject].sort());
  });
});

describe("settings", () => {
  it("defaults, validates and saves", async () => {
    const { service } = setup();
    expect(await service.settings()).toEqual({ reminderMinutes: 15, durationMinutes: 30, noReplyDays: 3 });
    await expect(service.saveSettings({ reminderMinutes: -1, durationMinutes: 30, noReplyDays: 3 })).rejects.toBeInstanceOf(
      MatterlineError,
    );
    await expect(service.saveSettings({ reminderMinutes: 10, durationMinutes: 30, noReplyDays: 0 })).rejects.toBeInstanceOf(
      MatterlineError,
    );
    await service.saveSettings({ reminderMinutes: 0, durationMinutes: 60, noReplyDays: 5 });
    expect(await service.settings()).toEqual({ reminderMinutes: 0, durationMinutes: 60, noReplyDays: 5 });
  });
});
