import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Frame, Locator, Page } from "playwright-core";
import type { AxeResults } from "axe-core";
import { filingState, pane, useWorkbench } from "./browser";

// axe-core's browser bundle, evaluated inside the pane's frame (through the debugging protocol, so the pane's own
// Content-Security-Policy stays as strict as in Outlook: no inline script tag is added to the page).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One axe finding, small enough to read in a failure message. */
interface Finding {
  readonly where: string;
  readonly rule: string;
  readonly impact: string;
  readonly nodes: readonly string[];
}

async function paneFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator("[data-testid=taskpane-frame]").elementHandle())?.contentFrame();
  if (!frame) throw new Error("The task pane's frame is not there.");
  return frame;
}

/** Waits (bounded) until the pane shows no spinner or progress bar, then lets transitions end. */
async function settle(page: Page): Promise<void> {
  const frame = pane(page);
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if ((await frame.locator(".fui-Spinner, [role=progressbar]").count()) === 0) break;
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(400);
}

/** Runs every axe rule over the pane as it is now; returns the serious and critical violations, and whether it has an h1. */
async function audit(page: Page, where: string): Promise<{ findings: Finding[]; headingOne: boolean }> {
  await settle(page);
  const frame = await paneFrame(page);
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(AXE_SOURCE);
  const result = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return {
      violations: r.violations
        .map((v) => ({
          rule: v.id,
          impact: v.impact ?? "",
          // Fluent's focus manager (tabster) puts focusable, aria-hidden <i data-tabster-dummy> bumpers around lists and
          // tab bars on purpose: they only pass focus on, and screen readers must not announce them. Microsoft's own
          // Accessibility Insights leaves them out of this rule (microsoft/tabster#288, accessibility-insights-web#7605);
          // so does this check, for those elements only.
          nodes: v.nodes
            .filter((n) => !(v.id === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy/.test(n.html)))
            .slice(0, 4)
            .map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`.slice(0, 300)),
        }))
        .filter((v) => v.nodes.length > 0),
      headingOne: document.querySelectorAll("h1, [role=heading][aria-level='1']").length > 0,
    };
  });
  const findings = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || v.rule === "page-has-heading-one")
    .map((v) => ({ where, ...v }));
  return { findings, headingOne: result.headingOne };
}

/** Every tab and panel of the pane, each audited: This email (read, then compose), Overdue, Matters, Settings. */
async function auditEveryPanel(page: Page, theme: string): Promise<{ findings: Finding[]; audited: string[]; withoutH1: string[] }> {
  const frame = pane(page);
  const findings: Finding[] = [];
  const audited: string[] = [];
  const withoutH1: string[] = [];
  const check = async (what: string) => {
    const r = await audit(page, `${theme} · ${what}`);
    findings.push(...r.findings);
    audited.push(what);
    if (!r.headingOne) withoutH1.push(what);
  };

  // This email, read mode: the first message the pane settles on, whichever it is.
  const rows = page.locator("[data-testid=message-row]");
  await rows.first().click();
  await frame.getByRole("tab", { name: "This email" }).click();
  await filingState(page);
  await check("This email (read)");

  await frame.getByRole("tab", { name: "Overdue" }).click();
  await expect.poll(() => frame.getByTestId("overdue-section").count(), { timeout: 15000 }).toBe(1);
  await check("Overdue");
  const team = frame.getByTestId("team-toggle");
  if (!(await team.isChecked())) await team.click();
  await expect.poll(() => frame.getByTestId("team-view").count(), { timeout: 30000 }).toBe(1);
  await check("Overdue · team view");
  await team.click();
  await frame.getByTestId("digest-open").click();
  await expect.poll(() => frame.getByTestId("digest-subject").count(), { timeout: 30000 }).toBe(1);
  await check("Overdue · digest");

  await frame.getByRole("tab", { name: "Matters" }).click();
  const box = frame.getByTestId("matter-search-input");
  await box.fill("a");
  await expect.poll(() => frame.getByTestId("matter-search-option").count(), { timeout: 15000 }).toBeGreaterThan(0);
  await check("Matters · search");
  await box.press("Enter");
  await expect.poll(() => frame.getByTestId("matter-details").count(), { timeout: 15000 }).toBe(1);
  await check("Matters · matter details");
  await frame.getByTestId("queue-load").click();
  await expect.poll(() => frame.getByTestId("queue-status").textContent(), { timeout: 30000 }).not.toBe("");
  await check("Matters · untagged queue");

  // Several messages selected: the bulk panel.
  await rows.nth(0).click();
  await rows.nth(1).click({ modifiers: ["Control"] });
  await rows.nth(2).click({ modifiers: ["Control"] });
  await expect.poll(() => frame.getByTestId("bulk-panel").count(), { timeout: 15000 }).toBe(1);
  await check("Matters · bulk panel");

  await frame.getByRole("tab", { name: "Settings" }).click();
  await check("Settings");

  // This email, compose mode: a reply to the first message.
  await rows.first().click();
  await page.getByTestId("compose-reply").click();
  await frame.getByRole("tab", { name: "This email" }).click();
  await expect.poll(() => page.getByTestId("draft-body").count(), { timeout: 15000 }).toBe(1);
  await check("This email (compose)");
  return { findings, audited, withoutH1 };
}

describe("accessibility checked by axe-core on every tab and panel", () => {
  let page: Page;
  let errors: string[];
  useWorkbench("", (w) => ({ page, errors } = w));

  const EVERY_PANEL = [
    "This email (read)",
    "Overdue",
    "Overdue · team view",
    "Overdue · digest",
    "Matters · search",
    "Matters · matter details",
    "Matters · untagged queue",
    "Matters · bulk panel",
    "Settings",
    "This email (compose)",
  ];

  it("light theme: no serious or critical violation, and a level-one heading, on every panel", { timeout: 300000 }, async () => {
    await expect.poll(() => pane(page).locator("[data-theme]").first().getAttribute("data-theme"), { timeout: 15000 }).toBe("light");
    const r = await auditEveryPanel(page, "light");
    expect(r.audited).toEqual(EVERY_PANEL);
    expect(r.findings).toEqual([]);
    expect(r.withoutH1).toEqual([]);
  });

  it("dark theme: the same", { timeout: 300000 }, async () => {
    await page.getByTestId("theme-toggle").click();
    await expect.poll(() => pane(page).locator("[data-theme]").first().getAttribute("data-theme"), { timeout: 15000 }).toBe("dark");
    const r = await auditEveryPanel(page, "dark");
    expect(r.audited).toEqual(EVERY_PANEL);
    expect(r.findings).toEqual([]);
    expect(r.withoutH1).toEqual([]);
  });

  it("high contrast (forced colours): the same", { timeout: 300000 }, async () => {
    await page.emulateMedia({ forcedColors: "active" });
    await expect
      .poll(() => pane(page).locator("[data-theme]").first().getAttribute("data-theme"), { timeout: 15000 })
      .toBe("high-contrast");
    const r = await auditEveryPanel(page, "high-contrast");
    expect(r.audited).toEqual(EVERY_PANEL);
    expect(r.findings).toEqual([]);
    expect(r.withoutH1).toEqual([]);
  });

  it("under forced colours the active option of the matter search and the untagged queue is outlined, not marked by background alone", async () => {
    // Forced colours are still on from the previous test.
    const frame = pane(page);
    const outline = (l: Locator) =>
      l.evaluate((el) => {
        const s = getComputedStyle(el);
        // An element without an outline still computes outline-width "medium"; only a drawn outline has a width.
        return s.outlineStyle === "none" ? "none" : `${s.outlineStyle} ${parseFloat(s.outlineWidth) >= 2 ? "thick" : "thin"}`;
      });
    await frame.getByRole("tab", { name: "Matters" }).click();
    const box = frame.getByTestId("matter-search-input");
    await box.fill("a");
    const options = frame.getByTestId("matter-search-option");
    await expect.poll(() => options.count(), { timeout: 15000 }).toBeGreaterThan(1);
    expect(await outline(options.nth(0))).toBe("solid thick");
    expect(await outline(options.nth(1))).toBe("none");
    await frame.getByTestId("queue-load").click();
    const items = frame.getByTestId("queue-item");
    await expect.poll(() => items.count(), { timeout: 30000 }).toBeGreaterThan(1);
    expect(await outline(items.nth(0))).toBe("solid thick");
    expect(await outline(items.nth(1))).toBe("none");
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
