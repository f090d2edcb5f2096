// Loads and validates data/client-mail/adjudicated/intent.jsonl: a second, blind intent label for every email of the
// original writer's two halves (read.jsonl and unread.jsonl), given by labellers who saw neither the writer's labels,
// nor which half an email came from, nor any model output (the procedure is in data/client-mail/README.md). Every
// problem is listed at once, as for the halves.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INTENTS, type Intent } from "@domain/language/intentTypes";
import { CLIENT_MAIL_DIR, ClientMailError } from "./clientMail";

/** The blind label of one email: its intent, and whether the labeller found it clear (false: two labels were close). */
export interface AdjudicatedIntent {
  readonly id: string;
  readonly intent: Intent;
  readonly sure: boolean;
}

const FIELDS = ["id", "intent", "sure"] as const;
const MAX_LINE_CHARS = 200;

/** Parses the file's text; throws ClientMailError listing every bad line. */
export function parseAdjudicatedIntent(text: string, source = "adjudicated/intent.jsonl"): Map<string, AdjudicatedIntent> {
  const out = new Map<string, AdjudicatedIntent>();
  const problems: string[] = [];
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  lines.forEach((line, i) => {
    const where = `${source} line ${i + 1}`;
    if (line.length > MAX_LINE_CHARS) return void problems.push(`${where}: longer than ${MAX_LINE_CHARS} characters`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return void problems.push(`${where}: not JSON`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return void problems.push(`${where}: not a JSON object`);
    const v = value as Record<string, unknown>;
    const bad = [
      ...Object.keys(v)
        .filter((k) => !(FIELDS as readonly string[]).includes(k))
        .map((k) => `unknown field "${k}"`),
      ...(typeof v.id === "string" && /^[ru]\d{3}$/.test(v.id) ? [] : ['"id" must be r or u and 3 digits (an email of read.jsonl or unread.jsonl)']),
      ...(typeof v.intent === "string" && (INTENTS as readonly string[]).includes(v.intent) ? [] : [`"intent" must be one of ${INTENTS.join(", ")}`]),
      ...(typeof v.sure === "boolean" ? [] : ['"sure" must be true or false']),
    ];
    if (bad.length > 0) return void problems.push(...bad.map((b) => `${where}: ${b}`));
    if (out.has(v.id as string)) return void problems.push(`${where}: id ${String(v.id)} appears twice`);
    out.set(v.id as string, v as unknown as AdjudicatedIntent);
  });
  if (lines.length === 0) problems.push(`${source}: no labels`);
  if (problems.length > 0) throw new ClientMailError(problems);
  return out;
}

/** Reads and validates the blind labels (from data/client-mail/adjudicated, or from `dir`). */
export function loadAdjudicatedIntent(dir = join(CLIENT_MAIL_DIR, "adjudicated")): Map<string, AdjudicatedIntent> {
  const file = join(dir, "intent.jsonl");
  return parseAdjudicatedIntent(readFileSync(file, "utf8"), file);
}
