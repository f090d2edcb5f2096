import { afterEach, describe, expect, it } from "vitest";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { aliases } from "../scripts/aliases.mjs";

// What `npm run build` (webpack --mode production) deploys: the add-in's pages, their scripts, the manifest and the
// icons. The workbench, its sample firm and the simulators are for `npm start` and the browser tests only.
const root = resolve(__dirname, "..");
const rel = (p: string) => relative(root, p).split("\\").join("/");

interface Plugin {
  readonly userOptions?: { readonly filename?: string };
  readonly patterns?: readonly { readonly from: string; readonly to: string; readonly transform?: (content: Buffer) => string | Buffer }[];
}
interface Config {
  readonly entry: Record<string, string>;
  readonly devtool: string;
  readonly output: { readonly path: string; readonly sourceMapFilename?: string };
  readonly plugins: readonly Plugin[];
}
interface ConfigModule {
  default: (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config>;
  productionBaseUrl: (value?: string) => string;
}

// @ts-expect-error plain ESM config without types
const loadConfig = async () => (await import("../webpack.config.js")) as ConfigModule;
const production = async (env: Record<string, unknown> = {}) => (await loadConfig()).default(env, { mode: "production" });
const pages = (config: Config) => config.plugins.flatMap((p) => (p.userOptions?.filename ? [p.userOptions.filename] : []));
const copied = (config: Config) => config.plugins.flatMap((p) => p.patterns ?? []);

const SPECIFIER =
  /(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The project file an import names (aliases, relative paths, webpack's extensions), or null for a package. */
function resolveImport(from: string, query: string): string | null {
  // A resource query (`?raw`) names the same file.
  const spec = query.replace(/\?.*$/, "");
  let base: string | null = null;
  if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else {
    const alias = Object.keys(aliases).find((a) => spec === a || spec.startsWith(`${a}/`));
    if (alias) base = aliases[alias] + spec.slice(alias.length);
  }
  if (base === null) return null;
  const stem = base.replace(/\.js$/, "");
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${base}.mjs`, join(base, "index.ts"), join(base, "index.tsx")])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  throw new Error(`${rel(from)}: cannot resolve ${spec}`);
}

/** Every project file the entries reach through static and dynamic imports: what webpack can put in their bundles. */
function reachable(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(root, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(tsx?|mjs|js)$/.test(file)) continue;
    for (const m of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const target = resolveImport(file, m[1] ?? m[2] ?? m[3]);
      if (target) queue.push(target);
    }
  }
  return new Set([...seen].map(rel));
}

const DEMO_ONLY = /^(src\/workbench\/|src\/simulators\/|data\/)/;

describe("npm run build ships only the add-in", () => {
  const saved = process.env.MATTERLINE_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.MATTERLINE_BASE_URL;
    else process.env.MATTERLINE_BASE_URL = saved;
  });

  it("builds the task pane, the commands and the sign-in page, and copies only the manifest, help page and icons", async () => {
    const config = await production();
    expect(Object.keys(config.entry).sort()).toEqual(["auth", "commands", "taskpane"]);
    expect(pages(config).sort()).toEqual(["auth.html", "commands.html", "taskpane.html"]);
    expect(copied(config).map((p) => p.from)).toEqual(["assets", "src/hosts/taskpane/help.html", "manifest.xml"]);
  });

  it("nothing the production entries import is workbench, simulator or sample code", async () => {
    const config = await production();
    const files = reachable(Object.values(config.entry));
    expect(files).toContain("src/features/filing/wire.ts"); // the walk follows the pane's lazy imports
    expect([...files].filter((f) => DEMO_ONLY.test(f))).toEqual([]);
    // The same walk from the workbench build's entries finds them: the check can fail.
    const demo = reachable(Object.values((await production({ workbench: true })).entry));
    expect([...demo].filter((f) => DEMO_ONLY.test(f)).length).toBeGreaterThan(10);
  });

  it("the workbench build adds the workbench pages for npm start and the browser tests", async () => {
    const config = await production({ workbench: true });
    expect(Object.keys(config.entry)).toEqual(expect.arrayContaining(["workbench", "workbenchPane"]));
    expect(pages(config)).toEqual(expect.arrayContaining(["index.html", "workbench-pane.html"]));
    const development = await (await loadConfig()).default({}, { mode: "development" });
    expect(Object.keys(development.entry)).toEqual(expect.arrayContaining(["workbench", "workbenchPane"]));
  });

  it("source maps are hidden and written outside the deployed folder", async () => {
    for (const config of [await production(), await production({ workbench: true })]) {
      expect(config.devtool).toBe("hidden-source-map");
      const mapsDir = resolve(config.output.path, dirname(config.output.sourceMapFilename ?? "."));
      expect(relative(config.output.path, mapsDir).startsWith("..")).toBe(true);
    }
  });

  it("refuses a base URL that is not https, with a clear message", async () => {
    const { productionBaseUrl } = await loadConfig();
    for (const bad of ["http://addin.firm.example", "addin.firm.example", "ftp://addin.firm.example", "https://", "https://x.example/?a=1"])
      expect(() => productionBaseUrl(bad), bad).toThrow(/MATTERLINE_BASE_URL must be an https:\/\/ address/);
    expect(productionBaseUrl("https://addin.firm.example/")).toBe("https://addin.firm.example");
    process.env.MATTERLINE_BASE_URL = "http://addin.firm.example";
    await expect(production()).rejects.toThrow(/got "http:\/\/addin.firm.example"/);
  });

  it("the deployed manifest points only at the https base URL", async () => {
    process.env.MATTERLINE_BASE_URL = "https://addin.firm.example";
    const manifest = copied(await production()).find((p) => p.to === "manifest.xml")!;
    const xml = String(manifest.transform!(readFileSync(join(root, "manifest.xml"))));
    expect(xml).not.toContain("localhost");
    expect(xml).toContain("https://addin.firm.example/taskpane.html");
    // Every address Outlook loads (DefaultValue attributes, AppDomain elements); xmlns names are not addresses.
    const addresses = [...xml.matchAll(/DefaultValue="(\w+:\/\/[^"]*)"|<AppDomain>([^<]*)</g)].map((m) => m[1] ?? m[2]);
    expect(addresses.length).toBeGreaterThan(5);
    expect(addresses.filter((a) => !a.startsWith("https://"))).toEqual([]);
  });
});
