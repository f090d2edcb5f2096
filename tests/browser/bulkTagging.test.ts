import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pane, useWorkbench } from "./browser";
import { ambiguousClientEmails, clientEmails, directory } from "./sampleMail";

describe("bulk tagging: a skipped email gets its own matter, one matter for all warns first", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  // The emails the first test logs, which the second leaves alone.
  const used: string[] = [];
  const rowOf = (subject: string) => page.locator("[data-testid=message-row]", { hasText: subject }).first();
  const panelRow = (subject: string) => pane(page).getByTestId("bulk-row").filter({ hasText: subject });

  /** Ctrl+clicks the emails, follows This email's note to the bulk panel and recognizes them. */
  async function selectAndRecognize(subjects: readonly string[]): Promise<void> {
    for (const [i, subject] of subjects.entries()) await rowOf(subject).click(i === 0 ? {} : { modifiers: ["Control"] });
    const frame = pane(page);
    await frame.getByRole("tab", { name: "This email" }).click();
    await expect
      .poll(() => frame.getByTestId("selection-notice").textContent(), { timeout: 15000 })
      .toContain(`${subjects.length} emails are selected`);
    await frame.getByTestId("selection-open-bulk").click();
    await frame.getByTestId("bulk-recognize").click();
    await expect.poll(() => frame.getByTestId("bulk-log").count(), { timeout: 30000 }).toBe(1);
  }

  it("an email recognition is not sure about is skipped, and can be given its own matter before logging", async () => {
    const [ambiguous] = await ambiguousClientEmails();
    const [sure] = await clientEmails(1, (m) => m.clientId !== ambiguous?.clientId);
    expect(ambiguous && sure).toBeTruthy();
    used.push(sure.subject, ambiguous.subject);
    await selectAndRecognize([sure.subject, ambiguous.subject]);
    const frame = pane(page);
    const row = panelRow(ambiguous.subject);
    expect(await row.textContent()).toContain("Not sure which matter, so it is skipped.");
    await expect.poll(() => frame.getByTestId("bulk-log").textContent()).toBe("Log 1 emails");

    // One of its client's open matters, chosen in the panel.
    const own = directory.matters.find((m) => m.clientId === ambiguous.clientId && m.status === "open")!;
    await row.getByTestId("bulk-choose").click();
    await row.getByTestId("bulk-row-matter-input").fill(own.number);
    await row.getByTestId("bulk-row-matter-option").filter({ hasText: own.number }).first().click();
    await expect.poll(() => row.getByTestId("bulk-own-matter").textContent()).toContain(own.number);
    await expect.poll(() => frame.getByTestId("bulk-log").textContent()).toBe("Log 2 emails");
    await frame.getByTestId("bulk-log").click();
    await expect.poll(() => frame.getByTestId("bulk-result").allTextContents(), { timeout: 30000 }).toEqual(["logged", "logged"]);
    await expect
      .poll(() => rowOf(ambiguous.subject).locator("[data-testid=row-categories]").textContent(), { timeout: 30000 })
      .toContain(own.number);
    await expect
      .poll(() => rowOf(sure.subject).locator("[data-testid=row-categories]").textContent(), { timeout: 30000 })
      .toContain(sure.matter.number);
  });

  it("one matter for all lists the emails whose confident suggestion differs, and files nothing until confirmed", async () => {
    await page.getByTestId("reload-pane").click();
    // Two emails recognition is sure about, on two different matters (not the ones logged above).
    const picked = (await clientEmails(6)).filter((p) => !used.includes(p.subject));
    const first = picked[0];
    const second = picked.find((p) => p.matter.id !== first.matter.id)!;
    expect(second).toBeTruthy();
    await selectAndRecognize([first.subject, second.subject]);
    const frame = pane(page);
    await frame.getByTestId("bulk-matter-input").fill(first.matter.number);
    await frame.getByTestId("bulk-matter-option").filter({ hasText: first.matter.number }).first().click();
    await frame.getByTestId("bulk-log").click();
    const warning = frame.getByTestId("bulk-differs");
    await expect.poll(() => warning.count(), { timeout: 15000 }).toBe(1);
    expect(await warning.getByTestId("bulk-differs-item").allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^${second.subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} — looks like ${second.matter.number}`)),
    ]);
    // Nothing filed yet.
    expect(await frame.getByTestId("bulk-result").count()).toBe(0);
    expect(await rowOf(second.subject).locator("[data-testid=row-categories]").count()).toBe(0);
    await warning.getByTestId("bulk-differs-confirm").click();
    await expect.poll(() => frame.getByTestId("bulk-result").allTextContents(), { timeout: 30000 }).toEqual(["logged", "logged"]);
    await expect
      .poll(() => rowOf(second.subject).locator("[data-testid=row-categories]").textContent(), { timeout: 30000 })
      .toContain(first.matter.number);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
