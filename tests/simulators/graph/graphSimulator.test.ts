import { describe, expect, it } from "vitest";
import {
  createGraphSimulator,
  encodeSharingUrl,
  type GraphEvent,
  type GraphMailboxSettings,
  type GraphMasterCategory,
  type GraphMessage,
  type GraphSimulator,
} from "@simulators/graph/index";

const BASE = "https://graph.microsoft.com/v1.0";
const PROP = "String {6b1f3b2a-8c4d-4e5f-9a7b-0c1d2e3f4a5b} Name MatterId";

/** A Graph collection answer. */
interface Page<T> {
  value: T[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

/** Graph's error body. */
interface GraphErrorBody {
  error: { code: string; message: string };
}

/** A $batch answer. */
interface BatchBody {
  responses: Array<{ id: string; status: number }>;
}

/** A getSchedule answer (the part read here). */
interface ScheduleBody {
  value: Array<{ scheduleId: string; scheduleItems: unknown[] }>;
}

interface Answer<T> {
  status: number;
  headers: Headers;
  /** The parsed body as the test expects Graph to shape it; null for an empty body (the tests read only the status then). */
  json: T;
  text: string;
}

async function call<T = unknown>(
  sim: GraphSimulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const res = await sim.fetch(path.startsWith("http") ? path : `${BASE}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : null) as T, text };
}

function seedInbox(sim: GraphSimulator, n: number, mailbox = "me") {
  for (let i = 0; i < n; i++) {
    sim.addMessage(mailbox, "inbox", {
      subject: `Message ${i}`,
      conversationId: `conv-${i % 7}`,
      internetMessageId: `<m${i}@client.example>`,
      receivedDateTime: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      from: { emailAddress: { name: `Sender ${i % 3}`, address: `sender${i % 3}@client.example` } },
      categories: i % 5 === 0 ? ["Five"] : [],
    });
  }
}

describe("Graph simulator: listing", () => {
  it("pages with @odata.nextLink until every message is seen once", async () => {
    const sim = createGraphSimulator();
    seedInbox(sim, 25);
    const seen: string[] = [];
    let url: string | undefined = `${BASE}/me/mailFolders/inbox/messages?$top=10`;
    let pages = 0;
    while (url) {
      const r: Answer<Page<GraphMessage>> = await call(sim, "GET", url);
      seen.push(...r.json.value.map((m) => m.id));
      url = r.json["@odata.nextLink"];
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
  });

  it("defaults $top to 10 and caps it at 1000", async () => {
    const sim = createGraphSimulator();
    seedInbox(sim, 1005);
    expect((await call<Page<GraphMessage>>(sim, "GET", "/me/messages")).json.value).toHaveLength(10);
    const r = await call<Page<GraphMessage>>(sim, "GET", "/me/messages?$top=5000");
    expect(r.json.value).toHaveLength(1000);
    expect(r.json["@odata.nextLink"]).toContain("$skip=1000");
  });

  it("$select returns only the chosen fields plus id", async () => {
    const sim = createGraphSimulator();
    seedInbox(sim, 1);
    const r = await call<Page<GraphMessage>>(sim, "GET", "/me/messages?$select=subject,conversationId");
    // Graph adds the item's version (@odata.etag) to every Outlook item, selected or not
    expect(Object.keys(r.json.value[0]).sort()).toEqual(["@odata.etag", "conversationId", "id", "subject"]);
  });

  it("filters on received time, conversationId, internetMessageId, categories, sender address, with and/or", async () => {
    const sim = createGraphSimulator();
    seedInbox(sim, 30);
    const q = async (f: string) =>
      (await call<Page<GraphMessage>>(sim, "GET", `/me/messages?$top=100&$filter=${encodeURIComponent(f)}`)).json.value.length;
    expect(await q("receivedDateTime ge 2026-01-01T00:10:00Z and receivedDateTime lt 2026-01-01T00:20:00Z")).toBe(10);
    expect(await q("conversationId eq 'conv-3'")).toBe(4);
    expect(await q("internetMessageId eq '<m7@client.example>'")).toBe(1);
    expect(await q("categories/any(c:c eq 'Five')")).toBe(6);
    expect(await q("from/emailAddress/address eq 'SENDER1@client.example'")).toBe(10);
    expect(await q("conversationId eq 'conv-1' or conversationId eq 'conv-2'")).toBe(9);
    expect(await q("sentDateTime ge 2026-01-01T00:29:00Z")).toBe(1);
  });

  it("answers 400 InefficientFilter when $orderby properties do not lead the filter", async () => {
    const sim = createGraphSimulator();
    seedInbox(sim, 5);
    const bad = await call<GraphErrorBody>(
      sim,
      "GET",
      `/me/messages?$filter=${encodeURIComponent("conversationId eq 'conv-1'")}&$orderby=receivedDateTime desc`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("InefficientFilter");
    const good = await call<Page<GraphMessage>>(
      sim,
      "GET",
      `/me/messages?$filter=${encodeURIComponent("receivedDateTime ge 2020-01-01T00:00:00Z and conversationId eq 'conv-1'")}&$orderby=receivedDateTime desc`,
    );
    expect(good.status).toBe(200);
    const times = good.json.value.map((m) => m.receivedDateTime);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("expands only the filtered extended property, and rejects a malformed filter with a Graph error body", async () => {
    const sim = createGraphSimulator();
    const m = sim.addMessage("me", "inbox", {
      singleValueExtendedProperties: [
        { id: PROP, value: "m1" },
        { id: "String {00000000-0000-0000-0000-000000000000} Name Other", value: "x" },
      ],
    });
    const plain = await call<GraphMessage>(sim, "GET", `/me/messages/${m.id}`);
    expect(plain.json.singleValueExtendedProperties).toBeUndefined();
    const r = await call<GraphMessage>(
      sim,
      "GET",
      `/me/messages/${m.id}?$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${PROP}')`)}`,
    );
    expect(r.json.singleValueExtendedProperties).toEqual([{ id: PROP, value: "m1" }]);
    const bad = await call<GraphErrorBody>(sim, "GET", `/me/messages?$filter=${encodeURIComponent("subject eq 'unterminated")}`);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: "BadRequest" });
  });
});

