/** Kinds of outbox work. "mirror" is the matter log's mailbox mirror; later features add their own kinds. */
export type OutboxKind = "mirror" | (string & {});

/** One piece of work waiting to reach the mailbox or calendar. Persisted, so nothing is lost when the pane closes. */
export interface OutboxOperation {
  /** Idempotency key: enqueueing the same key again replaces, never duplicates. */
  readonly key: string;
  readonly kind: OutboxKind;
  /** Operations of one group supersede each other (e.g. all mirror writes of one message): only the newest is kept. */
  readonly group: string | null;
  /** What the executor for `kind` needs; plain data so it survives structured clone. */
  readonly payload: unknown;
  readonly attempts: number;
  /** ISO-8601 UTC; null when the operation failed permanently and waits for the user. */
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly status: "pending" | "failed";
}
