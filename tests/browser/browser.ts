import type { Browser, Page } from "playwright-core";
// @ts-expect-error plain ESM helper without types
import { launchChromium } from "../../scripts/chromium.mjs";

/** Opens the workbench and waits until the task pane inside it has rendered. */
export async function openWorkbench(baseUrl: string): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser: Browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(`${baseUrl}/index.html`);
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
