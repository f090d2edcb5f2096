import { describe, expect, it } from "vitest";
import { createOfficeFake, type FakeCompletedOptions } from "@simulators/office";

interface Result<T> {
  readonly status: string;
  readonly value: T;
  readonly error?: { readonly message: string };
}

/** An Office callback-style call as a promise of its AsyncResult (failures included, as values). */
function call<T = unknown>(fn: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<Result<T>> {
  return new Promise((resolve) => fn((r) => resolve({ status: String(r.status), value: r.value, error: r.error ?? undefined })));
}

async function draftOf(mailbox = "1.15", attachments: string[] = []) {
  const fake = createOfficeFake({ requirementSets: { mailbox } });
  await fake.controller.compose({ to: [{ displayName: "A", emailAddress: "a@x.test" }], attachments });
  return { ...fake, item: fake.office.context.mailbox.item as Office.MessageCompose };
}

describe("Office fake: a draft's recipients and attachments", () => {
  it("raises RecipientsChanged (Mailbox 1.7) for setAsync, addAsync and the user's edits, naming the lines changed", async () => {
    const { office, controller, item } = await draftOf();
    const seen: Office.RecipientsChangedEventArgs[] = [];
    await call((cb) =>
      item.addHandlerAsync(office.EventType.RecipientsChanged, (e: Office.RecipientsChangedEventArgs) => seen.push(e), cb),
    );
    await call((cb) => item.bcc.addAsync(["b@x.test"], cb));
    await call((cb) => item.to.setAsync([{ displayName: "C", emailAddress: "c@x.test" }], cb));
    controller.setDraftRecipients("cc", [{ displayName: "D", emailAddress: "d@x.test" }]);
    await controller.idle();
    const lines = (e: Office.RecipientsChangedEventArgs) => (["to", "cc", "bcc"] as const).filter((f) => e.changedRecipientFields[f]);
    expect(seen.map(lines)).toEqual([["bcc"], ["to"], ["cc"]]);
    expect(controller.draftRecipients()).toEqual({
      to: [{ displayName: "C", emailAddress: "c@x.test" }],
      cc: [{ displayName: "D", emailAddress: "d@x.test" }],
      bcc: [{ displayName: "b@x.test", emailAddress: "b@x.test" }],
    });
  });

  it("refuses what Outlook refuses: not an address, more than 100 at once, events this Outlook lacks", async () => {
    const { office, item } = await draftOf("1.6");
    expect((await call((cb) => item.to.setAsync(["not an address"], cb))).status).toBe("failed");
    const many = Array.from({ length: 101 }, (_, i) => `p${i}@x.test`);
    expect((await call((cb) => item.cc.addAsync(many, cb))).error?.message).toMatch(/100/);
    expect((await call((cb) => item.addHandlerAsync(office.EventType.RecipientsChanged, () => undefined, cb))).status).toBe("failed");
    expect((item as { getAttachmentsAsync?: unknown }).getAttachmentsAsync).toBeUndefined(); // Mailbox 1.8
  });

  it("lists, adds and removes attachments with AttachmentsChanged (Mailbox 1.8)", async () => {
    const { office, controller, item } = await draftOf("1.15", ["a.pdf"]);
    const seen: string[] = [];
    await call((cb) =>
      item.addHandlerAsync(
        office.EventType.AttachmentsChanged,
        (e: Office.AttachmentsChangedEventArgs) => seen.push(String(e.attachmentStatus)),
        cb,
      ),
    );
    controller.attachToDraft("b.docx");
    const listed = await call<Office.AttachmentDetailsCompose[]>((cb) => item.getAttachmentsAsync(cb));
    expect(listed.value.map((a) => a.name)).toEqual(["a.pdf", "b.docx"]);
    await call((cb) => item.removeAttachmentAsync(listed.value[0].id, cb));
    expect((await call((cb) => item.removeAttachmentAsync("nope", cb))).status).toBe("failed");
    await controller.idle();
    expect(controller.draftAttachments()).toEqual(["b.docx"]);
    expect(seen).toEqual(["added", "removed"]);
  });

  it("holds a Smart Alert to Outlook's rules: lengths, requirement sets and the manifest's commands", async () => {
    const run = async (mailbox: string, options: FakeCompletedOptions) => {
      // The manifest's own OnMessageSend handler and Control ids (manifest.xml).
      const { office, controller } = createOfficeFake({ requirementSets: { mailbox } });
      office.actions.associate("onMessageSendHandler", (e: { completed(o: FakeCompletedOptions): void }) => e.completed(options));
      return controller.runAction("onMessageSendHandler", { type: "messageSend" });
    };
    const ok = {
      allowEvent: false,
      errorMessage: "x",
      cancelLabel: "Fix in Matterline",
      commandId: "msgComposeOpenPaneButton",
      sendModeOverride: "promptUser",
    };
    expect(await run("1.14", ok)).toEqual(ok);
    await expect(run("1.13", ok)).rejects.toThrow(/needs Mailbox 1.14/);
    await expect(run("1.14", { allowEvent: false, errorMessage: "x".repeat(501) })).rejects.toThrow(/500/);
    await expect(run("1.14", { ...ok, errorMessageMarkdown: "**x**" })).rejects.toThrow(/needs Mailbox 1.15/);
    await expect(run("1.15", { ...ok, cancelLabel: "A label longer than twenty" })).rejects.toThrow(/20 characters/);
    await expect(run("1.15", { ...ok, commandId: "noSuchButton" })).rejects.toThrow(/not a command of the manifest/);
    await expect(run("1.15", { ...ok, sendModeOverride: "block" })).rejects.toThrow(/promptUser/);
    expect(await run("1.12", { allowEvent: true })).toEqual({ allowEvent: true });
  });
});
