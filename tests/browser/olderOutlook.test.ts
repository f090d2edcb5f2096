import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { bulkTag, useWorkbench, pane } from "./browser";
import { threeClientEmails } from "./sampleMail";

describe("an Outlook that can select many emails but not open them (Mailbox 1.13)", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("?mailbox=1.13", (workbench) => ({ page, errors } = workbench));

  it("still tags the selected emails in one action: they are read through Graph instead", async () => {
    expect(await page.getByTestId("outlook-version").inputValue()).toBe("1.13");
    const chosen = (await threeClientEmails()).slice(0, 2);
    expect(chosen).toHaveLength(2);
    const rowOf = (subject: string) => page.locator("[data-testid=message-row]", { hasText: subject }).first();
    expect(
      await bulkTag(
        page,
        chosen.map((c) => c.subject),
      ),
    ).toEqual(["logged", "logged"]);
    for (const { subject, matter } of chosen) {
      await expect
        .poll(() => rowOf(subject).locator("[data-testid=row-categories]").textContent(), { timeout: 30000 })
        .toContain(matter.number);
    }
  });

  it("logged no page errors", () => {
    expect(errors).toEqual([]);
  });
});

describe("Outlook 2021 LTSC (Mailbox 1.9)", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("?mailbox=1.9", (workbench) => ({ page, errors } = workbench));

  it("shows no pane while nothing is selected, as this Outlook would (no item context needs Mailbox 1.13)", async () => {
    await expect
      .poll(() => page.getByTestId("pane-closed").textContent(), { timeout: 15000 })
      .toContain("This Outlook (Mailbox 1.9) does not open add-ins with no message selected.");
    expect(await page.getByTestId("taskpane-frame").count()).toBe(0);
  });

  it("says plainly that bulk tagging needs a newer Outlook, and still recognizes the open email", async () => {
    const [first] = await threeClientEmails();
    await page.locator("[data-testid=message-row]", { hasText: first.subject }).first().click();
    const frame = pane(page);
    await expect.poll(() => frame.getByTestId("filing-matter").textContent(), { timeout: 30000 }).toContain(first.matter.number);
    await frame.getByRole("tab", { name: "Matters" }).click();
    await expect.poll(() => frame.getByTestId("bulk-unsupported").textContent(), { timeout: 15000 }).toContain("Mailbox 1.13");
  });

  it("logged no page errors", () => {
    expect(errors).toEqual([]);
  });
});
