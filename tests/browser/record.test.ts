import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { filingState, pane, useWorkbench } from "./browser";
import directoryJson from "../../data/sample/directory.json";

/** What the tests read from the workbench's simulated Microsoft 365 (window.__workbenchDebug). */
interface RecordItemView {
  fields: Record<string, unknown>;
}

const ASSISTANT = directoryJson.people.find((p) => p.role === "assistant")!;
const ATTORNEY = directoryJson.people.find((p) => p.role === "associate")!;

async function signInAs(page: Page, email: string): Promise<void> {
  await page.getByTestId("person-switch").selectOption(email);
  // The pane reloads as this person: wait for it to show the tabs again.
  await expect.poll(() => pane(page).getByRole("tab", { name: "Matters" }).count(), { timeout: 30000 }).toBe(1);
}

const rowOf = (page: Page, itemId: string) => page.locator(`[data-testid=message-row][data-item-id="${itemId}"]`);

async function open(page: Page, itemId: string): Promise<void> {
  await pane(page).getByRole("tab", { name: "This email" }).click();
  await rowOf(page, itemId).click();
}

/** The first inbox rows the pane can file (it suggests a matter), whichever they are: no sample message is named here. */
async function fileable(page: Page, n: number): Promise<{ itemId: string; number: string; subject: string }[]> {
  const rows = page.locator("[data-testid=message-row]");
  const found: { itemId: string; number: string; subject: string }[] = [];
  for (let i = 0; i < Math.min(await rows.count(), 40) && found.length < n; i++) {
    const row = rows.nth(i);
    if ((await row.locator("[data-testid=row-categories]").count()) > 0) continue;
    await row.click();
    if ((await filingState(page)) !== "filing-suggestion") continue;
    const line = (await pane(page).getByTestId("filing-matter").textContent()) ?? "";
    const number = /Matter: (\S+)/.exec(line)?.[1] ?? "";
    const subject = ((await pane(page).getByTestId("item-subject").textContent()) ?? "").trim();
    found.push({ itemId: (await row.getAttribute("data-item-id"))!, number, subject });
  }
  expect(found).toHaveLength(n);
  return found;
}

async function logSuggested(page: Page, hours?: string): Promise<void> {
  const frame = pane(page);
  if (hours) {
    await frame.getByTestId("time-entry").getByRole("checkbox", { name: "Record time" }).check();
    await frame.getByTestId("time-hours").fill(hours);
    await frame.getByTestId("time-narrative").fill("Reviewed the draft");
  }
  await frame.getByTestId("filing-log").click();
  await expect.poll(() => frame.getByTestId("filing-logged-line").count(), { timeout: 20000 }).toBe(1);
}

async function changeMatter(page: Page, toNumber: string): Promise<void> {
  const frame = pane(page);
  await frame.getByTestId("filing-change").click();
  await frame.getByTestId("matter-search").fill(toNumber);
  await frame.getByTestId("matter-option").filter({ hasText: toNumber }).first().click();
  await expect.poll(() => frame.getByTestId("filing-logged-line").textContent(), { timeout: 20000 }).toContain(toNumber);
}

async function syncNow(page: Page): Promise<void> {
  const frame = pane(page);
  await frame.getByRole("tab", { name: "Matters" }).click();
  await frame.getByTestId("record-sync-now").click();
  await expect.poll(() => frame.getByTestId("record-synced").textContent(), { timeout: 30000 }).toContain("just now");
}

async function recordItems(page: Page): Promise<RecordItemView[]> {
  return page.evaluate(() => {
    const debug = (
      window as unknown as { __workbenchDebug: { sim: { sharePoint: { listItems(s: string, l: string): unknown[] } }; recordSite: string } }
    ).__workbenchDebug;
    return debug.sim.sharePoint.listItems(debug.recordSite, "Matter email log") as RecordItemView[];
  });
}

const otherMatter = (number: string) => directoryJson.matters.find((m) => m.status === "open" && m.number !== number)!.number;

