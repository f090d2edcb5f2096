import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { IdbSettingsStore } from "@adapters/storage/idbStores";
import { MemorySettingsStore } from "@adapters/storage/memoryStores";
import { openMatterlineDb } from "@adapters/storage/openDb";
import { holdsToken } from "@adapters/storage/tokenGuard";
import type { SettingsStore } from "@ports/settingsStore";

const root = resolve(__dirname, "..");
const rel = (file: string) => relative(root, file).split("\\").join("/");

function filesUnder(dir: string, pattern = /\.(ts|tsx|js|mjs|html)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const sources = filesUnder(join(root, "src")).map((file) => ({ file: rel(file), text: readFileSync(file, "utf8") }));

/** `file:line: text` of every line matching `re` (comments included: a comment naming a sink is cheap to reword). */
function hits(re: RegExp, keep: (file: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const { file, text } of sources) {
    if (!keep(file)) continue;
    text.split("\n").forEach((line, i) => {
      if (re.test(line)) out.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  return out;
}

describe("no HTML injection sinks in src", () => {
  it("never uses dangerouslySetInnerHTML (mail content is rendered as text)", () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(hits(/dangerouslySetInnerHTML/)).toEqual([]);
  });

  it("never writes markup or code from strings (innerHTML, outerHTML, insertAdjacentHTML, document.write, eval, new Function)", () => {
    expect(hits(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(|\beval\(|new Function\(/)).toEqual([]);
  });
});

describe("network access only through the Graph adapter", () => {
  // The workbench's entry wires the Graph simulator in front of the pane (its "network"); it never leaves the page.
  const allowed = (file: string) => file.startsWith("src/adapters/graph/") || file === "src/workbench/index.tsx";

  it("no fetch / XMLHttpRequest / WebSocket / sendBeacon outside src/adapters/graph", () => {
    expect(hits(/\bfetch\(|XMLHttpRequest|\bWebSocket\b|sendBeacon|EventSource\(/, (f) => !allowed(f))).toEqual([]);
  });

  it("the checker itself catches a network call (it can fail)", () => {
    const re = /\bfetch\(|XMLHttpRequest|\bWebSocket\b|sendBeacon/;
    expect(["await fetch(url)", "navigator.sendBeacon(u, d)", "new WebSocket(u)", "window.fetch(x)"].every((l) => re.test(l))).toBe(true);
    expect(["graphFetch(input)", "prefetch(x)"].some((l) => re.test(l))).toBe(false);
  });
});

describe("content security policy of every built page", () => {
  function directives(csp: string): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const part of csp
      .split(";")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [name, ...values] = part.split(/\s+/);
      map.set(name.toLowerCase(), values);
    }
    return map;
  }

  async function builtPages(): Promise<{ filename: string; template: string; csp: unknown }[]> {
    // @ts-expect-error plain ESM config without types
    const config = (await import("../webpack.config.js")) as { default: (env: object, argv: object) => Promise<unknown> };
    const configs = [await config.default({ workbench: true }, { mode: "production" })].flat() as {
      plugins?: { userOptions?: { filename?: string; template?: string; templateParameters?: { csp?: unknown } } }[];
    }[];
    return configs
      .flatMap((c) => c.plugins ?? [])
      .filter((p) => p.userOptions?.template)
      .map((p) => ({
        filename: String(p.userOptions!.filename),
        template: String(p.userOptions!.template),
        csp: p.userOptions!.templateParameters?.csp,
      }));
  }

  it("every page template puts the CSP in a meta tag", () => {
    for (const template of ["src/hosts/taskpane/page.html", "src/workbench/workbench.html"]) {
      const html = readFileSync(join(root, template), "utf8");
      expect(html, template).toMatch(/<meta\s+http-equiv="Content-Security-Policy"\s+content="<%= csp %>"\s*\/?>/);
    }
  });

  it("default-src 'self', connect-src only to the app, Graph and Microsoft sign-in, no plugins, no eval", async () => {
    const pages = await builtPages();
    expect(pages.map((p) => p.filename)).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "auth.html"]));
    for (const page of pages) {
      expect(typeof page.csp, page.filename).toBe("string");
      const d = directives(page.csp as string);
      expect(d.get("default-src"), page.filename).toEqual(["'self'"]);
      expect(d.get("object-src"), page.filename).toEqual(["'none'"]);
      const connect = d.get("connect-src") ?? [];
      expect(connect, page.filename).toContain("'self'");
      expect(
        connect.filter((s) => !["'self'", "https://graph.microsoft.com", "https://login.microsoftonline.com"].includes(s)),
        page.filename,
      ).toEqual([]);
      const scripts = d.get("script-src") ?? [];
      expect(
        scripts.filter((s) => /unsafe-eval|unsafe-inline|\*|^https?:$|^data:$/.test(s)),
        page.filename,
      ).toEqual([]);
      expect(d.get("base-uri"), page.filename).toEqual(["'self'"]);
    }
  });
});

describe("no tokens in IndexedDB", () => {
  let n = 0;
  const stores: [string, () => Promise<SettingsStore>][] = [
    ["indexeddb", async () => new IdbSettingsStore(await openMatterlineDb(`security-${++n}`))],
    ["memory", () => Promise.resolve(new MemorySettingsStore())],
  ];
  const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

  it.each(stores)("%s settings refuse token-like keys and values, and store nothing of them", async (_name, make) => {
    const settings = await make();
    const refused: [string, unknown][] = [
      ["accessToken", "abc"],
      ["msal.refresh_token", "abc"],
      ["graphSecret", "x"],
      ["password", "hunter2"],
      ["auth", { nested: { deeper: jwt } }],
      ["profile", { credentials: "x" }],
      ["lastValue", ` ${jwt} `],
    ];
    for (const [key, value] of refused) {
      await expect(settings.set(key, value), key).rejects.toMatchObject({ code: "invalid-input" });
      expect(await settings.get(key), key).toBeUndefined();
    }
    await settings.set("filing", { autoLog: true, threshold: 0.9 });
    expect(await settings.get("filing")).toEqual({ autoLog: true, threshold: 0.9 });
  });

  it("the guard looks inside arrays and objects, and lets ordinary data through", () => {
    expect(holdsToken("list", [{ a: 1 }, { b: jwt }])).toBe(true);
    expect(holdsToken("x", { id_token: "short" })).toBe(true);
    expect(holdsToken("digest", { hour: 8, days: ["mon"], note: "eyJ is not a token on its own" })).toBe(false);
  });

  it("only the storage adapter (with its guard) opens IndexedDB", () => {
    // Feature detection (`typeof indexedDB`) elsewhere is fine; opening a database is not.
    expect(hits(/indexedDB\.(open|deleteDatabase)\(|from "idb"|\bopenDB\(/, (f) => !f.startsWith("src/adapters/storage/"))).toEqual([]);
  });
});

describe("hosts named in src", () => {
  // outlook.office365.com: the web link Graph itself returns on a message, which the simulator imitates; never fetched.
  const allowedHosts = new Set([
    "graph.microsoft.com",
    "login.microsoftonline.com",
    "appsforoffice.microsoft.com",
    "localhost",
    "outlook.office365.com",
  ]);
  const allowedHost = (host: string) => allowedHosts.has(host) || host === "example" || host.endsWith(".example");

  it("every https:// host is Microsoft's Graph, sign-in or Office.js, localhost, or a .example test domain", () => {
    const found = new Map<string, string>();
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/https:\/\/([A-Za-z0-9.-]+)/g)) {
        const host = m[1].toLowerCase().replace(/\.$/, "");
        if (host && !allowedHost(host)) found.set(host, file);
      }
    }
    expect(Object.fromEntries(found)).toEqual({});
  });

  it("no plain http:// except localhost", () => {
    const bad: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/http:\/\/([A-Za-z0-9.-]+)/g))
        if (m[1].toLowerCase() !== "localhost" && m[1] !== "127.0.0.1") bad.push(`${file}: ${m[0]}`);
    }
    expect(bad).toEqual([]);
  });
});
