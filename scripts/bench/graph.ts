/**
 * Graph figures, against the simulator with 50 ms per request: requests to mirror 100 log entries, and the scan of a
 * mailbox with 5,000 inbound and 3,000 sent messages in the window (first scan, rescan with nothing changed), and the
 * size of the scan's stored checkpoint after ten daily scans of a year's mailbox.
 */
import { atMost, info, type BenchLine } from "./benchLine";
import { createGraphSimulator, mulberry32, type GraphSimulator } from "@simulators/graph";
import { createGraphClient, createGraphFolderSync, createGraphMailboxMirror, createGraphMessageReader } from "@adapters/graph";
import { scanMailbox } from "@features/clock/mailboxScan";
import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";
import { MemoryScanCheckpointStore } from "@adapters/storage/memoryScanCheckpointStore";
import { IdbScanCheckpointStore } from "@adapters/storage/idbScanCheckpointStore";
import { openMatterlineDb } from "@adapters/storage/openDb";
import { scanCheckpointKey } from "@features/clock/mailboxScan";
import { factsReader, mailboxOwner } from "@features/clock/scanStamp";
import { TEAM_VIEW_DAYS } from "@features/clock/teamStats";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import type { Directory } from "@domain/directory/types";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import "fake-indexeddb/auto";

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

// The checkpoint-size scenario: a year of a busy lawyer's mailbox, ten scans a day apart.
const YEAR_MESSAGES = 50_000;
const CHECKPOINT_NOW = "2026-03-15T12:00:00.000Z";
const DAY = 86_400_000;

const SENTENCES = [
  "Thank you for your email and for the draft, which I have now read through with the board.",
  "Could you let me know where we are with the disclosure list before the hearing next week?",
  "We still have not had the signed copy back from the other side, and the deadline is Friday.",
  "I attach the revised witness statement with our comments marked up in the margin.",
  "Please can you confirm the position on costs, as our finance director has asked for a figure.",
  "Further to our call this morning, I have spoken to the landlord's agent about the break clause.",
  "This is the third time I have asked for an update and I am disappointed not to have heard back.",
  "The completion statement looks right to us, subject to the apportionment of the service charge.",
  "We would like to arrange a meeting with you and counsel to go through the list of issues.",
  "Happy to discuss; I am free on Tuesday afternoon or any time on Thursday.",
  "Our insurers have asked whether the claim has been notified under the policy yet.",
  "Kind regards, and thanks again for all your help on this matter so far.",
];

interface ScenarioPeople {
  readonly me: string;
  readonly colleagues: readonly string[];
  readonly clients: readonly { readonly email: string; readonly name: string }[];
  readonly matterNumbers: readonly string[];
}

/** A body as clients write it: a few sentences, a signature, often the quoted thread below; one in 25 is very long. */
function scenarioBody(rand: () => number, from: string, i: number): string {
  const n = 2 + Math.floor(rand() * 6);
  const own = Array.from({ length: n }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]).join(" ");
  const signature = `\n\n--\n${from}\nTel +44 20 7946 ${String(1000 + (i % 9000))}\nThis email and any attachments are confidential.`;
  let quoted = "";
  if (rand() < 0.7) {
    const depth = rand() < 0.04 ? 150 + Math.floor(rand() * 250) : 1 + Math.floor(rand() * 4);
    for (let d = 0; d < depth; d++)
      quoted += `\n\nOn Mon, 2 Mar 2026 at 09:${String(d % 60).padStart(2, "0")}, someone wrote:\n> ${SENTENCES[(i + d) % SENTENCES.length]}\n> ${SENTENCES[(i + 3 * d) % SENTENCES.length]}`;
  }
  return `${own}${signature}${quoted}`;
}

/**
 * Ids as long as Graph's: a message id is about 152 characters and a conversation id about 84 (both base64 of the
 * store's entry ids), and the checkpoint keeps both on every row, so short simulator ids would flatter its size.
 * https://learn.microsoft.com/graph/api/resources/message
 */
const MAILBOX_PART =
  "AAMkADQ5ZGI2YjA0LWFhNDEtNDdmYy1iZjI4LTA1NmZlMjJhYjQ2MwBGAAAAAADr7Yd5o8yMQpWs3xS9KkqNBwBq1k7fzQ9YS4K9Gp5xBqFzAAAAAAEMAABq1k7fzQ9YS4K9Gp5xBqFz";
const graphLength = (prefix: string, n: number, length: number): string => {
  const tail = `${n.toString(36).padStart(8, "0")}AAA=`;
  return `${prefix}${MAILBOX_PART}`.slice(0, length - tail.length) + tail;
};

