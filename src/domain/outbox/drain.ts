import { MatterlineError } from "@domain/errors";
import type { MailboxMirror, MirrorItem } from "@ports/mailboxMirror";
import type { OutboxStore } from "@ports/outboxStore";
import { DEFAULT_BACKOFF, nextAttemptAt, type BackoffPolicy } from "./backoff";
import { isMirrorPayload, isUnmirrorPayload } from "./mirrorPayload";
import type { OutboxOperation } from "./types";

/** What an executor reports per operation; keyed so a batch can answer in any order. */
export type ExecutorOutcome =
  | { readonly key: string; readonly ok: true; readonly graphId?: string }
  | { readonly key: string; readonly ok: false; readonly retryable: boolean; readonly error: string };

/** Runs a batch of operations of one kind. May throw: the whole batch is then retried later. */
export interface OutboxExecutor {
  /** Largest batch the executor accepts in one call. */
  readonly batchSize: number;
  execute(ops: readonly OutboxOperation[]): Promise<ExecutorOutcome[]>;
}

/** Executors by kind; a kind without an executor simply waits in the queue until a feature registers one. */
export type OutboxExecutors = Readonly<Record<string, OutboxExecutor>>;

export interface DrainResult {
  readonly attempted: number;
  readonly succeeded: number;
  readonly rescheduled: number;
  readonly failed: number;
  /** Successful operations, for callers that record results. */
  readonly done: readonly OutboxOperation[];
  /** Graph ids reported by executors, by operation key (the mirror learns a message's id when it finds it). */
  readonly graphIds: Readonly<Record<string, string>>;
}

/** Graph $batch takes 20 requests and a mirror item costs a few; 100 items is the most one apply() should carry. */
export const MIRROR_BATCH_MAX = 100;

/** Wraps the MailboxMirror port as the executor of "mirror" operations. */
export function mirrorExecutor(mirror: MailboxMirror, batchSize: number = MIRROR_BATCH_MAX): OutboxExecutor {
  return {
    batchSize: Math.max(1, Math.min(batchSize, MIRROR_BATCH_MAX)),
    async execute(ops) {
      const items: MirrorItem[] = [];
      const outcomes: ExecutorOutcome[] = [];
      for (const op of ops) {
        if (isMirrorPayload(op.payload)) items.push({ ...op.payload, key: op.key });
        // A payload we cannot read will never succeed: surface it rather than retry forever.
        else outcomes.push({ key: op.key, ok: false, retryable: false, error: "The queued mailbox update is damaged and cannot be sent." });
      }
      if (items.length === 0) return outcomes;
      const results = await mirror.apply(items);
      for (const r of results) {
        outcomes.push(
          r.ok ? { key: r.key, ok: true, graphId: r.graphId } : { key: r.key, ok: false, retryable: r.retryable, error: r.error },
        );
      }
      return outcomes;
    },
  };
}

/**
 * Wraps the MailboxMirror port as the executor of "unmirror" operations (an undone filing): the matter's category
 * comes off the message and our MatterId property is cleared, so no device reads the undone filing back. A message
 * no longer in the mailbox has nothing to clear.
 */
export function unmirrorExecutor(mirror: MailboxMirror, batchSize: number = MIRROR_BATCH_MAX): OutboxExecutor {
  return {
    batchSize: Math.max(1, Math.min(batchSize, MIRROR_BATCH_MAX)),
    async execute(ops) {
      const items: MirrorItem[] = [];
      const outcomes: ExecutorOutcome[] = [];
      for (const op of ops) {
        if (isUnmirrorPayload(op.payload))
          items.push({
            key: op.key,
            internetMessageId: op.payload.internetMessageId,
            graphId: op.payload.graphId ?? null,
            mailbox: op.payload.mailbox ?? null,
            category: null,
            removeCategories: [...op.payload.removeCategories],
            matterId: null,
          });
        else outcomes.push({ key: op.key, ok: false, retryable: false, error: "The queued mailbox update is damaged and cannot be sent." });
      }
      if (items.length === 0) return outcomes;
      for (const r of await mirror.apply(items)) {
        if (r.ok || r.notFound) outcomes.push({ key: r.key, ok: true });
        else outcomes.push({ key: r.key, ok: false, retryable: r.retryable, error: r.error });
      }
      return outcomes;
    },
  };
}

