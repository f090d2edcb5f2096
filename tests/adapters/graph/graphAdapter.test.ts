import { describe, expect, it } from "vitest";
import { createGraphSimulator, type GraphSimulator } from "@simulators/graph";
import { checkInSeries } from "@domain/followUps/eventDraft";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import {
  createGraphCalendarWriter,
  createGraphSeriesWriter,
  createGraphClient,
  createGraphDirectoryFileReader,
  createGraphMailboxMirror,
  createGraphMailboxSettingsReader,
  createGraphMailSender,
  createGraphMessageReader,
  createGraphCategoryFlagWriter,
  MATTER_PROPERTY_ID,
} from "@adapters/graph";
import type { MirrorItem } from "@ports/mailboxMirror";
import { MatterlineError } from "@domain/errors";

function setup(simOpts: Parameters<typeof createGraphSimulator>[0] = {}, clientOpts: { timeoutMs?: number } = {}) {
  const sim = createGraphSimulator({ signedInUser: "ann@firm.example", inFlightRetryAfterSec: 0, ...simOpts });
  const scopesAsked: string[][] = [];
  const graph = createGraphClient({
    tokenProvider: {
      getToken: (scopes) => {
        scopesAsked.push([...scopes]);
        return Promise.resolve("token");
      },
    },
    fetchImpl: sim.fetch,
    readRetryDelayMs: 1,
    ...clientOpts,
  });
  return { sim, graph, scopesAsked };
}

function seed(sim: GraphSimulator, n: number, mailbox = "me", folder = "inbox") {
  return Array.from({ length: n }, (_, i) =>
    sim.addMessage(mailbox, folder, {
      internetMessageId: `<msg-${folder}-${i}@client.example>`,
      conversationId: `conv-${i}`,
      subject: `Subject ${i}`,
      receivedDateTime: new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString(),
      from: { emailAddress: { name: "Client", address: "Client@Acme.example" } },
      body: { contentType: "html", content: `<p>Hello ${i}</p>` },
      categories: i === 0 ? ["Personal"] : [],
    }),
  );
}

function items(sim: GraphSimulator, n: number, mailbox: string | null = null): MirrorItem[] {
  return sim
    .messages(mailbox ?? "me", "inbox")
    .slice(0, n)
    .map((m, i) => ({
      key: `k${i}`,
      graphId: i % 2 ? m.id : null,
      internetMessageId: m.internetMessageId!,
      mailbox,
      category: { name: "2025-0042 Harbour lease", color: "preset7" },
      removeCategories: [],
      matterId: "m-42",
    }));
}

describe("Graph client middleware", () => {
  it("sends the token with per-request scopes and Prefer ImmutableId, keeping the caller's Prefer", async () => {
    const { sim, graph, scopesAsked } = setup();
    sim.addSharedMailbox("team@firm.example");
    await graph.call({ method: "GET", path: "/me/messages", headers: { Prefer: 'outlook.body-content-type="text"' } });
    await graph.call({ method: "GET", path: "/users/team@firm.example/messages" });
    await graph.call({ method: "GET", path: "/me/calendarView?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-01-02T00:00:00Z" });
    expect(sim.stats.log.every((l) => l.prefer.includes('IdType="ImmutableId"'))).toBe(true);
    expect(sim.stats.log[0].prefer).toContain("outlook.body-content-type");
    expect(scopesAsked).toEqual([["Mail.ReadWrite"], ["Mail.ReadWrite.Shared", "Mail.ReadWrite"], ["Calendars.ReadWrite"]]);
  });

  it("keeps at most 4 requests in flight per mailbox, so 30 parallel calls see no 429", async () => {
    const { sim, graph } = setup({ latencyMs: 10 });
    seed(sim, 3);
    await Promise.all(Array.from({ length: 30 }, () => graph.call({ method: "GET", path: "/me/messages" })));
    expect(sim.stats.maxInFlight).toBe(4);
    expect(sim.stats.throttled).toBe(0);
  });

  it("rides out a throttling storm honouring Retry-After, and 503/504", async () => {
    const { sim, graph } = setup({ latencyMs: 2 });
    seed(sim, 3);
    sim.throttle429(8, 0);
    sim.failNext(2, { status: 503, retryAfterSec: 0 });
    sim.failNext(1, { status: 504, retryAfterSec: 0 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => graph.call<{ value: unknown[] }>({ method: "GET", path: "/me/messages" })),
    );
    expect(results.every((r) => r.value.length === 3)).toBe(true);
    expect(sim.pendingFaults()).toBe(0);
  });

  it("maps failures to MatterlineError codes with plain messages", async () => {
    const { sim, graph } = setup({}, { timeoutMs: 30 });
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e) => e as MatterlineError,
      );
    sim.setOffline(true);
    expect((await fail(graph.call({ method: "GET", path: "/me/messages" })))?.code).toBe("offline");
    sim.setOffline(false);
    sim.failNext(3, "timeout");
    const t = await fail(graph.call({ method: "GET", path: "/me/messages" }));
    expect(t).toBeInstanceOf(MatterlineError);
    expect(t?.code).toBe("timeout");
    expect((await fail(graph.call({ method: "PATCH", path: "/me/messages/nope", body: {} })))?.code).toBe("not-found");
    sim.throttle429(20, 0);
    expect((await fail(graph.call({ method: "GET", path: "/me/messages" })))?.code).toBe("throttled");
    sim.throttle429(0, 0);
    const badAuth = createGraphClient({
      tokenProvider: { getToken: async () => Promise.reject(new Error("no account")) },
      fetchImpl: sim.fetch,
    });
    const a = await fail(badAuth.call({ method: "GET", path: "/me/messages" }));
    expect(a?.code).toBe("auth-failed");
    expect(a?.message).not.toMatch(/undefined/);
  });

  it("retries reads after a dropped connection (nothing lost)", async () => {
    const { sim, graph } = setup();
    seed(sim, 2);
    sim.failNext(2, "drop");
    const r = await graph.call<{ value: unknown[] }>({ method: "GET", path: "/me/messages" });
    expect(r.value).toHaveLength(2);
  });
});

