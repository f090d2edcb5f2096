import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { useWorkbench, pane, filingState } from "./browser";

const FIXTURES = resolve(__dirname, "../fixtures/hostile");
const MAIL = join(FIXTURES, "mail");

interface DroppedFile {
  readonly name: string;
  readonly base64: string;
}

const fixture = (path: string, name = path.split("/").pop()!): DroppedFile => ({ name, base64: readFileSync(path).toString("base64") });

/** The hostile mail set: the fixture files, plus a 5 MB HTML message built here (too large to keep in the repository). */
const mailFiles = (): DroppedFile[] =>
  readdirSync(MAIL)
    .sort()
    .map((name) => fixture(join(MAIL, name)));

const LARGE_NAME = "07-five-megabytes.eml";
const LARGE_SUBJECT = "2025-0101 full stock ledger";

/**
 * Drops files on the workbench's message list as a user dragging them from their file manager would: a DataTransfer
 * holding File objects, in one drop event. `large` adds the 5 MB message, built in the page.
 */
async function drop(page: Page, files: readonly DroppedFile[], large = false): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ files, large, largeName, largeSubject }) => {
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      if (large) {
        const head = [
          "From: Raj Sethi <raj.sethi@pembertonfoods.example>",
          "To: Dana Reyes <dana.reyes@harrowquill.example>",
          `Subject: ${largeSubject} <script>window.__pwned=1</script>`,
          "Date: Wed, 08 Oct 2025 11:30:00 +0100",
          "Message-ID: <hostile-07@pembertonfoods.example>",
          "MIME-Version: 1.0",
          "Content-Type: text/html; charset=utf-8",
          "",
          "<p>Dear Dana, could you check the stock ledger against the supply agreement before our call?</p><table>",
        ].join("\r\n");
        const row =
          '<tr><td onmouseover="window.__pwned=1">SKU &amp; 1200 &#x110000; <!-- open <script>window.__pwned=1</script></td></tr>\r\n';
        const body = row.repeat(Math.ceil((5 * 1024 * 1024) / row.length));
        transfer.items.add(new File([head, body, "</table>\r\n"], largeName));
      }
      return transfer;
    },
    { files, large, largeName: LARGE_NAME, largeSubject: LARGE_SUBJECT },
  );
  await page.locator("[data-testid=message-list]").dispatchEvent("drop", { dataTransfer });
}

/** Whether any script from the mail ran: the flag its payloads set, in the workbench page and in the pane's frame. */
async function pwned(page: Page): Promise<unknown[]> {
  const flags: unknown[] = [];
  for (const frame of page.frames()) flags.push(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null));
  return flags.filter((f) => f !== null);
}

// The client emails of the set, each by a distinctive piece of its subject, with its matter and its clock state at the
// workbench's "now" (an hour after the newest email: 06-recent.eml is inside its 24 hours, the others are past them).
const EXPECTED = [
  { subject: "delivery terms", matter: "2025-0101", clock: "Overdue" },
  { subject: "invoice query", matter: "2025-0101", clock: "Overdue" },
  { subject: "warehouse inspection", matter: "2025-0101", clock: "Overdue" },
  { subject: "charter party draft", matter: "2025-0102", clock: "Overdue" },
  { subject: "full stock ledger", matter: "2025-0101", clock: "Overdue" },
  { subject: "crew list", matter: "2025-0102", clock: "Waiting" },
] as const;

