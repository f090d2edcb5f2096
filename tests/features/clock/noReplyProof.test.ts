import { describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph";
import {
  createGraphCategoryFlagWriter,
  createGraphClient,
  createGraphFolderSync,
  NO_REPLY_CATEGORY,
  NO_REPLY_PROPERTY_ID,
} from "@adapters/graph";
import {
  createOverdueService,
  memoryClockDecisionStore,
  NO_REPLY_DECISION_KIND,
  noReplyDecisionExecutor,
  type OverdueView,
} from "@features/clock";
import { drainOutbox } from "@domain/outbox";
import { MemoryOutboxStore } from "@adapters/storage/memoryStores";
import { directory, index, memoryKv } from "./overdueFixtures";

const ME = "alice@firm.example";
const NOW = "2025-08-26T15:30:00Z";

/** One mailbox in the Graph simulator, and the overdue service of one device of its owner (its own decisions and outbox). */
function world() {
  const sim = createGraphSimulator({ signedInUser: ME, latencyMs: 0, inFlightRetryAfterSec: 0, clock: () => Date.parse(NOW) });
  const graph = createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("t") }, fetchImpl: sim.fetch, readRetryDelayMs: 1 });
  const add = (id: string, subject: string, at: string, categories: string[] = []) =>
    sim.addMessage(ME, "inbox", {
      internetMessageId: id,
      conversationId: `conv-${id}`,
      subject,
      from: { emailAddress: { name: "Carol Client", address: "carol@acme.example" } },
      toRecipients: [{ emailAddress: { address: ME } }],
      receivedDateTime: at,
      sentDateTime: at,
      body: { contentType: "text", content: "Could you send me the lease draft?" },
      categories,
    });
  const device = () => {
    const outbox = new MemoryOutboxStore();
    const kv = memoryKv();
    const service = createOverdueService({
      sync: createGraphFolderSync(graph),
      checkpoints: kv,
      settings: kv,
      decisions: memoryClockDecisionStore(),
      directory: () => Promise.resolve({ directory, index }),
      overdueCategoryName: "Overdue reply",
      noReplyDecisions: { outbox, categoryName: NO_REPLY_CATEGORY.name },
      sender: { send: () => Promise.reject(new Error("nothing is sent in this test")) },
      me: { email: ME, name: "Alice Partner" },
      clock: { now: () => new Date(NOW) },
    });
    // The outbox executor the pane registers (src/features/clock/wire.ts): the category and our property, one PATCH.
    const drain = () =>
      drainOutbox({
        store: outbox,
        executors: {
          [NO_REPLY_DECISION_KIND]: noReplyDecisionExecutor(
            createGraphCategoryFlagWriter(graph, NO_REPLY_CATEGORY, { noReplyProperty: true }),
          ),
        },
        now: new Date(NOW),
      });
    return { service, outbox, drain };
  };
  const property = (graphId: string) =>
    sim.message(ME, graphId)?.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === NO_REPLY_PROPERTY_ID.toLowerCase())?.value;
  return { sim, add, device, property };
}

const item = (view: OverdueView, id: string) => view.items.find((i) => i.internetMessageId === id)!;

describe("no reply needed: only Matterline's own property stops the clock", () => {
  it("a message that arrives with the category but without the property keeps its clock, with a hint", async () => {
    const w = world();
    w.add("<forged@acme.example>", "Lease 2024-0012", "2025-08-25T10:00:00Z", [NO_REPLY_CATEGORY.name]);
    const view = await w.device().service.scan();
    const forged = item(view, "<forged@acme.example>");
    expect(forged.clock.state).toBe("overdue");
    expect(forged.decision).toBeNull();
    expect(forged.noReplyHint).toBe("Outlook category “No reply needed” was not set in Matterline: the reply clock still runs.");
    expect(view.groups.overdue.map((i) => i.internetMessageId)).toEqual(["<forged@acme.example>"]);
  });

  it("a decision taken in Matterline stops the clock on another device; undoing it clears the category and the property", async () => {
    const w = world();
    const stored = w.add("<lease@acme.example>", "Lease 2024-0012", "2025-08-25T10:00:00Z");
    const laptop = w.device();
    const view = await laptop.service.scan();
    await laptop.service.markNoReplyNeeded(item(view, "<lease@acme.example>"), "Answered by phone");
    expect((await laptop.drain()).succeeded).toBe(1);
    expect(w.sim.message(ME, stored.id)?.categories).toEqual([NO_REPLY_CATEGORY.name]);
    expect(w.property(stored.id)).toBe("true");

    // The phone has no decisions of its own: it reads the property through its scan.
    const phone = w.device();
    const seen = item(await phone.service.scan(), "<lease@acme.example>");
    expect(seen.clock.state).toBe("no-reply-needed");
    expect(seen.decision).toMatchObject({ kind: "no-reply-needed", source: "mailbox" });
    expect(seen.noReplyHint).toBeNull();

    // Someone takes only the category off in Outlook: the property still holds the decision.
    w.sim.updateMessage(ME, stored.id, { categories: [] });
    expect(item(await w.device().service.scan(), "<lease@acme.example>").clock.state).toBe("no-reply-needed");

    // Undone on the phone: both come off, and a third device sees the clock running.
    await phone.service.undo(item(await phone.service.scan(), "<lease@acme.example>"));
    expect((await phone.drain()).succeeded).toBe(1);
    expect(w.sim.message(ME, stored.id)?.categories).toEqual([]);
    expect(w.property(stored.id)).toBe("");
    expect(item(await w.device().service.scan(), "<lease@acme.example>").clock.state).toBe("overdue");
  });

  it("the scan reads the property in its delta request: no request more than before", async () => {
    const w = world();
    w.add("<lease@acme.example>", "Lease 2024-0012", "2025-08-25T10:00:00Z");
    w.sim.resetStats();
    await w.device().service.scan();
    const scan = w.sim.stats.log;
    // One delta page per folder, each expanding both of our properties.
    expect(scan.map((r) => r.url.split("?")[0].replace(/^.*\/mailFolders\//, ""))).toEqual([
      "inbox/messages/delta",
      "sentitems/messages/delta",
    ]);
    for (const r of scan) expect(decodeURIComponent(r.url)).toContain(`$expand=singleValueExtendedProperties($filter=id eq '`);
    for (const r of scan) expect(decodeURIComponent(r.url)).toContain(NO_REPLY_PROPERTY_ID);
  });
});
