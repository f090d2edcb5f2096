// `npm start` (and `npm run start:https`): the development server with the workbench. With `--directory FILE` (one
// directory.json, or --directory given three times for clients.csv, contacts.csv and matters.csv) and/or `--mail DIR`
// (a folder of .eml files), the workbench plays that firm instead of the sample; see README, "Try it on your own mail".
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkFirmOptions } from "./workbenchFirm.mjs";

let values;
try {
  ({ values } = parseArgs({
    options: {
      directory: { type: "string", multiple: true },
      mail: { type: "string" },
      https: { type: "boolean", default: false },
    },
    strict: true,
  }));
} catch (error) {
  console.error(`npm start: ${error.message}\nUsage: npm start -- [--directory FILE]... [--mail DIR]`);
  process.exit(1);
}
const firm = {
  directory: (values.directory ?? []).map((f) => resolve(f)),
  mail: values.mail === undefined ? undefined : resolve(values.mail),
};
const problems = await checkFirmOptions(firm);
if (problems.length) {
  console.error(`npm start: ${problems.join("\n")}`);
  process.exit(1);
}
const env = { ...process.env };
if (firm.directory.length || firm.mail !== undefined) env.MATTERLINE_WORKBENCH_FIRM = JSON.stringify(firm);
const cli = createRequire(import.meta.url).resolve("webpack-cli/bin/cli.js");
const child = spawn(process.execPath, [cli, "serve", "--mode", "development", ...(values.https ? ["--env", "https"] : [])], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
