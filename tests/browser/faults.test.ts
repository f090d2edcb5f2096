import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { filingState, pane, useWorkbench } from "./browser";

/** Faults as a user meets them, through the workbench's Fault mode menu: quick, calm, and nothing lost. */
describe("faults in the workbench", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  const overdueItems = () => pane(page).locator("[data-testid=overdue-group] [data-testid=overdue-item]");

  async function overdueListed(): Promise<number> {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    await expect.poll(() => overdueItems().count(), { timeout: 30000 }).toBeGreaterThan(0);
    await expect.poll(() => frame.getByTestId("overdue-progress").count(), { timeout: 30000 }).toBe(0);
    return overdueItems().count();
  }

  it("a failing Microsoft 365 (503) keeps the last list under one 'Couldn't refresh — retrying' warning, and it clears when Graph is back", async () => {
    const frame = pane(page);
    const listed = await overdueListed();
    await page.getByTestId("fault-mode").selectOption("server-errors");
    const started = Date.now();
    await frame.getByTestId("overdue-refresh").click();
    const stale = frame.getByTestId("overdue-stale");
    await expect.poll(() => stale.count(), { timeout: 20000 }).toBe(1);
    console.info(`faults: 503 → "couldn't refresh" shown after ${Date.now() - started} ms`);
    expect(await stale.textContent()).toMatch(/Couldn't refresh — retrying.*showing the list from/);
    // A warning, not a red error, and the last list is still there.
    expect(await stale.getAttribute("class")).not.toMatch(/error/i);
    expect(await frame.locator("[data-testid=overdue-section] [role=alert]").count()).toBe(0);
    expect(await overdueItems().count()).toBe(listed);

    await page.getByTestId("fault-mode").selectOption("none");
    // The pane retries by itself: no click.
    await expect.poll(() => stale.count(), { timeout: 40000 }).toBe(0);
    expect(await overdueItems().count()).toBe(listed);
  });

  it("throttling is a neutral notice, said once, not a red error", async () => {
    const frame = pane(page);
    await overdueListed();
    await page.getByTestId("fault-mode").selectOption("throttled");
    await frame.getByTestId("overdue-refresh").click();
    const stale = frame.getByTestId("overdue-stale");
    await expect.poll(() => stale.count(), { timeout: 20000 }).toBe(1);
    expect(await stale.textContent()).toMatch(/asked Matterline to slow down/);
    expect(await frame.locator("[data-testid=overdue-section] [role=alert]").count()).toBe(0);
    expect(await frame.getByText("asked Matterline to slow down").count()).toBe(1);
    await page.getByTestId("fault-mode").selectOption("none");
    await expect.poll(() => stale.count(), { timeout: 60000 }).toBe(0);
  });

  it("a filing made offline is sent within seconds of reconnecting, with no click, and Sync now is there", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "This email" }).click();
    const rows = page.locator("[data-testid=message-row]");
    let itemId: string | null = null;
    for (let i = 0; i < Math.min(await rows.count(), 40) && !itemId; i++) {
      const row = rows.nth(i);
      if ((await row.locator("[data-testid=row-categories]").count()) > 0) continue;
      await row.click();
      if ((await filingState(page)) === "filing-suggestion") itemId = await row.getAttribute("data-item-id");
    }
    expect(itemId).not.toBeNull();
    const row = page.locator(`[data-testid=message-row][data-item-id="${itemId}"]`);

    await page.getByTestId("fault-mode").selectOption("offline");
    await frame.getByTestId("filing-log").click();
    await expect.poll(() => frame.getByTestId("filing-logged-line").count(), { timeout: 20000 }).toBe(1);
    // Offline: the category cannot reach the mailbox; the filing waits.
    await expect.poll(() => frame.getByTestId("record-status").getAttribute("data-state"), { timeout: 20000 }).toBe("waiting");
    expect(await row.locator("[data-testid=row-categories]").count()).toBe(0);

    await page.getByTestId("fault-mode").selectOption("none");
    const back = Date.now();
    // Well before the outbox's 30 s backoff and timer: only the reconnection can have sent it.
    await expect.poll(() => row.locator("[data-testid=row-categories]").count(), { timeout: 15000 }).toBe(1);
    await expect.poll(() => frame.getByTestId("record-status").getAttribute("data-state"), { timeout: 15000 }).toBe("filed");
    console.info(`faults: reconnect → waiting filing sent after ${Date.now() - back} ms`);

    await frame.getByRole("tab", { name: "Matters" }).click();
    await expect.poll(() => frame.getByTestId("record-sync-now").count(), { timeout: 15000 }).toBe(1);
    expect(errors.filter((e) => !/Failed to fetch|503|429|Service unavailable|Too many requests/i.test(e))).toEqual([]);
  });
});