describe("a firm's own hostile mail, loaded into the workbench by drag and drop", () => {
  let page: Page;
  let errors: string[];
  const dialogs: string[] = [];

  useWorkbench("", (workbench) => {
    ({ page, errors } = workbench);
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  it("refuses a directory with problems as a whole, lists every problem, and changes nothing", async () => {
    const rows = page.locator("[data-testid=message-row]");
    const before = await rows.count();
    const directory = JSON.parse(readFileSync(join(FIXTURES, "directory.json"), "utf8")) as {
      matters: { clientId: string }[];
      people: { email: string }[];
    };
    directory.matters[1].clientId = "c99";
    directory.people[1].email = "not an address";
    await drop(page, [
      { name: "directory.json", base64: Buffer.from(JSON.stringify(directory)).toString("base64") },
      { name: "notes.txt", base64: Buffer.from("hello").toString("base64") },
      ...mailFiles(),
    ]);
    const problems = page.getByTestId("firm-problems");
    await expect.poll(() => problems.count(), { timeout: 15000 }).toBe(1);
    const text = (await problems.textContent()) ?? "";
    expect(text).toContain("nothing changed");
    expect(text).toContain('"c99"');
    expect(text).toContain('"not an address"');
    expect(text).toContain("notes.txt");
    expect(await rows.count()).toBe(before);
    const header = (await page.locator("header h1 + *").textContent()) ?? "";
    expect(header).toContain("Bramley Sutton LLP");
    expect(header).not.toContain("Harrow Quill");
  });

  it("loads the rest when one file is not an email, names that file, and runs no script from the mail", async () => {
    const reloaded = page.waitForEvent("load", { timeout: 60000 });
    await drop(page, [fixture(join(FIXTURES, "directory.json")), ...mailFiles()], true);
    await reloaded;
    await page.waitForSelector("[data-testid=message-row]", { timeout: 60000 });
    await expect.poll(() => page.locator("header").textContent(), { timeout: 15000 }).toContain("Harrow Quill LLP");
    const problems = (await page.getByTestId("load-problems").textContent()) ?? "";
    expect(problems).toContain("1 email could not be loaded");
    expect(problems).toContain("05-not-an-email.eml");
    const subjects = await page.locator("[data-testid=message-row]").allTextContents();
    expect(subjects).toHaveLength(EXPECTED.length);
    for (const e of EXPECTED) expect(subjects.some((s) => s.includes(e.subject))).toBe(true);
    // Markup in names and subjects shows as the text it is.
    expect(subjects.join("\n")).toContain("<img src=x onerror=");
    expect(subjects.join("\n")).toContain("<script>window.__pwned=1;alert('pwned')</script> Ann Pike");
    expect(await page.locator("[data-testid=message-list] img, [data-testid=message-list] script").count()).toBe(0);
    expect(await pwned(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("recognises and times every other email, in the pane", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "This email" }).click();
    for (const e of EXPECTED) {
      await page.locator("[data-testid=message-row]", { hasText: e.subject }).first().click();
      await expect.poll(() => frame.locator("[data-testid=item-subject]").textContent(), { timeout: 30000 }).toContain(e.subject);
      expect(await filingState(page)).toMatch(/^filing-(suggestion|logged)$/);
      await expect.poll(() => frame.locator("[data-testid=filing-matter]").first().textContent(), { timeout: 15000 }).toContain(e.matter);
      await expect.poll(() => frame.locator("[data-testid=clock-state]").first().textContent(), { timeout: 30000 }).toBe(e.clock);
    }
    // The reading pane shows the HTML bodies as text.
    await page.locator("[data-testid=message-row]", { hasText: "delivery terms" }).first().click();
    await expect.poll(() => page.locator("[data-testid=reading-pane] pre").textContent(), { timeout: 15000 }).toContain("delivery terms");
    expect(await page.locator("[data-testid=reading-pane] img, [data-testid=reading-pane] iframe").count()).toBe(0);
    expect(await pwned(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("lists every overdue one on the Overdue tab, and its digest runs no script", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    const subjects = frame.locator("[data-testid=overdue-group] [data-testid=overdue-subject]");
    const overdue = EXPECTED.filter((e) => e.clock === "Overdue");
    await expect.poll(() => subjects.count(), { timeout: 60000 }).toBe(overdue.length);
    const listed = await subjects.allTextContents();
    for (const e of overdue) expect(listed.some((s) => s.includes(e.subject))).toBe(true);
    await frame.getByTestId("digest-open").click();
    // The pane draws the digest itself, from text: the mail's markup shows as text, never as elements.
    const preview = frame.getByTestId("digest-preview");
    await expect.poll(() => preview.textContent(), { timeout: 15000 }).toContain("delivery terms");
    expect(await preview.locator("script, img, iframe, a[href^='javascript']").count()).toBe(0);
    expect(await pwned(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("goes back to the sample firm when the dropped files are forgotten", async () => {
    const reloaded = page.waitForEvent("load", { timeout: 60000 });
    await page.getByTestId("firm-unload").click();
    await reloaded;
    await page.waitForSelector("[data-testid=message-row]", { timeout: 60000 });
    expect(await page.locator("header").textContent()).not.toContain("Harrow Quill LLP");
    expect(await page.locator("[data-testid=message-row]").count()).toBeGreaterThan(EXPECTED.length);
  });
});
