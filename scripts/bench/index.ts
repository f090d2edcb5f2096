// Runs every bench module in this folder (each exports `run(): Promise<BenchLine[]>`) and prints its lines.
// `npm run bench -- taskpane graph` runs only the named modules.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchLine } from "./benchLine";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !["benchLine.ts", "index.ts"].includes(f))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((name) => !only.length || only.includes(name))
  .sort();

for (const name of modules) {
  try {
    const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { run?: () => Promise<BenchLine[]> };
    if (typeof mod.run !== "function") continue;
    for (const line of await mod.run()) console.log(JSON.stringify(line));
  } catch (error) {
    console.error(`bench ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
