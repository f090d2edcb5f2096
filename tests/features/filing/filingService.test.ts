import { describe, expect, it } from "vitest";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import { createFilingService } from "@features/filing/service";
import { createPaneRecognizer } from "@domain/recognition/paneRecognition";
import { autoLogDecision, AUTO_LOG_THRESHOLD } from "@features/filing/autoLog";
import type { PaneRecognition } from "@domain/recognition/paneRecognition";
import type { Recognition } from "@domain/recognition/types";
import { MemoryFilingHistoryStore, MemoryMatterLogStore, MemoryOutboxStore, MemorySettingsStore } from "@adapters/storage/memoryStores";
import { directory, message } from "../../domain/matterLog/fixtures";

const index = buildDirectoryIndex(directory);
const loaded = { directory, index, importedAt: "2026-01-01T00:00:00.000Z" };

interface Stores {
  readonly log: MemoryMatterLogStore;
  readonly history: MemoryFilingHistoryStore;
  readonly outbox: MemoryOutboxStore;
}

function setup(opts: { autoLog?: boolean; me?: string; stores?: Stores } = {}) {
  const log = opts.stores?.log ?? new MemoryMatterLogStore();
  const history = opts.stores?.history ?? new MemoryFilingHistoryStore();
  const outbox = opts.stores?.outbox ?? new MemoryOutboxStore();
  const settings = new MemorySettingsStore();
  const me = opts.me ?? "pat@firm.test";
  const matterLog = new MatterLog({ log, history, outbox, categoryFor: categoryResolver(directory), firmDomains: directory.firm.domains });
  let drains = 0;
  const service = createFilingService({
    directory: () => Promise.resolve(loaded),
    matterLog: () => Promise.resolve(matterLog),
    recognizer: createPaneRecognizer({
      directory: () => Promise.resolve(loaded),
      me: [me],
      history,
      log,
      outbox,
      now: () => new Date("2026-03-02T16:31:00.000Z"),
    }),
    settings,
    me,
    now: () => new Date("2026-03-02T16:31:00.000Z"),
    afterWrite: () => {
      drains += 1;
    },
    categoriesSupported: true,
  });
  return {
    service,
    stores: { log, history, outbox },
    log,
    outbox,
    settings,
    drains: () => drains,
    init: opts.autoLog ? service.saveSettings({ autoLog: true }) : Promise.resolve(),
  };
}

const sure = () => message({ subject: "2025-0042 signed plan", bodyText: "Attached the signed plan.\n" });
const unsure = () => message({ subject: "Quick question", bodyText: "Could you call me?\n" });

