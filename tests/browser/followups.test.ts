import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbench, pane } from "./browser";
import { parseEml } from "@adapters/mime/parseEml";

interface Label {
  file: string;
  direction: string;
  matterId: string | null;
  followUpDates: string[];
}

const sample = new URL("../../data/sample/", import.meta.url);

/** An inbound client message, filed to a matter, whose labelled follow-up dates include one after the sample's "now". */
async function messageWithUpcomingDate(): Promise<{ subject: string; dates: string[] }> {
  const { now } = JSON.parse(readFileSync(new URL("meta.json", sample), "utf8")) as { now: string };
  const labels = readFileSync(new URL("labels.jsonl", sample), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Label);
  const today = now.slice(0, 10);
  const pick = labels.find((l) => l.direction === "inbound" && l.matterId && l.followUpDates.some((d) => d > today));
  if (!pick) throw new Error("The sample has no inbound message with an upcoming follow-up date.");
  const message = await parseEml(readFileSync(new URL(`mail/${pick.file}`, sample)));
  return { subject: message.subject, dates: pick.followUpDates.filter((d) => d > today) };
}

describe("follow-ups in the workbench", () => {
  let page: Page;

  useWorkbench("", (workbench) => ({ page } = workbench));

  it("schedules a follow-up from a message's date and shows it in the matter's upcoming list and the Calendar folder", async () => {
    const { subject, dates } = await messageWithUpcomingDate();
    // Exactly this subject: replies ("RE: …") contain it too.
    await page
      .locator("[data-testid=message-row]")
      .filter({ has: page.getByText(subject, { exact: true }) })
      .first()
      .click();
    const frame = pane(page);
    await expect.poll(() => frame.locator("[data-testid=followup-proposal]").count(), { timeout: 20000 }).toBeGreaterThan(0);
    const proposals = (await frame.locator("[data-testid=followup-section] [role=radiogroup]").textContent()) ?? "";
    // Day labels as the pane's shared day format (src/shell/dates.ts) writes them in the browser's own locale and ICU.
    const labels = await page.evaluate(
      (ds) =>
        ds.map((d) => {
          const [y, m, day] = d.split("-").map(Number);
          return new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(
            new Date(y, m - 1, day),
          );
        }),
      dates,
    );
    expect(labels.some((l) => proposals.includes(l))).toBe(true);

    const preview = frame.locator("[data-testid=followup-preview-subject]");
    await expect.poll(() => preview.count(), { timeout: 20000 }).toBe(1);
    const eventSubject = ((await preview.textContent()) ?? "").trim();
    expect(eventSubject).toMatch(/^Follow up: .+ — \S+ /);
    const create = frame.locator("[data-testid=followup-create]");
    await expect.poll(() => create.isEnabled(), { timeout: 20000 }).toBe(true);
    await create.click();
    await expect
      .poll(() => frame.locator("[data-testid=followup-result]").textContent(), { timeout: 20000 })
      .toContain("Added to your calendar");

    await frame.getByRole("tab", { name: "Matters" }).click();
    await expect
      .poll(() => frame.locator("[data-testid=upcoming-followup]", { hasText: eventSubject }).count(), { timeout: 20000 })
      .toBe(1);

    await page.getByTestId("folder-calendar").click();
    await expect.poll(() => page.locator("[data-testid=calendar-event]", { hasText: eventSubject }).count(), { timeout: 20000 }).toBe(1);
  });
});
