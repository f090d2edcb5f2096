import { describe, expect, it } from "vitest";
import { buildIndex, checkDraft, decideOnSend, publishIndex, type DraftCheckDeps, type OnSendDeps } from "@features/sendGuard/service";
import { packIndex } from "@features/sendGuard/packing";
import type { SendCheckNotes, SkippedCheck } from "@ports/sendCheckNotes";
import type { SendIndexStore, StoredSendIndex } from "@ports/sendIndexStore";
import type { DraftForCheck } from "@ports/sendDraft";
import { MatterlineError } from "@domain/errors";
import { draft, guardDirectory } from "../../domain/sendGuard/fixture";

const built = buildIndex(guardDirectory(), "2026-01-01T00:00:00.000Z");

function memoryStore(limit = Infinity): SendIndexStore & { held: StoredSendIndex | null; writes: number } {
  const s = {
    held: null as StoredSendIndex | null,
    writes: 0,
    load: () => Promise.resolve(s.held),
    save: (index: StoredSendIndex) => {
      s.writes++;
      s.held = index.data.length <= limit ? index : null;
      return Promise.resolve(s.held !== null);
    },
  };
  return s;
}

function memoryNotes(): SendCheckNotes & { notes: SkippedCheck[] } {
  const n = {
    notes: [] as SkippedCheck[],
    record: (note: SkippedCheck) => Promise.resolve(void n.notes.push(note)),
    list: () => Promise.resolve([...n.notes]),
    clear: () => Promise.resolve(void (n.notes.length = 0)),
  };
  return n;
}

type TestDeps = OnSendDeps & { notes: ReturnType<typeof memoryNotes>; ack: { value: string | null } };

function deps(d: DraftForCheck, over: Partial<OnSendDeps> = {}): TestDeps {
  const ack = { value: null as string | null };
  const base: TestDeps = {
    draft: { read: () => Promise.resolve(d), onChanged: () => () => undefined, apply: () => Promise.resolve() },
    choice: { chosen: () => Promise.resolve(null), choose: () => Promise.resolve() },
    index: () => Promise.resolve(built.index),
    support: { promptUser: true, markdown: true },
    acknowledged: { get: () => Promise.resolve(ack.value), set: (v: string | null) => Promise.resolve(void (ack.value = v)) },
    notes: memoryNotes(),
    now: () => new Date("2026-02-02T10:00:00Z"),
    timeoutMs: 500,
    ack,
  };
  return { ...base, ...over, notes: base.notes, ack };
}

const clean: DraftForCheck = { mail: draft({ to: ["ivy@tidewell.test"], subject: "RE: 2026-0101" }), conversationId: "c1" };
const mixed: DraftForCheck = {
  mail: draft({ to: ["ivy@tidewell.test"], cc: ["mae@coralline.test"], subject: "RE: 2026-0101" }),
  conversationId: "c1",
};

describe("checking the open draft", () => {
  it("takes the matter chosen in the pane first, then the thread's filed matter", async () => {
    const base: DraftCheckDeps = deps({ mail: draft({ to: ["ivy@tidewell.test"], subject: "Hello" }), conversationId: "c9" });
    expect((await checkDraft(base)).warnings).toEqual([]);
    const thread = await checkDraft({ ...base, threadMatter: (c) => Promise.resolve(c === "c9" ? "x6" : null) });
    expect(thread.warnings.map((w) => w.kind)).toEqual(["other-client"]);
    const chosen = await checkDraft({
      ...base,
      choice: { chosen: () => Promise.resolve("x2"), choose: () => Promise.resolve() },
      threadMatter: () => Promise.resolve("x6"),
    });
    expect(chosen.warnings).toEqual([]);
  });

  it("says plainly when there is no index yet", async () => {
    await expect(checkDraft({ ...deps(clean), index: () => Promise.resolve(null) })).rejects.toThrow(/import the firm directory/);
  });
});

describe("the send-time decision", () => {
  it("lets clean mail go and stops mail with warnings with a Smart Alert", async () => {
    expect(await decideOnSend(deps(clean))).toEqual({ allowEvent: true });
    const stop = await decideOnSend(deps(mixed));
    expect(stop).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(stop.errorMessage).toContain("mae@coralline.test");
  });

  it("never stops mail for its own failure: no index, an unreadable draft, a check too slow; each leaves a note", async () => {
    const noIndex = deps(mixed, { index: () => Promise.resolve(null) });
    expect(await decideOnSend(noIndex)).toEqual({ allowEvent: true });
    expect(noIndex.notes.notes.map((n) => [n.at, n.subject])).toEqual([["2026-02-02T10:00:00.000Z", "RE: 2026-0101"]]);
    expect(noIndex.notes.notes[0].reason).toMatch(/No recipient index/);

    const unreadable = deps(mixed, {
      draft: {
        read: () => Promise.reject(new MatterlineError("office-failed", "Outlook could not read the draft's To line: busy")),
        onChanged: () => () => undefined,
        apply: () => Promise.resolve(),
      },
    });
    expect(await decideOnSend(unreadable)).toEqual({ allowEvent: true });
    expect(unreadable.notes.notes[0]).toMatchObject({ subject: "", reason: "Outlook could not read the draft's To line: busy" });

    const slow = deps(mixed, { index: () => new Promise(() => undefined), timeoutMs: 30 });
    expect(await decideOnSend(slow)).toEqual({ allowEvent: true });
    expect(slow.notes.notes[0].reason).toBe("it took longer than 0 seconds");

    const noteFails = deps(mixed, { index: () => Promise.reject(new Error("boom")) });
    noteFails.notes.record = () => Promise.reject(new Error("full"));
    expect(await decideOnSend(noteFails)).toEqual({ allowEvent: true });
  });

  it("without Send Anyway (before Mailbox 1.14), the same warnings on a second Send let the mail go", async () => {
    const d = deps(mixed, { support: { promptUser: false, markdown: false } });
    const first = await decideOnSend(d);
    expect(first.allowEvent).toBe(false);
    expect(first.errorMessage).toContain("press Send again");
    expect(d.ack.value).not.toBeNull();
    expect(await decideOnSend(d)).toEqual({ allowEvent: true });
    expect(d.ack.value).toBeNull();
    // Different warnings next time: stopped again.
    const other = deps(
      { ...mixed, mail: { ...mixed.mail, cc: [{ email: "percy.l@gmail.test" }] } },
      { support: { promptUser: false, markdown: false } },
    );
    other.ack.value = d.ack.value ?? "old";
    expect((await decideOnSend(other)).allowEvent).toBe(false);
  });
});

describe("publishing the index for the send handler", () => {
  it("writes it to the device and, when it fits, to the mailbox; the same import is not written twice", async () => {
    const device = memoryStore();
    const mailbox = memoryStore();
    const status = await publishIndex(built, { device, mailbox });
    expect(status).toEqual({
      builtAt: built.importedAt,
      gzipBytes: packIndex(built.text).gzipBytes,
      clients: 5,
      contacts: 6,
      matters: 6,
      inMailbox: true,
    });
    expect(device.held?.builtAt).toBe(built.importedAt);
    expect(mailbox.held?.data).toBe(device.held?.data);
    await publishIndex(built, { device, mailbox });
    expect([device.writes, mailbox.writes]).toEqual([1, 1]);
  });

  it("says when the mailbox copy is too large (classic Outlook on Windows then cannot check at send time)", async () => {
    const status = await publishIndex(built, { device: memoryStore(), mailbox: memoryStore(10) });
    expect(status.inMailbox).toBe(false);
    expect((await publishIndex(built, { device: memoryStore() })).inMailbox).toBeNull();
  });
});
