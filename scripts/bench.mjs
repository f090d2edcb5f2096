// `npm run bench`: prints one JSON line per figure {name,value,unit,target,ok}. Always exits 0: it reports, tests decide.
// Each bench module runs in a process of its own, so one module's heap and timers never slow another's measurement
// (the pane's load time is served from the bench process itself).
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";

const only = process.argv.slice(2);
const modules = readdirSync("scripts/bench")
  .filter((f) => f.endsWith(".ts") && !["benchLine.ts", "index.ts", "officeStub.ts", "machineSpeed.ts"].includes(f))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((name) => !only.length || only.includes(name))
  .sort();
for (const name of modules) {
  const r = spawnSync("npx", ["tsx", "scripts/bench/index.ts", name], { stdio: "inherit" });
  if (r.status !== 0) console.error(`bench ${name} exited with ${r.status}`);
}
process.exit(0);
