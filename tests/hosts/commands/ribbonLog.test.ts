import { describe, expect, it } from "vitest";
import { ribbonLog } from "@hosts/commands/ribbonLog";
import { createPendingSendLog, PENDING_SEND_LOG_KEY } from "@adapters/office/pendingSendLog";
import { createFilingService } from "@features/filing/service";
import { createPaneRecognizer } from "@domain/recognition/paneRecognition";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import type { ItemCategories, ItemCategory } from "@ports/itemCategories";
import { MemoryFilingHistoryStore, MemoryMatterLogStore, MemoryOutboxStore, MemorySettingsStore } from "@adapters/storage/memoryStores";
import { createOfficeFake } from "@simulators/office";
import { directory, message } from "../../domain/matterLog/fixtures";
import { mailMessage } from "../../fixtures/mailMessage";

function setup() {
  const index = buildDirectoryIndex(directory);
  const log = new MemoryMatterLogStore();
  const history = new MemoryFilingHistoryStore();
  const outbox = new MemoryOutboxStore();
  const settings = new MemorySettingsStore();
  void settings.set("filing.settings", { autoLog: true });
  const matterLog = new MatterLog({ log, history, outbox, categoryFor: categoryResolver(directory), firmDomains: directory.firm.domains });
  const loaded = () => Promise.resolve({ directory, index, importedAt: "x" });
  const service = createFilingService({
    directory: loaded,
    matterLog: () => Promise.resolve(matterLog),
    recognizer: createPaneRecognizer({
      directory: loaded,
      me: ["pat@firm.test"],
      history,
      log,
      outbox,
      now: () => new Date("2026-03-02T16:31:00Z"),
    }),
    settings,
    me: "pat@firm.test",
    now: () => new Date("2026-03-02T16:31:00Z"),
    afterWrite: () => undefined,
    categoriesSupported: true,
  });
  const added: ItemCategory[] = [];
  const categories: ItemCategories = {
    current: () => Promise.resolve([]),
    add: (c) => {
      added.push(c);
      return Promise.resolve();
    },
    remove: () => Promise.resolve(),
  };
  return { service, log, outbox, categories, added };
}

describe("ribbon Log to suggested matter", () => {
  it("logs a sure message, sets its category on the item and queues the mailbox copy", async () => {
    const { service, log, outbox, categories, added } = setup();
    const msg = message({ subject: "2025-0042 plan", bodyText: "Plan attached.\n" });
    const line = await ribbonLog(msg, { service, categories });
    expect(line).toMatch(/^Logged to 2025-0042 /);
    expect((await log.get(msg.internetMessageId!))?.matterId).toBe("m1");
    expect(added.map((c) => c.name)).toEqual(["2025-0042 Harbour lease"]);
    expect(added[0].color).toMatch(/^Preset\d+$/);
    expect((await outbox.list()).map((o) => o.kind).sort()).toEqual(["mirror", "record"]);
    expect(await ribbonLog(msg, { service, categories })).toMatch(/^Already logged to 2025-0042/);
  });

  it("does not log when unsure, and names the matters it hesitates between", async () => {
    const { service, log } = setup();
    const msg = message({ subject: "Quick question", bodyText: "Call me?\n" });
    const line = await ribbonLog(msg, { service, categories: null });
    expect(line).toMatch(/Not sure which matter \(2025-004\d or 2025-004\d\)/);
    expect(await log.get(msg.internetMessageId!)).toBeNull();
  });

  it("a failing category write does not undo the log", async () => {
    const { service, log } = setup();
    const msg = message({ subject: "2025-0043 contract", bodyText: "x\n" });
    const failing: ItemCategories = {
      current: () => Promise.resolve([]),
      add: () => Promise.reject(new Error("no")),
      remove: () => Promise.resolve(),
    };
    expect(await ribbonLog(msg, { service, categories: failing })).toMatch(/^Logged to 2025-0043/);
    expect((await log.get(msg.internetMessageId!))?.matterId).toBe("m2");
  });
});

describe("pending send log settle", () => {
  it("removes only what was logged or given up: an entry queued while the pane was logging stays", async () => {
    const { office, controller } = createOfficeFake({});
    const pending = createPendingSendLog(office);
    const draft = (subject: string) => mailMessage({ id: "d", conversationId: "c", subject });
    await pending.record(draft("first"), "m1");
    await pending.record(draft("second"), "m2");
    const seen = await pending.peek();
    await pending.record(draft("meanwhile"), "m3");
    await pending.settle({ logged: [seen[0].id], notFound: [seen[1]] });
    const saved = controller.roamingSettings()[PENDING_SEND_LOG_KEY] as { matterId: string }[];
    expect(saved.map((e) => e.matterId)).toEqual(["m3"]);
    expect(pending.unlogged().entries).toEqual([{ matterId: "m2", subject: "second", sentAt: null, reason: "not-found" }]);
  });
});
