import { describe, expect, it } from "vitest";
import { createGraphSimulator, type GraphSimulator } from "@simulators/graph";
import {
  createGraphCalendarWriter,
  createGraphCategoryFlagWriter,
  createGraphClient,
  createGraphMailboxMirror,
  createGraphMailSender,
  createGraphMessageReader,
  type FetchLike,
} from "@adapters/graph";
import { drainOutbox } from "@domain/outbox/drain";
import { newOperation, outboxSummary } from "@domain/outbox/queue";
import { MemoryOutboxStore } from "@adapters/storage/memoryStores";
import type { MirrorItem } from "@ports/mailboxMirror";

function setup(wrap?: (sim: GraphSimulator, fetch: FetchLike) => FetchLike) {
  const sim = createGraphSimulator({ signedInUser: "ann@firm.example", inFlightRetryAfterSec: 0 });
  const scopesAsked: string[][] = [];
  const fetchImpl: FetchLike = wrap ? wrap(sim, sim.fetch) : sim.fetch;
  const graph = createGraphClient({
    tokenProvider: {
      getToken: (scopes) => {
        scopesAsked.push([...scopes]);
        return Promise.resolve("token");
      },
    },
    fetchImpl,
    readRetryDelayMs: 1,
  });
  return { sim, graph, scopesAsked };
}

function seed(sim: GraphSimulator, n: number, mailbox = "me") {
  return Array.from({ length: n }, (_, i) =>
    sim.addMessage(mailbox, "inbox", {
      internetMessageId: `<m${i}@client.example>`,
      receivedDateTime: new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString(),
      categories: [],
    }),
  );
}

function mirrorItems(n: number, mailbox: string | null = null): MirrorItem[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    graphId: null,
    internetMessageId: `<m${i}@client.example>`,
    mailbox,
    category: { name: "2025-0042 Harbour lease", color: "preset7" },
    removeCategories: [],
    matterId: "m-42",
  }));
}

const bodyText = (init?: RequestInit) => (typeof init?.body === "string" ? init.body : "");

describe("category writes keep a colleague's change (If-Match, re-read on 412)", () => {
  it("a category a colleague adds between our read and our PATCH survives, and ours lands once", async () => {
    let colleagueActed = false;
    const { sim, graph } = setup((sim, fetch) => (input, init) => {
      if (!colleagueActed && bodyText(init).includes('"PATCH"')) {
        colleagueActed = true;
        const [m] = sim.messages("me", "inbox");
        sim.updateMessage("me", m.id, { categories: [...(m.categories ?? []), "Colleague's flag"] });
      }
      return fetch(input, init);
    });
    seed(sim, 3);
    const out = await createGraphMailboxMirror(graph).apply(mirrorItems(3));
    expect(out.every((o) => o.ok)).toBe(true);
    expect(colleagueActed).toBe(true);
    const [first, ...rest] = sim.messages("me", "inbox");
    expect(first.categories).toEqual(["Colleague's flag", "2025-0042 Harbour lease"]);
    for (const m of rest) expect(m.categories).toEqual(["2025-0042 Harbour lease"]);
    // every PATCH carried the version it was computed from
    expect(sim.stats.log.filter((l) => l.url.endsWith("/$batch")).length).toBeGreaterThan(0);
  });

  it("the overdue flag is taken off without undoing a colleague's category added meanwhile", async () => {
    let acted = false;
    const { sim, graph } = setup((sim, fetch) => (input, init) => {
      if (!acted && bodyText(init).includes('"PATCH"')) {
        acted = true;
        const [m] = sim.messages("me", "inbox");
        sim.updateMessage("me", m.id, { categories: [...(m.categories ?? []), "Urgent"] });
      }
      return fetch(input, init);
    });
    const [m] = seed(sim, 1);
    sim.updateMessage("me", m.id, { categories: ["Overdue reply"] });
    const [o] = await createGraphCategoryFlagWriter(graph).setCategory(
      [{ key: "f", mailbox: null, graphId: m.id, internetMessageId: m.internetMessageId! }],
      false,
    );
    expect(o.ok).toBe(true);
    expect(sim.message("me", m.id)!.categories).toEqual(["Urgent"]);
  });
});

