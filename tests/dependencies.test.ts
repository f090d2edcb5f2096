import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, resolve } from "node:path";
import { aliases } from "../scripts/aliases.mjs";

// package.json says what the project needs: every runtime dependency is imported by the product, and every package
// the code, tests and scripts import is declared (a package that only arrives through another one can vanish).
const root = resolve(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

const SPECIFIER =
  /(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const aliasNames = Object.keys(aliases);
const builtins = new Set(builtinModules);

/**
 * The packages a file imports by name ("@scope/name" or "name"), not relative files, aliases or Node's own modules.
 * With `runtimeOnly`, `import type` / `export type` are left out: TypeScript erases them, so they ship nothing.
 */
function packagesOf(file: string, runtimeOnly = false): string[] {
  const found = new Set<string>();
  for (const m of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
    if (runtimeOnly && /^(?:import|export)\s+type\s/.test(m[0])) continue;
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("node:")) continue;
    if (aliasNames.some((a) => spec === a || spec.startsWith(`${a}/`))) continue;
    const parts = spec.split("/");
    const name = spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    if (!builtins.has(name)) found.add(name);
  }
  return [...found];
}

const rel = (p: string) => relative(root, p).split("\\").join("/");
const topLevelConfigs = readdirSync(root)
  .filter((f) => /\.(ts|mjs|js)$/.test(f))
  .map((f) => join(root, f));
const productFiles = filesUnder(join(root, "src"));
const product = productFiles.map((f) => ({ file: rel(f), packages: packagesOf(f) }));
const productAtRunTime = productFiles.map((f) => ({ file: rel(f), packages: packagesOf(f, true) }));
const everything = [
  ...product,
  ...[...filesUnder(join(root, "tests")), ...filesUnder(join(root, "scripts")), ...topLevelConfigs].map((f) => ({
    file: rel(f),
    packages: packagesOf(f),
  })),
];

describe("package.json against the imports", () => {
  it("every runtime dependency is imported by the product", () => {
    const used = new Set(product.flatMap((f) => f.packages));
    expect(Object.keys(pkg.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });

  it("every package the code, tests and scripts import is declared", () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const undeclared = everything.flatMap(({ file, packages }) => packages.filter((p) => !declared.has(p)).map((p) => `${file} → ${p}`));
    expect(undeclared).toEqual([]);
  });

  it("the product imports only runtime dependencies, never a development-only one", () => {
    const devOnly = productAtRunTime.flatMap(({ file, packages }) =>
      packages.filter((p) => !(p in pkg.dependencies)).map((p) => `${file} → ${p}`),
    );
    expect(devOnly).toEqual([]);
  });
});
