import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pane, useWorkbench } from "./browser";

/** The first clock time in `text` on a 24-hour clock, whatever the locale writes ("4:30 PM" → "16:30"); null when none. */
function clockOf(text: string | null): string | null {
  const m = /(\d{1,2}):(\d{2})(?:\s*([AP]M))?/i.exec(text ?? "");
  if (!m) return null;
  let h = Number(m[1]) % (m[3] ? 12 : 24);
  if (m[3]?.toUpperCase() === "PM") h += 12;
  return `${String(h).padStart(2, "0")}:${m[2]}`;
}

// The browser's zone is far from the mailbox's (the sample firm is in London, so is its mailbox in the workbench).
describe("pane times in the mailbox's zone while the browser is in another", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench), { timezoneId: "America/Los_Angeles", locale: "en-US" });

  it("the browser really is in another zone than the mailbox", async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("America/Los_Angeles");
  });

  it("the pane's header shows the received time the message list shows", async () => {
    const rows = page.locator("[data-testid=message-row]");
    const frame = pane(page);
    for (const i of [0, 1, 2]) {
      const row = rows.nth(i);
      const listed = clockOf(await row.locator(".fui-Caption1").first().textContent());
      expect(listed).not.toBeNull();
      await row.click();
      await expect.poll(async () => clockOf(await frame.getByTestId("item-received").textContent()), { timeout: 15000 }).toBe(listed);
    }
  });

  it("the digest's 'as of' is the mailbox's clock, as the workbench's header gives it", async () => {
    const frame = pane(page);
    const header = await page
      .getByText(/^Simulated Outlook · /)
      .first()
      .textContent();
    const now = clockOf(/ now (.+)$/.exec(header ?? "")?.[1] ?? null);
    expect(now).not.toBeNull();
    await frame.getByRole("tab", { name: "Overdue" }).click();
    await frame.getByTestId("digest-open").click();
    const intro = frame.getByTestId("digest-preview").locator("p, span").first();
    await expect.poll(() => intro.textContent(), { timeout: 30000 }).toMatch(/^Overdue client email as of /);
    const asOf = clockOf(await intro.textContent());
    // The simulated clock runs: a minute may pass between the two reads.
    const minutes = (hhmm: string | null) => Number(hhmm?.slice(0, 2)) * 60 + Number(hhmm?.slice(3));
    expect(Math.abs(minutes(asOf) - minutes(now))).toBeLessThanOrEqual(1);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
