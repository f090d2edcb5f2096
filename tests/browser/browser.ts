import { afterAll, beforeAll, expect, inject } from "vitest";
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Locator, type Page } from "playwright-core";

/** The workbench page of one test file, and the page errors and console errors it has logged so far. */
export interface OpenWorkbench {
  readonly page: Page;
  readonly errors: string[];
}

/**
 * Opens the workbench for the tests of the calling `describe` block: before them, a fresh browser context (its own
 * storage, so IndexedDB starts empty) of the Chromium that globalSetup started, at `search` (such as "?mailbox=1.13",
 * the Outlook it plays), once its message list has rendered; after them, the context is closed, even when opening
 * failed. `opened` receives the page and its error list.
 */
export function useWorkbench(
  search: string,
  opened: (workbench: OpenWorkbench) => void,
  /** The browser's own time zone and locale (Playwright's context options), when the test needs others than the machine's. */
  options: { readonly timezoneId?: string; readonly locale?: string } = {},
): void {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject("browserEndpoint"));
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(`${inject("baseUrl")}/index.html${search}`);
    await page.waitForSelector("[data-testid=message-row]");
    opened({ page, errors });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });
}

/** The task pane's frame. */
export function pane(page: Page) {
  return page.frameLocator("[data-testid=taskpane-frame]");
}

const FILING_STATES = ["filing-logged", "filing-suggestion", "filing-candidates", "filing-not-client"] as const;

/** Waits until the pane's filing section has settled on one of its read-mode states, and returns which ("none" after 15 s). */
export async function filingState(page: Page): Promise<string> {
  const frame = pane(page);
  const read = async (): Promise<string> => {
    if ((await frame.getByText("Checking the mailbox…").count()) > 0) return "none";
    for (const s of FILING_STATES) if ((await frame.locator(`[data-testid=${s}]`).count()) > 0) return s;
    return "none";
  };
  let state = "none";
  try {
    await expect.poll(async () => (state = await read()), { timeout: 15000 }).not.toBe("none");
  } catch {
    return "none";
  }
  return state;
}

/**
 * Waits until `region` (the open tab panel when not given) has finished loading: no spinner or progress bar in it,
 * some text, and the same markup on two reads in a row.
 */
export async function settled(frame: FrameLocator, region: Locator = frame.locator("[role=tabpanel]")): Promise<void> {
  let last = "";
  await expect
    .poll(
      async () => {
        const busy = await region.locator(".fui-Spinner, [role=progressbar]").count();
        const markup = busy === 0 && ((await region.textContent()) ?? "").trim() ? await region.innerHTML() : "";
        const same = markup !== "" && markup === last;
        last = markup;
        return same;
      },
      { timeout: 15000, interval: 150 },
    )
    .toBe(true);
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
