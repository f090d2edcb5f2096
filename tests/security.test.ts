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

  type Plugin = {
    userOptions?: { filename?: string; template?: string; templateParameters?: { csp?: unknown } };
    definitions?: Record<string, string>;
  };

  /** The production config built with these MATTERLINE_* variables set (and the others unset). */
  async function productionConfig(vars: Record<string, string> = {}): Promise<{ plugins: Plugin[] }> {
    // @ts-expect-error plain ESM config without types
    const config = (await import("../webpack.config.js")) as { default: (env: object, argv: object) => Promise<unknown> };
    const names = ["MATTERLINE_AUTHORITY", "MATTERLINE_GRAPH_ENDPOINT"];
    const saved = names.map((n) => [n, process.env[n]] as const);
    for (const n of names) delete process.env[n];
    Object.assign(process.env, vars);
    try {
      const configs = [await config.default({ workbench: true }, { mode: "production" })].flat() as { plugins?: Plugin[] }[];
      return { plugins: configs.flatMap((c) => c.plugins ?? []) };
    } finally {
      for (const [n, v] of saved)
        if (v === undefined) delete process.env[n];
        else process.env[n] = v;
    }
  }

  async function builtPages(vars: Record<string, string> = {}): Promise<{ filename: string; template: string; csp: unknown }[]> {
    return (await productionConfig(vars)).plugins
      .filter((p) => p.userOptions?.template)
      .map((p) => ({
        filename: String(p.userOptions!.filename),
        template: String(p.userOptions!.template),
        csp: p.userOptions!.templateParameters?.csp,
      }));
  }

  async function defined(vars: Record<string, string>): Promise<Record<string, string>> {
    return (await productionConfig(vars)).plugins.find((p) => p.definitions)?.definitions ?? {};
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
        connect.filter(
          (s) => !["'self'", "https://graph.microsoft.com", "https://login.microsoftonline.com", "https://*.sharepoint.com"].includes(s),
        ),
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

  it("follows a government cloud: Graph and sign-in hosts come from MATTERLINE_AUTHORITY and MATTERLINE_GRAPH_ENDPOINT", async () => {
    const gov = {
      MATTERLINE_AUTHORITY: "https://login.microsoftonline.us/contoso.onmicrosoft.us",
      MATTERLINE_GRAPH_ENDPOINT: "https://graph.microsoft.us",
    };
    for (const page of await builtPages(gov)) {
      const d = directives(page.csp as string);
      expect(d.get("connect-src"), page.filename).toEqual([
        "'self'",
        "https://graph.microsoft.us",
        "https://login.microsoftonline.us",
        "https://*.sharepoint.us",
        "https://*.sharepoint-mil.us",
        "https://*.dps.mil",
      ]);
      expect(d.get("frame-src"), page.filename).toEqual(["'self'", "https://login.microsoftonline.us"]);
      expect(page.csp, page.filename).not.toMatch(/graph\.microsoft\.com|login\.microsoftonline\.com/);
    }
    // The pane's Graph client and MSAL get the same hosts.
    expect(await defined(gov)).toMatchObject({
      __MATTERLINE_AUTHORITY__: JSON.stringify("https://login.microsoftonline.us/contoso.onmicrosoft.us"),
      __MATTERLINE_GRAPH_ENDPOINT__: JSON.stringify("https://graph.microsoft.us"),
    });
    // The Graph root alone names the cloud, and its sign-in host with it.
    const dod = await builtPages({ MATTERLINE_GRAPH_ENDPOINT: "https://dod-graph.microsoft.us" });
    expect(directives(dod[0].csp as string).get("connect-src")).toEqual([
      "'self'",
      "https://dod-graph.microsoft.us",
      "https://login.microsoftonline.us",
      "https://*.sharepoint.us",
      "https://*.sharepoint-mil.us",
      "https://*.dps.mil",
    ]);
    expect(await defined({ MATTERLINE_GRAPH_ENDPOINT: "https://dod-graph.microsoft.us" })).toMatchObject({
      __MATTERLINE_AUTHORITY__: JSON.stringify("https://login.microsoftonline.us/common"),
    });
  });

  it("lets an upload session reach the tenant's SharePoint host (files over 4 MB), on the build's own cloud only", async () => {
    // CSP host-source matching: "*.example.com" admits any subdomain of example.com, over the scheme given.
    const admits = (sources: readonly string[], url: string) => {
      const { protocol, host } = new URL(url);
      return sources.some((s) => {
        const m = /^(https?):\/\/(\*\.)?([^/:]+)$/.exec(s);
        if (!m || `${m[1]}:` !== protocol) return false;
        return m[2] ? host.endsWith(`.${m[3]}`) : host === m[3];
      });
    };
    const session = "https://contoso.sharepoint.com/sites/Matters/_api/v2.0/drives/b!x/items/01ABC/uploadSession?guid='g'";
    for (const page of await builtPages()) {
      const connect = directives(page.csp as string).get("connect-src") ?? [];
      expect(admits(connect, session), page.filename).toBe(true);
      expect(admits(connect, "https://contoso-my.sharepoint.com/personal/x/_api/v2.0/drive/items/1/uploadSession"), page.filename).toBe(
        true,
      );
      expect(admits(connect, "https://sharepoint.com.evil.example/upload"), page.filename).toBe(false);
      expect(admits(connect, "https://contoso.sharepoint.us/upload"), page.filename).toBe(false);
    }
    const gov = await builtPages({ MATTERLINE_GRAPH_ENDPOINT: "https://graph.microsoft.us" });
    const govConnect = directives(gov[0].csp as string).get("connect-src") ?? [];
    expect(admits(govConnect, "https://contoso.sharepoint.us/sites/Matters/_api/v2.0/drives/b!x/uploadSession")).toBe(true);
    expect(admits(govConnect, "https://contoso.sharepoint-mil.us/sites/Matters/_api/v2.0/drives/b!x/uploadSession")).toBe(true);
    expect(admits(govConnect, session)).toBe(false);
    const china = await builtPages({ MATTERLINE_AUTHORITY: "https://login.chinacloudapi.cn/common" });
    const chinaConnect = directives(china[0].csp as string).get("connect-src") ?? [];
    expect(admits(chinaConnect, "https://contoso.sharepoint.cn/sites/Matters/_api/v2.0/drives/b!x/uploadSession")).toBe(true);
    expect(admits(chinaConnect, session)).toBe(false);
  });

  it("refuses to build against a host that is not Microsoft's, or a sign-in and Graph of different clouds", async () => {
    await expect(builtPages({ MATTERLINE_GRAPH_ENDPOINT: "https://graph.evil.example" })).rejects.toThrow(/is not Microsoft Graph/);
    await expect(builtPages({ MATTERLINE_AUTHORITY: "https://login.evil.example/common" })).rejects.toThrow(/is not Microsoft sign-in/);
    await expect(builtPages({ MATTERLINE_AUTHORITY: "http://login.microsoftonline.com/common" })).rejects.toThrow(
      /must be an https:\/\/ URL/,
    );
    await expect(
      builtPages({
        MATTERLINE_AUTHORITY: "https://login.microsoftonline.com/common",
        MATTERLINE_GRAPH_ENDPOINT: "https://graph.microsoft.us",
      }),
    ).rejects.toThrow(/must be on the same cloud/);
    await expect(builtPages({ MATTERLINE_GRAPH_ENDPOINT: "https://graph.microsoft.us/v1.0" })).rejects.toThrow(/service root alone/);
  });

  it("tells the production host which headers to send: the same policy plus frame-ancestors for Outlook, no X-Frame-Options", async () => {
    // @ts-expect-error plain ESM helper without types
    const endpointsModule = (await import("../scripts/microsoftEndpoints.mjs")) as {
      microsoftEndpoints: (env: Record<string, string>) => unknown;
      productionHeaders: (endpoints: unknown) => string[];
    };
    const headers = endpointsModule.productionHeaders(
      endpointsModule.microsoftEndpoints({ MATTERLINE_GRAPH_ENDPOINT: "https://graph.microsoft.us" }),
    );
    const csp = headers.find((h) => h.startsWith("Content-Security-Policy: "))!.slice("Content-Security-Policy: ".length);
    const d = directives(csp);
    expect(d.get("connect-src")).toEqual([
      "'self'",
      "https://graph.microsoft.us",
      "https://login.microsoftonline.us",
      "https://*.sharepoint.us",
      "https://*.sharepoint-mil.us",
      "https://*.dps.mil",
    ]);
    expect(d.get("frame-ancestors")).toEqual([
      "'self'",
      "https://outlook.office.com",
      "https://outlook.office365.com",
      "https://*.cloud.microsoft",
    ]);
    expect(headers).toContain("X-Content-Type-Options: nosniff");
    expect(headers.some((h) => /^X-Frame-Options:/i.test(h))).toBe(false);
    // README tells the host about the file the build writes.
    expect(readFileSync(join(root, "README.md"), "utf8")).toMatch(/security-headers\.txt[\s\S]*frame-ancestors/);
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
  // learn.microsoft.com: Microsoft's documentation, cited in comments where code relies on a platform behaviour.
  const allowedHosts = new Set([
    "learn.microsoft.com",
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
