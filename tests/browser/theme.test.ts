import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pane, settled, useWorkbench } from "./browser";

/** Relative luminance (0 black … 1 white) of a computed CSS colour such as "rgb(41, 41, 41)". */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The pane's root (the FluentProvider carrying data-theme): its theme name and background colour. */
async function paneTheme(page: Page): Promise<{ theme: string | null; background: string }> {
  const root = pane(page).locator("[data-theme]").first();
  return root.evaluate((el) => ({ theme: el.getAttribute("data-theme"), background: getComputedStyle(el).backgroundColor }));
}

const TABS = [
  { name: "This email", panel: "panel-email" },
  { name: "Overdue", panel: "panel-overdue" },
  { name: "Matters", panel: "panel-matters" },
  { name: "Settings", panel: "panel-settings" },
];

describe("pane theme and layout in Chromium", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("follows Office's dark theme when the workbench switches it", async () => {
    await expect.poll(async () => (await paneTheme(page)).theme, { timeout: 15000 }).toBe("light");
    expect(luminance((await paneTheme(page)).background)).toBeGreaterThan(0.7);
    await page.getByTestId("theme-toggle").click();
    await expect.poll(async () => (await paneTheme(page)).theme, { timeout: 15000 }).toBe("dark");
    await expect.poll(async () => luminance((await paneTheme(page)).background), { timeout: 5000 }).toBeLessThan(0.1);
  });

  it("a pane opened while Office is dark starts dark (its theme loads before the first render)", async () => {
    await page.getByTestId("reload-pane").click();
    await pane(page).getByTestId("item-summary").or(pane(page).getByRole("tablist")).first().waitFor({ timeout: 15000 });
    const first = await paneTheme(page);
    expect(first.theme).toBe("dark");
    expect(luminance(first.background)).toBeLessThan(0.1);
  });

  it("uses high contrast while the OS forces colours, and returns when it stops", async () => {
    await page.emulateMedia({ forcedColors: "active" });
    await expect.poll(async () => (await paneTheme(page)).theme, { timeout: 15000 }).toBe("high-contrast");
    await page.emulateMedia({ forcedColors: "none" });
    await expect.poll(async () => (await paneTheme(page)).theme, { timeout: 15000 }).toBe("dark");
  });

  it("nothing overflows horizontally at a 320 px wide pane, on every tab", async () => {
    const frameEl = page.locator("[data-testid=taskpane-frame]");
    await frameEl.evaluate((el) => {
      (el as HTMLElement).style.width = "320px";
      (el as HTMLElement).style.flex = "0 0 320px";
    });
    await expect.poll(() => frameEl.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(320);
    // A message open, so "This email" has its sections to lay out: the first one, whichever it is.
    const row = page.locator("[data-testid=message-row]").first();
    await row.click();
    const frame = pane(page);
    await expect.poll(() => frame.locator("[data-testid=item-subject]").count(), { timeout: 15000 }).toBe(1);
    expect(await frame.locator("body").evaluate((b) => b.clientWidth)).toBeLessThanOrEqual(320);

    const overflows: Record<string, number> = {};
    const offenders: Record<string, string[]> = {};
    for (const tab of TABS) {
      await frame.getByRole("tab", { name: tab.name }).click();
      const panel = frame.locator(`#${tab.panel}`);
      await expect.poll(() => panel.count(), { timeout: 15000 }).toBe(1);
      // Measured once the tab has finished loading: no "Loading…" or progress left, and nothing changing any more.
      await settled(frame, panel);
      overflows[tab.name] = await frame
        .locator("body")
        .evaluate((b) =>
          Math.max(b.scrollWidth - b.clientWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth),
        );
      // Named in the failure, so a regression points at the element that pushes the pane wider.
      if (overflows[tab.name] > 0)
        offenders[tab.name] = await frame.locator("body").evaluate((b) => {
          const limit = b.clientWidth + 1;
          return [...b.querySelectorAll<HTMLElement>("*")]
            .filter(
              (el) => el.getBoundingClientRect().right > limit && ![...el.children].some((c) => c.getBoundingClientRect().right > limit),
            )
            .slice(0, 5)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""} "${(el.textContent ?? "").slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)}`,
            );
        });
    }
    expect(offenders).toEqual({});
    expect(overflows).toEqual({ "This email": 0, Overdue: 0, Matters: 0, Settings: 0 });
  });

  it("a menu opened in the pane floats over it: the rest of the pane stays in view", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    const item = frame.locator("[data-testid=overdue-item]").first();
    await item.waitFor({ timeout: 30000 });
    await item.getByRole("button", { name: "Snooze" }).click();
    await frame.getByRole("menuitem", { name: "1 hour" }).waitFor({ timeout: 15000 });
    // What is painted at the middle of the Refresh button is the button itself, not something the menu brought along.
    const refreshOnTop = () =>
      frame.getByTestId("overdue-refresh").evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      });
    expect(await refreshOnTop()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => frame.getByRole("menuitem").count(), { timeout: 15000 }).toBe(0);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
