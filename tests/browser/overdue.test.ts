import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbench, pane } from "./browser";

describe("overdue in the workbench", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("lists overdue client email, most urgent first, with client, matter and time", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    const overdueItems = frame.locator("[data-testid=overdue-group] [data-testid=overdue-item]");
    await expect.poll(() => overdueItems.count(), { timeout: 30000 }).toBeGreaterThan(0);
    const summary = await overdueItems.first().locator("[data-testid=overdue-summary]").textContent();
    expect(summary).toMatch(/^Client waiting .+ — reply was due .+ ago$/);
    expect(await overdueItems.first().getByRole("button", { name: "Reply now" }).count()).toBe(1);
  });

  it("Reply now on an overdue message that is not open opens that message (EWS id from the Graph id)", async () => {
    const frame = pane(page);
    const debug = () =>
      page.evaluate(() => {
        const c = (
          window as unknown as { __workbenchDebug: { controller: { currentItemKey(): string | null; messageForms: readonly string[] } } }
        ).__workbenchDebug.controller;
        return { current: c.currentItemKey(), forms: [...c.messageForms] };
      });
    const readingSubject = async () =>
      (await page.locator("[data-testid=reading-pane] h2").count())
        ? ((await page.locator("[data-testid=reading-pane] h2").first().textContent()) ?? "").trim()
        : "";
    const before = await debug();
    const openSubject = await readingSubject();
    const rows = frame.locator("[data-testid=overdue-group] [data-testid=overdue-item]");
    let target = -1;
    let subject = "";
    for (let i = 0; i < (await rows.count()) && target < 0; i++) {
      const s = ((await rows.nth(i).locator("[data-testid=overdue-subject]").textContent()) ?? "").trim();
      if (s && s !== openSubject) [target, subject] = [i, s];
    }
    expect(target).toBeGreaterThanOrEqual(0);
    await rows.nth(target).getByRole("button", { name: "Reply now" }).click();
    await expect.poll(() => frame.locator("[data-testid=overdue-notice]").textContent(), { timeout: 15000 }).toContain("Message opened");
    // Outlook got an EWS id (the workbench's EWS ids carry "/" and "+", its Graph ids "-" and "_") and opened it.
    await expect.poll(async () => (await debug()).forms.length, { timeout: 15000 }).toBe(before.forms.length + 1);
    const opened = (await debug()).forms.at(-1)!;
    expect(opened).toMatch(/[/+]/);
    expect(opened).not.toMatch(/[-_]/);
    await expect.poll(async () => (await debug()).current, { timeout: 15000 }).toBe(opened);
    expect(opened).not.toBe(before.current);
    await expect.poll(readingSubject, { timeout: 15000 }).toBe(subject);
    const selected = page.locator("[data-testid=message-row][aria-selected=true]");
    expect(await selected.getAttribute("data-item-id")).toBe(opened);
    await frame.getByRole("tab", { name: "This email" }).click();
    await expect.poll(() => frame.locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(subject);
    await frame.getByRole("tab", { name: "Overdue" }).click();
  });

  it("puts a notification bar on an overdue message selected in the list", async () => {
    const frame = pane(page);
    const subject = ((await frame.locator("[data-testid=overdue-group] [data-testid=overdue-subject]").first().textContent()) ?? "").trim();
    expect(subject.length).toBeGreaterThan(0);
    const row = page.locator("[data-testid=message-row]", { hasText: subject }).first();
    await row.click();
    await frame.getByRole("tab", { name: "This email" }).click();
    await expect.poll(() => frame.locator("[data-testid=clock-state]").textContent(), { timeout: 30000 }).toBe("Overdue");
    await expect
      .poll(() => page.locator("[data-testid=notification-bar]").first().textContent(), { timeout: 15000 })
      .toMatch(/Client waiting .+ — reply was due .+ ago/);
  });

  it("previews the digest of overdue client mail", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    await frame.getByTestId("digest-open").click();
    await expect.poll(() => frame.getByTestId("digest-subject").textContent(), { timeout: 15000 }).toMatch(/\d+ overdue client emails?/);
    await expect.poll(() => frame.getByTestId("digest-preview").textContent(), { timeout: 15000 }).toContain("By attorney");
  });

  it("with the Overdue reply setting on, overdue rows get the category after a scan; No reply needed clears it and is shared, Undo sets it again", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Settings" }).click();
    const toggle = frame.getByRole("switch", { name: /Overdue reply" category/ });
    await expect.poll(() => toggle.count(), { timeout: 15000 }).toBe(1);
    if (!(await toggle.isChecked())) await toggle.click();
    await frame.getByTestId("overdue-settings-save").click();
    await expect.poll(() => frame.getByText("Saved. The next scan uses these settings.").count(), { timeout: 15000 }).toBe(1);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    await frame.getByTestId("overdue-refresh").click();
    await expect.poll(() => frame.getByTestId("overdue-progress").count(), { timeout: 30000 }).toBe(0);

    // An overdue message whose subject names exactly one row of the list, so the row is the message.
    const rowOf = (subject: string) => page.locator("[data-testid=message-row]").filter({ has: page.getByText(subject, { exact: true }) });
    const items = frame.locator("[data-testid=overdue-group] [data-testid=overdue-item]");
    let subject = "";
    for (let i = 0; i < (await items.count()) && !subject; i++) {
      const s = ((await items.nth(i).locator("[data-testid=overdue-subject]").textContent()) ?? "").trim();
      if (s && (await rowOf(s).count()) === 1) subject = s;
    }
    expect(subject).not.toBe("");
    const cats = () => rowOf(subject).locator("[data-testid=row-categories]");
    const catText = async () => ((await cats().count()) ? ((await cats().textContent()) ?? "") : "");
    await expect.poll(catText, { timeout: 30000 }).toContain("Overdue reply");
    // Every overdue row carries it, not only this one.
    const overdueCount = await items.count();
    await expect
      .poll(() => page.locator("[data-testid=row-categories]", { hasText: "Overdue reply" }).count(), { timeout: 30000 })
      .toBeGreaterThanOrEqual(Math.min(overdueCount, 1));

    const item = frame
      .locator("[data-testid=overdue-group] [data-testid=overdue-item]")
      .filter({ has: frame.getByText(subject, { exact: true }) })
      .first();
    await item.getByRole("button", { name: "No reply needed" }).click();
    await item.getByLabel("Why no reply is needed").fill("Answered by phone");
    await item.getByRole("button", { name: "Save" }).click();
    await expect.poll(catText, { timeout: 30000 }).not.toContain("Overdue reply");
    // The decision is shared through the mailbox: the message carries "No reply needed" for colleagues and other devices.
    await expect.poll(catText, { timeout: 30000 }).toContain("No reply needed");
    const aside = frame.locator("[data-testid=set-aside-item]").filter({ has: frame.getByText(subject, { exact: true }) });
    await expect.poll(() => aside.count(), { timeout: 15000 }).toBe(1);
    expect(await aside.locator("[data-testid=set-aside-decision]").textContent()).toContain("No reply needed: Answered by phone");

    await aside.getByTestId("overdue-undo").click();
    await expect.poll(catText, { timeout: 30000 }).toContain("Overdue reply");
    await expect.poll(catText, { timeout: 30000 }).not.toContain("No reply needed");
    await expect
      .poll(() => frame.locator("[data-testid=overdue-group] [data-testid=overdue-subject]", { hasText: subject }).count(), {
        timeout: 15000,
      })
      .toBeGreaterThan(0);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
