import { afterEach, describe, expect, it, vi } from "vitest";
import { createOutboxRunner, RECONNECT_PROBE_MS } from "@hosts/outboxRunner";
import { createNetworkWatch } from "@adapters/graph/networkWatch";
import { MemoryOutboxStore } from "@adapters/storage/memoryStores";
import type { MailboxMirror } from "@ports/mailboxMirror";
import type { OutboxOperation } from "@domain/outbox/types";

const NOW = new Date("2026-03-02T10:00:00Z");
const op = (key: string): OutboxOperation => ({
  key,
  kind: "filing",
  group: null,
  payload: { key },
  attempts: 0,
  nextAttemptAt: NOW.toISOString(),
  lastError: null,
  createdAt: NOW.toISOString(),
  status: "pending",
});

afterEach(() => {
  vi.useRealTimers();
});

describe("after the network comes back", () => {
  it("waiting filings are sent within seconds, not at the end of their backoff, and once", async () => {
    vi.useFakeTimers();
    let offline = true;
    const requests: string[] = [];
    const network = createNetworkWatch((input) => {
      requests.push(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
      return offline ? Promise.reject(new TypeError("Failed to fetch")) : Promise.resolve(new Response("{}"));
    });
    const store = new MemoryOutboxStore();
    // The pane's clock does not move in this test: only the reconnection can make the rescheduled work due.
    const runner = createOutboxRunner(store, {} as MailboxMirror, () => NOW, {
      network,
      probe: () => network.fetch("https://graph.microsoft.com/v1.0/me/messages?$top=1"),
    });
    const sent: string[] = [];
    runner.register("filing", {
      batchSize: 10,
      async execute(ops) {
        await network.fetch("https://graph.microsoft.com/v1.0/$batch");
        sent.push(...ops.map((o) => o.key));
        return ops.map((o) => ({ key: o.key, ok: true as const }));
      },
    });
    await store.enqueue(op("a"));
    await store.enqueue(op("b"));

    const first = await runner.drainNow();
    expect(first.rescheduled).toBe(2);
    expect(network.isDown()).toBe(true);
    // Backed off by 30 s: a plain drain now has nothing due.
    expect((await runner.drainNow()).attempted).toBe(0);

    // While down, one small probe every few seconds, and nothing else.
    const before = requests.length;
    await vi.advanceTimersByTimeAsync(RECONNECT_PROBE_MS * 3);
    expect(requests.slice(before).every((r) => r.includes("/me/messages"))).toBe(true);
    expect(requests.length - before).toBe(3);

    offline = false;
    await vi.advanceTimersByTimeAsync(RECONNECT_PROBE_MS);
    await vi.waitFor(() => expect(sent.sort()).toEqual(["a", "b"]));
    expect(await store.list()).toEqual([]);
    expect(network.isDown()).toBe(false);
    // No more probes once it is back.
    const after = requests.length;
    await vi.advanceTimersByTimeAsync(RECONNECT_PROBE_MS * 3);
    expect(requests.length).toBe(after);
  });

  it("a timeout is not a lost network: the service may only be slow", async () => {
    const network = createNetworkWatch(() => Promise.reject(new DOMException("timed out", "TimeoutError")));
    await expect(network.fetch("https://graph.microsoft.com/v1.0/me")).rejects.toThrow();
    expect(network.isDown()).toBe(false);
  });
});
