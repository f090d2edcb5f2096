// Loads and validates data/client-mail (read.jsonl, unread.jsonl, the training-side extras, the three further writers' files and the check set): every
// line is checked and every problem is listed at once, so one bad line fails loudly instead of quietly skewing a figure. Counting the unread half is allowed;
// reading its texts to write rules or train is not (see data/client-mail/README.md).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { INTENTS, type Intent } from "@domain/language/intentTypes";
import type { MailMessage } from "@domain/model/mail";

export const CLIENT_MAIL_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../data/client-mail");

/** The files of data/client-mail and the id prefix each one uses (see its README for what each is for). */
export const HALVES = { read: "r", unread: "u", extra: "x", extra2: "y", check: "c", w1: "a", w2: "b", w3: "d", w4: "e", w5: "f", w6: "g", w7: "h", w8: "i", w9: "j", w10: "k", w11: "l", w12: "m", w13: "n", w14: "o", w15: "p", w16: "q", w17: "s", w18: "t", w19: "v", w20: "w", w21: "z", w22: "wa", w23: "wb", w24: "wc", w25: "wd", w26: "we", w27: "wf", w28: "wg", w29: "wh", w30: "wi", w31: "wj", w32: "wk", w33: "wl", w34: "wm", w35: "wn", w36: "wo", w37: "wp", w38: "wq", w39: "wr", w40: "ws", w41: "wt", w42: "wu", w43: "wv", w44: "ww", w45: "wx", w46: "wy", w47: "wz", w48: "va", w49: "vb", w50: "vc" } as const;
export type Half = keyof typeof HALVES;

export type UnhappyTarget = "firm" | "other";

/** One labelled client email. */
export interface ClientMail {
  readonly id: string;
  readonly subject: string;
  readonly body: string;
  readonly intent: Intent;
  /** Unhappy with the firm or its service. */
  readonly unhappy: boolean;
  /** "firm" exactly when unhappy; "other" for anger or worry aimed at anyone else; null when neither. */
  readonly unhappyTarget: UnhappyTarget | null;
  readonly needsReply: boolean;
  /** Short name of the behaviour the email was written to show. */
  readonly behaviour: string;
  /** One line: why these labels. */
  readonly note: string;
}

const FIELDS = ["id", "subject", "body", "intent", "unhappy", "unhappyTarget", "needsReply", "behaviour", "note"] as const;
const TEXT_FIELDS = ["subject", "body", "behaviour", "note"] as const;
/** Size caps: a runaway line is a mistake, not an email. */
const MAX_LINE_CHARS = 20_000;
const MAX_BODY_CHARS = 10_000;
const MAX_SHORT_CHARS = 300;

