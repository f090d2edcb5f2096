import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { createGraphSimulator, type GraphSimulator } from "@simulators/graph";
import { createGraphClient, createGraphMailboxMirror } from "@adapters/graph";
import { openMatterlineDb } from "@adapters/storage/openDb";
import { idbStores } from "@adapters/storage/idbStores";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import { drainOutbox } from "@domain/outbox/drain";
import type { MailMessage } from "@domain/model/mail";
import { directory } from "../../domain/matterLog/fixtures";
import { identifiedMessage } from "../../fixtures/mailMessage";

/** The matter log over IndexedDB, mirrored through the real Graph adapter into the Graph simulator. */
async function setup(name: string, n: number) {
  const sim = createGraphSimulator({ signedInUser: "pat@firm.test", inFlightRetryAfterSec: 0 });
  const graph = createGraphClient({
    tokenProvider: { getToken: () => Promise.resolve("token") },
    fetchImpl: sim.fetch,
    readRetryDelayMs: 1,
  });
  const mirror = createGraphMailboxMirror(graph);
  const db = await openMatterlineDb(name);
  const stores = idbStores(db);
  const log = new MatterLog({ ...stores, categoryFor: categoryResolver(directory), firmDomains: directory.firm.domains });
  const messages: MailMessage[] = Array.from({ length: n }, (_, i) => {
    const internetMessageId = `<int-${name}-${i}@northwind.test>`;
    sim.addMessage("me", "inbox", {
      internetMessageId,
      conversationId: `conv-${i}`,
      subject: `Lease ${i}`,
      receivedDateTime: new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString(),
      from: { emailAddress: { name: "Ann", address: "ann@northwind.test" } },
      body: { contentType: "text", content: "Please see attached." },
      categories: [],
    });
    return identifiedMessage(internetMessageId, {
      conversationId: `conv-${i}`,
      subject: `Lease ${i}`,
      from: { email: "ann@northwind.test" },
      to: [{ email: "pat@firm.test" }],
      receivedAt: new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString(),
      bodyText: "Please see attached.",
    });
  });
  return { sim, mirror, db, stores, log, messages };
}

function matterCategories(sim: GraphSimulator) {
  return sim.messages("me", "inbox").map((m) => (m.categories ?? []).filter((c) => /^20\d\d-\d{4}/.test(c)));
}

/** The mailbox mirror's operations (each filing also queues a shared-record write, tested in tests/features/record). */
const mirrorOps = (ops: readonly { kind: string }[]) => ops.filter((o) => o.kind === "mirror");

describe("matter log → outbox → Graph mirror (simulator)", () => {
  it("survives offline, 5xx and a drop after commit: every message ends with exactly its matter's category", async () => {
    const { sim, mirror, db, stores, log, messages } = await setup("faults", 40);
    let now = new Date("2026-03-02T12:00:00Z");
    for (const m of messages) await log.log({ message: m, matterId: "m1", by: "pat@firm.test", now, source: "bulk" });
    for (const m of messages) await log.log({ message: m, matterId: "m1", by: "pat@firm.test", now, source: "bulk" });
    expect(mirrorOps(await stores.outbox.list())).toHaveLength(40);

    sim.setOffline(true);
    expect((await drainOutbox({ store: stores.outbox, mirror, now })).succeeded).toBe(0);
    sim.setOffline(false);
    sim.failNext(2, { status: 500 }, (r) => r.inBatch && r.method === "PATCH");
    sim.failNext(1, "drop-after-commit", (r) => r.path === "/$batch" && JSON.stringify(r.body).includes("PATCH"));
    for (let round = 0; round < 8 && mirrorOps(await stores.outbox.list()).length > 0; round += 1) {
      now = new Date(now.getTime() + 2 * 60 * 60_000);
      const result = await drainOutbox({ store: stores.outbox, mirror, now });
      await log.recordMirrored(result, now);
    }
    expect(mirrorOps(await stores.outbox.list())).toEqual([]);
    expect(matterCategories(sim).every((c) => c.length === 1 && c[0] === "2025-0042 Harbour lease")).toBe(true);
    expect(sim.masterCategories("me").map((c) => c.displayName)).toEqual(["2025-0042 Harbour lease"]);
    expect((await log.entriesForMatter("m1")).every((e) => e.graphId !== null && e.mailboxMark?.matterId === "m1")).toBe(true);
    db.close();
  });

  it("a re-file before the first mirror went out leaves only the new matter's category", async () => {
    const { sim, mirror, db, stores, log, messages } = await setup("refile", 3);
    const now = new Date("2026-03-02T12:00:00Z");
    for (const m of messages) await log.log({ message: m, matterId: "m1", by: "pat@firm.test", now, source: "manual" });
    await drainOutbox({ store: stores.outbox, mirror, now });
    await log.log({ message: messages[0], matterId: "m2", by: "amy@firm.test", now, source: "manual" });
    await log.log({ message: messages[1], matterId: "m2", by: "amy@firm.test", now, source: "manual" });
    await log.log({ message: messages[1], matterId: "m1", by: "amy@firm.test", now, source: "manual" });
    expect(mirrorOps(await stores.outbox.list())).toHaveLength(2);
    await drainOutbox({ store: stores.outbox, mirror, now });
    const byId = new Map(sim.messages("me", "inbox").map((m) => [m.internetMessageId, m]));
    expect(byId.get(messages[0].internetMessageId!)?.categories).toEqual(["2025-0043 Employment dispute with former"]);
    expect(byId.get(messages[1].internetMessageId!)?.categories).toEqual(["2025-0042 Harbour lease"]);
    expect(byId.get(messages[2].internetMessageId!)?.categories).toEqual(["2025-0042 Harbour lease"]);
    db.close();
  });
});