/** One message of the scenario mailbox at `at`: inbound (a client, a colleague or an outsider) or sent by me. */
function scenarioMessage(sim: GraphSimulator, people: ScenarioPeople, rand: () => number, i: number, at: number): void {
  const t = new Date(at).toISOString();
  const matter = people.matterNumbers[i % people.matterNumbers.length];
  const conversationId = graphLength("AAQkAD", Math.floor(rand() * 12_000), 84);
  const id = graphLength("AAMkAD", i, 152);
  const subject = `${rand() < 0.6 ? "RE: " : ""}${matter} ${["Lease renewal", "Disclosure", "Completion", "Costs", "Witness statements"][i % 5]}`;
  const sent = rand() < 0.2;
  if (sent) {
    const to = people.clients[Math.floor(rand() * people.clients.length)];
    sim.addMessage("me", "sentitems", {
      id,
      conversationId,
      internetMessageId: `<sent-${i}.${at}@bramleysutton.example>`,
      subject,
      receivedDateTime: t,
      sentDateTime: t,
      from: { emailAddress: { address: people.me } },
      toRecipients: [{ emailAddress: { address: to.email, name: to.name } }],
      body: { contentType: "text", content: scenarioBody(rand, people.me, i) },
    });
    return;
  }
  const kind = rand();
  const sender =
    kind < 0.6
      ? people.clients[Math.floor(rand() * people.clients.length)]
      : kind < 0.8
        ? { email: people.colleagues[Math.floor(rand() * people.colleagues.length)], name: "Colleague" }
        : { email: `person${i % 500}@outside-${i % 40}.example`, name: `Outside Person ${i % 500}` };
  const cc = Array.from({ length: Math.floor(rand() * 3) }, (_, k) => ({
    emailAddress: { address: people.colleagues[(i + k) % people.colleagues.length] },
  }));
  sim.addMessage("me", "inbox", {
    id,
    conversationId,
    internetMessageId: `<CAF${i}x${at.toString(36)}.mail@${sender.email.split("@")[1]}>`,
    subject,
    receivedDateTime: t,
    sentDateTime: t,
    from: { emailAddress: { address: sender.email, name: sender.name } },
    toRecipients: [{ emailAddress: { address: people.me } }],
    ccRecipients: cc,
    categories: rand() < 0.3 ? [`${matter} Client matter`] : [],
    body: { contentType: "text", content: scenarioBody(rand, sender.name, i) },
  });
}

/**
 * Runs ten scans of a 50,000-message mailbox (a year of mail), the clock a day later each time with a day's new mail,
 * through `scanOnce`; returns what `measure` says after the tenth.
 */
async function tenScans(people: ScenarioPeople, scanOnce: (sim: GraphSimulator, now: string) => Promise<unknown>): Promise<GraphSimulator> {
  const sim = createGraphSimulator({ latencyMs: 0, signedInUser: people.me });
  const rand = mulberry32(20260315);
  const end = Date.parse(CHECKPOINT_NOW);
  for (let i = 0; i < YEAR_MESSAGES; i++)
    scenarioMessage(sim, people, rand, i, end - 365 * DAY + Math.floor((i * 365 * DAY) / YEAR_MESSAGES));
  let next = YEAR_MESSAGES;
  for (let scanNo = 0; scanNo < 10; scanNo++) {
    const now = end + scanNo * DAY;
    if (scanNo > 0) {
      const perDay = Math.round(YEAR_MESSAGES / 365);
      for (let k = 0; k < perDay; k++) scenarioMessage(sim, people, rand, next++, now - DAY + Math.floor(((k + 1) * DAY) / (perDay + 1)));
    }
    await scanOnce(sim, new Date(now).toISOString());
  }
  return sim;
}

function scenarioPeople(directory: Directory): ScenarioPeople {
  const me = directory.people[0].email.toLowerCase();
  return {
    me,
    colleagues: directory.people.slice(1).map((p) => p.email.toLowerCase()),
    clients: directory.clients.flatMap((c) => c.contacts.map((k) => ({ email: k.email.toLowerCase(), name: k.name }))),
    matterNumbers: directory.matters.map((m) => m.number),
  };
}

/**
 * The overdue scan's stored checkpoint after ten scans of a 50,000-message mailbox, through the IndexedDB adapter on
 * fake-indexeddb with the pane's facts reader: JSON bytes of every row and cursor the store holds for the mailbox.
 */
async function checkpointSize(): Promise<BenchLine[]> {
  const directory = parseDirectoryJson(readFileSync(fileURLToPath(new URL("../../data/sample/directory.json", import.meta.url)), "utf8"));
  const people = scenarioPeople(directory);
  const db = await openMatterlineDb("bench-scan-checkpoint");
  const store = new IdbScanCheckpointStore(db);
  const facts = factsReader({ directory, index: buildDirectoryIndex(directory) }, mailboxOwner(null, people.me));
  await tenScans(people, async (sim, now) => {
    const sync = createGraphFolderSync(client(sim));
    // The pane's scan: the list's window or the team view's 30 days, whichever is longer.
    await scanMailbox(sync, store, { mailbox: null, now, windowDays: TEAM_VIEW_DAYS, facts });
  });
  const tx = db.transaction(["scanCursors", "scanMessages"]);
  const range = IDBKeyRange.bound([scanCheckpointKey(null)], [scanCheckpointKey(null), []]);
  const [cursors, rows] = await Promise.all([tx.objectStore("scanCursors").getAll(range), tx.objectStore("scanMessages").getAll(range)]);
  await tx.done;
  const bytes = [...cursors, ...rows].reduce((n, r) => n + Buffer.byteLength(JSON.stringify(r)), 0);
  db.close();
  return [
    atMost("scan.checkpointKBAfter10Scans", Math.round((bytes / 1024) * 10) / 10, "KB", 2048),
    info("scan.checkpointRows", rows.length, "rows"),
  ];
}

export async function run(): Promise<BenchLine[]> {
  return [...(await bulkTag()), ...(await scan()), ...(await checkpointSize())];
}
