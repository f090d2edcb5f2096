import { describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { filingState, pane, settled, useWorkbench } from "./browser";

/** What has keyboard focus inside the pane: its role, name-ish text, test id and the section it is in. */
async function focused(frame: FrameLocator) {
  return frame.locator("body").evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      role: el?.getAttribute("role") ?? "",
      text: (el?.getAttribute("aria-label") ?? el?.textContent ?? "").trim().slice(0, 60),
      testId: el?.getAttribute("data-testid") ?? "",
      first: el?.getAttribute("data-a11y-first") ?? "",
    };
  });
}

const ROLES = ["button", "link", "textbox", "combobox", "checkbox", "radio", "switch", "spinbutton", "tab", "listbox"] as const;

describe("keyboard and screen-reader use of the pane", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("logs a client email with the keyboard alone, and the logged status is announced politely", async () => {
    const rows = page.locator("[data-testid=message-row]");
    const count = await rows.count();
    let found = false;
    // The first message the pane is sure about, whichever it is: no sample message is named here.
    for (let i = 0; i < Math.min(count, 30) && !found; i++) {
      const row = rows.nth(i);
      if ((await row.locator("[data-testid=row-categories]").count()) > 0) continue;
      await row.click();
      const subject = ((await row.locator("span, div").nth(1).textContent()) ?? "").trim();
      await expect.poll(() => pane(page).locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(subject);
      found = (await filingState(page)) === "filing-suggestion";
    }
    expect(found).toBe(true);
    const frame = pane(page);
    // Start from the pane's own start: focus its body, then only Tab and Enter.
    await frame.locator("[data-testid=item-subject]").click();
    const seen: Awaited<ReturnType<typeof focused>>[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(frame);
      seen.push(f);
      if (f.testId === "filing-log") break;
    }
    const tabAt = seen.findIndex((f) => f.role === "tab");
    const logAt = seen.findIndex((f) => f.testId === "filing-log");
    expect(tabAt, JSON.stringify(seen)).toBeGreaterThanOrEqual(0);
    expect(logAt, JSON.stringify(seen)).toBeGreaterThan(tabAt);
    expect(seen[logAt].text).toMatch(/^Log to /);

    const announcer = frame.getByTestId("filing-announce");
    expect(await announcer.getAttribute("aria-live")).toBe("polite");
    await page.keyboard.press("Enter");
    await expect.poll(() => announcer.textContent(), { timeout: 15000 }).toMatch(/^Logged to /);
    await expect.poll(() => frame.getByTestId("filing-logged-line").textContent(), { timeout: 15000 }).toMatch(/^Logged to /);
    // Focus stays in the section (the pressed button is gone), so the next Tab continues from the status.
    await expect
      .poll(() => frame.locator("body").evaluate(() => Boolean(document.activeElement?.closest("[data-testid=filing-section]"))), {
        timeout: 5000,
      })
      .toBe(true);
  });

  it("Tab reaches the tab list, then the first control of each section of This email, in reading order", async () => {
    const frame = pane(page);
    await settled(frame);
    // Mark each section's first keyboard-reachable control, in document order.
    const sections = await frame.locator("[data-testid=this-email]").evaluate((root) => {
      const focusable =
        "button:not([disabled]), a[href], input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
      const names: string[] = [];
      for (const s of root.querySelectorAll("section[aria-label]")) {
        if (s.parentElement?.closest("section[aria-label]") !== root) continue; // top-level sections only
        const first = [...s.querySelectorAll<HTMLElement>(focusable)].find((e) => e.offsetParent !== null && e.tabIndex >= 0);
        if (!first) continue;
        first.setAttribute("data-a11y-first", String(names.length));
        names.push(s.getAttribute("aria-label") ?? "");
      }
      return names;
    });
    expect(sections.length, "sections with controls").toBeGreaterThanOrEqual(2);
    expect(sections[0]).toBe("Client and matter");

    await frame.locator("[data-testid=item-subject]").click();
    await page.keyboard.press("Tab");
    expect((await focused(frame)).role).toBe("tab");
    const reached: number[] = [];
    for (let i = 0; i < 150 && reached.length < sections.length; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(frame);
      if (f.first !== "") reached.push(Number(f.first));
      if (f.tag === "body") break;
    }
    expect(reached, `sections: ${sections.join(", ")}`).toEqual(sections.map((_, i) => i));
  });

  it("every control on every tab has an accessible name", async () => {
    const frame = pane(page);
    const unnamed: string[] = [];
    for (const tab of ["This email", "Overdue", "Matters", "Settings"]) {
      await frame.getByRole("tab", { name: tab }).click();
      await settled(frame);
      if (tab === "Matters") {
        // A matter open too, so its details and export buttons are checked.
        const box = frame.getByTestId("matter-search-input");
        await box.fill("a");
        await expect.poll(() => frame.getByTestId("matter-search-option").count(), { timeout: 15000 }).toBeGreaterThan(0);
        await box.press("Enter");
        await expect.poll(() => frame.getByTestId("matter-details").count(), { timeout: 15000 }).toBe(1);
        await settled(frame);
      }
      for (const role of ROLES) {
        const all = await frame.getByRole(role).count();
        const named = await frame.getByRole(role, { name: /\S/ }).count();
        if (named !== all) unnamed.push(`${tab}: ${all - named} of ${all} ${role}`);
      }
    }
    expect(unnamed).toEqual([]);
  });

  it("logged no page errors", () => {
    // The page's favicon request 404s on the static server before the pane loads (as in workbench.test.ts).
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
