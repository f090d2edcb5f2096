import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pane, useWorkbench } from "./browser";

/**
 * The lowest contrast ratio (WCAG 2: (L1 + 0.05) / (L2 + 0.05)) between the rendered text colour of every element
 * holding text inside `[data-testid=digest-preview]` and the background painted behind it (the nearest ancestor with
 * an opaque background), with the worst few named.
 */
async function previewContrast(page: Page): Promise<{ min: number; worst: string[]; texts: number }> {
  return pane(page)
    .getByTestId("digest-preview")
    .evaluate((root) => {
      const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      const lum = ([r, g, b]: number[]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor);
          if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const found: { ratio: number; what: string }[] = [];
      for (const el of [root, ...root.querySelectorAll("*")]) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim());
        if (!own || (el as HTMLElement).offsetParent === null) continue;
        const fg = lum(rgba(getComputedStyle(el).color).slice(0, 3));
        const bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        found.push({
          ratio,
          what: `${el.tagName.toLowerCase()} "${(el.textContent ?? "").slice(0, 30)}" ${getComputedStyle(el).color} on ${background(el).join(",")}`,
        });
      }
      found.sort((a, b) => a.ratio - b.ratio);
      return { min: found[0]?.ratio ?? 0, worst: found.slice(0, 3).map((f) => `${f.ratio.toFixed(2)} ${f.what}`), texts: found.length };
    });
}

/** How far the preview, and the pane as a whole, reach past their right edge (0: nothing cut off). */
async function overflow(page: Page): Promise<{ preview: number; pane: number }> {
  const frame = pane(page);
  const preview = await frame.getByTestId("digest-preview").evaluate((el) => {
    const limit = el.getBoundingClientRect().right + 0.5;
    const widest = Math.max(...[...el.querySelectorAll("*")].map((c) => c.getBoundingClientRect().right));
    return Math.max(el.scrollWidth - el.clientWidth, Math.ceil(widest - limit), 0);
  });
  const paneOverflow = await frame
    .locator("body")
    .evaluate((b) => Math.max(b.scrollWidth - b.clientWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth));
  return { preview, pane: paneOverflow };
}

/** The innermost elements that reach past the pane's right edge, named for a failure message. */
async function offenders(page: Page): Promise<string[]> {
  return pane(page)
    .locator("body")
    .evaluate((b) => {
      const preview = b.querySelector("[data-testid=digest-preview]");
      const limit = b.clientWidth + 1;
      const inPreview = preview
        ? [...preview.querySelectorAll<HTMLElement>("*")]
            .filter((el) => el.getBoundingClientRect().right > preview.getBoundingClientRect().right + 0.5)
            .slice(0, 3)
            .map(
              (el) =>
                `in the preview: ${el.tagName.toLowerCase()} "${(el.textContent ?? "").slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)} of ${Math.round(preview.getBoundingClientRect().right)}`,
            )
        : [];
      return [
        ...inPreview,
        ...[...b.querySelectorAll<HTMLElement>("*")]
          .filter(
            (el) => el.getBoundingClientRect().right > limit && ![...el.children].some((c) => c.getBoundingClientRect().right > limit),
          )
          .slice(0, 5)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)}`,
          ),
      ];
    });
}

/** True when each digest row's values sit one above the other (a list), false when side by side (a table row). */
async function stacked(page: Page): Promise<boolean> {
  return pane(page)
    .getByTestId("digest-row")
    .first()
    .evaluate((row) => {
      const lefts = [...row.querySelectorAll("td")].map((td) => Math.round(td.getBoundingClientRect().left));
      return new Set(lefts).size === 1;
    });
}

async function themeOf(page: Page): Promise<string | null> {
  return pane(page).locator("[data-theme]").first().getAttribute("data-theme");
}

describe("the digest preview in every theme, at 320 px", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("opens the preview of the overdue digest; at a wide pane its emails are a table", async () => {
    const frameEl = page.locator("[data-testid=taskpane-frame]");
    await frameEl.evaluate((el) => {
      (el as HTMLElement).style.width = "640px";
      (el as HTMLElement).style.flex = "0 0 640px";
    });
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Overdue" }).click();
    await frame.getByTestId("digest-open").click();
    await expect.poll(() => frame.getByTestId("digest-row").count(), { timeout: 30000 }).toBeGreaterThan(0);
    expect(await stacked(page)).toBe(false);
    expect(await frame.getByTestId("digest-preview").getByRole("columnheader").first().isVisible()).toBe(true);
  });

  for (const theme of ["light", "dark", "high-contrast"] as const) {
    it(`${theme}: at 320 px nothing is cut off, each email is a stacked list, and every text has contrast ≥ 4.5:1`, async () => {
      const frameEl = page.locator("[data-testid=taskpane-frame]");
      await frameEl.evaluate((el) => {
        (el as HTMLElement).style.width = "320px";
        (el as HTMLElement).style.flex = "0 0 320px";
      });
      await expect.poll(() => frameEl.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(320);
      if (theme === "dark" && (await themeOf(page)) !== "dark") await page.getByTestId("theme-toggle").click();
      if (theme === "high-contrast") await page.emulateMedia({ forcedColors: "active" });
      await expect.poll(() => themeOf(page), { timeout: 15000 }).toBe(theme);

      const frame = pane(page);
      await expect.poll(() => frame.getByTestId("digest-row").count(), { timeout: 15000 }).toBeGreaterThan(0);
      expect(await stacked(page)).toBe(true);
      expect(await overflow(page), (await offenders(page)).join("\n")).toEqual({ preview: 0, pane: 0 });
      const contrast = await previewContrast(page);
      expect(contrast.texts).toBeGreaterThan(5);
      expect(contrast.min, contrast.worst.join("\n")).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("Send to me says where the digest went", async () => {
    const frame = pane(page);
    await frame.getByTestId("digest-send").click();
    await expect
      .poll(() => frame.getByTestId("digest-sent").textContent(), { timeout: 30000 })
      .toMatch(/^Sent to [^\s@]+@[^\s@]+ — check your inbox\. A copy is in your Sent Items\.$/);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
