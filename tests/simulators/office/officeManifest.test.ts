import { describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createOfficeFake, PROJECT_MANIFEST_XML, readManifest } from "@simulators/office/index";
import { fakeMessage } from "@simulators/office/sampleItems";

/** Calls an Office-style async method and resolves with its AsyncResult. */
function call<T = unknown>(invoke: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<Office.AsyncResult<T>> {
  return new Promise((resolve) => invoke(resolve));
}

/** The project's manifest with some elements taken out, as a careless edit would leave it. */
function without(...patterns: RegExp[]): string {
  let xml = PROJECT_MANIFEST_XML;
  for (const p of patterns) {
    const next = xml.replace(p, "");
    if (next === xml) throw new Error(`${String(p)} is not in manifest.xml`);
    xml = next;
  }
  return xml;
}
const MULTI_SELECT = /\s*<SupportsMultiSelect>true<\/SupportsMultiSelect>/;
const NO_ITEM_CONTEXT = /\s*<SupportsNoItemContext>true<\/SupportsNoItemContext>/;
const LAUNCH_EVENT = /\s*<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<\/ExtensionPoint>/;
const COMPOSE_SURFACE = /\s*<ExtensionPoint xsi:type="MessageComposeCommandSurface">[\s\S]*?<\/ExtensionPoint>/;
const READ_PINNING =
  /(<Action xsi:type="ShowTaskpane">\s*<SourceLocation resid="Taskpane.Url"\/>)\s*<SupportsPinning>true<\/SupportsPinning>/;

describe("the Office fake reads manifest.xml", () => {
  it("is the project's own manifest.xml, read as Outlook reads it", () => {
    expect(PROJECT_MANIFEST_XML).toBe(readFileSync(join(__dirname, "../../../manifest.xml"), "utf8"));
    const m = readManifest(PROJECT_MANIFEST_XML);
    expect(m.permissions).toBe("ReadWriteMailbox");
    expect(m.readPane).toEqual({ pinning: true, multiSelect: true, noItemContext: true });
    expect(m.composePane).toEqual({ pinning: true, multiSelect: false, noItemContext: false });
    expect([...m.commands]).toEqual(["logToSuggestedMatter"]);
    expect(Object.fromEntries(m.launchEvents)).toEqual({ OnMessageSend: { functionName: "onMessageSendHandler", sendMode: "SoftBlock" } });
    expect(m.supportsSharedFolders).toBe(true);
  });

  it("with the project's manifest, opens on several messages and with none selected", async () => {
    const { office, controller } = createOfficeFake({ item: null });
    expect(controller.pane()).toEqual({ open: true, reason: null });
    const changed = vi.fn();
    await call((cb) => office.context.mailbox.addHandlerAsync(office.EventType.SelectedItemsChanged, changed, cb));
    await controller.selectItems([fakeMessage(1), fakeMessage(2)]);
    expect(changed).toHaveBeenCalledOnce();
    expect(controller.pane().open).toBe(true);
    expect(controller.launchEventHandler("OnMessageSend")).toBe("onMessageSendHandler");
  });

  it("refuses multi-select when the manifest does not declare SupportsMultiSelect", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1), manifest: without(MULTI_SELECT, NO_ITEM_CONTEXT) });
    const handler = await call((cb) => office.context.mailbox.addHandlerAsync(office.EventType.SelectedItemsChanged, () => undefined, cb));
    expect(handler.status).toBe("failed");
    expect(handler.error?.message).toMatch(/does not declare SupportsMultiSelect/);
    await controller.selectItems([fakeMessage(1), fakeMessage(2), fakeMessage(3)]);
    expect(controller.pane()).toEqual({ open: false, reason: expect.stringMatching(/does not declare SupportsMultiSelect/) as string });
    const listed = await call((cb) => office.context.mailbox.getSelectedItemsAsync(cb));
    expect(listed.status).toBe("failed");
    expect(listed.error?.message).toMatch(/does not declare SupportsMultiSelect/);
    const loaded = await call((cb) => office.context.mailbox.loadItemByIdAsync(fakeMessage(2).itemId, cb));
    expect(loaded.status).toBe("failed");
    // Selecting one message again is the user reopening the pane on it.
    await controller.selectItem(fakeMessage(2));
    expect(controller.pane().open).toBe(true);
  });

  it("takes SupportsNoItemContext as declaring multi-select too, as Outlook does", async () => {
    const { office, controller } = createOfficeFake({ item: fakeMessage(1), manifest: without(MULTI_SELECT) });
    await controller.selectItems([fakeMessage(1), fakeMessage(2)]);
    expect(controller.pane().open).toBe(true);
    expect((await call((cb) => office.context.mailbox.getSelectedItemsAsync(cb))).status).toBe("succeeded");
  });

  it("does not take SupportsMultiSelect alone as no item context: with nothing selected the pane stays closed", async () => {
    const { controller } = createOfficeFake({ item: null, manifest: without(NO_ITEM_CONTEXT) });
    expect(controller.pane()).toEqual({ open: false, reason: expect.stringMatching(/does not declare SupportsNoItemContext/) as string });
    await controller.selectItems([fakeMessage(1), fakeMessage(2)]);
    expect(controller.pane().open).toBe(true);
  });

  it("does not open with nothing selected without SupportsNoItemContext; a pinned pane stays open when the selection clears", async () => {
    const gap = without(MULTI_SELECT, NO_ITEM_CONTEXT);
    const { controller } = createOfficeFake({ item: null, manifest: gap });
    expect(controller.pane()).toEqual({ open: false, reason: expect.stringMatching(/does not declare SupportsNoItemContext/) as string });
    await controller.selectItem(fakeMessage(1));
    expect(controller.pane().open).toBe(true);
    await controller.selectItem(null);
    expect(controller.pane().open).toBe(true); // pinned
    const unpinned = createOfficeFake({ item: fakeMessage(1), manifest: gap.replace(READ_PINNING, "$1") }).controller;
    const closed = vi.fn();
    unpinned.onPaneChanged(closed);
    await unpinned.selectItem(null);
    expect(unpinned.pane()).toEqual({ open: false, reason: expect.stringMatching(/SupportsNoItemContext/) as string });
    expect(closed).toHaveBeenCalledOnce();
  });

  it("an Outlook below Mailbox 1.13 opens neither with nothing selected nor on several messages, whatever the manifest says", async () => {
    const { controller } = createOfficeFake({ item: null, requirementSets: { mailbox: "1.9" } });
    expect(controller.pane()).toEqual({
      open: false,
      reason: "This Outlook (Mailbox 1.9) does not open add-ins with no message selected.",
    });
    await controller.selectItem(fakeMessage(1));
    await controller.selectItems([fakeMessage(1), fakeMessage(2)]);
    expect(controller.pane()).toEqual({
      open: false,
      reason: "This Outlook (Mailbox 1.9) does not open add-ins on several selected messages.",
    });
  });

  it("runs OnMessageSend only when the manifest declares the LaunchEvent, and only where Outlook raises it", async () => {
    const handler = (event: Office.AddinCommands.Event) => event.completed({ allowEvent: true });
    const missing = createOfficeFake({ manifest: without(LAUNCH_EVENT) });
    missing.office.actions.associate("onMessageSendHandler", handler);
    expect(missing.controller.launchEventHandler("OnMessageSend")).toBeNull();
    await expect(missing.controller.runAction("onMessageSendHandler", { type: "messageSend" })).rejects.toThrow(
      /declares no ExecuteFunction button or LaunchEvent/,
    );
    const ltsc = createOfficeFake({ requirementSets: { mailbox: "1.9" } });
    ltsc.office.actions.associate("onMessageSendHandler", handler);
    expect(ltsc.controller.launchEventHandler("OnMessageSend")).toBeNull();
    await expect(ltsc.controller.runAction("onMessageSendHandler")).rejects.toThrow(/Mailbox 1.9\) does not raise OnMessageSend/);
    const declared = createOfficeFake({});
    declared.office.actions.associate("onMessageSendHandler", handler);
    expect(await declared.controller.runAction("onMessageSendHandler", { type: "messageSend" })).toEqual({ allowEvent: true });
    // A function no button or event names never runs.
    declared.office.actions.associate("secretCommand", handler);
    await expect(declared.controller.runAction("secretCommand")).rejects.toThrow(
      /declares no ExecuteFunction button or LaunchEvent for it/,
    );
  });

  it("opens no pane on a draft when the manifest has no compose surface", async () => {
    const { controller } = createOfficeFake({ item: fakeMessage(1), manifest: without(COMPOSE_SURFACE) });
    await controller.compose({ subject: "RE: Lease" });
    expect(controller.pane()).toEqual({ open: false, reason: "manifest.xml declares no task pane for writing mail." });
  });
});