describe("Graph simulator: writes", () => {
  it("PATCHes categories and extended properties (merged by id, case-insensitive)", async () => {
    const sim = createGraphSimulator();
    const m = sim.addMessage("me", "inbox", {});
    await call(sim, "PATCH", `/me/messages/${m.id}`, { categories: ["A"], singleValueExtendedProperties: [{ id: PROP, value: "m1" }] });
    await call(sim, "PATCH", `/me/messages/${m.id}`, { singleValueExtendedProperties: [{ id: PROP.toLowerCase(), value: "m2" }] });
    const stored = sim.message("me", m.id)!;
    expect(stored.categories).toEqual(["A"]);
    expect(stored.singleValueExtendedProperties).toEqual([{ id: PROP, value: "m2" }]);
    expect((await call<GraphErrorBody>(sim, "PATCH", "/me/messages/nope", { categories: [] })).json.error.code).toBe("ErrorItemNotFound");
  });

  it("versions messages: @odata.etag changes with every change; PATCH with a stale If-Match answers 412 and changes nothing", async () => {
    const sim = createGraphSimulator();
    const m = sim.addMessage("me", "inbox", { categories: ["A"] });
    const read = await call<GraphMessage>(sim, "GET", `/me/messages/${m.id}?$select=categories`);
    const etag = String(read.json["@odata.etag"]);
    expect(etag).toMatch(/^W\/"/);
    sim.updateMessage("me", m.id, { categories: ["A", "Colleague"] });
    const stale = await call<GraphErrorBody>(sim, "PATCH", `/me/messages/${m.id}`, { categories: ["A", "Mine"] }, { "If-Match": etag });
    expect(stale.status).toBe(412);
    expect(sim.message("me", m.id)!.categories).toEqual(["A", "Colleague"]);
    const fresh = await call<GraphMessage>(sim, "GET", `/me/messages/${m.id}?$select=categories`);
    expect(fresh.json["@odata.etag"]).not.toBe(etag);
    const ok = await call(
      sim,
      "PATCH",
      `/me/messages/${m.id}`,
      { categories: ["A", "Colleague", "Mine"] },
      {
        "If-Match": String(fresh.json["@odata.etag"]),
      },
    );
    expect(ok.status).toBe(200);
    expect(sim.message("me", m.id)!.categories).toEqual(["A", "Colleague", "Mine"]);
  });

  it("keeps the master category list and answers 409 on a duplicate name", async () => {
    const sim = createGraphSimulator();
    expect((await call(sim, "POST", "/me/outlook/masterCategories", { displayName: "2025-0042 Lease", color: "preset7" })).status).toBe(
      201,
    );
    const dup = await call(sim, "POST", "/me/outlook/masterCategories", { displayName: "2025-0042 lease", color: "preset1" });
    expect(dup.status).toBe(409);
    const list = await call<Page<GraphMasterCategory>>(sim, "GET", "/me/outlook/masterCategories");
    expect(list.json.value.map((c) => c.displayName)).toEqual(["2025-0042 Lease"]);
  });

  it("sendMail stores the message in sent items; reply keeps the conversation", async () => {
    const sim = createGraphSimulator({ signedInUser: "ann@firm.example" });
    const r = await call(sim, "POST", "/me/sendMail", {
      message: {
        subject: "Digest",
        body: { contentType: "html", content: "<p>x</p>" },
        toRecipients: [{ emailAddress: { address: "ann@firm.example" } }],
      },
    });
    expect(r.status).toBe(202);
    expect(sim.sentMail("me")).toHaveLength(1);
    expect(sim.sentMail("me")[0].from?.emailAddress.address).toBe("ann@firm.example");
    const inbound = sim.addMessage("me", "inbox", { conversationId: "c-1", subject: "Q" });
    await call(sim, "POST", `/me/messages/${inbound.id}/reply`, { comment: "Answer" });
    expect(sim.sentMail("me").filter((m) => m.conversationId === "c-1")).toHaveLength(1);
    expect((await call(sim, "POST", "/me/sendMail", { message: { subject: "x" } })).status).toBe(400);
  });
});

describe("Graph simulator: $batch", () => {
  it("runs up to 20 requests, honours dependsOn, rejects 21", async () => {
    const sim = createGraphSimulator();
    const ms = Array.from({ length: 20 }, () => sim.addMessage("me", "inbox", {}));
    const requests = ms.map((m, i) => ({
      id: String(i),
      method: "PATCH",
      url: `/me/messages/${m.id}`,
      headers: { "Content-Type": "application/json" },
      body: { categories: ["B"] },
    }));
    const ok = await call<BatchBody>(sim, "POST", "/$batch", { requests });
    expect(ok.status).toBe(200);
    expect(ok.json.responses.every((r) => r.status === 200)).toBe(true);
    expect(sim.messages("me").every((m) => m.categories?.includes("B"))).toBe(true);
    const tooMany = await call(sim, "POST", "/$batch", { requests: [...requests, { id: "20", method: "GET", url: "/me/messages" }] });
    expect(tooMany.status).toBe(400);
    const dep = await call<BatchBody>(sim, "POST", "/$batch", {
      requests: [
        { id: "a", method: "GET", url: "/me/messages/missing" },
        { id: "b", method: "GET", url: "/me/messages", dependsOn: ["a"] },
      ],
    });
    expect(dep.json.responses.map((r) => r.status)).toEqual([404, 424]);
    expect(sim.stats.batchSubRequests).toBe(22);
  });
});

describe("Graph simulator: throttling", () => {
  it("answers 429 with Retry-After when more than maxInFlight requests overlap", async () => {
    const sim = createGraphSimulator({ latencyMs: 20, maxInFlight: 4 });
    seedInbox(sim, 3);
    // Some of the six answer with a page, the throttled ones with an error body.
    const results = await Promise.all(Array.from({ length: 6 }, () => call<Partial<GraphErrorBody>>(sim, "GET", "/me/messages")));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const throttled = results.find((r) => r.status === 429)!;
    expect(throttled.headers.get("Retry-After")).toBe("1");
    expect(throttled.json.error?.code).toBe("ApplicationThrottled");
    expect(sim.stats.maxInFlight).toBe(4);
  });

  it("counts in-flight per mailbox (a shared mailbox has its own four)", async () => {
    const sim = createGraphSimulator({ latencyMs: 20 });
    sim.addSharedMailbox("team@firm.example", { id: "shared-1" });
    const r = await Promise.all([
      ...Array.from({ length: 4 }, () => call(sim, "GET", "/me/messages")),
      ...Array.from({ length: 4 }, () => call(sim, "GET", "/users/shared-1/messages")),
    ]);
    expect(r.every((x) => x.status === 200)).toBe(true);
    expect(sim.stats.maxInFlightByMailbox["team@firm.example"]).toBe(4);
  });

  it("answers 429 when the window budget is spent and recovers when the window slides", async () => {
    let now = 1_000_000;
    const sim = createGraphSimulator({ windowBudget: 3, clock: () => now });
    for (let i = 0; i < 3; i++) expect((await call(sim, "GET", "/me/messages")).status).toBe(200);
    const over = await call(sim, "GET", "/me/messages");
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("Retry-After"))).toBe(600);
    now += 10 * 60 * 1000 + 1;
    expect((await call(sim, "GET", "/me/messages")).status).toBe(200);
  });

  it("throttle429 sends n throttled answers with the given Retry-After", async () => {
    const sim = createGraphSimulator();
    sim.throttle429(2, 3);
    expect((await call(sim, "GET", "/me/messages")).headers.get("Retry-After")).toBe("3");
    expect((await call(sim, "GET", "/me/messages")).status).toBe(429);
    expect((await call(sim, "GET", "/me/messages")).status).toBe(200);
    expect(sim.stats.throttled).toBe(2);
  });
});

