import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { createOfficeFake, type FakePerson } from "@simulators/office";
import { COMMAND_NAMES, registerCommands } from "@hosts/commands/registerCommands";
import { createHandlerSendCheck } from "@hosts/commands/sendCheck";
import { buildIndex, publishIndex } from "@features/sendGuard/service";
import { idbStores, openAccountDb } from "@adapters/storage";
import { createSettingsSendCheckNotes, createSettingsSendIndexStore } from "@adapters/storage/sendGuardStores";
import { createRoamingSendIndexStore } from "@adapters/office/roamingSendGuard";
import { guardDirectory } from "../../domain/sendGuard/fixture";

const person = (email: string): FakePerson => ({ displayName: email, emailAddress: email });
const NOW = () => new Date("2026-02-02T10:00:00Z");

/**
 * Outlook on the web, new Outlook and Mac: the handler runs in a browser runtime on the add-in's origin and reads the
 * pane's IndexedDB, where the index has no size limit and the thread's filed matter is known.
 */
describe("the OnMessageSend send check in a browser runtime (IndexedDB)", () => {
  it("reads the pane's index and the thread's filed matter, and leaves notes where an open pane sees them", async () => {
    const fake = createOfficeFake({});
    // The database the pane of this mailbox's user opens (hosts/context.ts): one per account.
    const stores = idbStores(await openAccountDb(fake.office.context.mailbox.userProfile.emailAddress));
    // The mailbox copy is left out (as for a directory too large for it): the device's copy must be the one read.
    await publishIndex(buildIndex(guardDirectory(), "2026-01-01T00:00:00.000Z"), {
      device: createSettingsSendIndexStore(stores.settings),
      mailbox: createRoamingSendIndexStore(fake.office, 0),
    });
    await stores.history.apply({ counts: [], conversations: [{ conversationId: "conv-9", matterId: "x6" }] });
    registerCommands(fake.office, { onSendLog: vi.fn(), now: NOW, sendCheck: createHandlerSendCheck(fake.office, { now: NOW }) });
    await fake.controller.compose({ subject: "RE: Hello", to: [person("ivy@tidewell.test")], bodyText: "Hi", conversationId: "conv-9" });
    const alert = await fake.controller.runAction(COMMAND_NAMES.onSend);
    expect(alert?.allowEvent).toBe(false);
    expect(alert?.errorMessage).toContain("this email is about matter 2026-0120 (Coralline Studio LLC)");

    const broken = createOfficeFake({});
    registerCommands(broken.office, {
      onSendLog: vi.fn(),
      now: NOW,
      sendCheck: createHandlerSendCheck(broken.office, { now: NOW, indexFault: () => new Error("cannot read") }),
    });
    await broken.controller.compose({ subject: "Later", to: [person("ivy@tidewell.test")], bodyText: "Hi" });
    expect(await broken.controller.runAction(COMMAND_NAMES.onSend)).toEqual({ allowEvent: true });
    expect(await createSettingsSendCheckNotes(stores.settings).list()).toEqual([
      { at: "2026-02-02T10:00:00.000Z", subject: "Later", reason: "cannot read" },
    ]);
  });
});
