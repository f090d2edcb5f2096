import { describe, expect, it } from "vitest";
import { createOverdueService, memoryClockDecisionStore, OVERDUE_SETTINGS_KEY } from "@features/clock";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import type { Directory } from "@domain/directory/types";
import { directory, fakeSync, mail, memoryKv } from "./overdueFixtures";

const ME = "alice@firm.example";
const NOW = "2025-08-26T15:30:00Z";

describe("overdue list after the directory changes", () => {
  it("never shows facts read under the old directory: the next scan reads every body again", async () => {
    const server = fakeSync();
    const kv = memoryKv();
    // Acme has two matters, so its contact's address alone names neither.
    const before: Directory = {
      ...directory,
      matters: [
        ...directory.matters,
        { id: "m3", number: "2024-0090", clientId: "c1", title: "Boundary", status: "open", responsible: "p1" },
      ],
    };
    let loaded: { directory: Directory; index: ReturnType<typeof buildDirectoryIndex> } = {
      directory: before,
      index: buildDirectoryIndex(before),
    };
    const service = createOverdueService({
      sync: server.sync,
      checkpoints: kv,
      settings: kv,
      decisions: memoryClockDecisionStore(),
      directory: () => Promise.resolve(loaded),
      overdueCategoryName: "Overdue reply",
      sender: { send: () => Promise.resolve() },
      me: { email: ME, name: "Alice Partner" },
      clock: { now: () => new Date(NOW) },
    });
    await kv.set(OVERDUE_SETTINGS_KEY, { watchedMailboxes: [], slaHours: 24, businessDays: false, windowDays: 14, overdueCategory: false });
    // "ZEP/7" is nobody's reference yet; the new directory makes it an alias of Acme's boundary matter.
    server.add(
      null,
      "inbox",
      mail({
        from: "carol@acme.example",
        subject: "Quick one",
        body: "Any news on ZEP/7? Please reply today.",
        at: "2025-08-25T09:00:00Z",
        conv: "z",
      }),
    );
    const first = await service.scan();
    expect(first.items).toHaveLength(1);
    expect(first.items[0].matterId).toBeNull();

    const changed: Directory = {
      ...before,
      matters: before.matters.map((m) => (m.id === "m3" ? { ...m, aliases: ["ZEP/7"] } : m)),
    };
    loaded = { directory: changed, index: buildDirectoryIndex(changed) };
    // the kept facts were read with the old directory: not shown, not silently reused
    expect(await service.current()).toBeNull();
    const again = await service.scan();
    expect(again.items).toHaveLength(1);
    expect(again.items[0].matterId).toBe("m3");
  });
});
