import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pane, useWorkbench } from "./browser";

describe("the pane's tab bar", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("stays in view while the pane scrolls", async () => {
    // A short window, so the open email's sections are taller than the pane.
    await page.setViewportSize({ width: 1200, height: 520 });
    await page.locator("[data-testid=message-row]").first().click();
    const frame = pane(page);
    await expect.poll(() => frame.locator("[data-testid=filing-section]").count(), { timeout: 20000 }).toBe(1);
    const body = frame.locator("body");
    const scrolled = await body.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      root.scrollTop = root.scrollHeight;
      return { top: root.scrollTop, room: root.scrollHeight - root.clientHeight };
    });
    expect(scrolled.room).toBeGreaterThan(100); // the pane really scrolls
    expect(scrolled.top).toBeGreaterThan(100);
    const bar = await frame.getByRole("tablist", { name: "Matterline sections" }).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    expect(bar.top).toBeGreaterThanOrEqual(0);
    expect(bar.bottom).toBeLessThanOrEqual(80);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    await expect.poll(() => frame.getByRole("tab", { name: "Overdue" }).getAttribute("aria-selected")).toBe("true");
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
