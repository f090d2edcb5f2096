import { describe, expect, it } from "vitest";
import { backoffDelayMs, DEFAULT_BACKOFF } from "@domain/outbox/backoff";
import { createOutboxDrainer, drainOutbox, type OutboxExecutor } from "@domain/outbox/drain";
import { newOperation, outboxSummary, retryFailed } from "@domain/outbox/queue";
import type { MailboxMirror, MirrorItem, MirrorOutcome } from "@ports/mailboxMirror";
import { MatterlineError } from "@domain/errors";
import { MemoryOutboxStore } from "@adapters/storage/memoryStores";

/** A mailbox that fails each item retryably `failures` times before applying it; records what really got applied. */
class FlakyMirror implements MailboxMirror {
  readonly calls: number[] = [];
  readonly applied = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly failures: number,
    private readonly permanent: ReadonlySet<string> = new Set(),
  ) {}
  apply(items: readonly MirrorItem[]): Promise<MirrorOutcome[]> {
    this.calls.push(items.length);
    return Promise.resolve(
      items.map((item): MirrorOutcome => {
        const n = (this.seen.get(item.key) ?? 0) + 1;
        this.seen.set(item.key, n);
        if (this.permanent.has(item.internetMessageId)) return { key: item.key, ok: false, retryable: false, error: "Message not found" };
        if (n <= this.failures) return { key: item.key, ok: false, retryable: true, error: "503 Service Unavailable" };
        this.applied.set(item.key, (this.applied.get(item.key) ?? 0) + 1);
        return { key: item.key, ok: true, graphId: `g-${item.internetMessageId}` };
      }),
    );
  }
}

function mirrorOp(i: number, now: Date) {
  const imid = `<m${i}@client.test>`;
  return newOperation({
    key: `mirror:${imid}:m1`,
    kind: "mirror",
    group: `mirror:${imid}`,
    payload: {
      graphId: null,
      internetMessageId: imid,
      mailbox: null,
      category: { name: "2025-0042 Harbour lease", color: "preset3" },
      removeCategories: [],
      matterId: "m1",
    },
    now,
  });
}

const start = new Date("2026-03-02T12:00:00.000Z");

async function fill(store: MemoryOutboxStore, n: number) {
  for (let i = 0; i < n; i += 1) await store.enqueue(mirrorOp(i, start));
}

