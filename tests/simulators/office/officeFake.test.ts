import { describe, expect, it, vi } from "vitest";
import { createOfficeFake, installOfficeFake, MAX_SELECTED_ITEMS } from "@simulators/office/index";
import { fakeMessage } from "@simulators/office/sampleItems";

/** Calls an Office-style async method and resolves with its AsyncResult (value typed as T when the test says so). */
function call<T = unknown>(invoke: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<Office.AsyncResult<T>> {
  return new Promise((resolve) => invoke(resolve));
}

/** The current item, typed as Office.js declares `mailbox.item` (every mode at once); fails the test when there is none. */
function currentItem(office: typeof Office): NonNullable<Office.Mailbox["item"]> {
  const item = office.context.mailbox.item;
  if (!item) throw new Error("no current item");
  return item;
}

describe("Office fake", () => {
  it("calls back asynchronously, never inside the call, and passes asyncContext back", async () => {
    const { office } = createOfficeFake({ item: fakeMessage(1) });
    const item = currentItem(office);
    let called = false;
    const done = call((cb) => {
      item.body.getAsync("text", { asyncContext: "ctx" }, (r) => {
        called = true;
        cb(r);
      });
    });
    expect(called).toBe(false);
    const r = await done;
    expect(r).toMatchObject({ status: "succeeded", value: "Hello, can you update me on item 1?", asyncContext: "ctx" });
  });

  it("reports injected failures once, with code, name and message", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    controller.failNext("body.getAsync", { code: 9002, name: "InternalError", message: "host gone" });
    const item = currentItem(office);
    const first = await call((cb) => item.body.getAsync("text", cb));
    expect(first.status).toBe("failed");
    expect(first.error).toEqual({ code: 9002, name: "InternalError", message: "host gone" });
    const second = await call((cb) => item.body.getAsync("html", cb));
    expect(second.status).toBe("succeeded");
    expect(String(second.value)).toContain("<div>Hello");
  });

  it("refuses a category that is not in the master list, then accepts it once added", async () => {
    const onCategoriesChanged = vi.fn();
    const { office, controller } = createOfficeFake({ item: fakeMessage(1, { categories: ["Existing"] }), onCategoriesChanged });
    const mailbox = office.context.mailbox;
    const refused = await call((cb) => currentItem(office).categories.addAsync(["2024-0012 Lease"], cb));
    expect(refused.status).toBe("failed");
    expect(refused.error?.message).toMatch(/not in the mailbox's master category list/);
    expect(onCategoriesChanged).not.toHaveBeenCalled();

    expect((await call((cb) => mailbox.masterCategories.addAsync([{ displayName: "2024-0012 Lease", color: "Preset3" }], cb))).status).toBe(
      "succeeded",
    );
    const dup = await call((cb) => mailbox.masterCategories.addAsync([{ displayName: "2024-0012 lease", color: "Preset3" }], cb));
    expect(dup.status).toBe("failed");
    expect((await call((cb) => currentItem(office).categories.addAsync(["2024-0012 Lease"], cb))).status).toBe("succeeded");
    expect(controller.categories(fakeMessage(1).itemId)).toEqual(["Existing", "2024-0012 Lease"]);
    expect(onCategoriesChanged).toHaveBeenLastCalledWith(fakeMessage(1).itemId, ["Existing", "2024-0012 Lease"]);
    const got = await call((cb) => currentItem(office).categories.getAsync(cb));
    expect(got.value).toEqual([
      { displayName: "Existing", color: "None" },
      { displayName: "2024-0012 Lease", color: "Preset3" },
    ]);
    await call((cb) => currentItem(office).categories.removeAsync(["existing"], cb));
    expect(controller.categories(fakeMessage(1).itemId)).toEqual(["2024-0012 Lease"]);
  });

  it("has no categories API below Mailbox 1.8", () => {
    const { office } = createOfficeFake({ item: fakeMessage(1), requirementSets: { mailbox: "1.7" } });
    expect(currentItem(office).categories).toBeUndefined();
    expect(office.context.mailbox.masterCategories).toBeUndefined();
  });

  it("fires ItemChanged after switching, with the item null while the switch is in progress", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const seen: Array<string | null> = [];
    const added = await call((cb) =>
      office.context.mailbox.addHandlerAsync(
        office.EventType.ItemChanged,
        () => seen.push(office.context.mailbox.item?.itemId ?? null),
        cb,
      ),
    );
    expect(added.status).toBe("succeeded");
    const switching = controller.selectItem(fakeMessage(2), { nullFirst: true });
    expect(office.context.mailbox.item).toBeNull();
    await switching;
    expect(seen).toEqual([null, fakeMessage(2).itemId]);
    await controller.selectItem(null);
    expect(seen).toEqual([null, fakeMessage(2).itemId, null]);
    await call((cb) => office.context.mailbox.removeHandlerAsync(office.EventType.ItemChanged, cb));
    await controller.selectItem(fakeMessage(3));
    expect(seen).toHaveLength(3);
  });

  it("multi-selects up to 100 messages and lists their ids and subjects", async () => {
    const { office, controller } = createOfficeFake({});
    const items = Array.from({ length: MAX_SELECTED_ITEMS }, (_, i) => fakeMessage(i));
    const changed = vi.fn();
    await call((cb) => office.context.mailbox.addHandlerAsync(office.EventType.SelectedItemsChanged, changed, cb));
    await controller.selectItems(items);
    expect(changed).toHaveBeenCalledOnce();
    expect(office.context.mailbox.item).toBeNull();
    const r = await call<Office.SelectedItemDetails[]>((cb) => office.context.mailbox.getSelectedItemsAsync(cb));
    const value = r.value;
    expect(value).toHaveLength(100);
    expect(value[7]).toMatchObject({ itemId: items[7].itemId, subject: items[7].subject });
    expect(() => controller.selectItems([...items, fakeMessage(100)])).toThrow(/at most 100/);
    const loaded = await call<Office.LoadedMessageRead | Office.LoadedMessageCompose>((cb) =>
      office.context.mailbox.loadItemByIdAsync(items[3].itemId, cb),
    );
    expect(loaded.value.subject).toBe(items[3].subject);
  });

  it("hides multi-select below Mailbox 1.13 and reports it in isSetSupported", () => {
    const { office, controller } = createOfficeFake({ requirementSets: { mailbox: "1.9", nestedAppAuth: false } });
    // typeof reads the member without detaching it as a method; Office omits it below Mailbox 1.13.
    expect(typeof office.context.mailbox.getSelectedItemsAsync).toBe("undefined");
    const req = office.context.requirements;
    expect(req.isSetSupported("Mailbox", "1.9")).toBe(true);
    expect(req.isSetSupported("Mailbox", "1.10")).toBe(false);
    expect(req.isSetSupported("NestedAppAuth", "1.1")).toBe(false);
    controller.setRequirementSets({ mailbox: "1.13", nestedAppAuth: true });
    expect(req.isSetSupported("Mailbox", "1.13")).toBe(true);
    expect(req.isSetSupported("NestedAppAuth", "1.1")).toBe(true);
  });

  it("keeps keyed notification bars per item with Outlook's rules", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const bars = currentItem(office).notificationMessages;
    const info = { type: "informationalMessage", message: "Client waiting 27 h", icon: "Icon.16x16", persistent: false };
    expect((await call((cb) => bars.addAsync("overdue", info, cb))).status).toBe("succeeded");
    expect((await call((cb) => bars.addAsync("overdue", info, cb))).error?.name).toBe("DuplicateNotificationKey");
    expect((await call((cb) => bars.addAsync("x", { type: "informationalMessage", message: "no icon" }, cb))).status).toBe("failed");
    expect((await call((cb) => bars.addAsync("long", { ...info, message: "x".repeat(151) }, cb))).status).toBe("failed");
    await call((cb) => bars.replaceAsync("overdue", { ...info, message: "Reply was due 3 h ago" }, cb));
    expect(controller.notifications()).toEqual([
      { key: "overdue", type: "informationalMessage", message: "Reply was due 3 h ago", icon: "Icon.16x16", persistent: false },
    ]);
    for (const k of ["a", "b", "c", "d"]) await call((cb) => bars.addAsync(k, info, cb));
    expect((await call((cb) => bars.addAsync("sixth", info, cb))).error?.name).toBe("TooManyNotifications");
    await call((cb) => bars.removeAsync("overdue", cb));
    expect((await call((cb) => bars.removeAsync("overdue", cb))).status).toBe("failed");
    expect(controller.notifications(fakeMessage(2).itemId)).toEqual([]);
  });

  it("records reply forms and refuses bodies over 32 KB", () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const item = currentItem(office);
    item.displayReplyForm({ htmlBody: "<p>Thanks</p>" });
    item.displayReplyAllForm("<p>All</p>");
    expect(controller.replyForms).toEqual([
      { itemId: fakeMessage(1).itemId, kind: "reply", htmlBody: "<p>Thanks</p>" },
      { itemId: fakeMessage(1).itemId, kind: "replyAll", htmlBody: "<p>All</p>" },
    ]);
    expect(() => item.displayReplyForm({ htmlBody: "x".repeat(32 * 1024 + 1) })).toThrow(/32 KB/);
    controller.failNext("displayReplyForm", "blocked");
    expect(() => item.displayReplyForm({ htmlBody: "ok" })).toThrow("blocked");
    expect(controller.replyForms).toHaveLength(2);
  });

  it("gives a compose item: async subject and recipients, body type, insertion at the cursor, no internetMessageId", async () => {
    const { office, controller } = createOfficeFake({});
    await controller.compose({
      subject: "Re: Lease",
      to: [{ displayName: "C", emailAddress: "c@client.example" }],
      bodyType: "text",
      bodyText: "Hi",
    });
    const item = currentItem(office);
    expect(item.internetMessageId).toBeUndefined();
    expect((await call((cb) => item.subject.getAsync(cb))).value).toBe("Re: Lease");
    expect((await call((cb) => item.to.getAsync(cb))).value).toEqual([
      { displayName: "C", emailAddress: "c@client.example", recipientType: "other" },
    ]);
    expect((await call((cb) => item.body.getTypeAsync(cb))).value).toBe("text");
    expect((await call((cb) => item.body.setSelectedDataAsync("<b>x</b>", { coercionType: "html" }, cb))).status).toBe("failed");
    expect((await call((cb) => item.body.setSelectedDataAsync(" there", { coercionType: "text" }, cb))).status).toBe("succeeded");
    expect(controller.insertedText()).toEqual([{ data: " there", coercionType: "text" }]);
    expect(controller.draftBody()?.text).toBe("Hi there");
  });

  it("saves custom properties on the item only on saveAsync", async () => {
    const { office, controller } = createOfficeFake({});
    await controller.compose({ subject: "New" });
    const item = currentItem(office);
    const loaded = await call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
    const props = loaded.value;
    props.set("matterId", "m1");
    expect(controller.customProperties()).toEqual({});
    await call((cb) => props.saveAsync(cb));
    expect(controller.customProperties()).toEqual({ matterId: "m1" });
    const again = await call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
    expect(again.value.get("matterId")).toBe("m1");
  });

  it("persists roaming settings on save, follows the theme, resolves onReady, records dialogs and actions", async () => {
    const target: { Office?: unknown } = {};
    const { office, controller } = installOfficeFake(target, { theme: "light" });
    expect(target.Office).toBe(office);
    const onReady = vi.fn();
    expect(await office.onReady(onReady)).toEqual({ host: "Outlook", platform: "OfficeOnline" });
    expect(onReady).toHaveBeenCalledOnce();

    const rs = office.context.roamingSettings;
    rs.set("k", { a: 1 });
    expect(controller.roamingSettings()).toEqual({});
    await call((cb) => rs.saveAsync(cb));
    expect(controller.roamingSettings()).toEqual({ k: { a: 1 } });
    rs.set("big", "x".repeat(40000));
    expect((await call((cb) => rs.saveAsync(cb))).status).toBe("failed");

    expect(office.context.officeTheme.isDarkTheme).toBe(false);
    const themeChanged = vi.fn();
    await call((cb) => office.context.mailbox.addHandlerAsync(office.EventType.OfficeThemeChanged, themeChanged, cb));
    await controller.setTheme("dark");
    expect(office.context.officeTheme.isDarkTheme).toBe(true);
    expect(themeChanged).toHaveBeenCalledOnce();

    const dialogResult = await call<Office.Dialog>((cb) =>
      office.context.ui.displayDialogAsync("https://localhost:3000/auth.html", { height: 60 }, cb),
    );
    const dialog = dialogResult.value;
    const received = new Promise((resolve) => dialog.addEventHandler(office.EventType.DialogMessageReceived, resolve));
    controller.dialogs[0].messageParent("token-ok");
    expect(await received).toMatchObject({ message: "token-ok" });

    // A function the manifest names for a ribbon button (manifest.xml: ExecuteFunction logToSuggestedMatter).
    office.actions.associate("logToSuggestedMatter", (event: Office.AddinCommands.Event) => event.completed({ allowEvent: true }));
    expect(await controller.runAction("logToSuggestedMatter")).toEqual({ allowEvent: true });
  });

  it("rewrites EWS ids to REST ids", () => {
    const { office } = createOfficeFake({});
    expect(office.context.mailbox.convertToRestId("AAMk/a+b==", office.MailboxEnums.RestVersion.v2_0)).toBe("AAMk-a_b==");
  });
});

describe("Office fake item identity", () => {
  it("returns the same item object until the selection changes", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1) });
    const first = office.context.mailbox.item;
    expect(office.context.mailbox.item).toBe(first);
    await controller.selectItem(fakeMessage(2));
    expect(office.context.mailbox.item).not.toBe(first);
  });
});
