import { describe, expect, it } from "vitest";
import { mail } from "../matters/fixtures";
import { firm, SITE } from "./recordHarness";
import { RECORD_LIBRARY, RECORD_LIST } from "@adapters/graph/record/recordSchema";
import type { RecordIdCache, RecordIds } from "@adapters/graph/record/graphMatterRecord";
import { matterFolderName, messageFileName } from "@domain/record/recordNames";
import type { MailMessage } from "@domain/model/mail";
import { directory } from "../matters/fixtures";

const AMELIA = "amelia@quill.test";
const x1 = directory.matters[0];

/** What the pane's IndexedDB keeps between starts, in memory. */
function memoryIds(): RecordIdCache & { value: RecordIds | null } {
  const cache = {
    value: null as RecordIds | null,
    load: () => Promise.resolve(cache.value),
    save: (ids: RecordIds) => {
      cache.value = ids;
      return Promise.resolve();
    },
  };
  return cache;
}

const stored = (f: Awaited<ReturnType<typeof firm>>, m: MailMessage) =>
  f.sim.sharePoint.fileText(
    SITE,
    RECORD_LIBRARY,
    `${matterFolderName(x1)}/${messageFileName({ ...m, internetMessageId: m.internetMessageId! })}`,
  );

/** How often the site was looked up by its path (alone or in a $batch). */
const siteLookups = (f: Awaited<ReturnType<typeof firm>>) =>
  Object.entries(f.sim.stats.requestsByPath)
    .filter(([k]) => /^GET \/sites\/[^/]+:\/sites\/Matters$/.test(decodeURIComponent(k)))
    .reduce((n, [, c]) => n + c, 0);
/** How often a matter folder was looked up by its path or made. */
const folderLookups = (f: Awaited<ReturnType<typeof firm>>) =>
  Object.entries(f.sim.stats.requestsByPath)
    .filter(([k]) => /\/root:\/|\/root\/children$/.test(decodeURIComponent(k)))
    .reduce((n, [, c]) => n + c, 0);

describe("the record's ids, kept between pane starts", () => {
  it("are found once (site, list and library in one round trip), and a later start files without looking them up", async () => {
    const f = await firm();
    const ids = memoryIds();
    const first = f.device(AMELIA, { ids });
    const a = mail({ subject: "Lease: first filing" });
    f.deliver(a, AMELIA);
    await first.file(a, "x1");
    f.sim.resetStats();
    expect((await first.drainOnce()).failed).toBe(0);
    // One $batch finds the site, its list and its library (no request of its own for each); one more writes the item.
    expect(f.sim.stats.log.filter((r) => !r.url.endsWith("/$batch"))).toEqual([]);
    expect(siteLookups(f)).toBe(1);
    expect((await first.drainOnce()).failed).toBe(0);
    expect(stored(f, a)).not.toBeNull();
    expect(ids.value).toMatchObject({ siteUrl: SITE, folders: { [matterFolderName(x1)]: expect.any(String) as string } });

    // Outlook opens the pane again: a new device object on the same IndexedDB.
    const again = f.device(AMELIA, { ids });
    // Its log is new too; the entry comes from the record, as after a sync.
    const b = mail({ subject: "Lease: second filing" });
    f.deliver(b, AMELIA);
    await again.file(b, "x1");
    f.sim.resetStats();
    expect((await again.drain()).failed).toBe(0);
    // The item, the message's MIME, its upload into the kept folder, the link: nothing looked up.
    expect(siteLookups(f)).toBe(0);
    expect(folderLookups(f)).toBe(0);
    expect(f.sim.sharePoint.listItems(SITE, RECORD_LIST).map((i) => i.fields.InternetMessageId)).toContain(b.internetMessageId);
    expect(stored(f, b)).not.toBeNull();
  });

  it("stale ids (the list and library made again, the folder gone) are looked up afresh once, and the filing goes on", async () => {
    const f = await firm();
    const ids = memoryIds();
    const setup = f.device(AMELIA, { ids });
    const a = mail({ subject: "Lease: before" });
    f.deliver(a, AMELIA);
    await setup.file(a, "x1");
    expect((await setup.drain()).failed).toBe(0);
    const good = ids.value!;

    // Ids of a list, a library and a folder that are no longer there.
    ids.value = { ...good, listId: "gone-list", driveId: "b!gone-drive", folders: { [matterFolderName(x1)]: "gone-folder" } };
    const device = f.device(AMELIA, { ids });
    const b = mail({ subject: "Lease: after" });
    f.deliver(b, AMELIA);
    await device.file(b, "x1");
    f.sim.resetStats();
    expect((await device.drain()).failed).toBe(0);
    expect(f.sim.sharePoint.listItems(SITE, RECORD_LIST).map((i) => i.fields.InternetMessageId)).toContain(b.internetMessageId);
    expect(stored(f, b)).not.toBeNull();
    // Looked up once (site, lists and drives in one $batch), the folder found again.
    expect(siteLookups(f)).toBe(1);
    expect(folderLookups(f)).toBe(1);
    expect(ids.value).toMatchObject({ listId: good.listId, driveId: good.driveId, folders: good.folders });
    expect(await device.outbox.list()).toEqual([]);
  });

  it("a kept folder id that leads nowhere is found again, once; the message is stored in the matter's folder", async () => {
    const f = await firm();
    const ids = memoryIds();
    const setup = f.device(AMELIA, { ids });
    const a = mail({ subject: "Deed: before" });
    f.deliver(a, AMELIA);
    await setup.file(a, "x1");
    expect((await setup.drain()).failed).toBe(0);
    const good = ids.value!;

    ids.value = { ...good, folders: { [matterFolderName(x1)]: "01GONE" } };
    const device = f.device(AMELIA, { ids });
    const b = mail({ subject: "Deed: after" });
    f.deliver(b, AMELIA);
    await device.file(b, "x1");
    f.sim.resetStats();
    expect((await device.drain()).failed).toBe(0);
    expect(stored(f, b)).not.toBeNull();
    // The upload into the kept folder met a 404; the folder was found by its path, once; the site was not looked up.
    expect(f.sim.stats.log.filter((r) => r.status === 404)).toHaveLength(1);
    expect(folderLookups(f)).toBe(1);
    expect(siteLookups(f)).toBe(0);
    expect(ids.value.folders).toEqual(good.folders);
  });
});
