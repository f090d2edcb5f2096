import { describe, expect, it } from "vitest";
import { mail, directory } from "../matters/fixtures";
import { firm, SITE } from "./recordHarness";
import { OPTIONS_KEY, RECORD_LIBRARY, RECORD_LIST } from "@adapters/graph/record/recordSchema";
import { attachmentFolderName, matterFolderName, messageFileName } from "@domain/record/recordNames";
import type { SeedAttachment } from "@simulators/graph/index";
import type { MailMessage } from "@domain/model/mail";

const AMELIA = "amelia@quill.test";
const ROSA = "rosa@quill.test";
const x1 = directory.matters[0];
const x2 = directory.matters[1];

const PDF = new Uint8Array(Array.from({ length: 3000 }, (_, i) => i % 251));
const ATTACHMENTS: SeedAttachment[] = [
  { name: "Lease: draft v2?.pdf", contentType: "application/pdf", content: PDF },
  { name: "scan.PDF", contentType: "application/pdf", content: "first scan" },
  { name: "Scan.pdf", contentType: "application/pdf", content: "second scan" },
  { name: "logo.png", contentType: "image/png", content: "png", isInline: true, contentId: "logo@1" },
  { kind: "item", name: "Fwd: the earlier offer", content: "Subject: the earlier offer\r\n\r\nHello" },
  { kind: "reference", name: "Plans.docx" },
];

/** The library's tree below the root, as "folder/…/name" paths. */
function paths(f: Awaited<ReturnType<typeof firm>>): string[] {
  const out: string[] = [];
  const walk = (node: { name: string; folder: boolean; children: readonly unknown[] }, prefix: string) => {
    for (const c of node.children as { name: string; folder: boolean; children: readonly unknown[] }[]) {
      const p = prefix ? `${prefix}/${c.name}` : c.name;
      out.push(c.folder ? `${p}/` : p);
      walk(c, p);
    }
  };
  walk(f.sim.sharePoint.library(SITE, RECORD_LIBRARY)!, "");
  return out.sort();
}

/** The one filed email's item (the options item, when there is one, is not an email's). */
function emailItem(f: Awaited<ReturnType<typeof firm>>) {
  const items = f.sim.sharePoint.listItems(SITE, RECORD_LIST).filter((i) => i.fields.InternetMessageId !== OPTIONS_KEY);
  expect(items).toHaveLength(1);
  return items[0];
}

const emlOf = (m: MailMessage) => messageFileName({ ...m, internetMessageId: m.internetMessageId! });

