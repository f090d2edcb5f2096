import type { OutboxOperation } from "@domain/outbox/types";

/** Result of one drain round written back at once. */
export interface OutboxSettlement {
  /** Operations done: removed only if the stored one has the same createdAt (a re-enqueue meanwhile survives). */
  readonly remove: readonly { readonly key: string; readonly createdAt: string }[];
  /** Rescheduled or failed operations: written only if still present with the same createdAt, so a superseded one is not resurrected. */
  readonly update: readonly OutboxOperation[];
}

/** The persistent queue behind the outbox. */
export interface OutboxStore {
  /** Adds or replaces by key; when `op.group` is set, removes the group's other operations in the same transaction. */
  enqueue(op: OutboxOperation): Promise<void>;
  /** Pending operations due at `now` (nextAttemptAt ≤ now), earliest first, of the given kinds, at most `limit`. */
  due(now: string, limit: number, kinds: readonly string[]): Promise<OutboxOperation[]>;
  settle(settlement: OutboxSettlement): Promise<void>;
  /** Everything queued, pending and failed, for the UI. */
  list(): Promise<OutboxOperation[]>;
}