export interface DrainOptions {
  readonly store: OutboxStore;
  /** Convenience: the mirror port becomes the "mirror" executor. */
  readonly mirror?: MailboxMirror;
  /** Other kinds' executors (calendar events, overdue category …); a "mirror" entry here wins over `mirror`. */
  readonly executors?: OutboxExecutors;
  readonly now: Date;
  /**
   * Take operations due by this time instead of `now`: after the network comes back, everything that waited out an
   * outage's backoff goes at once. Backoff after a new failure still counts from `now`.
   */
  readonly dueBy?: Date;
  /** Mirror items per apply() call (≤ 100). */
  readonly batchSize?: number;
  /** Most operations taken in one drain, so one call stays short. */
  readonly maxOperations?: number;
  readonly backoff?: BackoffPolicy;
  /**
   * After this many retryable failures an operation is marked failed for the user to see (kept, never dropped).
   * With the default backoff, 24 attempts span about a day: long enough for any outage, short enough to notice.
   */
  readonly maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 24;

/**
 * Sends due operations through their executors, removes what succeeded, reschedules retryable failures with
 * exponential backoff and marks permanent ones failed for the UI. Results are matched by key, so an operation
 * is removed only after its own success: nothing is lost, and a retried key replaces rather than duplicates.
 */
export async function drainOutbox(options: DrainOptions): Promise<DrainResult> {
  const executors: Record<string, OutboxExecutor> = {};
  if (options.mirror) executors.mirror = mirrorExecutor(options.mirror, options.batchSize);
  Object.assign(executors, options.executors ?? {});
  const kinds = Object.keys(executors);
  if (kinds.length === 0) return { attempted: 0, succeeded: 0, rescheduled: 0, failed: 0, done: [], graphIds: {} };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const graphIds: Record<string, string> = {};

  const due = await options.store.due((options.dueBy ?? options.now).toISOString(), options.maxOperations ?? 1000, kinds);
  const done: OutboxOperation[] = [];
  const update: OutboxOperation[] = [];
  let failed = 0;

  for (const kind of kinds) {
    const executor = executors[kind];
    const ofKind = due.filter((op) => op.kind === kind);
    for (let i = 0; i < ofKind.length; i += executor.batchSize) {
      const batch = ofKind.slice(i, i + executor.batchSize);
      let outcomes: ExecutorOutcome[];
      try {
        outcomes = await executor.execute(batch);
      } catch (error) {
        // The whole call failed (offline, sign-in needed, throttled): nothing was confirmed, so everything retries.
        const message = error instanceof Error ? error.message : String(error);
        // A request Graph refuses as such ("rejected": 400, 413) fails the same way on every attempt.
        const permanent = error instanceof MatterlineError && !error.retryable && (error.kind === "client" || error.code === "rejected");
        outcomes = batch.map((op) => ({ key: op.key, ok: false as const, retryable: !permanent, error: message }));
      }
      const byKey = new Map(outcomes.map((o) => [o.key, o]));
      for (const op of batch) {
        const outcome = byKey.get(op.key) ?? {
          key: op.key,
          ok: false as const,
          retryable: true,
          error: "No result came back for this update.",
        };
        if (outcome.ok) {
          done.push(op);
          if (outcome.graphId) graphIds[op.key] = outcome.graphId;
          continue;
        }
        const attempts = op.attempts + 1;
        if (outcome.retryable && attempts < maxAttempts) {
          update.push({
            ...op,
            attempts,
            lastError: outcome.error,
            nextAttemptAt: nextAttemptAt(options.now, attempts, options.backoff ?? DEFAULT_BACKOFF),
          });
        } else {
          failed += 1;
          update.push({ ...op, attempts, lastError: outcome.error, nextAttemptAt: null, status: "failed" });
        }
      }
    }
  }

  await options.store.settle({ remove: done.map((op) => ({ key: op.key, createdAt: op.createdAt })), update });
  return { attempted: due.length, succeeded: done.length, rescheduled: update.length - failed, failed, done, graphIds };
}

/**
 * Serialises drains: a timer and a "Sync now" click never send the same operation twice at once.
 * Returns a function that starts a drain, or joins the one already running.
 */
export function createOutboxDrainer(options: Omit<DrainOptions, "now">): (now: Date) => Promise<DrainResult> {
  let running: Promise<DrainResult> | null = null;
  return (now) => {
    if (running) return running;
    running = drainOutbox({ ...options, now }).finally(() => {
      running = null;
    });
    return running;
  };
}
