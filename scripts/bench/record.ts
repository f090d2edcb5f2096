/**
 * The shared matter record (a SharePoint list and library through Graph), against the simulator at 50 ms a request:
 * requests of a first sync of 5,000 filed emails and of a sync when nothing changed; requests and concurrency of
 * filing 100 emails with their .eml; the Matters timeline of a 5,000-entry matter from the local copy (IndexedDB);
 * and, in headless Chromium, one click to "Filed" for a 100 KB email in the workbench.
 */
import "fake-indexeddb/auto";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { atMost, info, median, type BenchLine } from "./benchLine";
import { createGraphSimulator, type GraphSimulator } from "@simulators/graph";
import { createGraphClient, createGraphMailboxMirror } from "@adapters/graph";
import { createGraphMatterRecord } from "@adapters/graph/record/graphMatterRecord";
import { provisionRecord } from "@adapters/graph/record/provisionRecord";
import { RECORD_LIST, RECORD_LIBRARY } from "@adapters/graph/record/recordSchema";
import { toFields } from "@adapters/graph/record/recordFields";
import { dbNameFor, idbStores, openMatterlineDb } from "@adapters/storage";
import { toStored } from "@adapters/storage/storedLogEntry";
import { createDirectoryProvider } from "@domain/directory/directoryProvider";
import { MemoryDirectoryStore } from "@adapters/storage/memoryStores";
import { MatterLog, categoryResolver } from "@domain/matterLog";
import { drainOutbox, mirrorExecutor, unmirrorExecutor } from "@domain/outbox";
import { RECORD_FILE_KIND, RECORD_KIND } from "@domain/record/types";
import type { SharedEntry } from "@domain/record/types";
import type { Directory } from "@domain/directory/types";
import { createRecordService } from "@features/record/service";
import { buildTimeline } from "@features/matters/matterTimeline";
import { TIMELINE_PAGE } from "@features/matters/api";
import { DEFAULT_OVERDUE_SETTINGS } from "@domain/clock/overdueSettings";
import directoryJson from "../../data/sample/directory.json";
// @ts-expect-error plain ESM helper without types
import * as serveDistModule from "../serveDist.mjs";
// @ts-expect-error plain ESM helper without types
import * as chromiumModule from "../chromium.mjs";
import type { Browser } from "playwright-core";

// What the two plain ESM helpers export (see their sources), typed as the taskpane bench types them.
const { serveDist } = serveDistModule as { serveDist: (dir: string) => Promise<{ url: string; close: () => Promise<void> }> };
const { launchChromium, chromiumAvailable } = chromiumModule as {
  launchChromium: () => Promise<Browser>;
  chromiumAvailable: () => boolean;
};

const LATENCY_MS = 50;
const HOST = "bramleysutton.sharepoint.example";
const SITE = `https://${HOST}/sites/Matters`;
const NOW = new Date("2025-08-26T15:30:00Z");
const directory = directoryJson as unknown as Directory;
const firmDomains = directory.firm.domains;
const me = directory.people[0].email;

async function firmSim(): Promise<GraphSimulator> {
  const sim = createGraphSimulator({ latencyMs: LATENCY_MS, signedInUser: me, clock: () => NOW.getTime() });
  sim.sharePoint.addSite(HOST, "/sites/Matters", "Matters");
  await provisionRecord(createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("admin") }, fetchImpl: sim.fetch }), SITE);
  return sim;
}

