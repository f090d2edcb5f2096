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

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].startsWith("--")) throw new MatterlineError("invalid-input", "Usage: check-draft <file.txt>");
  let raw: Buffer;
  try {
    raw = await readFile(args[0]);
  } catch (cause) {
    throw new MatterlineError("invalid-input", `Cannot read the draft file "${args[0]}".`, { cause });
  }
  if (raw.includes(0)) throw new MatterlineError("invalid-input", `"${args[0]}" is not a text file.`);
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
  process.exit(1);
});
