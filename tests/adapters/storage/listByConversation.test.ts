import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { LogEntry } from "@domain/matterLog/types";
import type { MatterLogStore } from "@ports/matterLogStore";
import { MemoryMatterLogStore } from "@adapters/storage/memoryStores";
import { IdbMatterLogStore } from "@adapters/storage/idbStores";
import { openMatterlineDb } from "@adapters/storage/openDb";

function entry(id: string, matterId: string, conversationId: string | null): LogEntry {
  return {
    internetMessageId: id,
    conversationId,
    direction: "inbound",
    from: { email: "a@client.test" },
    to: [],
    cc: [],
    subject: "s",
    sentAt: null,
    receivedAt: null,
    snippet: "",
    attachmentNames: [],
    matterId,
    category: "cat",
    loggedBy: "p",
    loggedAt: "2026-01-01T00:00:00.000Z",
    source: "manual",
    timeEntry: null,
    mailbox: null,
    graphId: null,
  };
}

let dbCount = 0;
const factories: [string, () => Promise<MatterLogStore>][] = [
  ["memory", () => Promise.resolve(new MemoryMatterLogStore())],
  ["indexeddb", async () => new IdbMatterLogStore(await openMatterlineDb(`conv-test-${++dbCount}`))],
];

describe.each(factories)("MatterLogStore.listByConversation: %s", (_name, make) => {
  it("lists the entries of one thread only, across matters, and follows removals", async () => {
    const log = await make();
    await log.commit({ put: entry("<x>", "m1", "conv-1") });
    await log.commit({ put: entry("<y>", "m2", "conv-1") });
    await log.commit({ put: entry("<z>", "m1", "conv-2") });
    await log.commit({ put: entry("<w>", "m1", null) });
    expect((await log.listByConversation("conv-1")).map((e) => e.internetMessageId).sort()).toEqual(["<x>", "<y>"]);
    await log.commit({ remove: "<x>" });
    expect((await log.listByConversation("conv-1")).map((e) => e.matterId)).toEqual(["m2"]);
    expect(await log.listByConversation("conv-none")).toEqual([]);
  });
});
