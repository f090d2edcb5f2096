import type { OutboxStore } from "@ports/outboxStore";
import type { OutboxKind, OutboxOperation } from "./types";

/** Builds a fresh pending operation due immediately. */
export function newOperation(input: {
  key: string;
  kind: OutboxKind;
  group?: string | null;
  payload: unknown;
  now: Date;
}): OutboxOperation {
  const at = input.now.toISOString();
  return {
    key: input.key,
    kind: input.kind,
    group: input.group ?? null,
    payload: input.payload,
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    createdAt: at,
    status: "pending",
  };
}

/** Queues work; same key replaces, same group supersedes. */
export async function enqueue(store: OutboxStore, op: OutboxOperation): Promise<void> {
  await store.enqueue(op);
}

/** Puts a permanently failed operation back in the queue (the user pressed "Retry"). */
export async function retryFailed(store: OutboxStore, key: string, now: Date): Promise<boolean> {
  const op = (await store.list()).find((o) => o.key === key);
  if (!op) return false;
  await store.enqueue({ ...op, status: "pending", attempts: 0, nextAttemptAt: now.toISOString() });
  return true;
}

/** Counts for a status line in the pane: how much waits, how much needs the user. */
export async function outboxSummary(store: OutboxStore): Promise<{ pending: number; failed: OutboxOperation[] }> {
  const all = await store.list();
  return { pending: all.filter((o) => o.status === "pending").length, failed: all.filter((o) => o.status === "failed") };
}
