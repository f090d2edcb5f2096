import { describe, expect, it } from "vitest";
import { createGraphSimulator, type GraphSimulator } from "@simulators/graph";
import { createGraphClient, createGraphFolderSync } from "@adapters/graph";
import { MemoryScanCheckpointStore } from "@adapters/storage/memoryScanCheckpointStore";
import { scanMailbox, type FactsReader, type ScanProgress } from "@features/clock/mailboxScan";
import { factsReader, mailboxOwner } from "@features/clock/scanStamp";
import type { MailMessage } from "@domain/model/mail";
import { idDigest } from "@features/clock/idDigest";
import { directory, index } from "./overdueFixtures";

const NOW = "2026-03-15T12:00:00.000Z";
const MIN = 60_000;
const BODY = "Could you please send me the signed lease for 2024-0012 before Friday? This is the third time I have asked.";

function seed(sim: GraphSimulator, inbound: number, days = 20) {
  const end = Date.parse(NOW);
  for (let i = 0; i < inbound; i++) {
    const t = new Date(end - (i * days * 24 * 60 * MIN) / inbound - MIN).toISOString();
    sim.addMessage("me", "inbox", {
      conversationId: `c${i}`,
      internetMessageId: `<in${i}@acme.example>`,
      subject: `Lease ${i}`,
      receivedDateTime: t,
      sentDateTime: t,
      from: { emailAddress: { address: "carol@acme.example", name: "Carol Client" } },
      body: { contentType: "text", content: `${BODY} (${i})` },
    });
  }
}

function setup() {
  const sim = createGraphSimulator({ signedInUser: "ann@firm.example", latencyMs: 0, inFlightRetryAfterSec: 0 });
  const graph = createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("t") }, fetchImpl: sim.fetch, readRetryDelayMs: 1 });
  return { sim, sync: createGraphFolderSync(graph), store: new MemoryScanCheckpointStore() };
}

/** The real reader, counting the bodies it reads. */
function counting(reader: FactsReader) {
  const read: string[] = [];
  return {
    read,
    reader: {
      stamp: reader.stamp,
      owner: reader.owner,
      read(m: MailMessage) {
        read.push(m.id);
        return reader.read(m);
      },
    } satisfies FactsReader,
  };
}

const realReader = () => factsReader({ directory, index }, mailboxOwner(null, "ann@firm.example"));

describe("scan checkpoint rows", () => {
  it("keeps no body in any row, only the facts read from it", async () => {
    const { sim, sync, store } = setup();
    seed(sim, 40);
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW, facts: realReader() });
    const { rows } = await store.load("me");
    expect(rows).toHaveLength(snap.inbound.length);
    const json = JSON.stringify(rows);
    // derived results may quote a few of the client's words (the reasons shown), never the body itself
    for (const m of snap.inbound) expect(json).not.toContain(`${BODY} (${m.subject.slice(6)})`);
    expect(json).not.toContain("bodyText");
    expect(json).not.toContain("before Friday? This is");
    const first = snap.inbound[0];
    expect(first.bodyText).toBe("");
    expect(first.facts && "r" in first.facts && first.facts.r?.nr).toBe(1);
  });

  it("writes per page only that page's rows, and an incremental scan only what changed", async () => {
    const { sim, sync, store } = setup();
    seed(sim, 2500, 14);
    const pages: number[] = [];
    await scanMailbox(sync, store, { mailbox: null, now: NOW, onProgress: (p) => p.folder === "inbox" && pages.push(p.pages) });
    // three inbox pages (1,000 + 1,000 + ~500) and one sent-items page: every row written once, no row rewritten
    expect(pages).toEqual([1, 2, 3]);
    expect(store.counts.writes).toBe(4);
    expect(store.counts.puts).toBe(2500);
    const before = { ...store.counts };
    sim.addMessage("me", "inbox", { conversationId: "n", internetMessageId: "<n@acme.example>", receivedDateTime: "2026-03-15T11:00:00Z" });
    const [gone] = sim.messages("me", "inbox");
    sim.removeMessage("me", gone.id);
    await scanMailbox(sync, store, { mailbox: null, now: NOW });
    expect(store.counts.puts - before.puts).toBe(1);
    expect(store.counts.deletes - before.deletes).toBe(1);
    expect((await store.load("me")).rows).toHaveLength(2500);
  });

  it("deletes the rows of mail that left the window", async () => {
    const { sim, sync, store } = setup();
    seed(sim, 100);
    await scanMailbox(sync, store, { mailbox: null, now: NOW, windowDays: 14 });
    expect((await store.load("me")).rows).toHaveLength(70);
    const later = "2026-03-20T12:00:00.000Z";
    const snap = await scanMailbox(sync, store, { mailbox: null, now: later, windowDays: 14 });
    const { rows } = await store.load("me");
    expect(rows).toHaveLength(snap.inbound.length);
    expect(rows.length).toBeLessThan(70);
    expect(rows.every((r) => (r.value as { t: number }).t >= Date.parse(snap.windowStart))).toBe(true);
  });

  it("reads each body once across an interrupted and resumed round", async () => {
    const { sim, sync, store } = setup();
    seed(sim, 2500, 14);
    const { read, reader } = counting(realReader());
    sim.failNext(3, "drop", (r) => r.path.includes("/mailFolders/inbox/messages/delta") && r.query.includes("skiptoken"));
    await expect(scanMailbox(sync, store, { mailbox: null, now: NOW, facts: reader })).rejects.toMatchObject({ code: "offline" });
    expect(read).toHaveLength(1000);
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW, facts: reader });
    expect(read).toHaveLength(2500);
    expect(new Set(read).size).toBe(2500);
    expect(snap.inbound.every((m) => m.facts)).toBe(true);
  });

  it("starts a full scan when the stamp changed (directory or reader version), never reading stale facts", async () => {
    const { sim, sync, store } = setup();
    seed(sim, 50);
    const first = counting(realReader());
    await scanMailbox(sync, store, { mailbox: null, now: NOW, facts: first.reader });
    const same = counting(realReader());
    await scanMailbox(sync, store, { mailbox: null, now: NOW, facts: same.reader });
    expect(same.read).toHaveLength(0);
    const changed = counting({ ...realReader(), stamp: "another directory" });
    const progress: ScanProgress[] = [];
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW, facts: changed.reader, onProgress: (p) => progress.push(p) });
    expect(changed.read).toHaveLength(snap.inbound.length);
    expect(snap.incremental).toBe(false);
    expect(progress.every((p) => p.phase === "full")).toBe(true);
    expect(snap.stamp).toBe("another directory");
  });

  it("one message whose body cannot be read keeps its error and the rest go on", async () => {
    const { sim, sync, store } = setup();
    seed(sim, 10);
    const base = realReader();
    const hostile: FactsReader = {
      stamp: base.stamp,
      owner: base.owner,
      read: (m) => (m.subject === "Lease 3" ? { error: "unreadable" } : base.read(m)),
    };
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW, facts: hostile });
    expect(snap.inbound).toHaveLength(7); // 10 over 20 days, 14 of them in the window
    expect(snap.inbound.filter((m) => m.facts && "error" in m.facts).map((m) => m.subject)).toEqual(["Lease 3"]);
  });
});