describe("MailboxMirror over Graph", () => {
  it("mirrors 100 entries in at most 10 requests, creating the master category once", async () => {
    const { sim, graph } = setup();
    seed(sim, 100);
    const mirror = createGraphMailboxMirror(graph);
    sim.resetStats();
    const out = await mirror.apply(items(sim, 100));
    expect(out.every((o) => o.ok)).toBe(true);
    expect(sim.stats.totalRequests).toBeLessThanOrEqual(10);
    expect(sim.masterCategories("me").map((c) => c.displayName)).toEqual(["2025-0042 Harbour lease"]);
    const first = sim.messages("me", "inbox")[0];
    expect(first.categories).toEqual(["Personal", "2025-0042 Harbour lease"]);
    expect(first.singleValueExtendedProperties).toEqual([{ id: MATTER_PROPERTY_ID, value: "m-42" }]);
  });

  it("is idempotent: applying twice, or after a drop-after-commit, doubles nothing", async () => {
    const { sim, graph } = setup();
    seed(sim, 30);
    const mirror = createGraphMailboxMirror(graph);
    sim.failNext(1, "drop-after-commit", (r) => r.path === "/$batch" && JSON.stringify(r.body).includes("PATCH"));
    const first = await mirror.apply(items(sim, 30));
    expect(first.some((o) => !o.ok && o.retryable)).toBe(true);
    const again = await mirror.apply(items(sim, 30));
    expect(again.every((o) => o.ok)).toBe(true);
    await mirror.apply(items(sim, 30));
    for (const m of sim.messages("me", "inbox")) expect(m.categories!.filter((c) => c === "2025-0042 Harbour lease")).toHaveLength(1);
    expect(sim.masterCategories("me")).toHaveLength(1);
  });

  it("reports per-item failures (5xx inside the batch, offline) as retryable and never throws", async () => {
    const { sim, graph } = setup();
    seed(sim, 5);
    const mirror = createGraphMailboxMirror(graph);
    sim.failNext(1, { status: 500 }, (r) => r.inBatch && r.method === "PATCH");
    const out = await mirror.apply(items(sim, 5));
    expect(out.filter((o) => !o.ok)).toHaveLength(1);
    expect(out.find((o) => !o.ok)).toMatchObject({ retryable: true });
    sim.setOffline(true);
    const off = await mirror.apply(items(sim, 5));
    expect(off.every((o) => !o.ok && o.retryable)).toBe(true);
    sim.setOffline(false);
    expect((await mirror.apply(items(sim, 5))).every((o) => o.ok)).toBe(true);
  });

  it("re-files: takes the old matter's category off and rewrites the property; works in a shared mailbox", async () => {
    const { sim, graph } = setup();
    sim.addSharedMailbox("team@firm.example", { id: "shared-7" });
    seed(sim, 2, "team@firm.example");
    const mirror = createGraphMailboxMirror(graph);
    const base = items(sim, 2, "shared-7");
    await mirror.apply(base);
    await mirror.apply(
      base.map((i) => ({
        ...i,
        category: { name: "2025-0050 Other", color: "preset3" },
        removeCategories: ["2025-0042 Harbour lease"],
        matterId: "m-50",
      })),
    );
    const m = sim.messages("team@firm.example", "inbox")[1];
    expect(m.categories).toEqual(["2025-0050 Other"]);
    expect(m.singleValueExtendedProperties?.[0].value).toBe("m-50");
    expect(sim.stats.requestsByPath["POST /$batch"]).toBeGreaterThan(0);
    expect(Object.keys(sim.stats.requestsByPath).some((k) => k.includes("/users/shared-7/messages"))).toBe(true);
  });

  it("an item not in the mailbox is a retryable failure, not a crash", async () => {
    const { graph } = setup();
    const mirror = createGraphMailboxMirror(graph);
    const [o] = await mirror.apply([
      {
        key: "x",
        graphId: null,
        internetMessageId: "<absent@x>",
        mailbox: null,
        category: { name: "C", color: "preset1" },
        removeCategories: [],
        matterId: "m",
      },
    ]);
    expect(o).toMatchObject({ ok: false, retryable: true });
  });
});