function entry(i: number, matterId: string): SharedEntry {
  const matter = directory.matters.find((m) => m.id === matterId)!;
  const client = directory.clients.find((c) => c.id === matter.clientId)!;
  const contact = client.contacts[0] ?? { name: "Client", email: `client@${client.domains[0] ?? "client.example"}` };
  const inbound = i % 2 === 0;
  const at = new Date(NOW.getTime() - (5000 - i) * 3_600_000).toISOString();
  return {
    internetMessageId: `<bench-${i}@record.example>`,
    conversationId: `conv-${Math.floor(i / 2)}`,
    direction: inbound ? "inbound" : "outbound",
    from: inbound ? { name: contact.name, email: contact.email } : { name: "Katherine Sutton", email: me },
    to: inbound ? [{ email: me }] : [{ name: contact.name, email: contact.email }],
    cc: [],
    subject: `Bench message ${i} about the matter`,
    sentAt: at,
    receivedAt: at,
    snippet: "A short excerpt of the message, as the timeline shows it.",
    attachmentNames: [],
    matterId,
    category: `${matter.number} ${matter.title}`.slice(0, 40),
    loggedBy: me,
    loggedAt: at,
    source: "manual",
    timeEntry: i % 5 === 0 ? { tenths: 3, narrative: "Reviewed" } : null,
  };
}

async function device(sim: GraphSimulator, dbName: string) {
  const graph = createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("bench") }, fetchImpl: sim.fetch });
  const db = await openMatterlineDb(dbName);
  const stores = idbStores(db);
  const loaded = (await createDirectoryProvider(new MemoryDirectoryStore(), { directory, importedAt: NOW.toISOString() }).current())!;
  const record = createGraphMatterRecord(graph, { siteUrl: SITE });
  const service = createRecordService({
    record: () => Promise.resolve(record),
    local: stores.record,
    log: stores.log,
    outbox: stores.outbox,
    settings: stores.settings,
    directory: () => Promise.resolve(loaded),
    me,
    now: () => NOW,
  });
  const log = new MatterLog({ ...stores, categoryFor: categoryResolver(directory), firmDomains });
  const mirror = createGraphMailboxMirror(graph);
  const executors = {
    mirror: mirrorExecutor(mirror),
    unmirror: unmirrorExecutor(mirror),
    [RECORD_KIND]: service.executor(),
    [RECORD_FILE_KIND]: service.fileExecutor(),
  };
  // As the pane does: the items first, then (the drain right after) their stored messages; both are counted.
  const drain = async () => {
    const now = new Date(NOW.getTime() + 60_000);
    const items = await drainOutbox({ store: stores.outbox, executors, now });
    const messages = await drainOutbox({ store: stores.outbox, executors, now });
    return { failed: items.failed + messages.failed };
  };
  return { db, stores, service, log, drain, loaded };
}

async function syncFigures(): Promise<BenchLine[]> {
  const sim = await firmSim();
  const matters = directory.matters.filter((m) => m.status === "open").map((m) => m.id);
  const rows = Array.from({ length: 5000 }, (_, i) => {
    const e = entry(i, matters[i % matters.length]);
    const clientId = directory.matters.find((m) => m.id === e.matterId)!.clientId;
    return {
      ...toFields(
        e,
        clientId,
        [{ internetMessageId: e.internetMessageId, at: e.loggedAt, by: me, action: "logged", fromMatterId: null, toMatterId: e.matterId }],
        null,
      ),
    };
  });
  sim.sharePoint.addItems(SITE, RECORD_LIST, rows);
  const d = await device(sim, "bench-sync");
  sim.resetStats();
  const t0 = performance.now();
  const first = await d.service.sync();
  const firstMs = performance.now() - t0;
  const firstRequests = sim.stats.totalRequests;
  const inFlight = sim.stats.maxInFlight;
  sim.resetStats();
  await d.service.sync();
  const incremental = sim.stats.totalRequests;
  d.db.close();
  return [
    atMost("record.firstSyncRequests5k", firstRequests, "requests", 30),
    info("record.firstSyncMs5k", firstMs, "ms"),
    info("record.firstSyncEntries", first.changed, "entries"),
    atMost("record.incrementalSyncRequests", incremental, "requests", 1),
    info("record.syncMaxInFlight", inFlight, "requests"),
  ];
}