describe("thread-only rows", () => {
  it("sent mail and a colleague's mail are kept under digests of their Graph ids, still answer in their thread, and leave when Graph removes them", async () => {
    const { sim, sync, store } = setup();
    seed(sim, 3);
    const at = (min: number) => new Date(Date.parse(NOW) - min * MIN).toISOString();
    const colleague = sim.addMessage("me", "inbox", {
      conversationId: "c0",
      internetMessageId: "<bob@firm.example>",
      subject: "Lease 0",
      receivedDateTime: at(30),
      sentDateTime: at(30),
      from: { emailAddress: { address: "bob@firm.example", name: "Bob Associate" } },
      toRecipients: [{ emailAddress: { address: "ann@firm.example" } }],
      body: { contentType: "text", content: "Could you check 2024-0012?" },
    });
    const sent = sim.addMessage("me", "sentitems", {
      conversationId: "c1",
      internetMessageId: "<reply@firm.example>",
      subject: "RE: Lease 1",
      receivedDateTime: at(20),
      sentDateTime: at(20),
      from: { emailAddress: { address: "ann@firm.example" } },
      toRecipients: [{ emailAddress: { address: "carol@acme.example" } }],
    });
    const reader = factsReader({ directory, index }, mailboxOwner(null, "ann@firm.example"));
    const snap = await scanMailbox(sync, store, { mailbox: null, now: NOW, facts: reader });
    const { rows } = await store.load("me");
    const keys = rows.map((r) => r.graphId);
    expect(keys).toContain(idDigest(sent.id));
    expect(keys).toContain(idDigest(colleague.id));
    expect(keys).not.toContain(sent.id);
    expect(keys).not.toContain(colleague.id);
    // only the assessed mail maps to Graph ids (the clock writes to nothing else)
    expect(Object.values(snap.graphIds)).toHaveLength(3);
    expect(Object.values(snap.graphIds)).not.toContain(idDigest(colleague.id));
    // the reply and the colleague's message are in their threads with their conversations whole
    expect(snap.sent.map((m) => m.conversationId)).toEqual(["c1"]);
    expect(snap.inbound.find((m) => m.threadOnly)?.conversationId).toBe("c0");

    sim.removeMessage("me", sent.id);
    sim.removeMessage("me", colleague.id);
    const next = await scanMailbox(sync, store, { mailbox: null, now: NOW, facts: reader });
    expect(next.sent).toHaveLength(0);
    expect(next.inbound.some((m) => m.threadOnly)).toBe(false);
    expect((await store.load("me")).rows).toHaveLength(3);
  });
});
