// `npm test`: type checks, unit/adapter/UI tests, the manifest check, then browser tests in Chromium.
import { spawnSync } from "node:child_process";

const steps = [
  ["npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]],
  ["npx", ["tsc", "-p", "src/core/tsconfig.json", "--noEmit"]],
  ["npx", ["vitest", "run"]],
  ["node", ["scripts/browser-tests.mjs"]],
];
for (const [cmd, args] of steps) {
  console.log(`\n> ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\nFAILED: ${cmd} ${args.join(" ")}`);
    process.exit(r.status ?? 1);
  }
}