describe("the shared matter record in the workbench: two people, one record", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("the assistant's filing, re-filing, undo and time entry reach the attorney after a sync; undo leaves no mark in the mailbox", async () => {
    await signInAs(page, ASSISTANT.email);
    const [a, b] = await fileable(page, 2);
    await open(page, a.itemId);
    await logSuggested(page, "0.3");
    await expect.poll(() => pane(page).getByTestId("record-status").getAttribute("data-state"), { timeout: 30000 }).toBe("filed");
    await open(page, b.itemId);
    await logSuggested(page);
    await expect.poll(() => pane(page).getByTestId("record-status").getAttribute("data-state"), { timeout: 30000 }).toBe("filed");

    // The attorney opens the matter: the assistant's filing is on the timeline, with its time entry.
    await signInAs(page, ATTORNEY.email);
    await syncNow(page);
    const frame = pane(page);
    await frame.getByTestId("matter-search-input").fill(a.number);
    await frame.getByTestId("matter-search-option").first().click();
    const rowText = async () =>
      (await frame.getByTestId("timeline-item").allTextContents()).find((t) => t.includes(a.subject.slice(0, 20))) ?? "";
    await expect.poll(rowText, { timeout: 20000 }).toContain("Time: 0.3 h");
    // The attorney's own view of the email says who filed it, by the name the directory gives.
    await open(page, a.itemId);
    await expect.poll(() => pane(page).getByTestId("filing-logged-line").textContent(), { timeout: 20000 }).toContain(ASSISTANT.name);

    // The attorney re-files it; the assistant sees the move after a sync, with who moved it.
    const moved = otherMatter(a.number);
    await changeMatter(page, moved);
    await expect.poll(() => pane(page).getByTestId("record-status").getAttribute("data-state"), { timeout: 30000 }).toBe("filed");
    await signInAs(page, ASSISTANT.email);
    await syncNow(page);
    await open(page, a.itemId);
    await expect.poll(() => pane(page).getByTestId("filing-logged-line").textContent(), { timeout: 20000 }).toContain(moved);
    await expect.poll(() => pane(page).getByTestId("filing-audit").textContent(), { timeout: 20000 }).toContain("refiled");

    // The assistant undoes the other filing: gone from the record, and no mark left in her mailbox.
    await open(page, b.itemId);
    await expect.poll(() => pane(page).getByTestId("filing-undo").count(), { timeout: 20000 }).toBe(1);
    await pane(page).getByTestId("filing-undo").click();
    await expect.poll(() => pane(page).getByTestId("filing-logged-line").count(), { timeout: 20000 }).toBe(0);
    await syncNow(page);
    await expect
      .poll(async () => (await rowOf(page, b.itemId).locator("[data-testid=row-categories]").count()) === 0, { timeout: 20000 })
      .toBe(true);
    const mark = await page.evaluate((itemId) => {
      const debug = (
        window as unknown as {
          __workbenchDebug: {
            sim: {
              message(mb: string, id: string): { categories?: string[]; singleValueExtendedProperties?: { value: string }[] } | undefined;
            };
            person(): string;
          };
        }
      ).__workbenchDebug;
      const graphId = itemId.replace(/\//g, "-").replace(/\+/g, "_");
      const m = debug.sim.message(debug.person(), graphId);
      return { categories: m?.categories ?? [], property: (m?.singleValueExtendedProperties ?? []).map((p) => p.value).join("") };
    }, b.itemId);
    expect(mark).toEqual({ categories: [], property: "" });
    expect((await recordItems(page)).map((i) => i.fields.InternetMessageId)).toHaveLength(1);

    await signInAs(page, ATTORNEY.email);
    await syncNow(page);
    await open(page, b.itemId);
    await expect.poll(() => filingState(page), { timeout: 20000 }).not.toBe("filing-logged");
  });

  it("a filing made offline waits, shows as waiting, and lands once when back online", async () => {
    await signInAs(page, ASSISTANT.email);
    const [c] = await fileable(page, 1);
    await page.getByTestId("fault-mode").selectOption("offline");
    await open(page, c.itemId);
    await logSuggested(page);
    await expect.poll(() => pane(page).getByTestId("record-status").getAttribute("data-state"), { timeout: 20000 }).toBe("waiting");
    await pane(page).getByRole("tab", { name: "Matters" }).click();
    await expect.poll(() => pane(page).getByTestId("record-waiting").textContent(), { timeout: 20000 }).toMatch(/^\d+ filings? waiting/);
    const before = (await recordItems(page)).length;
    await page.getByTestId("fault-mode").selectOption("none");
    await syncNow(page);
    await expect.poll(async () => (await recordItems(page)).length, { timeout: 30000 }).toBe(before + 1);
    await syncNow(page);
    expect((await recordItems(page)).length).toBe(before + 1);
    await expect.poll(() => pane(page).getByTestId("record-waiting").count(), { timeout: 20000 }).toBe(0);
  });

  it("a 412 conflict between the two leaves both changes in the audit trail", async () => {
    await signInAs(page, ASSISTANT.email);
    const [d] = await fileable(page, 1);
    await open(page, d.itemId);
    await logSuggested(page);
    await expect.poll(() => pane(page).getByTestId("record-status").getAttribute("data-state"), { timeout: 30000 }).toBe("filed");

    // The attorney takes the filing in, then re-files it while offline: her change waits with the old eTag.
    await signInAs(page, ATTORNEY.email);
    await syncNow(page);
    await page.getByTestId("fault-mode").selectOption("offline");
    const hers = otherMatter(d.number);
    await open(page, d.itemId);
    await changeMatter(page, hers);

    // Meanwhile the assistant re-files it elsewhere, online.
    await page.getByTestId("fault-mode").selectOption("none");
    await signInAs(page, ASSISTANT.email);
    await syncNow(page);
    const mine = directoryJson.matters.find((m) => m.status === "open" && m.number !== d.number && m.number !== hers)!.number;
    await open(page, d.itemId);
    await changeMatter(page, mine);
    await expect.poll(() => pane(page).getByTestId("record-status").getAttribute("data-state"), { timeout: 30000 }).toBe("filed");

    // Back online, the attorney's write meets the newer eTag: the record keeps the assistant's, and says so.
    await signInAs(page, ATTORNEY.email);
    await syncNow(page);
    await expect
      .poll(
        async () => {
          const item = (await recordItems(page)).find(
            (i) => String(i.fields.Title).length > 0 && String(i.fields.AuditTrail).includes('"conflict"'),
          );
          return item ? String(item.fields.MatterId) : null;
        },
        { timeout: 30000 },
      )
      .not.toBeNull();
    const item = (await recordItems(page)).find((i) => String(i.fields.AuditTrail).includes('"conflict"'))!;
    const trail = JSON.parse(String(item.fields.AuditTrail)) as { action: string; by: string; toMatterId: string | null }[];
    expect(
      trail
        .filter((a) => a.action === "refiled")
        .map((a) => a.by)
        .sort(),
    ).toEqual([ASSISTANT.email, ATTORNEY.email].sort());
    expect(trail.some((a) => a.action === "conflict" && a.by === ATTORNEY.email)).toBe(true);
    await open(page, d.itemId);
    await expect.poll(() => pane(page).getByTestId("filing-audit").textContent(), { timeout: 20000 }).toContain("conflict");
  });

  it("shows the library as a folder tree with the filed emails", async () => {
    await page.getByTestId("folder-library").click();
    await expect.poll(() => page.getByTestId("library-folder").count(), { timeout: 10000 }).toBeGreaterThan(0);
    expect(await page.getByTestId("library-file").count()).toBeGreaterThan(0);
    await page.getByTestId("folder-inbox").click();
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404|Failed to fetch|503|429/.test(e))).toEqual([]);
  });
});
