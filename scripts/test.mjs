// `npm test`: type checks, lint (ESLint and Prettier, zero warnings), unit/adapter/UI tests, the manifest check, then
// browser tests in Chromium.
// Ends with one plain line counting every test: "tests: N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const reports = [".cache/vitest-unit.json", ".cache/vitest-browser.json"];
mkdirSync(".cache", { recursive: true });
for (const r of reports) rmSync(r, { force: true });

const steps = [
  ["npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]],
  ["npx", ["tsc", "-p", "tsconfig.pure.json", "--noEmit"]],
  ["npm", ["run", "--silent", "lint"]],
  ["npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reports[0]}`]],
  ["node", ["scripts/browser-tests.mjs"], { VITEST_JSON_REPORT: reports[1] }],
];

function summary() {
  let passed = 0;
  let failed = 0;
  for (const r of reports) {
    if (!existsSync(r)) continue;
    const json = JSON.parse(readFileSync(r, "utf8"));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
  }
  return { passed, failed };
}

for (const [cmd, args, env] of steps) {
  console.log(`\n> ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...(env ?? {}) } });
  if (r.status !== 0) {
    const { passed, failed } = summary();
    console.error(`\nFAILED: ${cmd} ${args.join(" ")}`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(r.status ?? 1);
  }
}
const { passed, failed } = summary();
console.log(`tests: ${passed} passed, ${failed} failed`);
