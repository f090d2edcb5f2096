import { describe, expect, it } from "vitest";
import { createOfficeFake } from "@simulators/office";
import { createOfficeSendAck, createOfficeSendDraft } from "@adapters/office/sendDraft";
import { createRoamingSendCheckNotes, createRoamingSendIndexStore, ROAMING_INDEX_KEY } from "@adapters/office/roamingSendGuard";
import { createSettingsSendCheckNotes, createSettingsSendIndexStore, MAX_SEND_NOTES } from "@adapters/storage/sendGuardStores";
import { MemorySettingsStore } from "@adapters/storage/memoryStores";
import { MatterlineError } from "@domain/errors";

const person = (email: string, name = email) => ({ displayName: name, emailAddress: email });

async function composing(mailbox = "1.15") {
  const fake = createOfficeFake({ requirementSets: { mailbox } });
  await fake.controller.compose({
    subject: "RE: Dock 9",
    to: [person("Ivy@Tidewell.test", "Ivy Ramos")],
    cc: [person("mae@coralline.test", "Mae"), person("sam.ortiz@tidewell.test")],
    bcc: [person("omar@ashbyquill.test")],
    bodyText: "See attached.",
    attachments: ["Draft_2026-0120.docx"],
    conversationId: "conv-7",
  });
  return fake;
}

describe("the draft as the send check reads it", () => {
  it("reads every recipient line, the subject, the body and the attachments' names", async () => {
    const { office } = await composing();
    const d = await createOfficeSendDraft(office).read();
    expect(d.conversationId).toBe("conv-7");
    expect(d.mail).toEqual({
      to: [{ name: "Ivy Ramos", email: "ivy@tidewell.test" }],
      cc: [
        { name: "Mae", email: "mae@coralline.test" },
        { name: "sam.ortiz@tidewell.test", email: "sam.ortiz@tidewell.test" },
      ],
      bcc: [{ name: "omar@ashbyquill.test", email: "omar@ashbyquill.test" }],
      subject: "RE: Dock 9",
      bodyText: expect.stringContaining("See attached.") as string,
      attachmentNames: ["Draft_2026-0120.docx"],
    });
  });

  it("reads no attachments in an Outlook without getAttachmentsAsync (Mailbox 1.7), and refuses a read item", async () => {
    const { office } = await composing("1.7");
    expect((await createOfficeSendDraft(office).read()).mail.attachmentNames).toEqual([]);
    const reading = createOfficeFake({ item: null });
    await expect(createOfficeSendDraft(reading.office).read()).rejects.toThrow(MatterlineError);
  });

  it("applies each one-click fix, and RecipientsChanged / AttachmentsChanged reach the listener until unsubscribed", async () => {
    const { office, controller } = await composing();
    const draft = createOfficeSendDraft(office);
    let changes = 0;
    const off = draft.onChanged(() => changes++);
    await controller.idle();

    await draft.apply("MAE@coralline.test", { kind: "remove" });
    await controller.idle();
    expect(controller.draftRecipients()!.cc.map((p) => p.emailAddress)).toEqual(["sam.ortiz@tidewell.test"]);
    expect(changes).toBe(1);

    await draft.apply("ivy@tidewell.test", { kind: "replace", with: "ivy.ramos@tidewell.test" });
    await draft.apply("sam.ortiz@tidewell.test", { kind: "move-to-bcc" });
    await draft.apply("Draft_2026-0120.docx", { kind: "remove-attachment", name: "Draft_2026-0120.docx" });
    await controller.idle();
    const lines = controller.draftRecipients()!;
    expect(lines.to.map((p) => p.emailAddress)).toEqual(["ivy.ramos@tidewell.test"]);
    expect(lines.cc).toEqual([]);
    expect(lines.bcc.map((p) => p.emailAddress)).toEqual(["omar@ashbyquill.test", "sam.ortiz@tidewell.test"]);
    expect(controller.draftAttachments()).toEqual([]);
    expect(changes).toBe(5); // replace; move-to-bcc changes Cc and Bcc; the attachment

    off();
    await controller.idle();
    controller.setDraftRecipients("to", [person("someone@else.test")]);
    await controller.idle();
    expect(changes).toBe(5);
    await expect(draft.apply("x", { kind: "remove-attachment", name: "gone.pdf" })).rejects.toThrow(/no longer on the draft/);
  });

  it("keeps the fingerprint of warnings already shown on the draft's custom properties", async () => {
    const { office, controller } = await composing();
    const ack = createOfficeSendAck(office);
    expect(await ack.get()).toBeNull();
    await ack.set("abc");
    expect(controller.customProperties()).toMatchObject({ matterlineSendCheckSeen: "abc" });
    expect(await ack.get()).toBe("abc");
    await ack.set(null);
    expect(await ack.get()).toBeNull();
  });
});

describe("where the recipient index and the notes are kept", () => {
  const stored = { builtAt: "2026-01-01T00:00:00.000Z", data: "H4sIAAAA", gzipBytes: 6 };

  it("roaming settings hold an index that fits, and none (never a stale one) that does not", async () => {
    const { office, controller } = createOfficeFake({});
    const store = createRoamingSendIndexStore(office, 100);
    expect(await store.save(stored)).toBe(true);
    expect(controller.roamingSettings()[ROAMING_INDEX_KEY]).toEqual(stored);
    expect(await store.load()).toEqual(stored);
    expect(await store.save({ ...stored, data: "x".repeat(101) })).toBe(false);
    expect(controller.roamingSettings()[ROAMING_INDEX_KEY]).toBeUndefined();
    expect(await store.load()).toBeNull();
  });

  it("roaming settings refused as full (32 KB): the index is taken out again and the error said", async () => {
    const { office, controller } = createOfficeFake({});
    const store = createRoamingSendIndexStore(office, 64 * 1024);
    await expect(store.save({ ...stored, data: "x".repeat(40 * 1024) })).rejects.toThrow(/32 KB/);
    expect(controller.roamingSettings()[ROAMING_INDEX_KEY]).toBeUndefined();
  });

  it("notes in roaming settings and on the device are listed, capped and cleared", async () => {
    const { office } = createOfficeFake({});
    const settings = new MemorySettingsStore();
    for (const notes of [createRoamingSendCheckNotes(office), createSettingsSendCheckNotes(settings)]) {
      for (let i = 0; i < 25; i++)
        await notes.record({ at: `2026-01-01T00:00:${String(i).padStart(2, "0")}Z`, subject: `S${i}`, reason: "slow" });
      const listed = await notes.list();
      expect(listed.length).toBeLessThanOrEqual(MAX_SEND_NOTES);
      expect(listed[listed.length - 1].subject).toBe("S24");
      await notes.clear();
      expect(await notes.list()).toEqual([]);
    }
    const device = createSettingsSendIndexStore(settings);
    expect(await device.load()).toBeNull();
    expect(await device.save(stored)).toBe(true);
    expect(await device.load()).toEqual(stored);
    await settings.set("sendGuard.index", { builtAt: 3 });
    expect(await device.load()).toBeNull();
  });
});
