import { describe, expect, it } from "vitest";
import { createGraphSimulator, type GraphSimulator } from "@simulators/graph";
import { createGraphClient, createGraphFolderSync } from "@adapters/graph";
import { scanMailbox, scanCheckpointKey, type ScanProgress } from "@features/clock/mailboxScan";
import { firstReplyAfter } from "@features/clock/conversationJoin";
import { MemoryScanCheckpointStore } from "@adapters/storage/memoryScanCheckpointStore";

const NOW = "2026-03-15T12:00:00.000Z";
const MIN = 60_000;

function memoryStore(): MemoryScanCheckpointStore {
  return new MemoryScanCheckpointStore();
}

/** A mailbox with client mail over the last 20 days and replies to about half of it. */
function seedMailbox(sim: GraphSimulator, mailbox: string, inbound: number, sent: number) {
  const end = Date.parse(NOW);
  for (let i = 0; i < inbound; i++) {
    const t = new Date(end - (i * 20 * 24 * 60 * MIN) / inbound - MIN).toISOString();
    sim.addMessage(mailbox, "inbox", {
      conversationId: `c${i}`,
      internetMessageId: `<in${i}@client.example>`,
      subject: `Q ${i}`,
      receivedDateTime: t,
      sentDateTime: t,
      from: { emailAddress: { address: `client${i % 9}@client.example` } },
      body: { contentType: "text", content: `Question ${i}?` },
    });
  }
  for (let i = 0; i < sent; i++) {
    const t = new Date(end - (i * 20 * 24 * 60 * MIN) / inbound).toISOString();
    sim.addMessage(mailbox, "sentitems", {
      conversationId: `c${i}`,
      internetMessageId: `<out${i}@firm.example>`,
      subject: `RE: Q ${i}`,
      receivedDateTime: t,
      sentDateTime: t,
      from: { emailAddress: { address: "ann@firm.example" } },
    });
  }
}

function setup(latencyMs = 0) {
  const sim = createGraphSimulator({ signedInUser: "ann@firm.example", latencyMs, inFlightRetryAfterSec: 0 });
  const graph = createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("t") }, fetchImpl: sim.fetch, readRetryDelayMs: 1 });
  return { sim, sync: createGraphFolderSync(graph), store: memoryStore() };
}

const inWindow = (n: number) => Math.floor((n * 14) / 20); // inbound is seeded evenly over 20 days, the window is 14
const pages = (n: number) => Math.max(1, Math.ceil(n / 1000));

