import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Matter } from "@domain/directory/types";
import { filingState, pane, useWorkbench } from "./browser";
import { clientEmails, directory } from "./sampleMail";

/** Another open matter of the same client as `matter`, or null when the client has no other. */
function sameClientMatter(matter: Matter): Matter | null {
  return directory.matters.find((m) => m.status === "open" && m.id !== matter.id && m.clientId === matter.clientId) ?? null;
}

describe("Change matter in the workbench", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  const drafts = () => pane(page).getByTestId("reply-draft-text").allTextContents();

  /** Opens the email, logs it to its suggested matter and waits for the follow-up and the drafts to name it. */
  async function logAndWait(subject: string, matter: Matter): Promise<number> {
    await page.locator("[data-testid=message-row]", { hasText: subject }).first().click();
    const frame = pane(page);
    expect(await filingState(page)).toBe("filing-suggestion");
    await frame.getByTestId("filing-log").click();
    await expect.poll(() => frame.locator("[data-testid=filing-logged-line]").textContent(), { timeout: 15000 }).toContain(matter.number);
    await expect
      .poll(() => frame.locator("[data-testid=followup-preview-subject]").textContent(), { timeout: 20000 })
      .toContain(matter.number);
    await expect.poll(async () => (await drafts()).length, { timeout: 20000 }).toBeGreaterThan(0);
    return (await drafts()).filter((t) => t.includes(matter.number)).length;
  }

  async function changeTo(other: Matter): Promise<void> {
    const frame = pane(page);
    await frame.getByTestId("filing-change").click();
    await frame.getByTestId("matter-search").fill(other.number);
    await frame.locator("[data-testid=matter-option]", { hasText: other.number }).first().click();
    await expect.poll(() => frame.locator("[data-testid=filing-logged-line]").textContent(), { timeout: 15000 }).toContain(other.number);
  }

  it("drafts and the follow-up use the new matter at once, the drafts naming its number", async () => {
    // An email whose client has another open matter to move it to (chosen from the labels, not by name).
    const [picked] = await clientEmails(1, (m) => m.status === "open" && sameClientMatter(m) !== null);
    expect(picked).toBeTruthy();
    const { subject, matter } = picked;
    const other = sameClientMatter(matter)!;
    const naming = await logAndWait(subject, matter);
    expect(naming).toBeGreaterThan(0);

    await changeTo(other);
    const frame = pane(page);
    // No reopening, no reselecting: the follow-up and the drafts name the new matter.
    const preview = frame.locator("[data-testid=followup-preview-subject]");
    await expect.poll(() => preview.textContent(), { timeout: 20000 }).toContain(other.number);
    expect(await preview.textContent()).not.toContain(matter.number);
    await expect.poll(() => frame.getByTestId("followup-matter").inputValue(), { timeout: 20000 }).toBe(other.id);
    // Every draft that named the old matter now names the new one, by its number at least (however long its title).
    await expect.poll(async () => (await drafts()).some((t) => t.includes(matter.number)), { timeout: 20000 }).toBe(false);
    await expect.poll(async () => (await drafts()).filter((t) => t.includes(other.number)).length, { timeout: 20000 }).toBe(naming);
  });

  it("moved to another client's matter, the drafts name neither matter to this client", async () => {
    // The email's client has one open matter only, so the move goes to another client's.
    const [picked] = await clientEmails(1, (m) => m.status === "open" && sameClientMatter(m) === null);
    expect(picked).toBeTruthy();
    const { subject, matter } = picked;
    const other = directory.matters.find((m) => m.status === "open" && m.clientId !== matter.clientId)!;
    expect(await logAndWait(subject, matter)).toBeGreaterThan(0);
    await changeTo(other);
    await expect.poll(async () => (await drafts()).some((t) => t.includes(matter.number)), { timeout: 20000 }).toBe(false);
    const after = await drafts();
    expect(after.length).toBeGreaterThan(0);
    // Another client's matter is never named in a reply to this one.
    expect(after.filter((t) => t.includes(other.number))).toEqual([]);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