export class ClientMailError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`client mail data has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ClientMailError";
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isIntent = (v: unknown): v is Intent => typeof v === "string" && (INTENTS as readonly string[]).includes(v);

/** Checks one parsed line; returns the problems found (empty when the line is good). */
function problemsOf(value: unknown, prefix: string): string[] {
  if (!isRecord(value)) return ["is not a JSON object"];
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!(FIELDS as readonly string[]).includes(key)) problems.push(`unknown field "${key}"`);
  }
  for (const key of FIELDS) {
    if (!(key in value)) problems.push(`missing field "${key}"`);
  }
  const { id, intent, unhappy, unhappyTarget, needsReply } = value;
  // A missing field is reported once above, not again as a wrong value.
  const has = (key: (typeof FIELDS)[number]) => key in value;
  if (has("id") && (typeof id !== "string" || !new RegExp(`^${prefix}\\d{3}$`).test(id))) {
    problems.push(`id ${JSON.stringify(id)} is not "${prefix}" followed by three digits`);
  }
  for (const key of TEXT_FIELDS.filter(has)) {
    const text = value[key];
    // A real email may have no subject; every other text must say something.
    if (typeof text !== "string" || (key !== "subject" && text.trim() === "")) problems.push(`"${key}" is not a non-empty string`);
    else if (text.length > (key === "body" ? MAX_BODY_CHARS : MAX_SHORT_CHARS)) problems.push(`"${key}" is too long (${text.length})`);
    else if (key !== "body" && /[\r\n]/.test(text)) problems.push(`"${key}" must be one line`);
  }
  if (has("intent") && !isIntent(intent)) problems.push(`intent ${JSON.stringify(intent)} is not one of ${INTENTS.join("|")}`);
  if (has("unhappy") && typeof unhappy !== "boolean") problems.push(`unhappy ${JSON.stringify(unhappy)} is not true or false`);
  if (has("unhappyTarget") && unhappyTarget !== null && unhappyTarget !== "firm" && unhappyTarget !== "other") {
    problems.push(`unhappyTarget ${JSON.stringify(unhappyTarget)} is not "firm", "other" or null`);
  } else if (has("unhappyTarget") && typeof unhappy === "boolean" && unhappy !== (unhappyTarget === "firm")) {
    problems.push(`unhappy is ${unhappy} but unhappyTarget is ${JSON.stringify(unhappyTarget)} (unhappy means unhappy with the firm)`);
  }
  if (has("needsReply") && typeof needsReply !== "boolean") problems.push(`needsReply ${JSON.stringify(needsReply)} is not true or false`);
  if (intent === "complaint" && unhappy === false) problems.push("a complaint about the firm must be unhappy");
  if ((intent === "thanks_ack" || intent === "auto_reply") && needsReply === true) problems.push(`${intent} cannot need a reply`);
  return problems;
}

/**
 * Parses one half's JSONL text. Throws a {@link ClientMailError} listing every bad line (line number, id, problem);
 * `source` names the file in the messages.
 */
export function parseClientMail(text: string, half: Half, source = `${half}.jsonl`): ClientMail[] {
  const prefix = HALVES[half];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const problems: string[] = [];
  const mails: ClientMail[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const where = `${source}:${index + 1}`;
    if (line.length > MAX_LINE_CHARS) {
      problems.push(`${where}: line is too long (${line.length} characters)`);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      problems.push(`${where}: not JSON (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    const found = problemsOf(value, prefix);
    const id = isRecord(value) && typeof value.id === "string" ? value.id : "?";
    if (id !== "?" && seen.has(id)) found.push(`duplicate id ${id}`);
    seen.add(id);
    if (found.length > 0) {
      problems.push(...found.map((p) => `${where} (${id}): ${p}`));
    } else {
      // problemsOf found nothing wrong: every field is present with an allowed value.
      mails.push(value as ClientMail);
    }
  });
  if (lines.length === 0) problems.push(`${source}: no emails`);
  if (problems.length > 0) throw new ClientMailError(problems);
  return mails;
}

/** Reads and validates one half from data/client-mail (or from `dir`). */
export function loadClientMail(half: Half, dir = CLIENT_MAIL_DIR): ClientMail[] {
  const file = join(dir, `${half}.jsonl`);
  return parseClientMail(readFileSync(file, "utf8"), half, file);
}

/** Label counts of one half. */
export interface ClientMailCounts {
  readonly total: number;
  readonly intent: Readonly<Record<Intent, number>>;
  readonly unhappy: number;
  readonly target: { readonly firm: number; readonly other: number; readonly none: number };
  readonly needsReply: number;
  readonly behaviour: Readonly<Record<string, number>>;
}

/** Counts the labels of one half (labels only: no text is looked at). */
export function countClientMail(mails: readonly ClientMail[]): ClientMailCounts {
  const intent = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
  const behaviour: Record<string, number> = {};
  const target = { firm: 0, other: 0, none: 0 };
  let unhappy = 0;
  let needsReply = 0;
  for (const m of mails) {
    intent[m.intent] += 1;
    behaviour[m.behaviour] = (behaviour[m.behaviour] ?? 0) + 1;
    if (m.unhappy) unhappy += 1;
    if (m.needsReply) needsReply += 1;
    if (m.unhappyTarget === "firm") target.firm += 1;
    else if (m.unhappyTarget === "other") target.other += 1;
    else target.none += 1;
  }
  return { total: mails.length, intent, unhappy, target, needsReply, behaviour };
}

/** One labelled email as the message the product would see: from a client contact to the firm, no attachments. */
export function clientMailMessage(mail: ClientMail): MailMessage {
  return {
    id: mail.id,
    internetMessageId: null,
    conversationId: null,
    subject: mail.subject,
    from: { email: "client@client.example" },
    to: [{ email: "lawyer@firm.example" }],
    cc: [],
    sentAt: null,
    receivedAt: null,
    bodyText: mail.body,
    attachmentNames: [],
    headers: {},
  };
}