describe("mailbox scan", () => {
  it("gathers the window's inbound and sent mail in few requests, joined by conversation", async () => {
    const { sim, sync, store } = setup();
    seedMailbox(sim, "me", 2500, 1500);
    const progress: ScanProgress[] = [];
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW, onProgress: (p) => progress.push(p) });
    expect(Math.abs(snap.inbound.length - inWindow(2500))).toBeLessThanOrEqual(1);
    // sent mail is spaced like the inbound it answers, so all 1,500 replies fall in the window
    expect(snap.sent.length).toBe(1500);
    expect(sim.stats.totalRequests).toBe(pages(snap.inbound.length) + pages(snap.sent.length));
    // the body is read by the facts reader when a page brings it, and never kept
    expect(snap.inbound[0].bodyText).toBe("");
    const q = snap.inbound.find((m) => m.conversationId === "c10")!;
    // sent rows keep the conversation as a digest; the scan gives it back whole from the inbound mail
    const reply = firstReplyAfter(snap.sentByConversation, q);
    expect(reply?.conversationId).toBe("c10");
    expect(reply?.from?.email).toBe("ann@firm.example");
    expect(snap.graphIds[q.id]).toBeTruthy();
    expect(
      progress
        .filter((p) => p.done)
        .map((p) => p.folder)
        .sort(),
    ).toEqual(["inbox", "sentitems"]);
    expect(progress.every((p) => p.phase === "full")).toBe(true);
    expect(snap.incremental).toBe(false);
  });

  it("resumes an interrupted scan from the checkpoint without double counting", async () => {
    const { sim, sync, store } = setup();
    seedMailbox(sim, "me", 2500, 1500);
    sim.failNext(3, "drop", (r) => r.path.includes("/mailFolders/inbox/messages/delta") && r.query.includes("skiptoken"));
    await expect(scanMailbox(sync, store, { mailbox: null, now: NOW })).rejects.toMatchObject({ code: "offline" });
    const kept = await store.load(scanCheckpointKey(null));
    expect(kept.rows.filter((r) => r.folder === "inbox")).toHaveLength(1000);
    expect((kept.cursors.inbox as { cursor: string }).cursor).toContain("skiptoken");
    sim.resetStats();
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW });
    expect(new Set(snap.inbound.map((m) => m.id)).size).toBe(snap.inbound.length);
    expect(Math.abs(snap.inbound.length - inWindow(2500))).toBeLessThanOrEqual(1);
    // inbox continues at its second (last) page; sent items had finished: one delta call.
    expect(sim.stats.totalRequests).toBe(2);
  });

  it("rescans incrementally: nothing changed costs 2 requests; new, changed and removed mail show up", async () => {
    const { sim, sync, store } = setup();
    seedMailbox(sim, "me", 300, 200);
    const first = await scanMailbox(sync, store, { mailbox: null, now: NOW });
    sim.resetStats();
    const same = await scanMailbox(sync, store, { mailbox: null, now: NOW });
    expect(sim.stats.totalRequests).toBe(2);
    expect(same.incremental).toBe(true);
    expect(same.inbound.length).toBe(first.inbound.length);

    const [gone, changed] = sim.messages("me", "inbox");
    sim.removeMessage("me", gone.id);
    sim.updateMessage("me", changed.id, { categories: ["2025-0042 Lease"] });
    const fresh = sim.addMessage("me", "inbox", {
      conversationId: "new",
      internetMessageId: "<new@client.example>",
      receivedDateTime: "2026-03-15T11:00:00Z",
    });
    sim.addMessage("me", "sentitems", {
      conversationId: "new",
      receivedDateTime: "2026-03-15T11:30:00Z",
      sentDateTime: "2026-03-15T11:30:00Z",
    });
    const next = await scanMailbox(sync, store, { mailbox: null, now: NOW });
    expect(next.inbound.length).toBe(first.inbound.length);
    expect(next.inbound.some((m) => m.id === gone.internetMessageId)).toBe(false);
    expect(next.inbound.find((m) => m.id === changed.internetMessageId)?.categories).toEqual(["2025-0042 Lease"]);
    const n = next.inbound.find((m) => m.id === fresh.internetMessageId)!;
    expect(firstReplyAfter(next.sentByConversation, n)).not.toBeNull();
  });

  it("drops mail that slid out of the window on a later scan", async () => {
    const { sim, sync, store } = setup();
    seedMailbox(sim, "me", 100, 0);
    const first = await scanMailbox(sync, store, { mailbox: null, now: NOW });
    const later = await scanMailbox(sync, store, { mailbox: null, now: "2026-03-20T12:00:00.000Z" });
    expect(later.inbound.length).toBeLessThan(first.inbound.length);
    expect(later.inbound.every((m) => (m.receivedAt ?? "") >= later.windowStart)).toBe(true);
  });

  it("scans a shared mailbox through /users/{id}", async () => {
    const { sim, sync, store } = setup();
    sim.addSharedMailbox("team@firm.example", { id: "u-team" });
    seedMailbox(sim, "team@firm.example", 50, 20);
    const snap = await scanMailbox(sync, store, { mailbox: "u-team", now: NOW });
    expect(snap.inbound.length).toBe(inWindow(50));
    expect(sim.stats.log.every((l) => l.url.includes("/users/u-team/"))).toBe(true);
    expect((await store.load("u-team")).rows.length).toBe(snap.inbound.length + snap.sent.length);
  });

  it("rides out a throttling storm and 5xx with at most 4 in flight, counting each message once", async () => {
    const { sim, sync, store } = setup(5);
    seedMailbox(sim, "me", 2500, 1500);
    sim.throttle429(6, 0);
    sim.failNext(2, { status: 503, retryAfterSec: 0 }, (r) => r.query.includes("skiptoken"));
    sim.failNext(1, { status: 500 });
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW });
    expect(new Set(snap.inbound.map((m) => m.id)).size).toBe(snap.inbound.length);
    expect(Math.abs(snap.inbound.length - inWindow(2500))).toBeLessThanOrEqual(1);
    expect(sim.stats.maxInFlight).toBeLessThanOrEqual(4);
    expect(sim.pendingFaults()).toBe(0);
  });

  for (const answer of ["gone", "syncStateNotFound", "resyncRequired"] as const) {
    it(`starts a fresh sync when Graph forgets the delta cursor (${answer}), and keeps scanning on later runs`, async () => {
      const { sim, sync, store } = setup();
      seedMailbox(sim, "me", 300, 200);
      const first = await scanMailbox(sync, store, { mailbox: null, now: NOW });
      // a message deleted while the cursor was lost: the restarted round must not keep it
      const [gone] = sim.messages("me", "inbox");
      sim.removeMessage("me", gone.id);
      sim.expireDeltaTokens("me", answer);
      const progress: ScanProgress[] = [];
      const again = await scanMailbox(sync, store, { mailbox: null, now: NOW, onProgress: (p) => progress.push(p) });
      expect(again.inbound.length).toBe(first.inbound.length - 1);
      expect(again.inbound.some((m) => m.id === gone.internetMessageId)).toBe(false);
      expect(progress.filter((p) => p.done).every((p) => p.phase === "full")).toBe(true);
      // the new cursors work: the next run is incremental again, two requests
      sim.resetStats();
      const third = await scanMailbox(sync, store, { mailbox: null, now: NOW });
      expect(third.incremental).toBe(true);
      expect(sim.stats.totalRequests).toBe(2);
    });
  }

  it("a cursor lost in the middle of a round restarts that folder; a fresh start that fails again is reported", async () => {
    const { sim, sync, store } = setup();
    seedMailbox(sim, "me", 2500, 100);
    sim.failNext(3, "drop", (r) => r.path.includes("/mailFolders/inbox/messages/delta") && r.query.includes("skiptoken"));
    await expect(scanMailbox(sync, store, { mailbox: null, now: NOW })).rejects.toMatchObject({ code: "offline" });
    sim.expireDeltaTokens("me", "gone");
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW });
    expect(new Set(snap.inbound.map((m) => m.id)).size).toBe(snap.inbound.length);
    expect(Math.abs(snap.inbound.length - inWindow(2500))).toBeLessThanOrEqual(1);
    sim.expireDeltaTokens("me", "gone");
    sim.failNext(20, "drop", (r) => r.path.includes("/delta") && !r.query.includes("token"));
    await expect(scanMailbox(sync, store, { mailbox: null, now: NOW })).rejects.toMatchObject({ code: "offline" });
  });
});
