import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };

describe("the project's own promises", () => {
  it("every file an npm script runs exists", () => {
    const missing: string[] = [];
    for (const [name, command] of Object.entries(pkg.scripts)) {
      for (const m of command.matchAll(/(?:^|\s)(?:node|tsx)\s+(\S+\.(?:mjs|js|ts))/g)) {
        if (!existsSync(join(root, m[1]))) missing.push(`${name}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("npm test fails on any lint problem: it runs npm run lint after the type checks, before the tests", () => {
    const script = readFileSync(join(root, "scripts/test.mjs"), "utf8");
    const at = (step: string) => script.indexOf(step);
    expect(pkg.scripts.lint).toMatch(/eslint \. --max-warnings=0/);
    expect(pkg.scripts.lint).toMatch(/prettier --check \./);
    expect(at(`"run", "--silent", "lint"`)).toBeGreaterThan(at(`"tsconfig.pure.json"`));
    expect(at(`"run", "--silent", "lint"`)).toBeLessThan(at(`["vitest", "run"`));
  });

  it("npm start serves the workbench with webpack's dev server, and start:https the certificate-backed one", () => {
    // scripts/start.mjs takes the workbench's own options (--directory, --mail) and runs webpack's dev server.
    expect(pkg.scripts.start).toBe("node scripts/start.mjs");
    expect(pkg.scripts["start:https"]).toBe("node scripts/start.mjs --https");
    const start = readFileSync(join(root, "scripts/start.mjs"), "utf8");
    expect(start).toContain(`[cli, "serve", "--mode", "development", ...(values.https ? ["--env", "https"] : [])]`);
  });

  it("the README shows the run and test commands, and .ci/run runs the test command", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
    const ci = readFileSync(join(root, ".ci/run"), "utf8");
    expect(ci).toMatch(/npm ci/);
    expect(ci).toMatch(/npm test/);
  });
});
