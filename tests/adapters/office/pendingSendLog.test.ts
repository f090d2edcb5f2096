import { afterEach, describe, expect, it, vi } from "vitest";
import { createPendingSendLog, MAX_PENDING_SEND_LOGS, PENDING_SEND_LOG_KEY } from "@adapters/office/pendingSendLog";
import type { MailMessage } from "@domain/model/mail";
import { createOfficeFake, installOfficeFake } from "@simulators/office";

function draft(n: number): MailMessage {
  return {
    id: `draft:${n}`,
    internetMessageId: null,
    conversationId: `conv-${n}`,
    subject: `Update ${n}`,
    from: { email: "me@firm.example" },
    to: [{ email: `c${n}@client.example` }],
    cc: [],
    sentAt: "2026-03-03T15:30:00.000Z",
    receivedAt: null,
    bodyText: "body",
    attachmentNames: [],
  };
}

describe("pending send log (roaming settings)", () => {
  it("queues entries, caps the queue, and drains it once", async () => {
    const { office, controller } = createOfficeFake({});
    const pending = createPendingSendLog(office);
    for (let i = 0; i < MAX_PENDING_SEND_LOGS + 5; i++) await pending.record(draft(i), `m${i}`);
    const saved = controller.roamingSettings()[PENDING_SEND_LOG_KEY] as unknown[];
    expect(saved).toHaveLength(MAX_PENDING_SEND_LOGS);
    const drained = await pending.drain();
    expect(drained[0]).toEqual({
      matterId: "m5",
      conversationId: "conv-5",
      subject: "Update 5",
      to: ["c5@client.example"],
      cc: [],
      sentAt: "2026-03-03T15:30:00.000Z",
    });
    expect(await pending.drain()).toEqual([]);
    expect(controller.roamingSettings()).toEqual({});
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
