import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";

const root = resolve(__dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) found.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return found;
}

describe("dependency direction", () => {
  const core = join(root, "src/core");

  it("core imports only core (no packages that touch Office, Graph, DOM, storage or Node)", () => {
    const violations: string[] = [];
    // Pure, host-free libraries core may use for domain work (dates, parsing of text).
    const allowedPackages = new Set(["luxon", "chrono-node", "syllable", "fuse.js", "papaparse", "unified", "retext-english", "retext-simplify", "retext-passive", "nlcst-to-string", "unist-util-visit"]);
    for (const file of filesUnder(core)) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".")) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(core)) violations.push(`${relative(root, file)} → ${spec}`);
        } else if (!allowedPackages.has(spec)) {
          violations.push(`${relative(root, file)} → ${spec}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("ui never imports adapters", () => {
    const violations = filesUnder(join(root, "src/ui")).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith(".") && resolve(dirname(file), spec).startsWith(join(root, "src/adapters")))
        .map((spec) => `${relative(root, file)} → ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it("core does not read the clock", () => {
    const offenders = filesUnder(core).filter((file) => /Date\.now\(\)|new Date\(\)|DateTime\.now\(\)|DateTime\.local\(\)/.test(readFileSync(file, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
