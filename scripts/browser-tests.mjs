// Builds the add-in with the workbench (production mode, as deployed, plus the workbench pages) and runs the browser
// tests in Debian's Chromium. Without Chromium it fails with how to install it, unless MATTERLINE_SKIP_BROWSER=1 says
// to skip (and then says so loudly).
import { spawnSync } from "node:child_process";
import { chromiumAvailable, CHROMIUM } from "./chromium.mjs";

if (process.env.MATTERLINE_SKIP_BROWSER === "1") {
  console.log("\n!!!!!!!! BROWSER TESTS SKIPPED (MATTERLINE_SKIP_BROWSER=1): the workbench was NOT tested in Chromium !!!!!!!!\n");
  process.exit(0);
}
if (!chromiumAvailable()) {
  console.error(
    `Browser tests need Chromium at ${CHROMIUM}. Install it with:\n  apt-get update && apt-get install -y chromium\n(or set CHROMIUM_PATH, or MATTERLINE_SKIP_BROWSER=1 to skip them).`,
  );
  process.exit(1);
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.argv.includes("--no-build")) run("npx", ["webpack", "--mode", "production", "--env", "workbench"]);
const report = process.env.VITEST_JSON_REPORT
  ? ["--reporter=default", "--reporter=json", `--outputFile.json=${process.env.VITEST_JSON_REPORT}`]
  : [];
run("npx", ["vitest", "run", "--config", "vitest.browser.config.ts", ...report]);
