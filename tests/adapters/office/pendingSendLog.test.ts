import { afterEach, describe, expect, it, vi } from "vitest";
import { createPendingSendLog, MAX_PENDING_SEND_LOGS, MAX_UNLOGGED_SENDS, PENDING_SEND_LOG_KEY } from "@adapters/office/pendingSendLog";
import type { MailMessage } from "@domain/model/mail";
import { createOfficeFake, installOfficeFake } from "@simulators/office";
import { mailMessage } from "../../fixtures/mailMessage";

function draft(n: number): MailMessage {
  return mailMessage({
    id: `draft:${n}`,
    conversationId: `conv-${n}`,
    subject: `Update ${n}`,
    from: { email: "me@firm.example" },
    to: [{ email: `c${n}@client.example` }],
    sentAt: "2026-03-03T15:30:00.000Z",
    bodyText: "body",
  });
}

describe("pending send log (roaming settings)", () => {
  it("queues entries; past the cap the oldest go to the list shown to the user, never dropped silently", async () => {
    const { office, controller } = createOfficeFake({});
    const pending = createPendingSendLog(office);
    for (let i = 0; i < MAX_PENDING_SEND_LOGS + 5; i++) await pending.record(draft(i), `m${i}`);
    const saved = controller.roamingSettings()[PENDING_SEND_LOG_KEY] as unknown[];
    expect(saved).toHaveLength(MAX_PENDING_SEND_LOGS);
    const queued = await pending.peek();
    const { id, ...first } = queued[0];
    expect(typeof id).toBe("string");
    expect(first).toEqual({
      matterId: "m5",
      conversationId: "conv-5",
      subject: "Update 5",
      to: ["c5@client.example"],
      cc: [],
      sentAt: "2026-03-03T15:30:00.000Z",
    });
    expect(new Set(queued.map((e) => e.id)).size).toBe(MAX_PENDING_SEND_LOGS);
    const { entries, more } = pending.unlogged();
    expect(entries.map((e) => [e.matterId, e.reason])).toEqual([0, 1, 2, 3, 4].map((i) => [`m${i}`, "queue-full"]));
    expect(more).toBe(0);
    // reading does not take anything out: a pane that closes now loses nothing
    expect(await pending.peek()).toHaveLength(MAX_PENDING_SEND_LOGS);
    await pending.settle({ logged: queued.map((e) => e.id), notFound: [] });
    expect(await pending.peek()).toEqual([]);
    await pending.dismissUnlogged();
    expect(controller.roamingSettings()).toEqual({});
  });

  it("keeps the user's list short, counting what did not fit", async () => {
    const { office } = createOfficeFake({});
    const pending = createPendingSendLog(office);
    for (let i = 0; i < MAX_PENDING_SEND_LOGS + MAX_UNLOGGED_SENDS + 3; i++) await pending.record(draft(i), `m${i}`);
    const { entries, more } = pending.unlogged();
    expect(entries).toHaveLength(MAX_UNLOGGED_SENDS);
    expect(more).toBe(3);
  });

  it("reads entries queued before entries had ids, with ids stable across reads", async () => {
    const { office } = createOfficeFake({});
    office.context.roamingSettings.set(PENDING_SEND_LOG_KEY, [
      { matterId: "m1", conversationId: null, subject: "Old", to: [], cc: [], sentAt: null },
    ]);
    const pending = createPendingSendLog(office);
    const [a] = await pending.peek();
    const [b] = await pending.peek();
    expect(a.id).toBe(b.id);
    await pending.settle({ logged: [a.id], notFound: [] });
    expect(await pending.peek()).toEqual([]);
  });

  it("rejects with office-failed when roaming settings cannot be saved", async () => {
    const { office, controller } = createOfficeFake({});
    controller.failNext("roamingSettings.saveAsync", "quota");
    await expect(createPendingSendLog(office).record(draft(1), "m1")).rejects.toMatchObject({
      code: "office-failed",
      message: "Outlook could not save the pending log entry: quota",
    });
  });
});

describe("function file entry", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    vi.resetModules();
  });

  it("associates both manifest functions at load and queues sent mail by default", async () => {
    const { controller, office } = installOfficeFake(globalThis);
    await import("@hosts/commands/commands");
    expect([...controller.actions.keys()].sort()).toEqual(["logToSuggestedMatter", "onMessageSendHandler"]);
    await controller.compose({ subject: "Filed", to: [{ displayName: "C", emailAddress: "c@client.example" }] });
    const { createOfficeSendMatterChoice } = await import("@adapters/office/sendMatterChoice");
    await createOfficeSendMatterChoice(office).choose("m9");
    expect(await controller.runAction("onMessageSendHandler")).toEqual({ allowEvent: true });
    expect(controller.roamingSettings()[PENDING_SEND_LOG_KEY]).toEqual([
      expect.objectContaining({ matterId: "m9", subject: "Filed", to: ["c@client.example"] }),
    ]);
  });
});
