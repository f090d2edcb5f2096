// `npm run bench`: prints one JSON line per figure {name,value,unit,target,ok}. Always exits 0: it reports, tests decide.
import { spawnSync } from "node:child_process";
const r = spawnSync("npx", ["tsx", "scripts/bench/index.ts", ...process.argv.slice(2)], { stdio: "inherit" });
if (r.status !== 0) console.error(`bench runner exited with ${r.status}`);
process.exit(0);