describe("Graph simulator: delta", () => {
  it("returns everything first, then only new, changed and removed messages since the token", async () => {
    const sim = createGraphSimulator();
    seedInbox(sim, 12);
    const ids = sim.messages("me", "inbox").map((m) => m.id);
    sim.addMessage("me", "sentitems", {});
    let url: string = `${BASE}/me/mailFolders/inbox/messages/delta?$select=subject&$filter=${encodeURIComponent("receivedDateTime ge 2026-01-01T00:02:00Z")}`;
    const first: string[] = [];
    let deltaLink: string | undefined;
    while (!deltaLink) {
      const r = await call<Page<GraphMessage>>(sim, "GET", url, undefined, { Prefer: "odata.maxpagesize=4" });
      expect(r.status).toBe(200);
      first.push(...r.json.value.map((m) => m.id));
      url = r.json["@odata.nextLink"] ?? "";
      deltaLink = r.json["@odata.deltaLink"];
    }
    expect(first).toHaveLength(10);
    const nothing = await call<Page<GraphMessage>>(sim, "GET", deltaLink);
    expect(nothing.json.value).toEqual([]);
    sim.updateMessage("me", ids[5], { isRead: true });
    sim.removeMessage("me", ids[6]);
    const added = sim.addMessage("me", "inbox", { receivedDateTime: "2026-02-01T00:00:00Z" });
    const changes = await call<Page<GraphMessage>>(sim, "GET", nothing.json["@odata.deltaLink"] ?? "");
    const byId = new Map(changes.json.value.map((m) => [m.id, m]));
    expect([...byId.keys()].sort()).toEqual([ids[5], ids[6], added.id].sort());
    expect(byId.get(ids[6])).toMatchObject({ "@removed": { reason: "deleted" } });
    expect(Object.keys(byId.get(added.id) as object).sort()).toEqual(["@odata.etag", "id", "subject"]);
  });

  for (const [answer, status, code] of [
    ["gone", 410, "Gone"],
    ["syncStateNotFound", 400, "syncStateNotFound"],
    ["resyncRequired", 400, "resyncRequired"],
  ] as const) {
    it(`forgets old cursors on expireDeltaTokens (${answer}: ${status} ${code}); a fresh round works`, async () => {
      const sim = createGraphSimulator();
      seedInbox(sim, 3);
      const first = await call<Page<GraphMessage>>(sim, "GET", "/me/mailFolders/inbox/messages/delta");
      sim.expireDeltaTokens("me", answer);
      const old = await call<GraphErrorBody>(sim, "GET", first.json["@odata.deltaLink"] ?? "");
      expect(old.status).toBe(status);
      expect(old.json.error.code).toBe(code);
      const fresh = await call<Page<GraphMessage>>(sim, "GET", "/me/mailFolders/inbox/messages/delta");
      expect(fresh.json.value).toHaveLength(3);
      expect((await call(sim, "GET", fresh.json["@odata.deltaLink"] ?? "")).status).toBe(200);
    });
  }

  it("accepts only a receivedDateTime ge filter", async () => {
    const sim = createGraphSimulator();
    const r = await call(sim, "GET", `/me/mailFolders/inbox/messages/delta?$filter=${encodeURIComponent("conversationId eq 'x'")}`);
    expect(r.status).toBe(400);
  });
});

