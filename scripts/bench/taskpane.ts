// taskpane.initialJsGzipKB and taskpane.firstRenderRatio: the production pane's size and first render time against a
// minimal React + Fluent v9 pane built by the same webpack config, both in headless Chromium. Beside them, for context:
// the page itself (its inline <style>, which carries the light theme's CSS variables) and any stylesheet it links.
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { atMost, info, median, type BenchLine } from "./benchLine";
import { jsLoopNsPerChar } from "./machineSpeed";
import { OFFICE_STUB } from "./officeStub";
// @ts-expect-error plain ESM helpers without types (typed below)
import * as serveDistModule from "../serveDist.mjs";
// @ts-expect-error plain ESM helpers without types (typed below)
import * as chromiumModule from "../chromium.mjs";
import type { Browser } from "playwright-core";

// What the two plain ESM helpers export (see their sources); the tests import them the same untyped way.
const { serveDist } = serveDistModule as { serveDist: (dir: string) => Promise<{ url: string; close: () => Promise<void> }> };
const { launchChromium, chromiumAvailable } = chromiumModule as {
  launchChromium: () => Promise<Browser>;
  chromiumAvailable: () => boolean;
};

const OUT = resolve("dist-bench");
const LOADS = 20;

const gzipBytes = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/** The local files a page loads up front through `<tag … attribute=…>` (production HTML is minified: quotes may be gone). */
function localFiles(html: string, tag: string, attribute: string): string[] {
  const re = new RegExp(`<${tag}[^>]*\\s${attribute}=["']?([^"'\\s>]+)`, "g");
  return [...html.matchAll(re)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

/** gzip size of the scripts a page loads before anything lazy (the CDN office.js excluded). */
function initialJsGzipBytes(page: string): number {
  const html = readFileSync(join(OUT, page), "utf8");
  const scripts = localFiles(html, "script", "src");
  if (!scripts.length) throw new Error(`no scripts found in ${page}`);
  return scripts.reduce((sum, src) => sum + gzipBytes(readFileSync(join(OUT, src.replace(/^\//, "")))), 0);
}

/** gzip size of the page itself, and of the stylesheets it links. */
function pageAndCssGzipBytes(page: string): { page: number; css: number } {
  const html = readFileSync(join(OUT, page), "utf8");
  const sheets = localFiles(html, "link", "href").filter((href) => href.endsWith(".css"));
  return { page: gzipBytes(html), css: sheets.reduce((sum, href) => sum + gzipBytes(readFileSync(join(OUT, href.replace(/^\//, "")))), 0) };
}

/** ms from navigation start to the first render of [data-testid=item-subject] in a fresh browser context. */
async function firstRenderOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.route("https://appsforoffice.microsoft.com/**", (route: { fulfill(o: object): Promise<void> }) =>
      route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }),
    );
    await tab.addInitScript(() => {
      const w = window as unknown as { __firstRender?: number };
      new MutationObserver((_, obs) => {
        if (document.querySelector("[data-testid=item-subject]")) {
          w.__firstRender = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await tab.goto(url);
    await tab.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, {
      timeout: 30000,
    });
    return await tab.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender);
  } finally {
    await context.close();
  }
}

/**
 * Median first render of the pane and of the baseline over LOADS fresh loads each. Loads alternate (pane, baseline,
 * pane, …) so that a busy moment on the machine weighs on both alike instead of on whichever ran then.
 */
async function firstRenderMs(baseUrl: string): Promise<{ pane: number; baseline: number }> {
  const browser = await launchChromium();
  const pane: number[] = [];
  const baseline: number[] = [];
  try {
    await firstRenderOnce(browser, `${baseUrl}/taskpane.html`); // warm the browser's own caches once
    for (let i = 0; i < LOADS; i++) {
      pane.push(await firstRenderOnce(browser, `${baseUrl}/taskpane.html`));
      baseline.push(await firstRenderOnce(browser, `${baseUrl}/baseline.html`));
    }
  } finally {
    await browser.close();
  }
  return { pane: median(pane), baseline: median(baseline) };
}

export async function run(): Promise<BenchLine[]> {
  const build = spawnSync("npx", ["webpack", "--mode", "production", "--env", "baseline", "--output-path", OUT], { encoding: "utf8" });
  if (build.status !== 0 || !existsSync(join(OUT, "taskpane.html"))) throw new Error(`build failed: ${build.stderr || build.stdout}`);
  const { page, css } = pageAndCssGzipBytes("taskpane.html");
  const lines: BenchLine[] = [
    atMost("taskpane.initialJsGzipKB", initialJsGzipBytes("taskpane.html") / 1024, "KB", 85),
    info("taskpane.pageGzipKB", page / 1024, "KB"),
    info("taskpane.initialCssGzipKB", css / 1024, "KB"),
  ];
  if (!chromiumAvailable()) return lines;
  const server = await serveDist(OUT);
  try {
    const { pane, baseline } = await firstRenderMs(server.url);
    lines.push(
      atMost("taskpane.firstRenderRatio", pane / baseline, "ratio", 1.25),
      info("taskpane.firstRenderMs", pane, "ms"),
      info("baseline.firstRenderMs", baseline, "ms"),
      info("machine.jsLoopNsPerChar", jsLoopNsPerChar(), "ns/char (a fixed JS loop: higher means the machine is slower right now)"),
    );
  } finally {
    await server.close();
  }
  return lines;
}
