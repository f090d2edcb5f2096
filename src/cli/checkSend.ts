/**
 * `npm run --silent check-send -- --directory <directory.json> --mail <folder of .eml> --me <address>`
 * Checks each .eml as an outgoing message as it would be sent and prints, one line per file in file-name order,
 * `{"file","warnings":[{"kind","recipient","reason","suggestion"}]}`. The check reads the directory through the same
 * compact recipient index the OnMessageSend handler loads. Bad input (arguments, directory, folder) stops with a
 * message on stderr and exit code 1; a file that cannot be read gets a line on stderr, the others still print, and
 * the exit code is 2.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { MatterlineError } from "@domain/errors";
import { checkSend, loadRecipientIndex, serializeRecipientIndex } from "@domain/sendGuard";
import { parseEml } from "@adapters/mime/parseEml";

const USAGE = "usage: npm run --silent check-send -- --directory <directory.json> --mail <folder of .eml> --me <address>";
/** A message file larger than this is refused rather than parsed (mail systems cap messages well below it). */
const MAX_EML_BYTES = 50 * 1024 * 1024;

function fail(message: string, details: readonly string[] = []): never {
  process.stderr.write(`check-send: ${message}\n${details.map((d) => `  - ${d}\n`).join("")}`);
  process.exit(1);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { directory: { type: "string" }, mail: { type: "string" }, me: { type: "string", multiple: true } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  if (!values.directory || !values.mail || !values.me?.length) fail(`--directory, --mail and --me are required.\n${USAGE}`);
  const me = new Set(values.me.map((m) => m.trim().toLowerCase()));
  for (const address of me) if (!/^[^\s@]+@[^\s@]+$/.test(address)) fail(`--me "${address}" is not an email address.`);

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
  let files: string[];
  try {
    if (!statSync(values.mail).isDirectory()) fail(`--mail ${values.mail} is not a folder.`);
    files = readdirSync(values.mail)
      .filter((f) => f.toLowerCase().endsWith(".eml"))
      .sort();
  } catch {
    fail(`cannot read the mail folder ${values.mail}.`);
  }
  if (files.length === 0) fail(`no .eml files in ${values.mail}.`);

  const index = loadRecipientIndex(serializeRecipientIndex(directory, new Date(0).toISOString()));
  let failed = 0;
  for (const file of files) {
    try {
      const path = join(values.mail, file);
      if (statSync(path).size > MAX_EML_BYTES) throw new MatterlineError("invalid-input", "the file is larger than 50 MB.");
      const m = await parseEml(readFileSync(path));
      // The sender's own addresses are not recipients to warn about.
      const others = (list: readonly { email: string }[] | undefined) => (list ?? []).filter((a) => !me.has(a.email));
      const warnings = checkSend(index, {
        to: others(m.to),
        cc: others(m.cc),
        bcc: others(m.bcc),
        subject: m.subject,
        bodyText: m.bodyText,
        attachmentNames: m.attachmentNames,
      }).map((w) => ({ kind: w.kind, recipient: w.recipient, reason: w.reason, suggestion: w.suggestion }));
      process.stdout.write(`${JSON.stringify({ file, warnings })}\n`);
    } catch (e) {
      failed++;
      process.stderr.write(`check-send: ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return failed > 0 ? 2 : 0;
}

// exitCode, not exit(): writes to a pipe are asynchronous, and exit() would cut the output short.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`check-send: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