describe("Graph simulator: calendar and settings", () => {
  const ev = {
    subject: "Follow up",
    start: { dateTime: "2026-03-02T14:00:00", timeZone: "UTC" },
    end: { dateTime: "2026-03-02T14:30:00", timeZone: "UTC" },
  };

  it("creates one event per transactionId, and supports GET/PATCH/DELETE and calendarView", async () => {
    const sim = createGraphSimulator();
    const a = await call<GraphEvent>(sim, "POST", "/me/events", { ...ev, transactionId: "tx-1" });
    const b = await call<GraphEvent>(sim, "POST", "/me/events", { ...ev, transactionId: "tx-1" });
    expect(a.status).toBe(201);
    expect(b.json.id).toBe(a.json.id);
    expect(sim.events("me")).toHaveLength(1);
    await call(sim, "PATCH", `/me/events/${a.json.id}`, { subject: "Changed" });
    expect((await call<GraphEvent>(sim, "GET", `/me/events/${a.json.id}`)).json.subject).toBe("Changed");
    const view = await call<Page<GraphEvent>>(
      sim,
      "GET",
      "/me/calendarView?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-03T00:00:00Z",
    );
    expect(view.json.value).toHaveLength(1);
    const outside = await call<Page<GraphEvent>>(
      sim,
      "GET",
      "/me/calendarView?startDateTime=2026-03-03T00:00:00Z&endDateTime=2026-03-04T00:00:00Z",
    );
    expect(outside.json.value).toHaveLength(0);
    expect((await call(sim, "GET", "/me/calendarView")).status).toBe(400);
    const sched = await call<ScheduleBody>(sim, "POST", "/me/calendar/getSchedule", {
      schedules: [sim.signedInUser],
      startTime: { dateTime: "2026-03-02T00:00:00", timeZone: "UTC" },
      endTime: { dateTime: "2026-03-03T00:00:00", timeZone: "UTC" },
    });
    expect(sched.json.value[0].scheduleItems).toHaveLength(1);
    expect((await call(sim, "DELETE", `/me/events/${a.json.id}`)).status).toBe(204);
    expect(sim.events("me")).toHaveLength(0);
  });

  it("takes event times only in zones Graph's calendar accepts: Windows names and the extra names it documents", async () => {
    const sim = createGraphSimulator();
    const at = (timeZone: string, day = "2026-03-02") => ({
      start: { dateTime: `${day}T09:00:00`, timeZone },
      end: { dateTime: `${day}T09:30:00`, timeZone },
    });
    const dublin = await call<GraphErrorBody>(sim, "POST", "/me/events", { subject: "x", ...at("Europe/Dublin") });
    expect(dublin.status).toBe(400);
    expect(dublin.json.error).toMatchObject({
      code: "TimeZoneNotSupportedException",
      message: "A valid TimeZone value must be specified. The following TimeZone value is not supported: 'Europe/Dublin'.",
    });
    expect(sim.events("me")).toHaveLength(0);
    expect((await call(sim, "POST", "/me/events", { subject: "x", ...at("GMT Standard Time") })).status).toBe(201);
    // America/New_York is on the page's list; the event keeps the instant, in UTC, and the zone it was written in.
    const ny = await call<GraphEvent>(sim, "POST", "/me/events", { subject: "x", ...at("America/New_York") });
    expect(ny.status).toBe(201);
    expect(ny.json.start).toEqual({ dateTime: "2026-03-02T14:00:00.0000000", timeZone: "UTC" });
    expect(ny.json.originalStartTimeZone).toBe("America/New_York");
    // Updates and series are held to the same rule.
    expect((await call(sim, "PATCH", `/me/events/${ny.json.id}`, at("Europe/Dublin", "2026-03-03"))).status).toBe(400);
    const weekly = { type: "weekly", interval: 1, daysOfWeek: ["monday"], firstDayOfWeek: "monday" };
    const series = (recurrenceTimeZone: string) => ({
      ...at("Eastern Standard Time"),
      recurrence: { pattern: weekly, range: { type: "noEnd", startDate: "2026-03-02", recurrenceTimeZone } },
    });
    expect((await call(sim, "POST", "/me/events", series("America/Detroit"))).status).toBe(400);
    expect((await call(sim, "POST", "/me/events", series("Eastern Standard Time"))).status).toBe(201);
    // A time with no zone at all is refused too.
    expect(
      (await call(sim, "POST", "/me/events", { start: { dateTime: "2026-03-02T09:00:00" }, end: { dateTime: "2026-03-02T10:00:00" } }))
        .status,
    ).toBe(400);
    // Prefer: outlook.timezone answers in that zone.
    const local = await call<GraphEvent>(sim, "GET", `/me/events/${ny.json.id}`, undefined, {
      Prefer: 'outlook.timezone="Eastern Standard Time"',
    });
    expect(local.json.start).toEqual({ dateTime: "2026-03-02T09:00:00.0000000", timeZone: "Eastern Standard Time" });
  });

  it("mailboxSettings works for the user and is denied (403) for a shared mailbox", async () => {
    const sim = createGraphSimulator();
    sim.addSharedMailbox("team@firm.example");
    expect((await call<GraphMailboxSettings>(sim, "GET", "/me/mailboxSettings")).json.workingHours.daysOfWeek).toHaveLength(5);
    const denied = await call<GraphErrorBody>(sim, "GET", "/users/team@firm.example/mailboxSettings");
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("ErrorAccessDenied");
  });

  it("serves a shared file by sharing URL and 404s an unknown one", async () => {
    const sim = createGraphSimulator();
    sim.addSharedFile("https://firm.sharepoint.example/:u:/s/dir.json", '{"ok":true}');
    const r = await call(sim, "GET", `/shares/${encodeSharingUrl("https://firm.sharepoint.example/:u:/s/dir.json")}/driveItem/content`);
    expect(r.text).toBe('{"ok":true}');
    expect((await call(sim, "GET", `/shares/${encodeSharingUrl("https://elsewhere.example/x")}/driveItem/content`)).status).toBe(404);
  });

  it("serves /users/{id|upn} and /beta, accepts Prefer ImmutableId, 404s an unknown user", async () => {
    const sim = createGraphSimulator();
    sim.addSharedMailbox("team@firm.example", { id: "u-42" });
    sim.addMessage("team@firm.example", "inbox", { subject: "Shared" });
    const byId = await call<Page<GraphMessage>>(sim, "GET", "/users/u-42/messages", undefined, { Prefer: 'IdType="ImmutableId"' });
    const byUpn = await call<Page<GraphMessage>>(sim, "GET", "https://graph.microsoft.com/beta/users/TEAM@firm.example/messages");
    expect(byId.json.value[0].subject).toBe("Shared");
    expect(byUpn.json.value[0].id).toBe(byId.json.value[0].id);
    expect(sim.stats.log[0].prefer).toContain("ImmutableId");
    expect((await call(sim, "GET", "/users/nobody@x.example/messages")).status).toBe(404);
  });
});