describe("one failing lookup fails only itself", () => {
  it("a lookup of ten ids that Graph refuses is asked again one by one: the nine neighbours are written", async () => {
    const { sim, graph } = setup();
    seed(sim, 10);
    // the ten-id lookup is refused as a whole (as Graph does when one id in the filter is malformed)
    sim.failNext(1, { status: 400 }, (r) => r.inBatch && r.method === "GET" && decodeURIComponent(r.query).includes(" or "));
    const out = await createGraphMailboxMirror(graph).apply(mirrorItems(10));
    expect(out.filter((o) => o.ok)).toHaveLength(10);
    expect(sim.messages("me", "inbox").every((m) => m.categories?.includes("2025-0042 Harbour lease"))).toBe(true);
  });

  it("when a single lookup is refused too, only that message fails, permanently, with Graph's reason", async () => {
    const { sim, graph } = setup();
    seed(sim, 10);
    sim.failNext(1, { status: 400 }, (r) => r.inBatch && r.method === "GET" && decodeURIComponent(r.query).includes(" or "));
    sim.failNext(1, { status: 400 }, (r) => r.inBatch && r.method === "GET" && decodeURIComponent(r.query).includes("<m3@client.example>"));
    const out = await createGraphMailboxMirror(graph).apply(mirrorItems(10));
    expect(out.filter((o) => !o.ok).map((o) => o.key)).toEqual(["k3"]);
    expect(out.find((o) => o.key === "k3")).toMatchObject({ ok: false, retryable: false });
  });
});

describe("400 and 413 are permanent", () => {
  for (const status of [400, 413] as const) {
    it(`a PATCH answered ${status} is marked failed after one attempt, not retried 24 times`, async () => {
      const { sim, graph } = setup();
      seed(sim, 2);
      sim.failNext(1, { status }, (r) => r.inBatch && r.method === "PATCH" && r.path.endsWith(sim.messages("me", "inbox")[0].id));
      const store = new MemoryOutboxStore();
      const now = new Date("2026-03-02T09:00:00Z");
      for (const item of mirrorItems(2)) {
        const { key, ...payload } = item;
        await store.enqueue(newOperation({ key, kind: "mirror", group: key, payload, now }));
      }
      const result = await drainOutbox({ store, mirror: createGraphMailboxMirror(graph), now });
      expect(result.succeeded).toBe(1);
      expect(result.failed).toBe(1);
      const [failed] = (await outboxSummary(store)).failed;
      expect(failed).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null });
      expect(failed.lastError).toContain(String(status));
    });
  }
});

describe("POST /sendMail is never retried by itself", () => {
  for (const fault of [{ status: 503 as const, retryAfterSec: 0 }, "drop" as const]) {
    it(`a ${typeof fault === "string" ? fault : fault.status} on sendMail is one request and an error for the user`, async () => {
      const { sim, graph } = setup();
      sim.failNext(3, fault, (r) => r.path.endsWith("/sendMail"));
      const sender = createGraphMailSender(graph);
      await expect(sender.send({ to: [{ email: "ann@firm.example" }], subject: "Digest", html: "<p>x</p>" })).rejects.toBeTruthy();
      expect(sim.stats.requestsByPath["POST /me/sendMail"]).toBe(1);
      expect(sim.sentMail("me")).toHaveLength(0);
    });
  }

  it("a 429 on sendMail is not repeated either", async () => {
    const { sim, graph } = setup();
    sim.throttle429(1, 0);
    await expect(createGraphMailSender(graph).send({ to: [{ email: "ann@firm.example" }], subject: "D", html: "x" })).rejects.toMatchObject(
      {
        code: "throttled",
      },
    );
    expect(sim.stats.requestsByPath["POST /me/sendMail"]).toBe(1);
  });
});

describe("paging caps and the shared-calendar scope", () => {
  it("a nextLink chain that never ends stops with an error instead of reading forever", async () => {
    const { graph } = setup((_sim, fetch) => (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes("/messages")) return fetch(input, init);
      const n = Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? 0);
      const body = { value: [{ id: `x${n}` }], "@odata.nextLink": `https://graph.microsoft.com/v1.0/me/messages?page=${n + 1}` };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
    });
    const reader = createGraphMessageReader(graph);
    await expect(reader.listConversation(null, "c1", { marksOnly: true })).rejects.toMatchObject({ code: "graph-error" });
  });

  it("a nextLink that points back to a page already read stops too", async () => {
    const { graph } = setup((_sim, fetch) => (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes("/messages")) return fetch(input, init);
      const body = { value: [{ id: "x" }], "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/messages?page=1" };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
    });
    await expect(createGraphMessageReader(graph).listConversation(null, "c1", { marksOnly: true })).rejects.toMatchObject({
      code: "graph-error",
    });
  });

  it("a shared mailbox's calendar asks for Calendars.ReadWrite.Shared, never Mail.ReadWrite.Shared", async () => {
    const { sim, graph, scopesAsked } = setup();
    sim.addSharedMailbox("team@firm.example", { id: "u-team" });
    const cal = createGraphCalendarWriter(graph);
    await cal.listView("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "u-team");
    await graph.call({
      method: "GET",
      path: "/users/u-team/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-02T00:00:00Z",
    });
    expect(scopesAsked).toHaveLength(2);
    for (const s of scopesAsked) {
      expect(s).toContain("Calendars.ReadWrite.Shared");
      expect(s).not.toContain("Mail.ReadWrite.Shared");
    }
  });
});