describe("Reader, calendar, mail, settings, shared file, overdue flag", () => {
  it("lists a window with $select and $top=1000 following nextLink, and reads a mark back", async () => {
    const { sim, graph } = setup();
    seed(sim, 1200);
    const reader = createGraphMessageReader(graph);
    sim.resetStats();
    const list = await reader.listWindow({ mailbox: null, folder: "inbox", since: "2026-03-01T08:00:00Z" }, { includeBody: true });
    expect(list).toHaveLength(1200);
    expect(sim.stats.totalRequests).toBe(2);
    expect(sim.stats.log[0].url).toContain("$top=1000");
    expect(list[0].from?.email).toBe("client@acme.example");
    expect(list[0].bodyText).toContain("Hello");
    expect(list[0].webLink).toContain("ItemID=");
    await createGraphMailboxMirror(graph).apply(items(sim, 1));
    const mark = await reader.readMark(null, sim.messages("me", "inbox")[0].internetMessageId!);
    expect(mark).toMatchObject({ matterId: "m-42" });
    expect(await reader.readMark(null, "<nope@x>")).toBeNull();
    const relisted = await reader.listWindow({
      mailbox: null,
      folder: "inbox",
      since: "2026-03-01T08:00:00Z",
      until: "2026-03-01T08:01:00Z",
    });
    expect(relisted.map((m) => m.loggedMatterId)).toEqual(["m-42"]);
    sim.addMessage("me", "sentitems", { conversationId: "conv-3", receivedDateTime: "2026-03-02T00:00:00Z" });
    expect((await reader.listConversation(null, "conv-3")).map((m) => m.receivedAt)).toEqual([
      "2026-03-01T08:03:00.000Z",
      "2026-03-02T00:00:00.000Z",
    ]);
  });

  it("reads selected messages by id in $batches of 20, as text, with their marks; a missing one fails alone", async () => {
    const { sim, graph } = setup();
    seed(sim, 45);
    const reader = createGraphMessageReader(graph);
    await createGraphMailboxMirror(graph).apply(items(sim, 1));
    const ids = sim.messages("me", "inbox").map((m) => m.id);
    sim.resetStats();
    const read = await reader.readByIds(null, [...ids, "gone-id"]);
    expect(sim.stats.totalRequests).toBe(3); // 46 reads: 20 + 20 + 6
    expect(read.size).toBe(46);
    const first = read.get(ids[0]);
    if (!first || first instanceof MatterlineError) throw new Error("the first message was not read");
    expect(first.bodyText.trim()).toBe("Hello 0"); // the HTML body, as text (Prefer body-content-type)
    expect(first.loggedMatterId).toBe("m-42");
    expect(first.from?.email).toBe("client@acme.example");
    expect(read.get("gone-id")).toBeInstanceOf(MatterlineError);
    expect([...read.values()].filter((m) => m instanceof MatterlineError)).toHaveLength(1);
  });

  it("creates an event once even when the response is lost, lists, updates and deletes it", async () => {
    const { sim, graph } = setup();
    const cal = createGraphCalendarWriter(graph, { retryDelayMs: 1 });
    sim.failNext(1, "drop-after-commit", (r) => r.method === "POST" && r.path === "/me/events");
    const input = {
      subject: "Follow up",
      bodyHtml: "<p>x</p>",
      start: "2026-03-03T14:00:00Z",
      end: "2026-03-03T14:30:00Z",
      categories: ["2025-0042 Harbour lease"],
      reminderMinutes: 15,
      showAs: "free" as const,
      attendees: [],
      transactionId: "tx-42",
    };
    const ev = await cal.create(input);
    expect(sim.events("me")).toHaveLength(1);
    expect(ev.start).toBe("2026-03-03T14:00:00.000Z");
    expect((await cal.create(input)).id).toBe(ev.id);
    expect(sim.events("me")).toHaveLength(1);
    expect(await cal.listView("2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z")).toHaveLength(1);
    expect((await cal.update(ev.id, { subject: "Changed" })).subject).toBe("Changed");
    await cal.remove(ev.id);
    await cal.remove(ev.id);
    expect(sim.events("me")).toHaveLength(0);
  });

  it("writes event times in the firm's zone under its Windows name, for single events, updates and series", async () => {
    const { sim, graph } = setup();
    const cal = createGraphCalendarWriter(graph, { retryDelayMs: 1 });
    // Europe/Dublin is not among the IANA names Graph's calendar takes: sent raw, Graph would refuse the event.
    const ev = await cal.create({
      subject: "Follow up",
      bodyHtml: "<p>x</p>",
      start: "2026-07-03T08:00:00Z",
      end: "2026-07-03T08:30:00Z",
      categories: [],
      reminderMinutes: 15,
      showAs: "free",
      sensitivity: "private",
      attendees: [],
      transactionId: "tx-dublin",
      timeZone: "Europe/Dublin",
    });
    const [stored] = sim.events("me");
    expect(stored).toMatchObject({ originalStartTimeZone: "GMT Standard Time", sensitivity: "private" });
    expect(ev.start).toBe("2026-07-03T08:00:00.000Z"); // 09:00 Irish summer time
    await cal.update(ev.id, { start: "2026-07-06T08:00:00Z", end: "2026-07-06T08:30:00Z", timeZone: "Europe/Dublin" });
    expect(sim.events("me")[0]).toMatchObject({
      originalStartTimeZone: "GMT Standard Time",
      start: { dateTime: "2026-07-06T08:00:00.0000000" },
    });

    const detroit = createFirmCalendar({
      timeZone: "America/Detroit",
      workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
      holidays: [],
    });
    const payload = checkInSeries({ id: "m1", number: "2026-0001", title: "Lease" }, "weekly", "2026-03-02T14:00:00Z", {
      clientName: "Acme",
      calendar: detroit,
    });
    const series = await createGraphSeriesWriter(graph).createSeries(payload);
    expect(series.start).toBe("2026-03-02T14:00:00.000Z");
    const made = sim.events("me").find((e) => e.id === series.id);
    expect(made).toMatchObject({
      originalStartTimeZone: "Eastern Standard Time",
      recurrence: { range: { recurrenceTimeZone: "Eastern Standard Time" } },
    });
  });

  it("sends mail, reads working hours (null for a shared mailbox), reads a shared file", async () => {
    const { sim, graph } = setup();
    await createGraphMailSender(graph).send({ to: [{ email: "ann@firm.example" }], subject: "Overdue digest", html: "<p>3 overdue</p>" });
    expect(sim.sentMail("me")[0].subject).toBe("Overdue digest");
    const settings = createGraphMailboxSettingsReader(graph);
    expect(await settings.workingHours()).toEqual({ timeZone: "UTC", days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" });
    sim.addSharedMailbox("team@firm.example");
    expect(await settings.workingHours("team@firm.example")).toBeNull();
    sim.addSharedFile("https://firm.sharepoint.example/:u:/s/directory.json", '{"firm":{}}');
    const files = createGraphDirectoryFileReader(graph);
    expect(await files.readSharedFile("https://firm.sharepoint.example/:u:/s/directory.json")).toBe('{"firm":{}}');
    await expect(files.readSharedFile("https://firm.sharepoint.example/missing")).rejects.toMatchObject({ code: "not-found" });
  });

  it("sets and clears the Overdue reply category without touching others", async () => {
    const { sim, graph } = setup();
    const [m] = seed(sim, 1);
    const flags = createGraphCategoryFlagWriter(graph);
    const item = { key: "a", mailbox: null, graphId: m.id, internetMessageId: m.internetMessageId! };
    expect((await flags.setCategory([item], true))[0].ok).toBe(true);
    expect(sim.message("me", m.id)!.categories).toEqual(["Personal", "Overdue reply"]);
    await flags.setCategory([item], false);
    expect(sim.message("me", m.id)!.categories).toEqual(["Personal"]);
  });
});