describe("filing service", () => {
  it("logs once: a second log changes nothing and queues nothing more", async () => {
    const { service, outbox, log, drains } = setup();
    const msg = sure();
    const first = await service.log(msg, "m1");
    expect(first.status).toBe("logged");
    expect(first.view.pane.logged?.entry.loggedBy).toBe("pat@firm.test");
    expect(first.view.pane.logged?.mirror).toBe("waiting");
    const second = await service.log(msg, "m1");
    expect(second.status).toBe("unchanged");
    // The first filing queued its mailbox mirror and its shared-record write; the second queued nothing.
    expect((await outbox.list()).map((o) => o.kind).sort()).toEqual(["mirror", "record"]);
    expect(await log.auditFor(msg.internetMessageId!)).toHaveLength(1);
    expect(drains()).toBe(1);
  });

  it("re-filing keeps the audit trail and labels both matters", async () => {
    const { service } = setup();
    const msg = sure();
    await service.log(msg, "m1");
    const { view } = await service.log(msg, "m2");
    expect(view.pane.audit.map((a) => [a.action, a.fromMatterId, a.toMatterId])).toEqual([
      ["logged", null, "m1"],
      ["refiled", "m1", "m2"],
    ]);
    expect(view.matters.m1.number).toBe("2025-0042");
    expect(view.matters.m2.category).toMatch(/^2025-0043 /);
  });

  it("auto-logs a sure message only when the setting is on, once", async () => {
    const off = setup();
    const v0 = await off.service.recognize(sure(), { allowAutoLog: true });
    expect(v0.autoLogged).toBe(false);
    expect(v0.autoLog).toEqual({ log: false, why: "off" });

    const on = setup({ autoLog: true });
    await on.init;
    const msg = sure();
    const local = await on.service.recognize(msg, { useMailbox: false, allowAutoLog: true });
    expect(local.autoLogged).toBe(false); // never from the quick local pass
    const v = await on.service.recognize(msg, { allowAutoLog: true });
    expect(v.autoLogged).toBe(true);
    expect(v.pane.logged?.entry.source).toBe("auto");
    const again = await on.service.recognize(msg, { allowAutoLog: true });
    expect(again.autoLogged).toBe(false);
  });

  it("never auto-logs an unsure message, and undo is respected", async () => {
    const { service, init } = setup({ autoLog: true });
    await init;
    const v = await service.recognize(unsure(), { allowAutoLog: true });
    expect(v.autoLogged).toBe(false);
    const msg = sure();
    expect((await service.recognize(msg, { allowAutoLog: true })).autoLogged).toBe(true);
    const undone = await service.unlog(msg);
    expect(undone.pane.logged).toBeNull();
    const after = await service.recognize(msg, { allowAutoLog: true });
    expect(after.autoLogged).toBe(false);
    expect(after.autoLog).toEqual({ log: false, why: "undone" });
  });

  it("files the sent copy of mail sent with log on send the moment it is seen, by hand-off only once, and not again after undo", async () => {
    const { service } = setup();
    const msg = unsure();
    const seen = await service.recognize(msg, { useMailbox: false, sentToMatter: "m1" });
    expect(seen.pane.logged?.entry.matterId).toBe("m1");
    expect(seen.pane.logged?.entry.source).toBe("send");
    await service.unlog(msg);
    const again = await service.recognize(msg, { useMailbox: false, sentToMatter: "m1" });
    expect(again.pane.logged).toBeNull();
    expect((await service.recognize(unsure(), { sentToMatter: "no-such-matter" })).pane.logged).toBeNull();
  });

  it("names who filed and moved it: you, or a colleague by the directory's name", async () => {
    const pat = setup();
    const msg = sure();
    await pat.service.log(msg, "m1");
    await pat.service.log(msg, "m2");
    expect((await pat.service.recognize(msg, { useMailbox: false })).people["pat@firm.test"]).toBe("you");
    const colleague = setup({ me: "kim@firm.test", stores: pat.stores });
    const seen = await colleague.service.recognize(msg, { useMailbox: false });
    expect(seen.pane.audit.length).toBe(2);
    expect(seen.people["pat@firm.test"]).toBe("Pat Partner");
  });

  it("searches matters by number, title or client", async () => {
    const { service } = setup();
    expect((await service.searchMatters("0043"))[0].id).toBe("m2");
    expect((await service.searchMatters("harbour"))[0].id).toBe("m1");
    expect((await service.searchMatters("heron")).map((m) => m.id)).toContain("m3");
  });

  it("says clearly when no directory is loaded", async () => {
    const service = createFilingService({
      directory: () => Promise.resolve(null),
      matterLog: () => Promise.resolve(null),
      recognizer: createPaneRecognizer({
        directory: () => Promise.resolve(null),
        me: ["x@firm.test"],
        history: new MemoryFilingHistoryStore(),
        log: new MemoryMatterLogStore(),
        now: () => new Date(0),
      }),
      settings: new MemorySettingsStore(),
      me: "x@firm.test",
      now: () => new Date(0),
      afterWrite: () => undefined,
      categoriesSupported: false,
    });
    await expect(service.recognize(sure())).rejects.toMatchObject({ code: "no-directory" });
    await expect(service.log(sure(), "m1")).rejects.toMatchObject({ code: "no-directory" });
  });
});

