import { describe, expect, it, vi } from "vitest";
import { MatterlineError } from "@domain/errors";
import { createOfficeMailSource } from "@adapters/office/mailSource";
import { createOfficeFake } from "@simulators/office";
import { fakeMessage } from "@simulators/office/sampleItems";

describe("createOfficeMailSource", () => {
  it("reads the open message as a MailMessage: lower-cased addresses, ISO UTC time, text body", async () => {
    const item = fakeMessage(5, {
      cc: [{ displayName: "Para Legal", emailAddress: " Para@Firm.Example " }],
      dateTimeCreated: "2026-03-02T09:15:00-05:00",
      bodyText: "Please call me.",
      bodyHtml: "<p>Please <b>call</b> me.</p>",
      attachments: ["lease.pdf"],
      categories: ["Client"],
    });
    const { office } = createOfficeFake({ item, masterCategories: [{ displayName: "Client", color: "Preset1" }] });
    const current = await createOfficeMailSource(office).currentItem();
    expect(current.mode).toBe("read");
    expect(current.itemId).toBe(item.itemId);
    expect(current.message).toEqual({
      id: "<msg-5@client.example>",
      internetMessageId: "<msg-5@client.example>",
      conversationId: "conv-5",
      subject: item.subject,
      from: { name: "Client 5", email: "client5@client.example" },
      to: [{ name: "Attorney", email: "attorney@firm.example" }],
      cc: [{ name: "Para Legal", email: "para@firm.example" }],
      sentAt: "2026-03-02T14:15:00.000Z",
      receivedAt: "2026-03-02T14:15:00.000Z",
      bodyText: "Please call me.",
      attachmentNames: ["lease.pdf"],
      categories: ["Client"],
    });
  });

  it("falls back to the item id when the message has no internetMessageId", async () => {
    const { office } = createOfficeFake({ item: fakeMessage(6, { internetMessageId: undefined }) });
    const current = await createOfficeMailSource(office).currentItem();
    expect(current.message?.id).toBe(fakeMessage(6).itemId);
    expect(current.message?.internetMessageId).toBeNull();
  });

  it("reports mode none when no item is open (also while Outlook switches)", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const source = createOfficeMailSource(office);
    const switching = controller.selectItem(fakeMessage(2));
    expect(await source.currentItem()).toEqual({ mode: "none", itemId: null, message: null });
    await switching;
    expect((await source.currentItem()).itemId).toBe(fakeMessage(2).itemId);
  });

  it("reads a draft in compose mode, with the signed-in user as sender and no Message-ID", async () => {
    const { office, controller } = createOfficeFake({ userProfile: { emailAddress: "Me@Firm.Example", displayName: "Me" } });
    await controller.compose({
      subject: "Re: Lease",
      to: [{ displayName: "Client", emailAddress: "CLIENT@client.example" }],
      bodyHtml: "<p>Dear client,</p><p>Attached.</p>",
      conversationId: "conv-9",
    });
    const current = await createOfficeMailSource(office).currentItem();
    expect(current.mode).toBe("compose");
    expect(current.message).toMatchObject({
      internetMessageId: null,
      conversationId: "conv-9",
      subject: "Re: Lease",
      from: { name: "Me", email: "me@firm.example" },
      to: [{ name: "Client", email: "client@client.example" }],
      receivedAt: null,
    });
    expect(current.message?.bodyText).toContain("Dear client,");
    expect(current.message?.bodyText).not.toContain("<p>");
  });

  it("rejects with a plain office-failed error when Outlook cannot read the body", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    controller.failNext("body.getAsync", { code: 9002, name: "InternalError", message: "The item could not be read." });
    const error = await createOfficeMailSource(office)
      .currentItem()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatterlineError);
    expect(error).toMatchObject({ code: "office-failed", message: "Outlook could not read the message body: The item could not be read." });
    expect((error as MatterlineError).details).toEqual(["InternalError", "9002"]);
  });

  it("notifies listeners on ItemChanged through one shared Office handler, and unsubscribes", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const source = createOfficeMailSource(office);
    const a = vi.fn();
    const b = vi.fn();
    const offA = source.onItemChanged(a);
    const offB = source.onItemChanged(b);
    await controller.idle();
    await controller.selectItem(fakeMessage(2));
    expect(a).toHaveBeenCalledOnce();
    expect(b).toHaveBeenCalledOnce();
    offA();
    await controller.selectItem(fakeMessage(3));
    expect(a).toHaveBeenCalledOnce();
    expect(b).toHaveBeenCalledTimes(2);
    offB();
    await controller.idle();
    await controller.selectItem(fakeMessage(4));
    expect(b).toHaveBeenCalledTimes(2);
  });

  it("reports a failed ItemChanged subscription to onError instead of an unhandled rejection", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    controller.failNext("addHandlerAsync", "denied");
    const onError = vi.fn();
    createOfficeMailSource(office, { onError }).onItemChanged(() => undefined);
    await controller.idle();
    await Promise.resolve();
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: "office-failed", message: "Outlook could not start watching for changes: denied" }),
    );
  });

  it("does not subscribe on hosts that cannot pin the pane", () => {
    const { office } = createOfficeFake({ requirementSets: { mailbox: "1.4" } });
    const spy = vi.spyOn(office.context.mailbox, "addHandlerAsync");
    createOfficeMailSource(office).onItemChanged(() => undefined)();
    expect(spy).not.toHaveBeenCalled();
  });
});