async function fileFigures(): Promise<BenchLine[]> {
  const sim = await firmSim();
  const d = await device(sim, "bench-file");
  const open = directory.matters.filter((m) => m.status === "open");
  const body = `${"The client asks about the lease terms and the next hearing date. ".repeat(40)}\n`;
  const messages = Array.from({ length: 100 }, (_, i) => {
    const matter = open[i % 5];
    const client = directory.clients.find((c) => c.id === matter.clientId)!;
    const from = client.contacts[0] ?? { name: "Client", email: `client@${client.domains[0]}` };
    const g = sim.addMessage(me, "inbox", {
      internetMessageId: `<file-${i}@record.example>`,
      conversationId: `fconv-${i}`,
      subject: `Filing bench ${i}`,
      from: { emailAddress: { name: from.name, address: from.email } },
      toRecipients: [{ emailAddress: { address: me } }],
      receivedDateTime: new Date(NOW.getTime() - i * 60_000).toISOString(),
      body: { contentType: "text", content: body },
    });
    return { g, matterId: matter.id, from };
  });
  for (const { g, matterId, from } of messages)
    await d.log.log({
      message: {
        id: g.internetMessageId!,
        internetMessageId: g.internetMessageId!,
        conversationId: g.conversationId!,
        subject: g.subject!,
        from: { name: from.name, email: from.email },
        to: [{ email: me }],
        cc: [],
        sentAt: g.receivedDateTime!,
        receivedAt: g.receivedDateTime!,
        bodyText: body,
        attachmentNames: [],
      },
      matterId,
      by: me,
      now: NOW,
      source: "bulk",
    });
  sim.resetStats();
  const t0 = performance.now();
  const result = await d.drain();
  const ms = performance.now() - t0;
  const requests = sim.stats.totalRequests;
  const inFlight = sim.stats.maxInFlight;
  const filed = sim.sharePoint.listItems(SITE, RECORD_LIST).length;
  const stored = (sim.sharePoint.library(SITE, RECORD_LIBRARY)?.children ?? []).reduce((n, f) => n + f.children.length, 0);
  d.db.close();
  return [
    atMost("record.fileRequestsPer100", requests, "requests", 320),
    atMost("record.maxInFlight", inFlight, "requests", 4),
    info("record.fileMsPer100", ms, "ms"),
    info("record.filedItems", filed, "items"),
    info("record.storedMessages", stored, "files"),
    ...(result.failed ? [info("record.fileFailures", result.failed, "operations")] : []),
  ];
}

/**
 * A matter of 5,000 logged emails opened as the pane opens it: its newest page read through the [matterId, time]
 * index and its count, then the page's timeline built (with each client email's reply status). The whole matter's
 * read and build (what an export reads) is printed beside it.
 */
async function timelineFigure(): Promise<BenchLine[]> {
  const db = await openMatterlineDb("bench-timeline");
  const stores = idbStores(db);
  const matter = directory.matters.find((m) => m.status === "open")!;
  const entries = Array.from({ length: 5000 }, (_, i) => ({ ...entry(i, matter.id), mailbox: null, graphId: null }));
  await stores.record.apply({ putEntries: entries });
  const loaded = (await createDirectoryProvider(new MemoryDirectoryStore(), { directory, importedAt: NOW.toISOString() }).current())!;
  const log = new MatterLog({ ...stores, categoryFor: categoryResolver(directory), firmDomains });
  const context = { index: loaded.index, matter, settings: DEFAULT_OVERDUE_SETTINGS, now: NOW };
  const opened: number[] = [];
  const whole: number[] = [];
  let shown = 0;
  for (let round = 0; round < 7; round++) {
    const t0 = performance.now();
    const { entries: newest } = await log.newestForMatter(matter.id, TIMELINE_PAGE);
    shown = buildTimeline(newest, context).length;
    const t1 = performance.now();
    buildTimeline(await log.entriesForMatter(matter.id), context);
    opened.push(t1 - t0);
    whole.push(performance.now() - t1);
  }
  db.close();
  return [
    atMost("record.timelineMs5k", median(opened.slice(2)), "ms", 100),
    info("record.timelineEntries", shown, "entries"),
    info("record.timelineWholeMs5k", median(whole.slice(2)), "ms"),
  ];
}

