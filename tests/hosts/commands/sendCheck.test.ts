import { describe, expect, it, vi } from "vitest";
import { createOfficeFake, type FakePerson } from "@simulators/office";
import { COMMAND_NAMES, registerCommands } from "@hosts/commands/registerCommands";
import { createHandlerSendCheck } from "@hosts/commands/sendCheck";
import { buildIndex, publishIndex } from "@features/sendGuard/service";
import { createRoamingSendIndexStore, ROAMING_NOTES_KEY } from "@adapters/office/roamingSendGuard";
import { createSettingsSendIndexStore } from "@adapters/storage/sendGuardStores";
import { MemorySettingsStore } from "@adapters/storage/memoryStores";
import { createOfficeSendMatterChoice } from "@adapters/office/sendMatterChoice";
import { guardDirectory } from "../../domain/sendGuard/fixture";

const person = (email: string): FakePerson => ({ displayName: email, emailAddress: email });
const NOW = () => new Date("2026-02-02T10:00:00Z");
/**
 * Classic Outlook on Windows: the handler runs without IndexedDB (this test file has none), so it reads the index the
 * pane left in roaming settings.
 */
async function classicOutlook(mailbox = "1.15", publish = true) {
  const fake = createOfficeFake({ requirementSets: { mailbox } });
  if (publish)
    await publishIndex(buildIndex(guardDirectory(), "2026-01-01T00:00:00.000Z"), {
      device: createSettingsSendIndexStore(new MemorySettingsStore()),
      mailbox: createRoamingSendIndexStore(fake.office),
    });
  return fake;
}

async function compose(fake: ReturnType<typeof createOfficeFake>, to: string[], cc: string[] = [], subject = "RE: Cruncho 2026-0101") {
  await fake.controller.compose({
    subject,
    to: to.map(person),
    cc: cc.map(person),
    bodyText: "Please see below.",
    conversationId: "conv-1",
  });
}

describe("the OnMessageSend send check in classic Outlook on Windows (roaming settings, no IndexedDB)", () => {
  it("stops mail to another client's contact with a Smart Alert Outlook accepts, and lets clean mail go", async () => {
    const fake = await classicOutlook();
    registerCommands(fake.office, { onSendLog: vi.fn(), now: NOW, sendCheck: createHandlerSendCheck(fake.office, { now: NOW }) });
    await compose(fake, ["ivy@tidewell.test"], ["mae@coralline.test"]);
    const alert = await fake.controller.runAction(COMMAND_NAMES.onSend, { type: "OnMessageSend" });
    expect(alert).toMatchObject({
      allowEvent: false,
      sendModeOverride: "promptUser",
      commandId: "msgComposeOpenPaneButton",
      cancelLabel: "Fix in Matterline",
    });
    expect(alert?.errorMessage).toContain("mae@coralline.test is a contact of Coralline Studio LLC");
    expect(alert?.errorMessageMarkdown).toContain("mae@coralline.test");

    fake.controller.setDraftRecipients("cc", []);
    expect(await fake.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
  });

  it("uses the matter chosen in the pane, and still queues the log entry when the alert stops the mail", async () => {
    const fake = await classicOutlook();
    const onSendLog = vi.fn();
    registerCommands(fake.office, { onSendLog, now: NOW, sendCheck: createHandlerSendCheck(fake.office, { now: NOW }) });
    await compose(fake, ["ivy@tidewell.test"], [], "Hello");
    await createOfficeSendMatterChoice(fake.office).choose("x6");
    const alert = await fake.controller.runAction(COMMAND_NAMES.onSend);
    expect(alert?.allowEvent).toBe(false);
    expect(alert?.errorMessage).toContain("this email is about matter 2026-0120 (Coralline Studio LLC)");
    expect(onSendLog).toHaveBeenCalledOnce();
  });

  it("in an Outlook without Send Anyway (Mailbox 1.13) a second Send of the same draft goes", async () => {
    const fake = await classicOutlook("1.13");
    registerCommands(fake.office, { onSendLog: vi.fn(), now: NOW, sendCheck: createHandlerSendCheck(fake.office, { now: NOW }) });
    await compose(fake, ["ivy@tidewell.test"], ["mae@coralline.test"]);
    const first = await fake.controller.runAction(COMMAND_NAMES.onSend);
    expect(first).toEqual({ allowEvent: false, errorMessage: expect.stringContaining("press Send again") as string });
    expect(await fake.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
  });

  it("lets the mail go and leaves a note when there is no index, or it cannot be read", async () => {
    const fake = await classicOutlook("1.15", false);
    registerCommands(fake.office, { onSendLog: vi.fn(), now: NOW, sendCheck: createHandlerSendCheck(fake.office, { now: NOW }) });
    await compose(fake, ["ivy@tidewell.test"], ["mae@coralline.test"]);
    expect(await fake.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
    expect(fake.controller.roamingSettings()[ROAMING_NOTES_KEY]).toEqual([
      { at: "2026-02-02T10:00:00.000Z", subject: "RE: Cruncho 2026-0101", reason: expect.stringMatching(/No recipient index/) as string },
    ]);

    const broken = await classicOutlook();
    const fault = new Error("the recipient index could not be read on this device");
    registerCommands(broken.office, {
      onSendLog: vi.fn(),
      now: NOW,
      sendCheck: createHandlerSendCheck(broken.office, { now: NOW, indexFault: () => fault }),
    });
    await compose(broken, ["ivy@tidewell.test"], ["mae@coralline.test"]);
    expect(await broken.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
    expect(broken.controller.roamingSettings()[ROAMING_NOTES_KEY]).toEqual([expect.objectContaining({ reason: fault.message })]);
  });

  it("lets the mail go when Outlook cannot give the draft, or the check takes too long", async () => {
    const fake = await classicOutlook();
    registerCommands(fake.office, {
      onSendLog: vi.fn(),
      now: NOW,
      sendCheck: createHandlerSendCheck(fake.office, { now: NOW, timeoutMs: 50 }),
    });
    await compose(fake, ["ivy@tidewell.test"], ["mae@coralline.test"]);
    fake.controller.failNext("bcc.getAsync", "Outlook is busy");
    expect(await fake.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
    expect(fake.controller.roamingSettings()[ROAMING_NOTES_KEY]).toEqual([
      expect.objectContaining({ reason: expect.stringContaining("Outlook is busy") as string }),
    ]);
  });
});
