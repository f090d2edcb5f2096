import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbench, pane } from "./browser";

describe("workbench", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("the task pane follows each selected message", async () => {
    const rows = page.locator("[data-testid=message-row]");
    expect(await rows.count()).toBeGreaterThan(20);
    for (const index of [0, 3, 7]) {
      const row = rows.nth(index);
      const subject = (await row.locator("span, div").nth(1).textContent())?.trim() ?? "";
      await row.click();
      await expect.poll(() => pane(page).locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(subject);
      const reading = await page.locator("[data-testid=reading-pane] h2").textContent();
      expect(reading).toBe(subject);
    }
  });

  it("moves through the list with the keyboard and the pane follows", async () => {
    const first = page.locator("[data-testid=message-row]").first();
    await first.click();
    await first.focus();
    await page.keyboard.press("ArrowDown");
    const second = (await page.locator("[data-testid=message-row]").nth(1).locator("span, div").nth(1).textContent())?.trim();
    await expect.poll(() => pane(page).locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(second);
  });

  it("reaches the pane's sections by keyboard, readable at 320 px", async () => {
    await page.setViewportSize({ width: 1200, height: 900 });
    const frame = pane(page);
    await frame.getByRole("tab", { name: "This email" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect.poll(() => frame.locator("[data-testid=settings-tab]").count()).toBe(1);
    const width = await page.locator("[data-testid=taskpane-frame]").evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(320);
    const overflow = await frame.locator("body").evaluate((b) => b.scrollWidth - b.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("shows a plain message, not a blank pane, when Outlook calls fail", async () => {
    await page.getByTestId("fault-mode").selectOption("office-fails");
    await pane(page).getByRole("tab", { name: "This email" }).click();
    await page.locator("[data-testid=message-row]").nth(5).click();
    await expect.poll(() => pane(page).getByRole("alert").first().textContent(), { timeout: 15000 }).toContain("Outlook could not");
    await page.getByTestId("fault-mode").selectOption("none");
    await page.locator("[data-testid=message-row]").nth(6).click();
    await expect.poll(() => pane(page).locator("[data-testid=item-subject]").count(), { timeout: 15000 }).toBe(1);
  });

  it("shows Outlook's surfaces: a reply form, a draft in compose mode, the calendar", async () => {
    await page.locator("[data-testid=message-row]").nth(2).click();
    await page.getByTestId("compose-reply").click();
    await expect.poll(() => pane(page).locator("[data-testid=item-sender]").textContent(), { timeout: 15000 }).toBe("Draft");
    await page.getByTestId("draft-input").fill("Thanks, I will call you today.");
    await page.getByTestId("draft-type").click();
    await expect.poll(() => page.getByTestId("draft-body").textContent()).toContain("I will call you today.");
    await page.getByTestId("folder-calendar").click();
    expect(await page.getByTestId("calendar").count()).toBe(1);
    await page.getByTestId("folder-inbox").click();
  });
  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
