import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openWorkbench, pane } from "./browser";

describe("overdue in the workbench", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench(inject("baseUrl")));
  });
  afterAll(async () => browser?.close());

  it("lists overdue client email, most urgent first, with client, matter and time", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    const overdueItems = frame.locator("[data-testid=overdue-group] [data-testid=overdue-item]");
    await expect.poll(() => overdueItems.count(), { timeout: 30000 }).toBeGreaterThan(0);
    const summary = await overdueItems.first().locator("[data-testid=overdue-summary]").textContent();
    expect(summary).toMatch(/^Client waiting .+ — reply was due .+ ago$/);
    expect(await overdueItems.first().getByRole("button", { name: "Reply now" }).count()).toBe(1);
  });

  it("puts a notification bar on an overdue message selected in the list", async () => {
    const frame = pane(page);
    const subject = ((await frame.locator("[data-testid=overdue-group] [data-testid=overdue-subject]").first().textContent()) ?? "").trim();
    expect(subject.length).toBeGreaterThan(0);
    const row = page.locator("[data-testid=message-row]", { hasText: subject }).first();
    await row.click();
    await frame.getByRole("tab", { name: "This email" }).click();
    await expect.poll(() => frame.locator("[data-testid=clock-state]").textContent(), { timeout: 30000 }).toBe("Overdue");
    await expect.poll(() => page.locator("[data-testid=notification-bar]").first().textContent(), { timeout: 15000 }).toMatch(/Client waiting .+ — reply was due .+ ago/);
  });

  it("previews the digest of overdue client mail", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    await frame.getByTestId("digest-open").click();
    await expect.poll(() => frame.getByTestId("digest-subject").textContent(), { timeout: 15000 }).toMatch(/\d+ overdue client emails?/);
    const body = frame.frameLocator("[data-testid=digest-preview]").locator("body");
    await expect.poll(() => body.textContent(), { timeout: 15000 }).toContain("By attorney");
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
