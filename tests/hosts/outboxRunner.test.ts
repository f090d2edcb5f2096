import { describe, expect, it } from "vitest";
import { createOutboxRunner } from "@hosts/outboxRunner";
import { MemoryOutboxStore } from "@adapters/storage/memoryStores";
import type { MailboxMirror } from "@ports/mailboxMirror";
import type { OutboxOperation } from "@domain/outbox/types";

const NOW = new Date("2026-03-02T10:00:00Z");
const op = (key: string): OutboxOperation => ({
  key,
  kind: "probe",
  group: null,
  payload: { key },
  attempts: 0,
  nextAttemptAt: NOW.toISOString(),
  lastError: null,
  createdAt: NOW.toISOString(),
  status: "pending",
});

describe("the pane's outbox runner", () => {
  it("work queued while a drain runs is sent by one more drain right after it, not left for the next tick", async () => {
    const store = new MemoryOutboxStore();
    const runner = createOutboxRunner(store, {} as MailboxMirror, () => NOW);
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    runner.register("probe", {
      batchSize: 10,
      async execute(ops) {
        if (ops.some((o) => o.key === "a")) await gate;
        sent.push(...ops.map((o) => o.key));
        return ops.map((o) => ({ key: o.key, ok: true as const }));
      },
    });
    await store.enqueue(op("a"));
    const first = runner.drainNow();
    await new Promise((r) => setTimeout(r, 10));
    // Queued during the first drain: two callers share the one drain that follows.
    await store.enqueue(op("b"));
    const second = runner.drainNow();
    const third = runner.drainNow();
    expect(second).toBe(third);
    release();
    await first;
    await second;
    expect(sent).toEqual(["a", "b"]);
    expect(await store.list()).toEqual([]);
  });
});
