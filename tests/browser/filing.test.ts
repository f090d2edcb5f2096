import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { filingState, useWorkbench, pane } from "./browser";

describe("filing in the workbench", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("recognizes a client email, logs it, shows its category in the list, and still shows it logged after a reload", async () => {
    const rows = page.locator("[data-testid=message-row]");
    const count = await rows.count();
    let itemId: string | null = null;
    // The first message the pane is sure about, whichever it is: no sample message is named here.
    for (let i = 0; i < Math.min(count, 30) && !itemId; i++) {
      const row = rows.nth(i);
      if ((await row.locator("[data-testid=row-categories]").count()) > 0) continue;
      await row.click();
      const subject = ((await row.locator("span, div").nth(1).textContent()) ?? "").trim();
      await expect.poll(() => pane(page).locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(subject);
      if ((await filingState(page)) === "filing-suggestion") itemId = await row.getAttribute("data-item-id");
    }
    expect(itemId).not.toBeNull();
    const frame = pane(page);
    const matterLine = (await frame.locator("[data-testid=filing-matter]").textContent()) ?? "";
    const number = /Matter: (\S+)/.exec(matterLine)?.[1] ?? "";
    expect(number).not.toBe("");
    expect(await frame.locator("[data-testid=filing-reasons] li").count()).toBeGreaterThan(0);

    await frame.locator("[data-testid=filing-log]").click();
    await expect
      .poll(() => frame.locator("[data-testid=filing-logged-line]").textContent(), { timeout: 15000 })
      .toContain(`Logged to ${number}`);

    const rowCats = page.locator(`[data-testid=message-row][data-item-id="${itemId}"] [data-testid=row-categories]`);
    await expect.poll(async () => ((await rowCats.count()) ? await rowCats.textContent() : ""), { timeout: 20000 }).toContain(number);
    await expect.poll(() => frame.locator("[data-testid=mirror-status]").getAttribute("data-state"), { timeout: 20000 }).toBe("mirrored");

    await page.reload();
    await page.waitForSelector("[data-testid=message-row]");
    await page.locator(`[data-testid=message-row][data-item-id="${itemId}"]`).click();
    await expect
      .poll(() => pane(page).locator("[data-testid=filing-logged-line]").textContent(), { timeout: 20000 })
      .toContain(`Logged to ${number}`);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
