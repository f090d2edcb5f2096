import { describe, expect, inject, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

// The built folder the browser tests serve is a production build: its source maps must not be served from it.
const dist = resolve(process.env.BROWSER_DIST || "dist");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("source maps of the production build", () => {
  it("are not in the served folder, and no script points at one", () => {
    const files = filesUnder(dist);
    const scripts = files.filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(3);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(scripts.filter((f) => readFileSync(f, "utf8").includes("sourceMappingURL"))).toEqual([]);
  });

  it("asking the server for one finds nothing", async () => {
    const baseUrl = inject("baseUrl");
    expect((await fetch(`${baseUrl}/taskpane.js`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/taskpane.js.map`)).status).toBe(404);
  });
});
