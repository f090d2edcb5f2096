/**
 * Graph figures, against the simulator with 50 ms per request: requests to mirror 100 log entries, and the scan of a
 * mailbox with 5,000 inbound and 3,000 sent messages in the window (first scan, rescan with nothing changed).
 */
import { atMost, info, type BenchLine } from "./benchLine";
import { createGraphSimulator, type GraphSimulator } from "@simulators/graph";
import { createGraphClient, createGraphFolderSync, createGraphMailboxMirror, createGraphMessageReader } from "@adapters/graph";
import { scanMailbox } from "@features/clock/mailboxScan";
import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";
import { MemoryScanCheckpointStore } from "@adapters/storage/memoryScanCheckpointStore";

const LATENCY_MS = 50;
const NOW = "2026-03-15T12:00:00.000Z";

function client(sim: GraphSimulator) {
  return createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("bench-token") }, fetchImpl: sim.fetch });
}

async function bulkTag(): Promise<BenchLine[]> {
  const sim = createGraphSimulator({ latencyMs: LATENCY_MS });
  const msgs = Array.from({ length: 100 }, (_, i) =>
    sim.addMessage("me", "inbox", { internetMessageId: `<bulk-${i}@client.example>`, subject: `Bulk ${i}` }),
  );
  const mirror = createGraphMailboxMirror(client(sim));
  sim.resetStats();
  const out = await mirror.apply(
    msgs.map((m, i) => ({
      key: `k${i}`,
      graphId: i % 3 === 0 ? m.id : null,
      internetMessageId: m.internetMessageId!,
      mailbox: null,
      category: { name: "2025-0042 Harbour lease", color: "preset7" },
      removeCategories: [],
      matterId: "m-42",
    })),
  );
  const failed = out.filter((o) => !o.ok).length;
  return [
    atMost("bulkTag.graphRequestsPer100", sim.stats.totalRequests, "requests", 10),
    ...(failed ? [info("bulkTag.failedItems", failed, "items")] : []),
  ];
}

function seedScanMailbox(sim: GraphSimulator): void {
  const end = Date.parse(NOW);
  const span = 13 * 24 * 3600 * 1000; // all inside the 14-day window
  for (let i = 0; i < 5000; i++) {
    const t = new Date(end - Math.floor((i * span) / 5000) - 60_000).toISOString();
    sim.addMessage("me", "inbox", {
      conversationId: `conv-${i % 4000}`,
      internetMessageId: `<in-${i}@client.example>`,
      subject: `Matter question ${i}`,
      receivedDateTime: t,
      sentDateTime: t,
      from: { emailAddress: { name: "Client", address: `client${i % 50}@client.example` } },
      toRecipients: [{ emailAddress: { address: "me@contoso.example" } }],
      body: { contentType: "html", content: `<p>Could you send the status of the filing? Reference ${i}. ${"Details. ".repeat(20)}</p>` },
    });
  }
  for (let i = 0; i < 3000; i++) {
    const t = new Date(end - Math.floor((i * span) / 5000)).toISOString();
    sim.addMessage("me", "sentitems", {
      conversationId: `conv-${i % 4000}`,
      internetMessageId: `<out-${i}@firm.example>`,
      subject: `RE: Matter question ${i}`,
      receivedDateTime: t,
      sentDateTime: t,
    });
  }
}

async function scan(): Promise<BenchLine[]> {
  const sim = createGraphSimulator({ latencyMs: LATENCY_MS });
  seedScanMailbox(sim);
  const store: ScanCheckpointStore = new MemoryScanCheckpointStore();
  const graph = client(sim);
  const sync = createGraphFolderSync(graph);
  sim.resetStats();
  const t0 = performance.now();
  const first = await scanMailbox(sync, store, { mailbox: null, now: NOW });
  const firstMs = performance.now() - t0;
  const firstRequests = sim.stats.totalRequests;
  const maxInFlight = sim.stats.maxInFlight;
  sim.resetStats();
  await scanMailbox(sync, store, { mailbox: null, now: NOW });
  const incrementalRequests = sim.stats.totalRequests;
  const inFlightAll = Math.max(maxInFlight, sim.stats.maxInFlight);

  // Baseline: list the inbound window, then one sent-items lookup per conversation. The lookups are counted,
  // not run: at 50 ms each they would take minutes, which is the point.
  sim.resetStats();
  const inbound = await createGraphMessageReader(graph).listWindow({ mailbox: null, folder: "inbox", since: first.windowStart });
  const naive = sim.stats.totalRequests + new Set(inbound.map((m) => m.conversationId)).size;
  return [
    atMost("scan.firstRequests", firstRequests, "requests", 12),
    atMost("scan.firstMs", firstMs, "ms", 2000),
    info("scan.naiveRequests", naive, "requests"),
    atMost("scan.incrementalRequests", incrementalRequests, "requests", 2),
    atMost("scan.maxInFlight", inFlightAll, "requests", 4),
    info("scan.messagesGathered", first.inbound.length + first.sent.length, "messages"),
  ];
}

export async function run(): Promise<BenchLine[]> {
  return [...(await bulkTag()), ...(await scan())];
}
