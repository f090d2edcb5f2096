import { describe, expect, it, vi } from "vitest";
import { createOfficeSendMatterChoice } from "@adapters/office/sendMatterChoice";
import { COMMAND_NAMES, RIBBON_NOTICE_KEY, registerCommands, type CommandDeps } from "@hosts/commands/registerCommands";
import { createOfficeFake } from "@simulators/office";
import { fakeMessage } from "@simulators/office/sampleItems";

const SENT = new Date("2026-03-03T15:30:00Z");

async function composeWithMatter(matterId: string | null) {
  const fake = createOfficeFake({ userProfile: { emailAddress: "Attorney@Firm.Example", displayName: "Attorney" } });
  await fake.controller.compose({
    subject: "Re: Lease renewal",
    to: [{ displayName: "Client", emailAddress: "Client@Client.Example" }],
    bodyHtml: "<p>We filed it today.</p>",
    conversationId: "conv-1",
  });
  if (matterId) await createOfficeSendMatterChoice(fake.office).choose(matterId);
  return fake;
}

describe("OnMessageSend handler", () => {
  it("logs the sent draft to the matter chosen in the pane and lets the mail go", async () => {
    const { office, controller } = await composeWithMatter("m42");
    const onSendLog = vi.fn<CommandDeps["onSendLog"]>();
    registerCommands(office, { onSendLog, now: () => SENT });
    expect(await controller.runAction(COMMAND_NAMES.onSend, { type: "OnMessageSend" })).toEqual({ allowEvent: true });
    expect(onSendLog).toHaveBeenCalledOnce();
    const [draft, matterId] = onSendLog.mock.calls[0];
    expect(matterId).toBe("m42");
    expect(draft).toMatchObject({
      subject: "Re: Lease renewal",
      conversationId: "conv-1",
      from: { email: "attorney@firm.example" },
      to: [{ name: "Client", email: "client@client.example" }],
      sentAt: "2026-03-03T15:30:00.000Z",
      internetMessageId: null,
    });
    expect(draft.bodyText).toContain("We filed it today.");
  });

  it("does not log when no matter was chosen", async () => {
    const { office, controller } = await composeWithMatter(null);
    const onSendLog = vi.fn();
    registerCommands(office, { onSendLog });
    expect(await controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
    expect(onSendLog).not.toHaveBeenCalled();
  });

  it("never blocks sending when Outlook fails, the log fails, or the log hangs", async () => {
    const failing = await composeWithMatter("m1");
    const onError = vi.fn<NonNullable<CommandDeps["onError"]>>();
    const onSendLog = vi.fn();
    registerCommands(failing.office, { onSendLog, onError });
    failing.controller.failNext("loadCustomPropertiesAsync", "storage unavailable");
    expect(await failing.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
    expect(onSendLog).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "office-failed" }));
    expect(onError.mock.calls.find(([e]) => e.code === "office-failed")?.[0].message).toContain("storage unavailable");

    const throwing = await composeWithMatter("m1");
    const onError2 = vi.fn();
    registerCommands(throwing.office, { onSendLog: () => Promise.reject(new Error("log offline")), onError: onError2 });
    expect(await throwing.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
    expect(onError2).toHaveBeenCalledWith(expect.objectContaining({ message: "log offline" }));

    const hanging = await composeWithMatter("m1");
    const onError3 = vi.fn();
    registerCommands(hanging.office, { onSendLog: () => new Promise<void>(() => undefined), onError: onError3, sendTimeoutMs: 20 });
    expect(await hanging.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
    expect(onError3).toHaveBeenCalledWith(expect.objectContaining({ code: "timeout" }));
  });
});

describe("ribbon command logToSuggestedMatter", () => {
  it("logs the open message and reports the result in a notification bar", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(3) });
    const onRibbonLog = vi.fn((m: { subject: string }) => Promise.resolve(`Logged "${m.subject}" to 2024-0012`));
    registerCommands(office, { onSendLog: vi.fn(), onRibbonLog });
    expect(await controller.runAction(COMMAND_NAMES.ribbonLog)).toBeUndefined();
    expect(onRibbonLog).toHaveBeenCalledWith(expect.objectContaining({ internetMessageId: "<msg-3@client.example>" }));
    expect(controller.notifications()).toEqual([
      expect.objectContaining({ key: RIBBON_NOTICE_KEY, message: `Logged "${fakeMessage(3).subject}" to 2024-0012` }),
    ]);
  });

  it("shows the failure on the message and still completes", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(3) });
    const onError = vi.fn();
    registerCommands(office, {
      onSendLog: vi.fn(),
      onRibbonLog: () => Promise.reject(new Error("No matter is confident enough")),
      onError,
    });
    await controller.runAction(COMMAND_NAMES.ribbonLog);
    expect(controller.notifications()[0].message).toBe("Not logged: No matter is confident enough");
    expect(onError).toHaveBeenCalledOnce();
  });

  it("asks the user to open the pane when no logger is wired", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(3) });
    registerCommands(office, { onSendLog: vi.fn() });
    await controller.runAction(COMMAND_NAMES.ribbonLog);
    expect(controller.notifications()[0].message).toMatch(/Open Matterline/);
  });
});
