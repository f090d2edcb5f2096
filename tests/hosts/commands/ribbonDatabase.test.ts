import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { createRibbonFiling } from "@hosts/commands/ribbonLog";
import { dbNameFor, idbStores, openAccountDb } from "@adapters/storage";
import { createOfficeFake } from "@simulators/office";
import { directory, message } from "../../domain/matterLog/fixtures";

describe("the ribbon's Log to matter", () => {
  it("files into the mailbox user's own database, the one the pane reads (not a database no pane opens)", async () => {
    const fake = createOfficeFake({});
    const me = fake.office.context.mailbox.userProfile.emailAddress;
    const pane = idbStores(await openAccountDb(me));
    await pane.directory.save({ directory, importedAt: "2026-03-01T00:00:00.000Z" });
    const { service } = await createRibbonFiling(fake.office, () => new Date("2026-03-02T10:00:00Z"));
    const mail = message({ subject: "2025-0042 plan", bodyText: "Plan attached.\n" });
    await service.log(mail, "m1");
    expect((await pane.log.get(mail.internetMessageId!))?.matterId).toBe("m1");
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(dbNameFor(me));
  });
});
