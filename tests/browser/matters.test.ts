import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openWorkbench, pane } from "./browser";
import { parseEml } from "../../src/adapters/mime/parseEml";
import type { Directory, Matter } from "../../src/core/directory/types";

const SAMPLE = join(__dirname, "../../data/sample");
const directory = JSON.parse(readFileSync(join(SAMPLE, "directory.json"), "utf8")) as Directory;

interface Label { file: string; direction: string; senderRole: string; matterId: string | null; matterAmbiguous: boolean }

/**
 * Three inbound client emails the labels put on a matter and that cite the matter's number or a reference, with a
 * subject no other message contains (so the test can find each row by it). Chosen from the labels, never hard-coded.
 */
async function threeClientEmails(): Promise<{ subject: string; matter: Matter }[]> {
  const labels = readFileSync(join(SAMPLE, "labels.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Label);
  const files = readdirSync(join(SAMPLE, "mail")).filter((f) => f.endsWith(".eml")).sort();
  const parsed = new Map<string, Awaited<ReturnType<typeof parseEml>>>();
  for (const f of files) parsed.set(f, await parseEml(readFileSync(join(SAMPLE, "mail", f))));
  const subjects = [...parsed.values()].map((m) => m.subject);
  const picked: { subject: string; matter: Matter }[] = [];
  for (const l of labels) {
    if (l.direction !== "inbound" || l.senderRole !== "client" || !l.matterId || l.matterAmbiguous) continue;
    const m = parsed.get(l.file)!;
    const matter = directory.matters.find((x) => x.id === l.matterId)!;
    const refs = [matter.number, ...(matter.aliases ?? [])];
    if (!refs.some((r) => m.subject.includes(r) || m.bodyText.includes(r))) continue;
    if (subjects.filter((s) => s.includes(m.subject)).length !== 1 || picked.some((p) => p.matter.id === matter.id)) continue;
    picked.push({ subject: m.subject, matter });
    if (picked.length === 3) break;
  }
  return picked;
}

describe("matters in the workbench", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench(inject("baseUrl")));
  });
  afterAll(async () => browser?.close());

  it("tags three Ctrl+clicked client emails in one action and shows their categories in the list", async () => {
    const chosen = await threeClientEmails();
    expect(chosen).toHaveLength(3);
    const rowOf = (subject: string) => page.locator("[data-testid=message-row]", { hasText: subject }).first();
    await rowOf(chosen[0]!.subject).click();
    await rowOf(chosen[1]!.subject).click({ modifiers: ["Control"] });
    await rowOf(chosen[2]!.subject).click({ modifiers: ["Control"] });

    const frame = pane(page);
    await frame.getByRole("tab", { name: "Matters" }).click();
    await expect.poll(() => frame.getByTestId("bulk-panel").locator("h3").textContent(), { timeout: 15000 }).toBe("Tag 3 selected emails");
    await frame.getByTestId("bulk-recognize").click();
    await expect.poll(() => frame.getByTestId("bulk-log").textContent(), { timeout: 30000 }).toBe("Log 3 emails");
    await frame.getByTestId("bulk-log").click();
    await expect.poll(() => frame.getByTestId("bulk-result").allTextContents(), { timeout: 30000 }).toEqual(["logged", "logged", "logged"]);
    expect(await frame.getByTestId("bulk-summary").textContent()).toBe("3 logged · 0 already logged · 0 skipped · 0 failed");

    for (const { subject, matter } of chosen) {
      await expect.poll(() => rowOf(subject).locator("[data-testid=row-categories]").textContent(), { timeout: 30000 }).toContain(matter.number);
    }
  });

  it("searches a matter by its alias and opens its timeline", async () => {
    const chosen = await threeClientEmails();
    const { matter, subject } = chosen.find((c) => c.matter.aliases?.length) ?? chosen[0]!;
    const alias = matter.aliases?.[0] ?? matter.number;
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Matters" }).click();
    const box = frame.getByTestId("matter-search-input");
    await box.fill(alias);
    await expect.poll(() => frame.getByTestId("matter-search-option").first().textContent(), { timeout: 15000 }).toContain(matter.number);
    await box.press("Enter");
    await expect.poll(() => frame.getByTestId("matter-title").textContent(), { timeout: 15000 }).toContain(matter.number);
    await expect.poll(() => frame.getByTestId("timeline-item").allTextContents(), { timeout: 15000 }).toEqual(expect.arrayContaining([expect.stringContaining(subject)]));
    expect(await frame.getByTestId("timeline-response").count()).toBeGreaterThan(0);
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
      clients: [...directory.clients, { ...directory.clients[0]!, name: "Copy", contacts: [{ name: "X", email: "not an address" }] }],
      matters: [...directory.matters, { ...first!, id: "m-new", number: "2099-0001", clientId: "no-such-client" }],
    };
    await frame.getByTestId("directory-file-input").setInputFiles({ name: "directory.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken, null, 2)) });
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
    const first = ((await items.first().textContent()) ?? "");
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