describe("auto-log rules", () => {
  const pane = (r: Partial<Recognition>, extra: Partial<PaneRecognition> = {}): PaneRecognition => ({
    recognition: {
      direction: "inbound",
      senderRole: "client",
      clientId: "c1",
      matterId: "m2",
      confidence: 0.9,
      candidates: [],
      reasons: [],
      abstained: false,
      ...r,
    },
    localThreadMatterIds: [],
    mailbox: { status: "skipped", selfMatterId: null, categoryHint: null, graphId: null, threadMatterIds: [], error: null },
    logged: null,
    audit: [],
    ...extra,
  });
  const on = { autoLog: true };
  const plain = unsure();

  it("client mail at or above the threshold is logged, below is not", () => {
    expect(autoLogDecision(plain, pane({ confidence: AUTO_LOG_THRESHOLD }), index, on)).toMatchObject({ log: true, basis: "sure" });
    expect(autoLogDecision(plain, pane({ confidence: AUTO_LOG_THRESHOLD - 0.01 }), index, on)).toEqual({
      log: false,
      why: "low-confidence",
    });
    expect(autoLogDecision(plain, pane({ abstained: true }), index, on)).toEqual({ log: false, why: "abstained" });
  });

  it("non-client senders need the thread filed already: a matter number they cite is not enough", () => {
    for (const role of ["opposing_counsel", "court", "colleague", "bulk", "unknown"] as const) {
      expect(autoLogDecision(plain, pane({ senderRole: role, confidence: 0.99 }), index, on)).toEqual({ log: false, why: "not-client" });
    }
    // A stranger (or a court) citing a matter number files nothing on its own, however sure recognition is.
    const cited = message({ subject: "Re: 2025-0043 hearing", from: { email: "clerk@court.test" } });
    for (const role of ["court", "unknown"] as const) {
      expect(autoLogDecision(cited, pane({ senderRole: role, confidence: 0.99 }), index, on)).toEqual({ log: false, why: "not-client" });
    }
    expect(
      autoLogDecision(plain, pane({ senderRole: "opposing_counsel", confidence: 0.7 }, { localThreadMatterIds: ["m2"] }), index, on),
    ).toMatchObject({ log: true, basis: "thread" });
    // A thread split across matters is not certainty.
    expect(
      autoLogDecision(
        plain,
        pane(
          { senderRole: "court" },
          {
            localThreadMatterIds: ["m2"],
            mailbox: { status: "read", selfMatterId: null, categoryHint: null, graphId: null, threadMatterIds: ["m1"], error: null },
          },
        ),
        index,
        on,
      ).log,
    ).toBe(false);
  });

  it("a number cited by someone else than the matter's own client needs the confidence threshold", () => {
    // The client's contact citing its own matter: the reference stands in for the threshold.
    const own = message({ subject: "Re: 2025-0043 hearing" });
    expect(autoLogDecision(own, pane({ confidence: 0.6 }), index, on)).toMatchObject({ log: true, basis: "reference" });
    // The same contact mistyping: the number is another client's matter (m3 of Blue Heron) — nothing is filed.
    const typo = message({ subject: "Re: 2024-0007 hearing" });
    expect(autoLogDecision(typo, pane({ matterId: "m3", clientId: "c2", confidence: 0.6 }), index, on)).toEqual({
      log: false,
      why: "low-confidence",
    });
    // Above the threshold recognition itself is sure, whatever is cited.
    expect(autoLogDecision(typo, pane({ matterId: "m3", clientId: "c2", confidence: AUTO_LOG_THRESHOLD }), index, on).log).toBe(true);
  });

  it("outbound mail from me to a client counts as client mail", () => {
    expect(autoLogDecision(plain, pane({ senderRole: "me", direction: "outbound" }), index, on).log).toBe(true);
  });
});