describe("drainOutbox", () => {
  it("sends in batches of at most 100 and removes what succeeded", async () => {
    const store = new MemoryOutboxStore();
    await fill(store, 250);
    const mirror = new FlakyMirror(0);
    const result = await drainOutbox({ store, mirror, now: start, batchSize: 500 });
    expect(mirror.calls).toEqual([100, 100, 50]);
    expect(result).toMatchObject({ attempted: 250, succeeded: 250, rescheduled: 0, failed: 0 });
    expect(result.graphIds["mirror:<m0@client.test>:m1"]).toBe("g-<m0@client.test>");
    expect(await store.list()).toEqual([]);
  });

  it("retries retryable failures with backoff until they succeed: nothing lost, nothing doubled", async () => {
    const store = new MemoryOutboxStore();
    await fill(store, 30);
    const mirror = new FlakyMirror(3);
    let now = start;
    const first = await drainOutbox({ store, mirror, now, batchSize: 20 });
    expect(first).toMatchObject({ succeeded: 0, rescheduled: 30 });
    const ops = await store.list();
    expect(ops.every((o) => o.attempts === 1 && o.lastError === "503 Service Unavailable")).toBe(true);
    expect(ops[0].nextAttemptAt).toBe(new Date(start.getTime() + DEFAULT_BACKOFF.baseMs).toISOString());

    // Nothing is due before the backoff ends.
    expect((await drainOutbox({ store, mirror, now: new Date(start.getTime() + 1000) })).attempted).toBe(0);

    for (let round = 0; round < 10 && (await store.list()).length > 0; round += 1) {
      now = new Date(now.getTime() + DEFAULT_BACKOFF.capMs);
      await drainOutbox({ store, mirror, now, batchSize: 20 });
    }
    expect(await store.list()).toEqual([]);
    expect(mirror.applied.size).toBe(30);
    expect([...mirror.applied.values()].every((n) => n === 1)).toBe(true);
  });

  it("marks permanent failures for the UI and can retry them on request", async () => {
    const store = new MemoryOutboxStore();
    await fill(store, 3);
    const mirror = new FlakyMirror(0, new Set(["<m1@client.test>"]));
    const result = await drainOutbox({ store, mirror, now: start });
    expect(result).toMatchObject({ succeeded: 2, failed: 1 });
    const summary = await outboxSummary(store);
    expect(summary.pending).toBe(0);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]).toMatchObject({ status: "failed", nextAttemptAt: null, lastError: "Message not found" });
    // Failed operations are not picked up again by themselves.
    expect((await drainOutbox({ store, mirror, now: new Date(start.getTime() + 10 * DEFAULT_BACKOFF.capMs) })).attempted).toBe(0);
    expect(await retryFailed(store, summary.failed[0].key, start)).toBe(true);
    expect(await store.due(start.toISOString(), 10, ["mirror"])).toHaveLength(1);
  });

  it("gives up after maxAttempts retryable failures, keeping the operation as failed", async () => {
    const store = new MemoryOutboxStore();
    await fill(store, 1);
    const mirror = new FlakyMirror(100);
    let now = start;
    for (let i = 0; i < 5; i += 1) {
      await drainOutbox({ store, mirror, now, maxAttempts: 3 });
      now = new Date(now.getTime() + DEFAULT_BACKOFF.capMs);
    }
    expect(mirror.calls).toEqual([1, 1, 1]);
    expect(await store.list()).toMatchObject([{ status: "failed", attempts: 3, lastError: "503 Service Unavailable" }]);
  });

  it("reschedules the whole batch when the call itself throws (offline)", async () => {
    const store = new MemoryOutboxStore();
    await fill(store, 5);
    const mirror: MailboxMirror = {
      apply: () => Promise.reject(new MatterlineError("offline", "No network.")),
    };
    const result = await drainOutbox({ store, mirror, now: start });
    expect(result).toMatchObject({ succeeded: 0, rescheduled: 5, failed: 0 });
    expect((await store.list()).every((o) => o.status === "pending" && o.lastError === "No network.")).toBe(true);
  });

  it("treats a missing result as retryable and ignores results for keys it did not send", async () => {
    const store = new MemoryOutboxStore();
    await fill(store, 2);
    const mirror: MailboxMirror = {
      apply: (items) =>
        Promise.resolve([
          { key: items[0].key, ok: true, graphId: "g" },
          { key: "stranger", ok: true, graphId: "x" },
        ]),
    };
    const result = await drainOutbox({ store, mirror, now: start });
    expect(result).toMatchObject({ succeeded: 1, rescheduled: 1 });
    expect(await store.list()).toHaveLength(1);
  });

  it("does not resurrect an operation superseded while it was in flight", async () => {
    const store = new MemoryOutboxStore();
    await store.enqueue(mirrorOp(7, start));
    const superseding = { ...mirrorOp(7, start), key: "mirror:<m7@client.test>:m2" };
    const mirror: MailboxMirror = {
      apply: async (items) => {
        await store.enqueue(superseding); // a re-file lands while Graph is answering
        return items.map((i) => ({ key: i.key, ok: false as const, retryable: true, error: "429" }));
      },
    };
    await drainOutbox({ store, mirror, now: start });
    expect((await store.list()).map((o) => o.key)).toEqual([superseding.key]);
  });

  it("runs pluggable executors per kind and leaves kinds without one queued", async () => {
    const store = new MemoryOutboxStore();
    await store.enqueue(newOperation({ key: "event:1", kind: "event", payload: { title: "Call" }, now: start }));
    await store.enqueue(newOperation({ key: "later:1", kind: "overdue-category", payload: {}, now: start }));
    const seen: string[] = [];
    const event: OutboxExecutor = {
      batchSize: 1,
      execute: (ops) =>
        Promise.resolve(
          ops.map((o) => {
            seen.push(o.key);
            return { key: o.key, ok: true as const };
          }),
        ),
    };
    const result = await drainOutbox({ store, executors: { event }, now: start });
    expect(seen).toEqual(["event:1"]);
    expect(result.succeeded).toBe(1);
    expect((await store.list()).map((o) => o.key)).toEqual(["later:1"]);
  });

  it("flags an unreadable mirror payload instead of retrying it forever", async () => {
    const store = new MemoryOutboxStore();
    await store.enqueue(newOperation({ key: "mirror:bad", kind: "mirror", payload: { nonsense: true }, now: start }));
    const result = await drainOutbox({ store, mirror: new FlakyMirror(0), now: start });
    expect(result.failed).toBe(1);
  });

  it("joins a drain already running instead of sending twice", async () => {
    const store = new MemoryOutboxStore();
    await fill(store, 10);
    const mirror = new FlakyMirror(0);
    const drain = createOutboxDrainer({ store, mirror });
    const [a, b] = await Promise.all([drain(start), drain(start)]);
    expect(a).toBe(b);
    expect(mirror.calls).toEqual([10]);
  });
});

describe("backoffDelayMs", () => {
  it("doubles and caps", () => {
    const policy = { baseMs: 1000, capMs: 10_000 };
    expect([1, 2, 3, 4, 5, 100].map((n) => backoffDelayMs(n, policy))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
