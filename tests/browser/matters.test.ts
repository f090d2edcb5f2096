import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { bulkTag, useWorkbench, pane } from "./browser";
import { directory, threeClientEmails } from "./sampleMail";

describe("matters in the workbench", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("tags three Ctrl+clicked client emails in one action and shows their categories in the list", async () => {
    const chosen = await threeClientEmails();
    expect(chosen).toHaveLength(3);
    const rowOf = (subject: string) => page.locator("[data-testid=message-row]", { hasText: subject }).first();
    expect(
      await bulkTag(
        page,
        chosen.map((c) => c.subject),
      ),
    ).toEqual(["logged", "logged", "logged"]);
    const frame = pane(page);
    expect(await frame.getByTestId("bulk-summary").textContent()).toBe("3 logged · 0 already logged · 0 skipped · 0 failed");

    for (const { subject, matter } of chosen) {
      await expect
        .poll(() => rowOf(subject).locator("[data-testid=row-categories]").textContent(), { timeout: 30000 })
        .toContain(matter.number);
    }
  });

  it("searches a matter by its alias and opens its timeline", async () => {
    const chosen = await threeClientEmails();
    const { matter, subject } = chosen.find((c) => c.matter.aliases?.length) ?? chosen[0];
    const alias = matter.aliases?.[0] ?? matter.number;
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Matters" }).click();
    const box = frame.getByTestId("matter-search-input");
    await box.fill(alias);
    await expect.poll(() => frame.getByTestId("matter-search-option").first().textContent(), { timeout: 15000 }).toContain(matter.number);
    await box.press("Enter");
    await expect.poll(() => frame.getByTestId("matter-title").textContent(), { timeout: 15000 }).toContain(matter.number);
    await expect
      .poll(() => frame.getByTestId("timeline-item").allTextContents(), { timeout: 15000 })
      .toEqual(expect.arrayContaining([expect.stringContaining(subject)]));
    await expect.poll(() => frame.getByTestId("timeline-response").count(), { timeout: 15000 }).toBeGreaterThan(0);
  });

  it("rejects a broken directory file listing every problem and keeps the old directory", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Settings" }).click();
    const summary = frame.getByTestId("directory-summary");
    await expect.poll(() => summary.textContent(), { timeout: 15000 }).toContain(`${directory.clients.length} clients`);
    const before = await summary.textContent();
    const [first] = directory.matters;
    const broken = {
      ...directory,
      clients: [...directory.clients, { ...directory.clients[0], name: "Copy", contacts: [{ name: "X", email: "not an address" }] }],
      matters: [...directory.matters, { ...first, id: "m-new", number: "2099-0001", clientId: "no-such-client" }],
    };
    await frame
      .getByTestId("directory-file-input")
      .setInputFiles({ name: "directory.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken, null, 2)) });
    const notice = frame.getByTestId("directory-import-error");
    await expect.poll(() => notice.locator("li").count(), { timeout: 15000 }).toBeGreaterThanOrEqual(3);
    const problems = (await notice.locator("li").allTextContents()).join("\n");
    expect(problems).toMatch(/duplicate id/);
    expect(problems).toMatch(/not an address/);
    expect(problems).toMatch(/no-such-client/);
    expect(await summary.textContent()).toBe(before);
    // Still the old directory after a reload of the pane's data: the search finds no matter of the broken file.
    await frame.getByRole("tab", { name: "Matters" }).click();
    await frame.getByTestId("matter-search-input").fill("2099-0001");
    await expect.poll(() => frame.getByTestId("matter-search-option").count()).toBeGreaterThanOrEqual(0);
    expect((await frame.getByTestId("matter-search-option").allTextContents()).join("\n")).not.toContain("2099-0001");
  });

  it("works through the untagged client mail queue with the keyboard", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Matters" }).click();
    await frame.getByTestId("queue-load").click();
    const items = frame.getByTestId("queue-item");
    await expect.poll(() => items.count(), { timeout: 30000 }).toBeGreaterThan(1);
    const before = await items.count();
    const tagged = await threeClientEmails();
    // What bulk tagging logged is not in the queue any more.
    const texts = (await items.allTextContents()).join("\n");
    for (const { subject } of tagged) expect(texts).not.toContain(subject);
    const list = frame.getByTestId("queue-list");
    await list.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    const first = (await items.first().textContent()) ?? "";
    if (first.includes("Suggested:")) {
      await page.keyboard.press("Enter");
      await expect.poll(() => frame.getByTestId("queue-status").textContent(), { timeout: 15000 }).toMatch(/^(Already logged|Logged): /);
    } else {
      await page.keyboard.press("s");
      await expect.poll(() => frame.getByTestId("queue-status").textContent(), { timeout: 15000 }).toMatch(/^Skipped /);
    }
    await expect.poll(() => items.count()).toBe(before - 1);
    await page.keyboard.press("s");
    await expect.poll(() => items.count()).toBe(before - 2);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