describe("the email's attachments beside it in the matter record (a firm-wide option)", () => {
  it("off (the default): only the .eml is stored, and the mailbox's attachments are not even listed", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Lease with attachments" });
    f.deliverWith(m, ATTACHMENTS, AMELIA);
    await amelia.service.sync();
    expect((await amelia.service.options()).attachments).toBe(false);
    await amelia.file(m, "x1");
    expect((await amelia.drain()).failed).toBe(0);
    expect(paths(f)).toEqual([`${matterFolderName(x1)}/`, `${matterFolderName(x1)}/${emlOf(m)}`]);
    expect(Object.keys(f.sim.stats.requestsByPath).filter((p) => p.includes("/attachments"))).toEqual([]);
    expect(emailItem(f).fields.AttachmentFiles).toBeUndefined();
  });

  it("on: each file attachment is stored beside the .eml under a safe, unique name; the rest are named in the audit trail", async () => {
    const f = await firm({ attachments: true });
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Lease with attachments" });
    f.deliverWith(m, ATTACHMENTS, AMELIA, ROSA);
    // Every pane learns the firm's option from the record with its sync.
    await amelia.service.sync();
    expect((await amelia.service.options()).attachments).toBe(true);
    await amelia.file(m, "x1");
    expect((await amelia.drain()).failed).toBe(0);

    const folder = matterFolderName(x1);
    const sub = `${folder}/${attachmentFolderName(emlOf(m))}`;
    expect(paths(f)).toEqual(
      [`${folder}/`, `${folder}/${emlOf(m)}`, `${sub}/`, `${sub}/Lease draft v2.pdf`, `${sub}/scan.PDF`, `${sub}/Scan (2).pdf`].sort(),
    );
    // The bytes are the attachment's, whole (read from its $value).
    const lib = f.sim.sharePoint.library(SITE, RECORD_LIBRARY)!;
    const subNode = lib.children.find((c) => c.name === folder)!.children.find((c) => c.folder)!;
    expect(subNode.children.find((c) => c.name === "Lease draft v2.pdf")?.size).toBe(PDF.length);
    expect(f.sim.sharePoint.fileText(SITE, RECORD_LIBRARY, `${sub}/Scan (2).pdf`)).toBe("second scan");

    // The item records their names and links.
    const item = emailItem(f);
    expect(String(item.fields.AttachmentNames).split("\n")).toEqual(["Lease draft v2.pdf", "scan.PDF", "Scan (2).pdf"]);
    const stored = JSON.parse(String(item.fields.AttachmentFiles)) as { folderId: string; files: { name: string; webUrl: string }[] };
    expect(stored.files.map((x) => x.name)).toEqual(["Lease draft v2.pdf", "scan.PDF", "Scan (2).pdf"]);
    for (const x of stored.files) expect(x.webUrl).toMatch(/^https:\/\//);

    // The audit trail says what was stored and what was left out, and why; a colleague sees it after a sync.
    await rosa.service.sync();
    const trail = await rosa.log.auditFor(m.internetMessageId!);
    const note = trail.find((a) => a.action === "stored")?.note ?? "";
    expect(note).toContain("Attachments stored beside the message: Lease draft v2.pdf, scan.PDF, Scan (2).pdf.");
    expect(note).toContain("logo.png (an image in the message body)");
    expect(note).toContain("Fwd: the earlier offer (an attached email or event)");
    expect(note).toContain("Plans.docx (a link to a file stored elsewhere)");
  });

  it("re-filing to another matter moves them with the .eml; undo removes them", async () => {
    const f = await firm({ attachments: true });
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Moving attachments" });
    f.deliverWith(m, ATTACHMENTS.slice(0, 2), AMELIA, ROSA);
    await amelia.service.sync();
    await amelia.file(m, "x1");
    expect((await amelia.drain()).failed).toBe(0);
    const firstId = JSON.parse(String(emailItem(f).fields.AttachmentFiles)) as { folderId: string };

    // Rosa re-files it (her pane has synced: it knows the option and the stored files).
    await rosa.service.sync();
    await rosa.file(m, "x2");
    expect((await rosa.drain()).failed).toBe(0);
    const sub = `${matterFolderName(x2)}/${attachmentFolderName(emlOf(m))}`;
    expect(paths(f)).toEqual(
      [
        `${matterFolderName(x1)}/`,
        `${matterFolderName(x2)}/`,
        `${matterFolderName(x2)}/${emlOf(m)}`,
        `${sub}/`,
        `${sub}/Lease draft v2.pdf`,
        `${sub}/scan.PDF`,
      ].sort(),
    );
    const moved = JSON.parse(String(emailItem(f).fields.AttachmentFiles)) as {
      folderId: string;
      files: { webUrl: string }[];
    };
    // The same folder, moved (not copied), and its links follow it.
    expect(moved.folderId).toBe(firstId.folderId);
    for (const x of moved.files) expect(decodeURIComponent(x.webUrl)).toContain(matterFolderName(x2));

    await rosa.unfile(m);
    expect((await rosa.drain()).failed).toBe(0);
    expect(paths(f)).toEqual([`${matterFolderName(x1)}/`, `${matterFolderName(x2)}/`]);
  });

  it("a retried upload never makes a second copy (a dropped connection after the server stored it)", async () => {
    const f = await firm({ attachments: true });
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Retry me" });
    f.deliverWith(m, ATTACHMENTS.slice(0, 3), AMELIA);
    await amelia.service.sync();
    await amelia.file(m, "x1");
    // The second attachment's upload lands, but its answer never comes back: the op is retried from the start.
    let seen = 0;
    f.sim.failNext(
      1,
      "drop-after-commit",
      (r) => r.method === "PUT" && r.path.includes("/content") && !r.path.includes(".eml") && ++seen === 2,
    );
    const first = await amelia.drain();
    expect(first.rescheduled + first.failed).toBeGreaterThan(0);
    expect((await amelia.drain()).failed).toBe(0);
    const sub = `${matterFolderName(x1)}/${attachmentFolderName(emlOf(m))}`;
    expect(paths(f).filter((p) => p.startsWith(`${sub}/`) && !p.endsWith("/"))).toEqual(
      [`${sub}/Lease draft v2.pdf`, `${sub}/scan.PDF`, `${sub}/Scan (2).pdf`].sort(),
    );
    // One .eml, one subfolder: nothing doubled.
    expect(paths(f).filter((p) => p.endsWith(".eml"))).toHaveLength(1);
    expect(paths(f).filter((p) => p.endsWith("/"))).toHaveLength(2);
    expect(await amelia.outbox.list()).toEqual([]);
  });

  it("a colleague's change between the item and its attachments (a 412): stored once, linked, and the audit trail still says so", async () => {
    const f = await firm({ attachments: true });
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Raced attachments" });
    f.deliverWith(m, ATTACHMENTS.slice(0, 2), AMELIA, ROSA);
    await amelia.service.sync();
    await amelia.file(m, "x1");
    await amelia.drainOnce();
    // Rosa adds a time entry before Amelia's device stores the message and its attachments.
    await rosa.service.sync();
    await rosa.file(m, "x1", 4);
    expect((await rosa.drainOnce()).failed).toBe(0);
    expect((await amelia.drainOnce()).failed).toBe(0);
    const item = emailItem(f);
    expect(item.fields).toMatchObject({ TimeTenths: 4 });
    const stored = JSON.parse(String(item.fields.AttachmentFiles)) as { files: { name: string }[] };
    expect(stored.files.map((x) => x.name)).toEqual(["Lease draft v2.pdf", "scan.PDF"]);
    const sub = `${matterFolderName(x1)}/${attachmentFolderName(emlOf(m))}`;
    expect(paths(f).filter((p) => p.startsWith(`${matterFolderName(x1)}/`))).toEqual(
      [`${matterFolderName(x1)}/`, `${matterFolderName(x1)}/${emlOf(m)}`, `${sub}/`, `${sub}/Lease draft v2.pdf`, `${sub}/scan.PDF`].sort(),
    );
    const trail = JSON.parse(String(item.fields.AuditTrail)) as { action: string; note?: string }[];
    expect(trail.filter((a) => a.action === "stored").map((a) => a.note)).toEqual([
      "Attachments stored beside the message: Lease draft v2.pdf, scan.PDF.",
    ]);
    expect(await amelia.outbox.list()).toEqual([]);
  });

  it("an attachment over 4 MB goes up in an upload session, read whole from its $value", async () => {
    const f = await firm({ attachments: true });
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Big attachment" });
    const big = new Uint8Array(5 * 1024 * 1024 + 123).fill(65);
    f.deliverWith(m, [{ name: "bundle.zip", contentType: "application/zip", content: big }], AMELIA);
    await amelia.service.sync();
    await amelia.file(m, "x1");
    f.sim.resetStats();
    expect((await amelia.drain()).failed).toBe(0);
    const sub = `${matterFolderName(x1)}/${attachmentFolderName(emlOf(m))}`;
    expect(f.sim.sharePoint.fileText(SITE, RECORD_LIBRARY, `${sub}/bundle.zip`)?.length).toBe(big.length);
    expect(Object.keys(f.sim.stats.requestsByPath).some((p) => p.endsWith("/createUploadSession"))).toBe(true);
  });

  it("turned off again, the next sync says so and filings store the .eml only", async () => {
    const f = await firm({ attachments: true });
    const amelia = f.device(AMELIA);
    await amelia.service.sync();
    expect((await amelia.service.options()).attachments).toBe(true);
    const { provisionRecord } = await import("@adapters/graph/record/provisionRecord");
    const { createGraphClient } = await import("@adapters/graph");
    const admin = createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("admin") }, fetchImpl: f.sim.fetch });
    await provisionRecord(admin, SITE, undefined, { attachments: false });
    const synced = await amelia.service.sync();
    expect(synced.optionsChanged).toBe(true);
    expect((await amelia.service.options()).attachments).toBe(false);
    const m = mail({ subject: "After it was turned off" });
    f.deliverWith(m, ATTACHMENTS.slice(0, 1), AMELIA);
    await amelia.file(m, "x1");
    expect((await amelia.drain()).failed).toBe(0);
    expect(paths(f)).toEqual([`${matterFolderName(x1)}/`, `${matterFolderName(x1)}/${emlOf(m)}`]);
  });
});
