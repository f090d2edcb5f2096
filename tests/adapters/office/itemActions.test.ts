import { describe, expect, it, vi } from "vitest";
import { MatterlineError } from "@domain/errors";
import { createOfficeReplyComposer, REPLY_HTML_LIMIT_BYTES } from "@adapters/office/replyComposer";
import { createOfficeItemNotifier } from "@adapters/office/itemNotifier";
import { createOfficeItemCategories, officeCategoryColor } from "@adapters/office/itemCategories";
import { createOfficeSelectedItems } from "@adapters/office/selectedItems";
import { createOfficeSendMatterChoice } from "@adapters/office/sendMatterChoice";
import { createOfficeFake } from "@simulators/office";
import { fakeMessage } from "@simulators/office/sampleItems";

describe("ReplyComposer", () => {
  it("opens Outlook's reply form with the HTML in read mode and never sends", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    await createOfficeReplyComposer(office).openReply("<p>We will call you tomorrow.</p>");
    expect(controller.replyForms).toEqual([
      { itemId: fakeMessage(1).itemId, kind: "reply", htmlBody: "<p>We will call you tomorrow.</p>" },
    ]);
  });

  it("refuses a body over 32 KB before calling Outlook", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const composer = createOfficeReplyComposer(office);
    const tooBig = composer.openReply("é".repeat(REPLY_HTML_LIMIT_BYTES / 2 + 1));
    await expect(tooBig).rejects.toMatchObject({ code: "invalid-input" });
    await expect(tooBig).rejects.toThrow(/32 KB/);
    await composer.openReply("é".repeat(REPLY_HTML_LIMIT_BYTES / 2));
    expect(controller.replyForms).toHaveLength(1);
  });

  it("inserts HTML-escaped text into an HTML draft and plain text into a text draft", async () => {
    const { office, controller } = createOfficeFake({});
    const composer = createOfficeReplyComposer(office);
    await controller.compose({ bodyType: "html", bodyHtml: "<p>Hi</p>" });
    await composer.insertAtCursor("Fees < $500 & due\nFriday");
    expect(controller.insertedText()).toEqual([{ data: "Fees &lt; $500 &amp; due<br>Friday", coercionType: "html" }]);
    await controller.compose({ bodyType: "text", bodyText: "Hi " });
    await composer.insertAtCursor("<b>not bold</b>");
    expect(controller.insertedText()).toEqual([{ data: "<b>not bold</b>", coercionType: "text" }]);
    expect(controller.draftBody()?.text).toBe("Hi <b>not bold</b>");
  });

  it("says which mode is needed when called in the wrong one, and no-item when nothing is open", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const composer = createOfficeReplyComposer(office);
    await expect(composer.insertAtCursor("x")).rejects.toMatchObject({ code: "invalid-input" });
    await controller.compose({});
    await expect(composer.openReply("x")).rejects.toMatchObject({ code: "invalid-input" });
    await controller.selectItem(null);
    await expect(composer.openReply("x")).rejects.toMatchObject({ code: "no-item" });
  });
});

describe("ItemNotifier", () => {
  it("shows a keyed informational bar, replaces it, trims long text and clears it", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const notifier = createOfficeItemNotifier(office);
    await notifier.show("overdue", "Client waiting 27 h — reply was due 3 h ago");
    await notifier.show("overdue", `Client waiting 28 h ${"x".repeat(200)}`);
    const bars = controller.notifications();
    expect(bars).toHaveLength(1);
    expect(bars[0]).toMatchObject({ key: "overdue", type: "informationalMessage", icon: "Icon.16x16", persistent: false });
    expect(bars[0].message).toHaveLength(150);
    expect(bars[0].message.endsWith("…")).toBe(true);
    await notifier.clear("overdue");
    await notifier.clear("overdue");
    expect(controller.notifications()).toEqual([]);
  });
});

