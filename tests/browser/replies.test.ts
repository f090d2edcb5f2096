import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { parseEml } from "@adapters/mime/parseEml";
import { useWorkbench, pane } from "./browser";

// The sample's labels say which message is a client's complaint; the test finds it in the list by its subject.
async function complaint(): Promise<{ subject: string; from: string }> {
  const sample = join(__dirname, "../../data/sample");
  const labels = readFileSync(join(sample, "labels.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { file: string; direction: string; senderRole: string; intent: string });
  const label = labels.find((l) => l.direction === "inbound" && l.senderRole === "client" && l.intent === "complaint");
  if (!label) throw new Error("the sample has no client complaint");
  const m = await parseEml(readFileSync(join(sample, "mail", label.file)));
  return { subject: m.subject, from: m.from?.name ?? m.from?.email ?? "" };
}

describe("replies in the workbench", () => {
  let page: Page;
  let errors: string[];
  let target: { subject: string; from: string };

  beforeAll(async () => {
    target = await complaint();
  });
  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("shows three different drafts for a complaint and opens the reply form with the chosen one", async () => {
    // The thread holds several of the client's messages under this subject; the labelled one is the complaint.
    const frame = pane(page);
    const candidates = page.locator("[data-testid=message-row]", { hasText: target.subject }).filter({ hasText: target.from });
    const n = await candidates.count();
    expect(n).toBeGreaterThan(0);
    let intent = "";
    for (let i = 0; i < n && intent !== "A complaint"; i++) {
      await candidates.nth(i).click();
      await expect.poll(() => frame.locator("[data-testid=replies-view]").count(), { timeout: 20000 }).toBe(1);
      intent = (await frame.locator("[data-testid=reply-intent]").textContent()) ?? "";
    }
    expect(intent).toBe("A complaint");
    const drafts = frame.locator("[data-testid=reply-draft]");
    await expect.poll(() => drafts.count(), { timeout: 20000 }).toBe(3);
    const texts = await frame.locator("[data-testid=reply-draft-text]").allTextContents();
    expect(new Set(texts).size).toBe(3);
    await drafts
      .nth(2)
      .getByRole("button", { name: /^Reply with this/ })
      .click();
    const form = page.locator("[data-testid=reply-form]");
    await expect.poll(() => form.count(), { timeout: 10000 }).toBe(1);
    const shown = (await page.locator("[data-testid=reply-form-text]").textContent()) ?? "";
    // every paragraph of the chosen draft is in the reply form, as text
    for (const para of texts[2].split(/\n\s*\n/)) expect(shown.replace(/\s+/g, " ")).toContain(para.replace(/\s+/g, " ").trim());
    expect(errors.filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([]);
  });

  it("in compose mode, the checker finds legalese typed into the draft and replaces it", async () => {
    await page.getByTestId("compose-reply").click();
    const frame = pane(page);
    await expect.poll(() => frame.locator("[data-testid=draft-checker]").count(), { timeout: 20000 }).toBe(1);
    await page.getByTestId("draft-input").fill("We will send the papers forthwith.");
    await page.getByTestId("draft-type").click();
    await expect.poll(() => page.getByTestId("draft-body").textContent(), { timeout: 10000 }).toContain("forthwith");
    await frame.getByRole("button", { name: "Check my draft" }).click();
    const finding = frame.locator("[data-testid=draft-finding]", { hasText: "forthwith" });
    await expect.poll(() => finding.count(), { timeout: 10000 }).toBeGreaterThan(0);
    await finding.first().getByRole("button").click();
    await expect.poll(() => page.getByTestId("draft-body").textContent(), { timeout: 10000 }).not.toContain("forthwith");
  });
});
