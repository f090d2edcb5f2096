/**
 * `npm run --silent suggest -- --directory <directory.json> --mail <message.eml> [--me <address>]`
 * Prints `{ intent, negativeTone, drafts: [{ label, text, grade, longestSentenceWords }] }` for one message.
 * Everything runs locally: the message and directory never leave the machine.
 */
import { readFile } from "node:fs/promises";
import { parseEml } from "@adapters/mime/parseEml";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import type { Directory } from "@domain/directory/types";
import { MatterlineError } from "@domain/errors";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { missingOptions, readCommandLine } from "./commandLine";
import { suggestForMessage } from "@features/replies/service";

const USAGE = "Usage: suggest --directory <directory.json> --mail <message.eml> [--me <address>]";

interface Args {
  directory: string;
  mail: string;
  me: string | null;
}

function readArgs(argv: readonly string[]): Args {
  const { values } = readCommandLine(argv, {
    options: { directory: { type: "string" }, mail: { type: "string" }, me: { type: "string" } },
    usage: USAGE,
  });
  if (!values.directory || !values.mail) throw missingOptions(values, ["directory", "mail"], USAGE);
  return { directory: values.directory, mail: values.mail, me: values.me?.toLowerCase() ?? null };
}

async function readText(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new MatterlineError("invalid-input", `Cannot read the ${what} file "${path}".`, { cause });
  }
}

/**
 * The pane's reply suggestions for one message (`suggestForMessage`): the same reading (intent, unhappiness with the
 * firm, whether it needs a reply), the same recognition of client and matter, and drafts only for a client's own
 * mail, never for the other side or a court writing about one of its matters. A lone message has no thread or filing
 * history to draw on. Drafts promise "by the end of <next working day>" counted from when the mail arrived: the
 * command has no reader's clock.
 */
async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const directory: Directory = parseDirectoryJson((await readText(args.directory, "directory")).toString("utf8"));
  const message = await parseEml(await readText(args.mail, "message"));
  const me = args.me ? directory.people.find((p) => p.email.toLowerCase() === args.me) : undefined;
  const result = suggestForMessage(message, {
    directory: { directory, index: buildDirectoryIndex(directory) },
    // Without --me, or for an address that is no person of the directory, the matter's responsible attorney signs.
    me: me ? { email: me.email, name: me.name } : { email: "", name: "" },
    now: message.receivedAt ?? message.sentAt ?? new Date().toISOString(),
  });
  process.stdout.write(
    JSON.stringify(
      {
        intent: result.intent,
        negativeTone: result.negativeTone,
        drafts: result.drafts.map((d) => ({ label: d.label, text: d.text, grade: d.grade, longestSentenceWords: d.longestSentenceWords })),
      },
      null,
      2,
    ) + "\n",
  );
}

main().catch((error: unknown) => {
  const message = error instanceof MatterlineError ? error.message : error instanceof Error ? error.message : String(error);
  const details = error instanceof MatterlineError && error.details.length ? `\n  ${error.details.join("\n  ")}` : "";
  process.stderr.write(`suggest: ${message}${details}\n`);
  process.exitCode = 1;
});