describe("ItemCategories", () => {
  it("adds the category to the master list first, then to the message, and removes it", async () => {
    const onCategoriesChanged = vi.fn();
    const { office, controller } = createOfficeFake({ item: fakeMessage(1), onCategoriesChanged });
    const categories = createOfficeItemCategories(office);
    await categories.add({ name: "24-0173 Hollis lease", color: "preset7" });
    await categories.add({ name: "24-0173 Hollis lease", color: "preset7" });
    expect(controller.masterCategories()).toEqual([{ displayName: "24-0173 Hollis lease", color: "Preset7" }]);
    expect(await categories.current()).toEqual(["24-0173 Hollis lease"]);
    expect(onCategoriesChanged).toHaveBeenLastCalledWith(fakeMessage(1).itemId, ["24-0173 Hollis lease"]);
    await categories.remove(["24-0173 Hollis lease"]);
    expect(controller.categories(fakeMessage(1).itemId)).toEqual([]);
  });

  it("maps colours to Office presets", () => {
    expect(officeCategoryColor("preset0")).toBe("Preset0");
    expect(officeCategoryColor("Preset24")).toBe("Preset24");
    expect(officeCategoryColor("preset25")).toBe("None");
    expect(officeCategoryColor("red")).toBe("None");
  });

  it("is not-supported below Mailbox 1.8", async () => {
    const { office } = createOfficeFake({ item: fakeMessage(1), requirementSets: { mailbox: "1.7" } });
    await expect(createOfficeItemCategories(office).add({ name: "x", color: "preset1" })).rejects.toMatchObject({ code: "not-supported" });
  });
});

describe("SelectedItems", () => {
  it("lists up to 100 selected messages, reads each, and follows selection changes", async () => {
    const { office, controller } = createOfficeFake({});
    const selected = createOfficeSelectedItems(office);
    const changed = vi.fn();
    selected.onChanged(changed);
    await controller.idle();
    const items = Array.from({ length: 100 }, (_, i) => fakeMessage(i));
    await controller.selectItems(items);
    expect(changed).toHaveBeenCalledOnce();
    const refs = await selected.list();
    expect(refs).toHaveLength(100);
    expect(refs[42]).toEqual({ itemId: items[42].itemId, subject: items[42].subject, conversationId: "conv-42" });
    const message = await selected.read(refs[42].itemId);
    expect(message).toMatchObject({ internetMessageId: "<msg-42@client.example>", from: { email: "client42@client.example" } });
  });

  it("is not-supported below Mailbox 1.13 (list) and 1.15 (read)", async () => {
    const old = createOfficeSelectedItems(createOfficeFake({ requirementSets: { mailbox: "1.12" } }).office);
    const listing = old.list();
    await expect(listing).rejects.toMatchObject({ code: "not-supported" });
    await expect(listing).rejects.toThrow(/1\.13/);
    const mid = createOfficeSelectedItems(createOfficeFake({ requirementSets: { mailbox: "1.13" } }).office);
    const reading = mid.read("x");
    await expect(reading).rejects.toMatchObject({ code: "not-supported" });
    await expect(reading).rejects.toThrow(/1\.15/);
  });
});

describe("SendMatterChoice", () => {
  it("keeps the chosen matter on the draft's custom properties", async () => {
    const { office, controller } = createOfficeFake({});
    await controller.compose({ subject: "Update" });
    const choice = createOfficeSendMatterChoice(office);
    expect(await choice.chosen()).toBeNull();
    await choice.choose("m7");
    expect(await choice.chosen()).toBe("m7");
    expect(controller.customProperties()).toEqual({ matterlineMatterId: "m7" });
    await choice.choose(null);
    expect(await choice.chosen()).toBeNull();
  });
});

