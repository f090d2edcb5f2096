import { describe, expect, it } from "vitest";
import { mail } from "../matters/fixtures";
import { firm, SITE, HOST } from "./recordHarness";
import { RECORD_LIBRARY, RECORD_LIST } from "@adapters/graph/record/recordSchema";
import { MATTER_PROPERTY_ID } from "@adapters/graph";
import { matterFolderName, messageFileName } from "@domain/record/recordNames";
import { WALLED_MESSAGE, recordKey } from "@domain/record/types";
import { recordEvidenceOf } from "@domain/recognition/paneRecognition";
import { directory } from "../matters/fixtures";

const AMELIA = "amelia@quill.test";
const ROSA = "rosa@quill.test";
const x1 = directory.matters[0];
const x2 = directory.matters[1];

describe("the shared matter record: two people, one record", () => {
  it("what one files (with its time entry) appears for the other after a sync, with the .eml in the matter's folder", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Lease draft: comments" });
    f.deliver(m, AMELIA, ROSA);

    await amelia.file(m, "x1", 3);
    const drained = await amelia.drain();
    expect(drained.failed).toBe(0);
    const items = f.sim.sharePoint.listItems(SITE, RECORD_LIST);
    expect(items).toHaveLength(1);
    expect(items[0].fields).toMatchObject({
      InternetMessageId: m.internetMessageId,
      MatterId: "x1",
      ClientId: "k1",
      TimeTenths: 3,
      FiledBy: AMELIA,
    });
    const path = `${matterFolderName(x1)}/${messageFileName({ ...m, internetMessageId: m.internetMessageId! })}`;
    expect(f.sim.sharePoint.fileText(SITE, RECORD_LIBRARY, path)).toContain(`Message-ID: ${m.internetMessageId}`);

    expect(await rosa.log.get(m.internetMessageId!)).toBeNull();
    const synced = await rosa.service.sync();
    expect(synced.changed).toBe(1);
    const seen = await rosa.log.get(m.internetMessageId!);
    expect(seen).toMatchObject({ matterId: "x1", loggedBy: AMELIA, timeEntry: { tenths: 3, narrative: "Reviewed" } });
    // Recognition's filing history learns from the shared record too.
    expect(await rosa.history.countsFor("ivy@marlow.test")).toEqual({ x1: 1 });
    expect((await rosa.log.auditFor(m.internetMessageId!)).map((a) => a.action)).toEqual(["logged"]);
  });

  it("the entry is filed before its .eml: the item first, then the stored message, linked under the item's eTag", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Completion statement" });
    f.deliver(m, AMELIA);
    await amelia.file(m, "x1");
    f.sim.resetStats();
    expect((await amelia.drainOnce()).failed).toBe(0);
    // The record has the entry (so the pane says "Filed"); the message itself waits in the outbox.
    const [item] = f.sim.sharePoint.listItems(SITE, RECORD_LIST);
    expect(item.fields).toMatchObject({ InternetMessageId: m.internetMessageId, MatterId: "x1" });
    expect(f.sim.sharePoint.library(SITE, RECORD_LIBRARY)?.children ?? []).toEqual([]);
    const ops = await amelia.outbox.list();
    const evidence = async (list = ops) =>
      recordEvidenceOf((await amelia.log.get(m.internetMessageId!))!, await amelia.local.shadow(m.internetMessageId!), list, [AMELIA]);
    expect(await evidence()).toEqual({ state: "filed", error: null, message: "waiting" });

    expect((await amelia.drainOnce()).failed).toBe(0);
    const file = `${matterFolderName(x1)}/${messageFileName({ ...m, internetMessageId: m.internetMessageId! })}`;
    expect(f.sim.sharePoint.fileText(SITE, RECORD_LIBRARY, file)).toContain(`Message-ID: ${m.internetMessageId}`);
    expect(await evidence(await amelia.outbox.list())).toEqual({ state: "filed", error: null, message: "filed" });
    // The item links it, and this device knows the link (the next write does not store it again).
    const shadow = await amelia.local.shadow(m.internetMessageId!);
    expect(shadow?.file?.folder).toBe(matterFolderName(x1));
    const [linked] = f.sim.sharePoint.listItems(SITE, RECORD_LIST);
    expect(JSON.stringify(linked.fields)).toContain(shadow!.file!.driveItemId);
    expect(await amelia.outbox.list()).toEqual([]);
  });

  it("a colleague's change between the item and its .eml is kept (a 412 reads the newer version), and the message is stored once", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Deed of variation" });
    f.deliver(m, AMELIA, ROSA);
    await amelia.file(m, "x1");
    await amelia.drainOnce();
    // Rosa adds a time entry before Amelia's device stores the message.
    await rosa.service.sync();
    await rosa.file(m, "x1", 4);
    expect((await rosa.drain()).failed).toBe(0);
    expect((await amelia.drainOnce()).failed).toBe(0);
    const [item] = f.sim.sharePoint.listItems(SITE, RECORD_LIST);
    expect(item.fields).toMatchObject({ MatterId: "x1", TimeTenths: 4 });
    const file = `${matterFolderName(x1)}/${messageFileName({ ...m, internetMessageId: m.internetMessageId! })}`;
    expect(f.sim.sharePoint.fileText(SITE, RECORD_LIBRARY, file)).not.toBeNull();
    expect((f.sim.sharePoint.library(SITE, RECORD_LIBRARY)?.children ?? []).flatMap((folder) => folder.children)).toHaveLength(1);
    expect((await amelia.local.shadow(m.internetMessageId!))?.entry.timeEntry?.tenths).toBe(4);
    expect(await amelia.outbox.list()).toEqual([]);
  });

  it("a sync when nothing changed costs one request; re-filing moves the .eml and the other sees who moved it", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Invoice query" });
    f.deliver(m, AMELIA, ROSA);
    await amelia.file(m, "x1");
    await amelia.drain();
    await rosa.service.sync();
    f.sim.resetStats();
    await rosa.service.sync();
    expect(f.sim.stats.totalRequests).toBe(1);

    await rosa.file(m, "x2");
    expect((await rosa.drain()).failed).toBe(0);
    const file = messageFileName({ ...m, internetMessageId: m.internetMessageId! });
    expect(f.sim.sharePoint.fileText(SITE, RECORD_LIBRARY, `${matterFolderName(x2)}/${file}`)).not.toBeNull();
    expect(f.sim.sharePoint.fileText(SITE, RECORD_LIBRARY, `${matterFolderName(x1)}/${file}`)).toBeNull();
    await amelia.service.sync();
    expect((await amelia.log.get(m.internetMessageId!))?.matterId).toBe("x2");
    const trail = await amelia.log.auditFor(m.internetMessageId!);
    expect(trail.map((a) => [a.action, a.by, a.fromMatterId, a.toMatterId])).toEqual([
      ["logged", AMELIA, null, "x1"],
      ["refiled", ROSA, "x1", "x2"],
    ]);
    expect(await amelia.history.countsFor("ivy@marlow.test")).toEqual({ x2: 1 });
  });

  it("undo removes the item, the stored message and the mailbox marks; the other device drops it on sync", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Undo me" });
    f.deliver(m, AMELIA, ROSA);
    await amelia.file(m, "x1");
    await amelia.drain();
    const marked = f.sim.messages(AMELIA).find((g) => g.internetMessageId === m.internetMessageId)!;
    expect(marked.categories).toHaveLength(1);
    await rosa.service.sync();

    await amelia.unfile(m);
    expect((await amelia.drain()).failed).toBe(0);
    expect(f.sim.sharePoint.listItems(SITE, RECORD_LIST)).toEqual([]);
    const library = f.sim.sharePoint.library(SITE, RECORD_LIBRARY)!;
    expect(library.children.flatMap((folder) => folder.children)).toEqual([]);
    // No mark is left in the mailbox: no matter category, and the MatterId property cleared.
    const after = f.sim.messages(AMELIA).find((g) => g.internetMessageId === m.internetMessageId)!;
    expect(after.categories).toEqual([]);
    expect(after.singleValueExtendedProperties?.find((p) => p.id === MATTER_PROPERTY_ID)?.value ?? "").toBe("");

    await rosa.service.sync();
    expect(await rosa.log.get(m.internetMessageId!)).toBeNull();
    expect(await rosa.history.countsFor("ivy@marlow.test")).toEqual({});
  });

  it("a second filing of the same email by anyone updates the one item (the unique constraint, then a reconcile)", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Both filed it" });
    f.deliver(m, AMELIA, ROSA);
    await amelia.file(m, "x1");
    await rosa.file(m, "x1", 2);
    await amelia.drain();
    expect((await rosa.drain()).failed).toBe(0);
    const items = f.sim.sharePoint.listItems(SITE, RECORD_LIST);
    expect(items).toHaveLength(1);
    expect(items[0].fields).toMatchObject({ MatterId: "x1", TimeTenths: 2 });
    const folder = f.sim.sharePoint.library(SITE, RECORD_LIBRARY)!.children.find((c) => c.name === matterFolderName(x1))!;
    expect(folder.children).toHaveLength(1);
  });

  it("two people filing the same email to different matters at once: the first stands, both are in the audit trail", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Which matter?" });
    f.deliver(m, AMELIA, ROSA);
    await amelia.file(m, "x1");
    await rosa.file(m, "x2");
    await amelia.drain();
    expect((await rosa.drain()).failed).toBe(0);
    const items = f.sim.sharePoint.listItems(SITE, RECORD_LIST);
    expect(items).toHaveLength(1);
    expect(items[0].fields.MatterId).toBe("x1");
    const trail = JSON.parse(items[0].fields.AuditTrail as string) as { action: string; by: string; note?: string }[];
    expect(trail.map((a) => a.action)).toEqual(["logged", "logged", "conflict"]);
    expect(trail[2].note).toContain("2026-0102");
    expect(trail[2].note).toContain("2026-0101");
    // Rosa's device follows the record, and her stray .eml in the other matter's folder is gone.
    expect((await rosa.log.get(m.internetMessageId!))?.matterId).toBe("x1");
    const x2folder = f.sim.sharePoint.library(SITE, RECORD_LIBRARY)!.children.find((c) => c.name === matterFolderName(x2));
    expect(x2folder?.children ?? []).toEqual([]);
  });

  it("a 412 between two re-filings re-reads, keeps the first, and records both versions", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Contested" });
    f.deliver(m, AMELIA, ROSA);
    await amelia.file(m, "x1");
    await amelia.drain();
    await rosa.service.sync();
    // Both change it from the same version; Rosa's lands first.
    await rosa.file(m, "x3");
    await amelia.file(m, "x2");
    await rosa.drain();
    expect((await amelia.drain()).failed).toBe(0);
    const item = f.sim.sharePoint.listItems(SITE, RECORD_LIST)[0];
    expect(item.fields.MatterId).toBe("x3");
    const trail = JSON.parse(item.fields.AuditTrail as string) as { action: string; by: string }[];
    expect(trail.map((a) => `${a.action}:${a.by}`)).toEqual([
      `logged:${AMELIA}`,
      `refiled:${ROSA}`,
      `refiled:${AMELIA}`,
      `conflict:${AMELIA}`,
    ]);
    expect((await amelia.log.get(m.internetMessageId!))?.matterId).toBe("x3");
  });

  it("a 412 where the other change touched something else re-applies this one (time entry vs re-filing)", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Merge me" });
    f.deliver(m, AMELIA, ROSA);
    await amelia.file(m, "x1");
    await amelia.drain();
    await rosa.service.sync();
    await rosa.file(m, "x1", 4); // a time entry only
    await amelia.file(m, "x2"); // a re-filing
    await rosa.drain();
    expect((await amelia.drain()).failed).toBe(0);
    const item = f.sim.sharePoint.listItems(SITE, RECORD_LIST)[0];
    expect(item.fields).toMatchObject({ MatterId: "x2", TimeTenths: 4 });
    expect((JSON.parse(item.fields.AuditTrail as string) as { action: string }[]).some((a) => a.action === "conflict")).toBe(false);
  });

  it("offline filings wait in the outbox and land once when Graph is back", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Offline" });
    f.deliver(m, AMELIA);
    await amelia.file(m, "x1");
    f.sim.setOffline(true);
    const first = await amelia.drain();
    expect(first.succeeded).toBe(0);
    expect((await amelia.outbox.list()).filter((o) => o.key === recordKey(m.internetMessageId!))).toHaveLength(1);
    f.sim.setOffline(false);
    const second = await amelia.drain();
    expect(second.failed).toBe(0);
    expect(await amelia.outbox.list()).toEqual([]);
    // A write whose answer was lost after the record applied it lands once too.
    const n = mail({ subject: "Dropped answer" });
    f.deliver(n, AMELIA);
    await amelia.file(n, "x1");
    f.sim.failNext(1, "drop-after-commit", (r) => r.path === "/$batch");
    await amelia.drain();
    await amelia.drain();
    expect(f.sim.sharePoint.listItems(SITE, RECORD_LIST)).toHaveLength(2);
    expect(await amelia.outbox.list()).toEqual([]);
  });

  it("a matter behind an ethical wall: nothing is filed there, the pane says so plainly, and it is not retried", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    f.sim.sharePoint.addEthicalWall({
      site: SITE,
      folder: matterFolderName(x2),
      items: { list: RECORD_LIST, column: "MatterId", value: "x2" },
      allowed: [ROSA],
    });
    const m = mail({ subject: "Walled" });
    f.deliver(m, AMELIA);
    await amelia.file(m, "x2");
    const result = await amelia.drain();
    expect(f.sim.sharePoint.listItems(SITE, RECORD_LIST)).toEqual([]);
    const op = (await amelia.outbox.list()).find((o) => o.key === recordKey(m.internetMessageId!))!;
    expect(op).toMatchObject({ status: "failed", lastError: WALLED_MESSAGE });
    expect(result.failed).toBe(1);
    expect(await amelia.log.get(m.internetMessageId!)).toBeNull();
    // The mailbox keeps no mark of a filing that did not happen.
    await amelia.drain();
    const g = f.sim.messages(AMELIA).find((x) => x.internetMessageId === m.internetMessageId)!;
    expect(g.categories).toEqual([]);
    f.sim.resetStats();
    await amelia.drain();
    expect(f.sim.stats.totalRequests).toBe(0);
  });

  it("entries logged before the shared record are uploaded once on the first sync, with their trail and time", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "From an earlier version" });
    f.deliver(m, AMELIA);
    await amelia.file(m, "x1", 5);
    await amelia.file(m, "x2", 5);
    // An earlier version had no record writes: only the log and its audit trail.
    await amelia.outbox.settle({ remove: (await amelia.outbox.list()).map((o) => ({ key: o.key, createdAt: o.createdAt })), update: [] });
    const first = await amelia.service.sync();
    expect(first.queuedLegacy).toBe(1);
    await amelia.drain();
    const items = f.sim.sharePoint.listItems(SITE, RECORD_LIST);
    expect(items).toHaveLength(1);
    expect(items[0].fields).toMatchObject({ MatterId: "x2", TimeTenths: 5 });
    expect((JSON.parse(items[0].fields.AuditTrail as string) as { action: string }[]).map((a) => a.action)).toEqual(["logged", "refiled"]);
    expect((await amelia.service.sync()).queuedLegacy).toBe(0);
  });

  it("restarts from scratch when the delta token can no longer be served (410), dropping what left the record", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const a = mail({ subject: "Stays" });
    const b = mail({ subject: "Goes" });
    f.deliver(a, AMELIA, ROSA);
    f.deliver(b, AMELIA, ROSA);
    await amelia.file(a, "x1");
    await amelia.file(b, "x1");
    await amelia.drain();
    await rosa.service.sync();
    await amelia.unfile(b);
    await amelia.drain();
    f.sim.sharePoint.expireDeltaTokens(SITE, RECORD_LIST);
    await rosa.service.sync();
    expect(await rosa.log.get(a.internetMessageId!)).not.toBeNull();
    expect(await rosa.log.get(b.internetMessageId!)).toBeNull();
  });

  it("a large message goes up in an upload session of 320 KiB multiples, resuming after a dropped fragment", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Big", bodyText: "x".repeat(5 * 1024 * 1024) });
    f.deliver(m, AMELIA);
    await amelia.file(m, "x1");
    f.sim.failNext(1, "drop", (r) => r.path === "/_api/v2.0/uploadSession" && r.method === "PUT");
    expect((await amelia.drain()).failed).toBe(0);
    const path = `${matterFolderName(x1)}/${messageFileName({ ...m, internetMessageId: m.internetMessageId! })}`;
    expect(f.sim.sharePoint.fileText(SITE, RECORD_LIBRARY, path)?.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(HOST).toBeTruthy();
  });
});
