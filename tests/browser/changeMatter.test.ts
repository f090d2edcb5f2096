import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { filingState, pane, useWorkbench } from "./browser";
import { directory, threeClientEmails } from "./sampleMail";

describe("Change matter in the workbench", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("drafts and the follow-up use the new matter at once", async () => {
    const [{ subject, matter }] = await threeClientEmails();
    // Another open matter, of the same client when it has one.
    const open = directory.matters.filter((m) => m.status === "open" && m.id !== matter.id);
    const other = open.find((m) => m.clientId === matter.clientId) ?? open[0];
    expect(other).toBeTruthy();
    await page.locator("[data-testid=message-row]", { hasText: subject }).first().click();
    const frame = pane(page);
    expect(await filingState(page)).toBe("filing-suggestion");
    await frame.getByTestId("filing-log").click();
    await expect.poll(() => frame.locator("[data-testid=filing-logged-line]").textContent(), { timeout: 15000 }).toContain(matter.number);
    const preview = frame.locator("[data-testid=followup-preview-subject]");
    await expect.poll(() => preview.textContent(), { timeout: 20000 }).toContain(matter.number);

    // A draft names the matter when its plain-language limits leave room: note whether they did before the change.
    const drafts = () => frame.getByTestId("reply-draft-text").allTextContents();
    await expect.poll(async () => (await drafts()).length, { timeout: 20000 }).toBeGreaterThan(0);
    const namingBefore = (await drafts()).filter((t) => t.includes(matter.number)).length;
    const namedBefore = namingBefore > 0;

    await frame.getByTestId("filing-change").click();
    await frame.getByTestId("matter-search").fill(other.number);
    await frame.locator("[data-testid=matter-option]", { hasText: other.number }).first().click();
    await expect.poll(() => frame.locator("[data-testid=filing-logged-line]").textContent(), { timeout: 15000 }).toContain(other.number);

    // No reopening, no reselecting: the follow-up and the drafts name the new matter.
    await expect.poll(() => preview.textContent(), { timeout: 20000 }).toContain(other.number);
    expect(await preview.textContent()).not.toContain(matter.number);
    await expect.poll(() => frame.getByTestId("followup-matter").inputValue(), { timeout: 20000 }).toBe(other.id);
    // The drafts were made again for the new matter: none names the old one any more, and every draft that named the
    // old matter now names the new one (by its number at least, however long its title).
    expect(namedBefore).toBe(true);
    await expect.poll(async () => (await drafts()).some((t) => t.includes(matter.number)), { timeout: 20000 }).toBe(false);
    const after = await drafts();
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((t) => t.includes(other.number)).length).toBeGreaterThanOrEqual(Math.min(namingBefore, after.length));
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