describe("every Office wrapper rejects with a clear MatterlineError when Outlook fails", () => {
  type Case = {
    method: string;
    setup: "read" | "compose" | "multi";
    run: (office: ReturnType<typeof createOfficeFake>["office"]) => Promise<unknown>;
    action: string;
  };
  const cases: Case[] = [
    {
      method: "displayReplyForm",
      setup: "read",
      run: (o) => createOfficeReplyComposer(o).openReply("<p>x</p>"),
      action: "open the reply window",
    },
    {
      method: "body.getTypeAsync",
      setup: "compose",
      run: (o) => createOfficeReplyComposer(o).insertAtCursor("x"),
      action: "check the draft's format",
    },
    {
      method: "body.setSelectedDataAsync",
      setup: "compose",
      run: (o) => createOfficeReplyComposer(o).insertAtCursor("x"),
      action: "insert the text into your draft",
    },
    {
      method: "notificationMessages.replaceAsync",
      setup: "read",
      run: (o) => createOfficeItemNotifier(o).show("k", "m"),
      action: "show a note on the message",
    },
    {
      method: "notificationMessages.getAllAsync",
      setup: "read",
      run: (o) => createOfficeItemNotifier(o).clear("k"),
      action: "read the notes on the message",
    },
    {
      method: "categories.getAsync",
      setup: "read",
      run: (o) => createOfficeItemCategories(o).current(),
      action: "read the message's categories",
    },
    {
      method: "masterCategories.getAsync",
      setup: "read",
      run: (o) => createOfficeItemCategories(o).add({ name: "A", color: "preset1" }),
      action: "read your category list",
    },
    {
      method: "masterCategories.addAsync",
      setup: "read",
      run: (o) => createOfficeItemCategories(o).add({ name: "A", color: "preset1" }),
      action: 'add the category "A" to your category list',
    },
    {
      method: "categories.addAsync",
      setup: "read",
      run: (o) => createOfficeItemCategories(o).add({ name: "A", color: "preset1" }),
      action: 'set the category "A" on the message',
    },
    {
      method: "categories.removeAsync",
      setup: "read",
      run: (o) => createOfficeItemCategories(o).remove(["A"]),
      action: "remove categories from the message",
    },
    {
      method: "getSelectedItemsAsync",
      setup: "multi",
      run: (o) => createOfficeSelectedItems(o).list(),
      action: "list the selected messages",
    },
    {
      method: "loadItemByIdAsync",
      setup: "multi",
      run: (o) => createOfficeSelectedItems(o).read(fakeMessage(1).itemId),
      action: "open a selected message",
    },
    {
      method: "loadCustomPropertiesAsync",
      setup: "compose",
      run: (o) => createOfficeSendMatterChoice(o).chosen(),
      action: "read Matterline's data on the draft",
    },
    {
      method: "customProperties.saveAsync",
      setup: "compose",
      run: (o) => createOfficeSendMatterChoice(o).choose("m1"),
      action: "save the chosen matter on the draft",
    },
    {
      method: "subject.getAsync",
      setup: "compose",
      run: (o) => import("@adapters/office/mailSource").then((m) => m.createOfficeMailSource(o).currentItem()),
      action: "read the draft's subject",
    },
    {
      method: "categories.getAsync",
      setup: "read",
      run: (o) => import("@adapters/office/mailSource").then((m) => m.createOfficeMailSource(o).currentItem()),
      action: "read the message's categories",
    },
  ];

  it.each(cases)("$method", async ({ method, setup, run, action }) => {
    const { office, controller } = createOfficeFake({});
    if (setup === "read") await controller.selectItem(fakeMessage(1));
    if (setup === "compose") await controller.compose({ subject: "Draft" });
    if (setup === "multi") await controller.selectItems([fakeMessage(1), fakeMessage(2)]);
    controller.failNext(method, { code: 9017, name: "HostError", message: "Host is busy." });
    const error = await run(office).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MatterlineError);
    expect(error).toMatchObject({ code: "office-failed", kind: "client", message: `Outlook could not ${action}: Host is busy.` });
    expect((error as MatterlineError).cause).toBeDefined();
  });
});
