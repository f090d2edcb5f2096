import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
// @ts-expect-error plain ESM helper without types
import { launchChromium as launchUntyped } from "../../scripts/chromium.mjs";

/** scripts/chromium.mjs's launcher, typed here because the script ships no declaration file. */
const launchChromium = launchUntyped as () => Promise<Browser>;

/** Opens the workbench (`search` such as "?mailbox=1.13" picks the Outlook it plays) and waits until its list has rendered. */
export async function openWorkbench(baseUrl: string, search = ""): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${baseUrl}/index.html${search}`);
  await page.waitForSelector("[data-testid=message-row]");
  return { browser, page, errors };
}

/** The task pane's frame. */
export function pane(page: Page) {
  return page.frameLocator("[data-testid=taskpane-frame]");
}

/** Waits until the pane's filing section has settled on one of its read-mode states, and returns which ("none" after 15 s). */
export async function filingState(page: Page): Promise<string> {
  const frame = pane(page);
  const states = ["filing-logged", "filing-suggestion", "filing-candidates", "filing-not-client"];
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if ((await frame.getByText("Checking the mailbox…").count()) === 0) {
      for (const s of states) if ((await frame.locator(`[data-testid=${s}]`).count()) > 0) return s;
    }
    await page.waitForTimeout(100);
  }
  return "none";
}

/**
 * Selects the list rows with these subjects (click, then Ctrl+click), and tags them in one action from the Matters
 * tab's bulk panel. Returns the per-email results it shows ("logged", "skipped: …").
 */
export async function bulkTag(page: Page, subjects: readonly string[]): Promise<string[]> {
  const rowOf = (subject: string) => page.locator("[data-testid=message-row]", { hasText: subject }).first();
  for (const [i, subject] of subjects.entries()) await rowOf(subject).click(i === 0 ? {} : { modifiers: ["Control"] });
  const frame = pane(page);
  const n = subjects.length;
  // "This email" says several are selected and leads to the bulk panel.
  await frame.getByRole("tab", { name: "This email" }).click();
  await expect.poll(() => frame.getByTestId("selection-notice").textContent(), { timeout: 15000 }).toContain(`${n} emails are selected`);
  await frame.getByTestId("selection-open-bulk").click();
  await expect.poll(() => frame.getByTestId("bulk-panel").locator("h3").textContent(), { timeout: 15000 }).toBe(`Tag ${n} selected emails`);
  await frame.getByTestId("bulk-recognize").click();
  await expect.poll(() => frame.getByTestId("bulk-log").textContent(), { timeout: 30000 }).toBe(`Log ${n} emails`);
  await frame.getByTestId("bulk-log").click();
  await expect.poll(() => frame.getByTestId("bulk-result").count(), { timeout: 30000 }).toBe(n);
  await expect.poll(() => frame.getByTestId("bulk-summary").count(), { timeout: 30000 }).toBe(1);
  return frame.getByTestId("bulk-result").allTextContents();
}