/** The workbench built once for the browser figures (production mode, with its sample firm and simulators). */
function buildWorkbench(): string {
  const out = resolve("dist-bench-record");
  const build = spawnSync("npx", ["webpack", "--mode", "production", "--env", "workbench", "--output-path", out], { encoding: "utf8" });
  if (build.status !== 0 || !existsSync(join(out, "index.html"))) throw new Error(`build failed: ${build.stderr || build.stdout}`);
  return out;
}

/**
 * Runs in the task pane before Enter is pressed on the matter search: notes the key press and when the first timeline
 * row is in the page (the DOM mutation that puts it there).
 */
const TIMELINE_TIMER = `(() => {
  const t = { pressedAt: null, shownAt: null };
  window.__timelineTimer = t;
  document.addEventListener("keydown", (e) => {
    if (t.pressedAt === null && e.key === "Enter") t.pressedAt = performance.now();
  }, true);
  const observer = new MutationObserver(() => {
    if (t.pressedAt !== null && t.shownAt === null && document.querySelector("[data-testid=timeline-item]")) {
      t.shownAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true });
})()`;

/**
 * A matter of 5,000 logged emails opened in the workbench pane in Chromium, over the browser's own IndexedDB: from
 * Enter on the matter search to its first timeline row on screen (read, build and render). The entries are written
 * straight into the pane's database in the shape its store keeps (storedLogEntry.ts), as years of filing leave them.
 */
