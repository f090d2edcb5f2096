import { drainOutbox, mirrorExecutor, unmirrorExecutor, type DrainResult, type OutboxExecutor } from "@domain/outbox";
import type { OutboxStore } from "@ports/outboxStore";
import type { MailboxMirror } from "@ports/mailboxMirror";

/**
 * Runs the persistent outbox for every feature: each registers an executor for its kind ("mirror", "event", …).
 * Drains soon after new work, every 30 s while the pane is open, and when the browser comes back online.
 * One drain at a time; work done offline simply waits in IndexedDB.
 */
export interface OutboxRunner {
  register(kind: string, executor: OutboxExecutor): void;
  /** Stops running a kind: its operations wait in the queue (e.g. the record, while no site is set up). */
  unregister(kind: string): void;
  /** Asks for a drain shortly (after new work was queued). */
  drainSoon(): void;
  drainNow(): Promise<DrainResult>;
  /**
   * Work that writes down what a drain achieved (the log's confirmed mailbox marks, Graph ids), finished before any
   * `onDrained` listener runs, so a view refreshed by the drain reads its results.
   */
  recordDrained(recorder: (result: DrainResult) => Promise<unknown>): void;
  /** Called after each drain (and its recorders), e.g. to refresh a list. */
  onDrained(listener: (result: DrainResult) => void): () => void;
}

export function createOutboxRunner(store: OutboxStore, mirror: MailboxMirror, now: () => Date): OutboxRunner {
  const executors: Record<string, OutboxExecutor> = { mirror: mirrorExecutor(mirror), unmirror: unmirrorExecutor(mirror) };
  const listeners = new Set<(result: DrainResult) => void>();
  const recorders: ((result: DrainResult) => Promise<unknown>)[] = [];
  let running: Promise<DrainResult> | null = null;
  let soon: ReturnType<typeof setTimeout> | null = null;
  let following: Promise<DrainResult> | null = null;

  const drainNow = (): Promise<DrainResult> => {
    if (running) {
      // Work queued while a drain runs is not in it (a filing clicked during a background drain): one more drain
      // follows the running one, shared by every caller meanwhile, instead of leaving that work for the next tick.
      following ??= running
        .catch(() => undefined)
        .then(() => {
          following = null;
          return drainNow();
        });
      return following;
    }
    running = drainOutbox({ store, executors, now: now() })
      .then(async (result) => {
        for (const record of recorders) await record(result).catch((error: unknown) => console.warn("Matterline outbox:", error));
        listeners.forEach((l) => l(result));
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  // Failures are recorded on the operations themselves; a failed drain is retried on the next tick.
  const quietly = () => void drainNow().catch((error: unknown) => console.warn("Matterline outbox:", error));

  if (typeof window !== "undefined") {
    setInterval(quietly, 30_000);
    window.addEventListener("online", quietly);
  }
  return {
    register(kind, executor) {
      executors[kind] = executor;
    },
    unregister(kind) {
      delete executors[kind];
    },
    drainSoon() {
      if (soon) return;
      soon = setTimeout(() => {
        soon = null;
        quietly();
      }, 50);
    },
    drainNow,
    recordDrained(recorder) {
      recorders.push(recorder);
    },
    onDrained(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
