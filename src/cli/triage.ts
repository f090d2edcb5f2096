import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { MatterlineError } from "@domain/errors";
import { parseEml } from "@adapters/mime/parseEml";
import { missingOptions, readCommandLine } from "./commandLine";
import { triageMessages } from "./triageRun";
import type { TriageInput } from "./triageRun";

const USAGE = [
  "usage: npm run --silent triage -- --directory <directory.json> --mail <folder of .eml> --me <address> --now <ISO-8601> [--sla-hours 24] [--business-days]",
  "  --sla-hours  your own reply deadline in hours; a matter's or client's slaHours in the directory wins over it (default 24)",
].join("\n");

function fail(message: string, details: readonly string[] = []): never {
  throw new MatterlineError("invalid-input", message, { details });
}

async function main(): Promise<number> {
  const { values } = readCommandLine(process.argv.slice(2), {
    options: {
      directory: { type: "string" },
      mail: { type: "string" },
      me: { type: "string", multiple: true },
      now: { type: "string" },
      "sla-hours": { type: "string" },
      "business-days": { type: "boolean" },
    },
    usage: USAGE,
  });
  if (!values.directory || !values.mail || !values.me?.length || !values.now)
    throw missingOptions(values, ["directory", "mail", "me", "now"], USAGE);
  const now = Date.parse(values.now);
  if (Number.isNaN(now) || !/^\d{4}-\d{2}-\d{2}T/.test(values.now))
    fail(`--now "${values.now}" is not an ISO-8601 date-time (e.g. 2025-08-26T15:30:00Z).`);
  // --sla-hours plays the user's own setting: a matter's, else a client's, slaHours wins over it (slaFor).
  const slaHours = values["sla-hours"] === undefined ? undefined : Number(values["sla-hours"]);
  if (slaHours !== undefined && (!Number.isFinite(slaHours) || slaHours <= 0))
    fail(`--sla-hours "${values["sla-hours"]}" must be a positive number.`);

  let directoryText: string;
  try {
    directoryText = readFileSync(values.directory, "utf8");
  } catch {
    fail(`cannot read the directory file ${values.directory}.`);
  }
  let directory;
  try {
    directory = parseDirectoryJson(directoryText);
  } catch (e) {
    if (e instanceof MatterlineError) fail(`${values.directory}: ${e.message}`, e.details);
    throw e;
  }
  let isFolder = false;
  let files: string[] = [];
  try {
    isFolder = statSync(values.mail).isDirectory();
    if (isFolder)
      files = readdirSync(values.mail)
        .filter((f) => f.toLowerCase().endsWith(".eml"))
        .sort();
  } catch {
    fail(`cannot read the mail folder ${values.mail}.`);
  }
  if (!isFolder) fail(`--mail ${values.mail} is not a folder.`);
  if (files.length === 0) fail(`no .eml files in ${values.mail}.`);

  const inputs: TriageInput[] = [];
  for (const file of files) {
    try {
      inputs.push({ file, message: await parseEml(readFileSync(join(values.mail, file))) });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      process.stderr.write(`triage: ${file}: ${why}\n`);
      inputs.push({ file, error: why });
    }
  }
  const lines = triageMessages(inputs, {
    directory,
    me: values.me.map((m) => m.toLowerCase()),
    now: new Date(now).toISOString(),
    slaHours,
    businessDays: values["business-days"] === true,
  });
  for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
  return lines.some((l) => l.error !== undefined) ? 2 : 0;
}

// exitCode, not exit(): writes to a pipe are asynchronous, and exit() would cut the output short.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof MatterlineError) process.stderr.write(`triage: ${e.message}\n${e.details.map((d) => `  - ${d}\n`).join("")}`);
    else process.stderr.write(`triage: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
