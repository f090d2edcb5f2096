import { drainOutbox, mirrorExecutor, unmirrorExecutor, type DrainResult, type OutboxExecutor } from "@domain/outbox";
import type { OutboxStore } from "@ports/outboxStore";
import type { MailboxMirror } from "@ports/mailboxMirror";
import type { NetworkWatch } from "@adapters/graph/networkWatch";

/** While Microsoft 365 cannot be reached, how often one small request checks whether it is back. */
export const RECONNECT_PROBE_MS = 3_000;

/** How the runner notices the network coming back, so waiting work goes within seconds instead of at its backoff. */
export interface ReconnectOptions {
  readonly network: NetworkWatch;
  /** One small Graph read; its answer (through `network`'s fetch) is what says the network is back. */
  readonly probe: () => Promise<unknown>;
}

/**
 * Runs the persistent outbox for every feature: each registers an executor for its kind ("mirror", "event", …).
 * Drains soon after new work, every 30 s while the pane is open, and when the browser comes back online.
 * One drain at a time; work done offline simply waits in IndexedDB. With `reconnect`, a drain that met a lost network
 * starts a light check every few seconds, and the moment any request gets through, everything waiting is sent at once
 * (not at the end of its backoff).
 */
export interface OutboxRunner {
  register(kind: string, executor: OutboxExecutor): void;
  /** Stops running a kind: its operations wait in the queue (e.g. the record, while no site is set up). */
  unregister(kind: string): void;
  /** Asks for a drain shortly (after new work was queued). */
  drainSoon(): void;
  /** Drains what is due now; `waiting: true` also sends what waits out a backoff (a user's "Sync now", a reconnection). */
  drainNow(options?: { waiting?: boolean }): Promise<DrainResult>;
  /**
   * Work that writes down what a drain achieved (the log's confirmed mailbox marks, Graph ids), finished before any
   * `onDrained` listener runs, so a view refreshed by the drain reads its results.
   */
  recordDrained(recorder: (result: DrainResult) => Promise<unknown>): void;
  /** Called after each drain (and its recorders), e.g. to refresh a list. */
  onDrained(listener: (result: DrainResult) => void): () => void;
}

export function createOutboxRunner(store: OutboxStore, mirror: MailboxMirror, now: () => Date, reconnect?: ReconnectOptions): OutboxRunner {
  const executors: Record<string, OutboxExecutor> = { mirror: mirrorExecutor(mirror), unmirror: unmirrorExecutor(mirror) };
  const listeners = new Set<(result: DrainResult) => void>();
  const recorders: ((result: DrainResult) => Promise<unknown>)[] = [];
  let running: Promise<DrainResult> | null = null;
  let soon: ReturnType<typeof setTimeout> | null = null;
  let following: Promise<DrainResult> | null = null;
  let followWaiting = false;

  const drainNow = (options: { waiting?: boolean } = {}): Promise<DrainResult> => {
    if (running) {
      // Work queued while a drain runs is not in it (a filing clicked during a background drain): one more drain
      // follows the running one, shared by every caller meanwhile, instead of leaving that work for the next tick.
      followWaiting ||= options.waiting === true;
      following ??= running
        .catch(() => undefined)
        .then(() => {
          following = null;
          const waiting = followWaiting;
          followWaiting = false;
          return drainNow({ waiting });
        });
      return following;
    }
    const at = now();
    // "Waiting" work is whatever waits out a backoff: once the network is back it all goes now.
    running = drainOutbox({ store, executors, now: at, dueBy: options.waiting ? new Date(at.getTime() + 366 * 86_400_000) : undefined })
      .then(async (result) => {
        for (const record of recorders) await record(result).catch((error: unknown) => console.warn("Matterline outbox:", error));
        listeners.forEach((l) => l(result));
        if (result.rescheduled > 0) watchForReturn();
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  // Failures are recorded on the operations themselves; a failed drain is retried on the next tick.
  const quietly = () => void drainNow().catch((error: unknown) => console.warn("Matterline outbox:", error));
  const waitingNow = () => void drainNow({ waiting: true }).catch((error: unknown) => console.warn("Matterline outbox:", error));

  let probing: ReturnType<typeof setTimeout> | null = null;
  function watchForReturn(): void {
    if (!reconnect || probing || !reconnect.network.isDown()) return;
    const tick = () => {
      probing = null;
      if (!reconnect.network.isDown()) return;
      // The browser knows it has no connection at all: its "online" event will say when; no request is worth sending.
      const browserOffline = typeof navigator !== "undefined" && navigator.onLine === false;
      if (!browserOffline) void reconnect.probe().catch(() => undefined);
      probing = setTimeout(tick, RECONNECT_PROBE_MS);
    };
    probing = setTimeout(tick, RECONNECT_PROBE_MS);
  }
  reconnect?.network.onBackUp(waitingNow);

  if (typeof window !== "undefined") {
    setInterval(quietly, 30_000);
    window.addEventListener("online", waitingNow);
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
    drainNow: (options) => drainNow(options),
    recordDrained(recorder) {
      recorders.push(recorder);
    },
    onDrained(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
