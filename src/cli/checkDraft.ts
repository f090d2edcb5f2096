/**
 * `npm run --silent check-draft -- <file.txt>`
 * Prints `{ grade, readingEase, findings: [{ kind, text, suggestion, start, end }] }` for a draft (UTF-8 text).
 * A finding the pane offers as advice rather than a one-click fix (a long sentence, passive voice, or a plain word
 * that would not read right in its sentence) also says `"oneClick": false`.
 * Offsets are UTF-16 code unit indexes into the file's text with CRLF kept as-is.
 */
import { readFile } from "node:fs/promises";
import { MatterlineError } from "@domain/errors";
import { checkDraft } from "@domain/readability";
import { readCommandLine } from "./commandLine";

const USAGE = "Usage: check-draft <file.txt>";

async function main(): Promise<void> {
  const { positionals } = readCommandLine(process.argv.slice(2), { options: {}, allowPositionals: true, usage: USAGE });
  if (positionals.length !== 1) {
    const said = positionals.length === 0 ? "No draft file given." : `One draft file at a time (${positionals.length} given).`;
    throw new MatterlineError("invalid-input", `${said}\n${USAGE}`);
  }
  const [file] = positionals;
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (cause) {
    throw new MatterlineError("invalid-input", `Cannot read the draft file "${file}".`, { cause });
  }
  if (raw.includes(0)) throw new MatterlineError("invalid-input", `"${file}" is not a text file.`);
  const text = new TextDecoder("utf-8").decode(raw).replace(/^\uFEFF/, "");
  const r = checkDraft(text);
  const findings = r.findings.map((f) => ({
    kind: f.kind,
    text: f.text,
    suggestion: f.suggestion,
    start: f.start,
    end: f.end,
    ...(f.oneClick ? {} : { oneClick: false }),
  }));
  process.stdout.write(JSON.stringify({ grade: r.grade, readingEase: r.readingEase, findings }, null, 2) + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`check-draft: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