describe("Graph simulator: faults and stats", () => {
  it("injects 5xx, timeouts, drops and offline", async () => {
    const sim = createGraphSimulator();
    sim.failNext(1, { status: 503, retryAfterSec: 2 });
    const r = await call<GraphErrorBody>(sim, "GET", "/me/messages");
    expect(r.status).toBe(503);
    expect(r.headers.get("Retry-After")).toBe("2");
    expect(r.json.error.code).toBe("ServiceUnavailable");
    sim.failNext(1, "drop");
    await expect(sim.fetch(`${BASE}/me/messages`)).rejects.toBeInstanceOf(TypeError);
    sim.failNext(1, "timeout");
    await expect(sim.fetch(`${BASE}/me/messages`)).rejects.toMatchObject({ name: "TimeoutError" });
    sim.failNext(1, "timeout");
    const ctrl = new AbortController();
    const pending = sim.fetch(`${BASE}/me/messages`, { signal: ctrl.signal });
    ctrl.abort(new DOMException("t", "TimeoutError"));
    await expect(pending).rejects.toMatchObject({ name: "TimeoutError" });
    sim.setOffline(true);
    await expect(sim.fetch(`${BASE}/me/messages`)).rejects.toBeInstanceOf(TypeError);
    sim.setOffline(false);
    expect((await call(sim, "GET", "/me/messages")).status).toBe(200);
  });

  it("drop-after-commit applies the write, then rejects", async () => {
    const sim = createGraphSimulator();
    sim.failNext(1, "drop-after-commit", (r) => r.method === "POST");
    await expect(
      sim.fetch(`${BASE}/me/events`, {
        method: "POST",
        body: JSON.stringify({
          subject: "x",
          start: { dateTime: "2026-01-01T10:00:00", timeZone: "UTC" },
          end: { dateTime: "2026-01-01T11:00:00", timeZone: "UTC" },
        }),
      }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(sim.events("me")).toHaveLength(1);
  });

  it("matches faults to batch sub-requests and counts requests by path", async () => {
    const sim = createGraphSimulator();
    const m = sim.addMessage("me", "inbox", {});
    sim.failNext(1, { status: 500 }, (r) => r.inBatch && r.method === "PATCH");
    const r = await call<BatchBody>(sim, "POST", "/$batch", {
      requests: [
        { id: "1", method: "PATCH", url: `/me/messages/${m.id}`, body: { categories: ["X"] } },
        { id: "2", method: "GET", url: `/me/messages/${m.id}` },
      ],
    });
    expect(r.json.responses.map((x) => x.status)).toEqual([500, 200]);
    expect(sim.message("me", m.id)!.categories).toEqual([]);
    expect(sim.stats.requestsByPath["POST /$batch"]).toBe(1);
    expect(sim.stats.requestsByPath[`PATCH /me/messages/${m.id}`]).toBe(1);
    sim.resetStats();
    expect(sim.stats.totalRequests).toBe(0);
  });
});