async function timelineShownFigure(browser: Browser, url: string): Promise<BenchLine[]> {
  const matter = directory.matters.find((m) => m.status === "open")!;
  const stored = Array.from({ length: 5000 }, (_, i) => toStored({ ...entry(i, matter.id), mailbox: null, graphId: null }));
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/index.html`);
    await page.waitForSelector("[data-testid=message-row]");
    const frame = page.frameLocator("[data-testid=taskpane-frame]");
    await frame.getByRole("tab", { name: "Matters" }).click();
    const box = frame.getByTestId("matter-search-input");
    await box.waitFor();
    const pane = await (await page.$("[data-testid=taskpane-frame]"))?.contentFrame();
    if (!pane) throw new Error("no task pane frame");
    const person = await page.evaluate(() => (window as unknown as { __workbenchDebug: { person(): string } }).__workbenchDebug.person());
    await pane.evaluate(
      async ({ name, entries }) => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error ?? new Error("the pane's database did not open"));
        });
        const tx = db.transaction("matterLog", "readwrite");
        for (const e of entries) tx.objectStore("matterLog").put(e);
        await new Promise((done, fail) => {
          tx.oncomplete = done;
          tx.onerror = () => fail(tx.error ?? new Error("the entries were not written"));
        });
        db.close();
      },
      { name: dbNameFor(person), entries: stored },
    );
    await box.fill(matter.number);
    await frame.getByTestId("matter-search-option").first().waitFor();
    await pane.evaluate(TIMELINE_TIMER);
    await box.press("Enter");
    await frame.getByRole("heading", { name: "Timeline (5000)" }).waitFor({ timeout: 30000 });
    const timed = await pane.evaluate<{ pressedAt: number | null; shownAt: number | null }>("window.__timelineTimer");
    if (timed.pressedAt === null || timed.shownAt === null) throw new Error("the key press or the first timeline row was not seen");
    times.push(timed.shownAt - timed.pressedAt);
    await context.close();
  }
  return [atMost("record.timelineShownMs5k", median(times), "ms", 100)];
}

/**
 * Runs in the task pane before the click: notes when "Log to matter" is clicked (the click event, as it reaches the
 * page) and when the pane first shows "Filed in the matter record" (the DOM mutation that puts it there). A string,
 * so the bundler's helpers do not leak into the page.
 */
const FILED_TIMER = `(() => {
  const t = { clickedAt: null, filedAt: null };
  window.__filedTimer = t;
  document.addEventListener("click", (e) => {
    if (t.clickedAt === null && e.target instanceof Element && e.target.closest("[data-testid=filing-log]")) t.clickedAt = performance.now();
  }, true);
  const seen = () => document.querySelector('[data-testid=record-status][data-state="filed"]') !== null;
  const observer = new MutationObserver(() => {
    if (t.clickedAt !== null && t.filedAt === null && seen()) {
      t.filedAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
})()`;

/** One click on "Log to matter" to "Filed in the matter record" in the workbench pane, for a 100 KB email, at 50 ms a request. */
async function fileOneFigure(browser: Browser, url: string): Promise<BenchLine[]> {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/index.html?latency=${LATENCY_MS}`);
    await page.waitForSelector("[data-testid=message-row]");
    const frame = page.frameLocator("[data-testid=taskpane-frame]");
    const rows = page.locator("[data-testid=message-row]");
    let ready = false;
    for (let i = 0; i < 30 && !ready; i++) {
      const row = rows.nth(i);
      await row.click();
      await page.waitForTimeout(300);
      for (let w = 0; w < 100 && (await frame.locator("[data-testid=filing-log]").count()) === 0; w++) {
        if ((await frame.locator("[data-testid=filing-not-client], [data-testid=filing-logged]").count()) > 0) break;
        await page.waitForTimeout(100);
      }
      if ((await frame.locator("[data-testid=filing-log]").count()) === 0) continue;
      // Make this email 100 KB: its MIME in the simulated mailbox (what the pane reads through $value and stores).
      const itemId = (await row.getAttribute("data-item-id"))!;
      await page.evaluate((id) => {
        const debug = (window as unknown as { __workbenchDebug: { sim: GraphSimulator; person(): string } }).__workbenchDebug;
        const graphId = id.replace(/\//g, "-").replace(/\+/g, "_");
        const text = `Subject: Bench\r\nMessage-ID: <bench-100k@record.example>\r\n\r\n${"x".repeat(100 * 1024)}`;
        debug.sim.setMessageMime(debug.person(), graphId, text);
      }, itemId);
      ready = true;
    }
    if (!ready) throw new Error("no email to file");
    // Let the pane settle (its mailbox reads) so the click is measured alone.
    await page.waitForTimeout(1500);
    // Timed inside the pane, from the click's event to the DOM change that shows "Filed": Playwright's own waiting
    // polls at growing intervals (up to 500 ms apart), which would add its polling to the figure.
    const pane = await (await page.$("[data-testid=taskpane-frame]"))?.contentFrame();
    if (!pane) throw new Error("no task pane frame");
    await pane.evaluate(FILED_TIMER);
    await frame.locator("[data-testid=filing-log]").click();
    await frame.locator('[data-testid=record-status][data-state="filed"]').waitFor({ timeout: 30000 });
    const timed = await pane.evaluate<{ clickedAt: number | null; filedAt: number | null }>("window.__filedTimer");
    if (timed.clickedAt === null || timed.filedAt === null) throw new Error("the click or the filed state was not seen");
    times.push(timed.filedAt - timed.clickedAt);
    await context.close();
  }
  return [atMost("record.fileOneMs", median(times), "ms", 1000)];
}

/** The figures measured in Chromium over the built workbench: one build, one browser. */
async function browserFigures(): Promise<BenchLine[]> {
  if (!chromiumAvailable()) return [];
  const server = await serveDist(buildWorkbench());
  const browser = await launchChromium();
  try {
    return [...(await fileOneFigure(browser, server.url)), ...(await timelineShownFigure(browser, server.url))];
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(): Promise<BenchLine[]> {
  return [...(await syncFigures()), ...(await fileFigures()), ...(await timelineFigure()), ...(await browserFigures())];
}
