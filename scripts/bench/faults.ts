/**
 * Fault figures, against the simulator with 50 ms per request: how long the Overdue list's refresh takes to give up
 * against a Microsoft 365 answering 503 (Retry-After: 1), after which the pane shows the last list with "couldn't
 * refresh — retrying"; and how long after the network comes back a filing made offline is sent.
 */
import { atMost, type BenchLine } from "./benchLine";
import { createGraphSimulator } from "@simulators/graph";
import { createGraphClient, createGraphFolderSync, createGraphMailboxMirror, withQuickReads } from "@adapters/graph";
import { scanMailbox } from "@features/clock/mailboxScan";
import { createOutboxRunner } from "@hosts/outboxRunner";
import { createNetworkWatch } from "@adapters/graph/networkWatch";
import { MemoryOutboxStore } from "@adapters/storage/memoryStores";
import { newOperation } from "@domain/outbox/queue";
import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";
import { MemoryScanCheckpointStore } from "@adapters/storage/memoryScanCheckpointStore";

const LATENCY_MS = 50;
const NOW = "2026-03-15T12:00:00.000Z";
const token = { getToken: () => Promise.resolve("bench-token") };

function memoryCheckpoints(): ScanCheckpointStore {
  return new MemoryScanCheckpointStore();
}

/** The pane's Overdue refresh against a service answering 503 to everything: time until it gives up. */
async function refreshFailure(): Promise<BenchLine> {
  const sim = createGraphSimulator({ latencyMs: LATENCY_MS });
  sim.addMessage("me", "inbox", { subject: "Hello", receivedDateTime: "2026-03-15T08:00:00Z" });
  const graph = createGraphClient({ tokenProvider: token, fetchImpl: sim.fetch });
  sim.failNext(1_000, { status: 503, retryAfterSec: 1 });
  const started = performance.now();
  await scanMailbox(createGraphFolderSync(withQuickReads(graph)), memoryCheckpoints(), { mailbox: null, now: NOW }).catch(() => null);
  return atMost("faults.refreshFailureShownMs", performance.now() - started, "ms", 3000);
}

/** A filing queued while offline: time from the network's return to its mailbox write, with no click. */
async function reconnect(): Promise<BenchLine> {
  const sim = createGraphSimulator({ latencyMs: LATENCY_MS });
  const message = sim.addMessage("me", "inbox", { internetMessageId: "<offline@client.example>", subject: "Offline filing" });
  const network = createNetworkWatch(sim.fetch);
  const graph = createGraphClient({ tokenProvider: token, fetchImpl: network.fetch });
  const store = new MemoryOutboxStore();
  const runner = createOutboxRunner(store, createGraphMailboxMirror(graph), () => new Date(), {
    network,
    probe: () => graph.call({ method: "GET", path: "/me/messages?$top=1&$select=id", quick: true }),
  });
  sim.setOffline(true);
  await store.enqueue(
    newOperation({
      key: "mirror:offline",
      kind: "mirror",
      payload: {
        graphId: null,
        internetMessageId: message.internetMessageId,
        mailbox: null,
        category: { name: "2025-0042 Harbour lease", color: "preset7" },
        removeCategories: [],
        matterId: "m-42",
      },
      now: new Date(),
    }),
  );
  await runner.drainNow();
  // Back online at an arbitrary moment of the probe's cycle.
  await new Promise((r) => setTimeout(r, 1700));
  sim.setOffline(false);
  const back = performance.now();
  while ((await store.list()).length > 0 && performance.now() - back < 60_000) await new Promise((r) => setTimeout(r, 20));
  return atMost("faults.reconnectToSentMs", performance.now() - back, "ms", 5000);
}

export async function run(): Promise<BenchLine[]> {
  return [await refreshFailure(), await reconnect()];
}
