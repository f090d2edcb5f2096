import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEml } from "@adapters/mime/parseEml";
import type { MailMessage } from "@domain/model/mail";
import { readMail } from "@domain/language/reading";
import { needsReply } from "@domain/language/needsReply";
import { clientMailMessage, loadClientMail, type Half } from "../data/clientMail";
import { loadAdjudicatedIntent, type AdjudicatedIntent } from "../data/adjudicatedIntent";
import type { BenchLine } from "./benchLine";
import { atLeast, atMost, info, median, wilsonInterval } from "./benchLine";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

interface Label {
  file: string;
  direction: string;
  senderRole: string;
  needsReply: boolean | null;
  intent: string;
  negativeTone: boolean;
}

/** One labelled sample message with what the language rules said about it. */
export interface LanguageCase {
  file: string;
  label: Label;
  intent: string;
  negative: boolean;
  needsReply: boolean;
}

/** Precision/recall/F1 from counts (1 when there is nothing to find or nothing predicted). */
function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Runs intent, tone and reply need over the labelled sample. Intent accuracy and tone are measured
 * over inbound client messages (senderRole "client"), the mail these rules exist for; needs-reply
 * over every message whose label is not null (which is the same set).
 */
export async function evaluateSample(): Promise<{
  cases: LanguageCase[];
  intentAccuracy: number;
  negativeToneRecall: number;
  negativeTonePrecision: number;
  needsReplyF1: number;
}> {
  const labels = readFileSync(join(ROOT, "data/sample/labels.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Label);
  const cases: LanguageCase[] = [];
  for (const label of labels) {
    const message = await parseEml(readFileSync(join(ROOT, "data/sample/mail", label.file)));
    const reading = readMail(message);
    cases.push({ file: label.file, label, intent: reading.intent, negative: reading.unhappy, needsReply: reading.needsReply });
  }
  const client = cases.filter((c) => c.label.senderRole === "client");
  const intentAccuracy = client.filter((c) => c.intent === c.label.intent).length / client.length;
  const toneTp = client.filter((c) => c.negative && c.label.negativeTone).length;
  const toneFp = client.filter((c) => c.negative && !c.label.negativeTone).length;
  const toneFn = client.filter((c) => !c.negative && c.label.negativeTone).length;
  const tone = prf(toneTp, toneFp, toneFn);
  const nr = cases.filter((c) => c.label.needsReply !== null);
  const nrScore = prf(
    nr.filter((c) => c.needsReply && c.label.needsReply).length,
    nr.filter((c) => c.needsReply && !c.label.needsReply).length,
    nr.filter((c) => !c.needsReply && c.label.needsReply).length,
  );
  return { cases, intentAccuracy, negativeToneRecall: tone.recall, negativeTonePrecision: tone.precision, needsReplyF1: nrScore.f1 };
}

/** The language figures on one half of data/client-mail: counts only, so the unread half is never looked at. */
export interface ClientMailFigures {
  readonly count: number;
  readonly intentAccuracy: number;
  /** How many emails the intent was right on (intentAccuracy × count). */
  readonly intentCorrect: number;
  readonly unhappyPrecision: number;
  readonly unhappyRecall: number;
  readonly needsReplyF1: number;
  /**
   * Against the blind second labels (data/client-mail/adjudicated), when the half has them: how many emails have one,
   * how many of those the writer's intent label agrees with, and how many the reading's intent does.
   */
  readonly adjudicated: { readonly count: number; readonly writerAgrees: number; readonly readingAgrees: number } | null;
}

/**
 * Runs the language reading (the same `readMail` the assessment pipeline runs) over one half of the labelled client
 * mail, each email wrapped as a message from a client, and returns aggregate figures only. The unread half may be
 * measured this way and no other: nothing about a single email of it is returned or printed.
 */
export function evaluateClientMail(half: Half, blind: ReadonlyMap<string, AdjudicatedIntent> = new Map()): ClientMailFigures {
  const mails = loadClientMail(half);
  let intentOk = 0;
  const adjudicated = { count: 0, writerAgrees: 0, readingAgrees: 0 };
  const unhappy = { tp: 0, fp: 0, fn: 0 };
  const reply = { tp: 0, fp: 0, fn: 0 };
  for (const mail of mails) {
    const r = readMail(clientMailMessage(mail));
    if (r.intent === mail.intent) intentOk++;
    const second = blind.get(mail.id);
    if (second) {
      adjudicated.count++;
      if (second.intent === mail.intent) adjudicated.writerAgrees++;
      if (second.intent === r.intent) adjudicated.readingAgrees++;
    }
    if (r.unhappy && mail.unhappy) unhappy.tp++;
    else if (r.unhappy) unhappy.fp++;
    else if (mail.unhappy) unhappy.fn++;
    if (r.needsReply && mail.needsReply) reply.tp++;
    else if (r.needsReply) reply.fp++;
    else if (mail.needsReply) reply.fn++;
  }
  const u = prf(unhappy.tp, unhappy.fp, unhappy.fn);
  return {
    count: mails.length,
    intentAccuracy: intentOk / mails.length,
    intentCorrect: intentOk,
    unhappyPrecision: u.precision,
    unhappyRecall: u.recall,
    needsReplyF1: prf(reply.tp, reply.fp, reply.fn).f1,
    adjudicated: adjudicated.count > 0 ? adjudicated : null,
  };
}

/**
 * The outside reality check (data/email-intent/train.tsv, Enron sentences labelled Yes/No for "asks
 * something of the reader") is split in two halves, deterministically, by a stable hash of the
 * sentence text (FNV-1a, 32 bit; even hash = DEV, odd = HELD-OUT), so a row always lands in the same
 * half whatever the file order.
 *
 * Method, so the figures stay honest:
 * - DEV misses may be read to find GENERAL English request grammar (imperatives opening with a base
 *   verb, modal requests such as "you need to / you should / would you mind", questions without a
 *   "?", proposals such as "how about / why don't we", asks for confirmation such as "confirm /
 *   advise / respond by"). Rules never name words taken from single sentences.
 * - HELD-OUT rows are only ever counted, never read: their precision/recall/F1 is the estimate of how
 *   the rules do on mail no one here looked at. The DEV F1 is optimistic by construction.
 * - Deliberate precision choices, kept even where the noisy labels say Yes: courtesy closings ("if you
 *   have any questions, please call"), conditional offers ("if you'd like…, click…"), web/marketing
 *   verbs (click, download, shop…), the writer's own commitments ("I'll call you tomorrow") and bare
 *   permission ("please go ahead") do not need a reply; a wrongly tracked message is a false overdue alert.
 */
export type EmailIntentHalf = "dev" | "heldOut" | "all";

/** FNV-1a 32-bit hash: stable across runs and machines, no Node built-ins needed. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Which half of the outside sentences a sentence belongs to. */
export function emailIntentHalf(sentence: string): "dev" | "heldOut" {
  return stableHash(sentence) % 2 === 0 ? "dev" : "heldOut";
}

/** The outside rows of one half (label, sentence). */
export function emailIntentRows(half: EmailIntentHalf): Array<{ gold: boolean; sentence: string }> {
  return readFileSync(join(ROOT, "data/email-intent/train.tsv"), "utf8")
    .split("\n")
    .filter((l) => l.includes("\t"))
    .map((row) => {
      const tab = row.indexOf("\t");
      return { gold: row.slice(0, tab).trim() === "Yes", sentence: row.slice(tab + 1) };
    })
    .filter((r) => half === "all" || emailIntentHalf(r.sentence) === half);
}

/** Whether the needs-reply rules track one outside sentence, wrapped as the new text of a client email. */
export function predictEmailIntent(sentence: string): boolean {
  const message: MailMessage = {
    id: "x",
    internetMessageId: null,
    conversationId: null,
    subject: "Question",
    from: { email: "client@client.example" },
    to: [],
    cc: [],
    sentAt: null,
    receivedAt: null,
    bodyText: sentence,
    attachmentNames: [],
    headers: {},
  };
  return needsReply(message, sentence).needsReply;
}

/** The outside request-intent sentences of one half, each wrapped as a client email's new text; Yes should need a reply. */
export function evaluateEmailIntent(half: EmailIntentHalf = "all"): { precision: number; recall: number; f1: number; count: number } {
  const rows = emailIntentRows(half);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, sentence } of rows) {
    const predicted = predictEmailIntent(sentence);
    if (predicted && gold) tp++;
    else if (predicted && !gold) fp++;
    else if (!predicted && gold) fn++;
  }
  return { ...prf(tp, fp, fn), count: rows.length };
}

/** A 5,000-word client email with a long quoted Outlook history and signatures. */
export function longEmail(): string {
  const para =
    "We have been through the draft lease again and have some comments on the rent review clause and the break option for the landlord. ";
  const own = `Hi Sam,\n\n${para.repeat(40)}\n\nCould you let me know when you can call?\n\nKind regards,\nAlex\n\nThis email and any attachments are confidential.`;
  const quoted = Array.from(
    { length: 12 },
    (_, i) =>
      `\n________________________________\nFrom: Sam <sam@firm.example>\nSent: ${i + 1} March 2026 10:00\nTo: Alex <alex@client.example>\nSubject: RE: Lease\n\n${para.repeat(14)}\n\nKind regards,\nSam\n`,
  ).join("");
  return own + quoted;
}

/** The 5,000-word email as a client's message, as the pane receives it. */
export function longEmailMessage(): MailMessage {
  return {
    id: "x",
    internetMessageId: null,
    conversationId: null,
    subject: "RE: Lease",
    from: { email: "alex@client.example" },
    to: [],
    cc: [],
    sentAt: null,
    receivedAt: null,
    bodyText: longEmail(),
    attachmentNames: [],
    headers: {},
  };
}

/**
 * How the writer's intent labels and the reading's decisions agree with the blind second labels on one half: the
 * first says how far two careful people agree on the half (the ceiling a reading can be judged against), the second
 * how far the reading agrees with someone other than the writer.
 */
function adjudicatedLines(half: "read" | "unread", f: ClientMailFigures): BenchLine[] {
  if (!f.adjudicated) return [];
  const { count, writerAgrees, readingAgrees } = f.adjudicated;
  const of = `${half} half, ${count} emails`;
  return [
    info(`clientMail.${half}LabelAgreement`, writerAgrees / count, `ratio (writer's intent label = blind second label, ${of})`),
    info(`clientMail.${half}IntentVsBlindLabel`, readingAgrees / count, `ratio (reading's intent = blind second label, ${of})`),
  ];
}

/** Bench lines for `npm run bench`. */
export async function run(): Promise<BenchLine[]> {
  const sample = await evaluateSample();
  const blind = loadAdjudicatedIntent();
  const read = evaluateClientMail("read", blind);
  const check = evaluateClientMail("check");
  const unread = evaluateClientMail("unread", blind);
  const unreadIntent95 = wilsonInterval(unread.intentCorrect, unread.count);
  const dev = evaluateEmailIntent("dev");
  const heldOut = evaluateEmailIntent("heldOut");
  const message = longEmailMessage();
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    // What the assessment pipeline runs per message: one reading gives intent, unhappiness and needs-reply.
    readMail(message);
    times.push(performance.now() - t0);
  }
  return [
    atLeast("sample.intentAccuracy", sample.intentAccuracy, "ratio (inbound client mail)", 0.85),
    atLeast("sample.negativeToneRecall", sample.negativeToneRecall, "ratio (inbound client mail)", 0.9),
    atLeast("sample.negativeTonePrecision", sample.negativeTonePrecision, "ratio (inbound client mail)", 0.8),
    atLeast("sample.needsReplyF1", sample.needsReplyF1, "F1 (needsReply labelled)", 0.92),
    info(
      "clientMail.readIntentAccuracy",
      read.intentAccuracy,
      `ratio (read half, ${read.count} emails: rules written and model trained on it)`,
    ),
    info("clientMail.readUnhappyRecall", read.unhappyRecall, "ratio (read half)"),
    info("clientMail.readUnhappyPrecision", read.unhappyPrecision, "ratio (read half)"),
    info("clientMail.readNeedsReplyF1", read.needsReplyF1, "F1 (read half)"),
    info(
      "clientMail.checkIntentAccuracy",
      check.intentAccuracy,
      `ratio (check set, ${check.count} emails written before the training side's second batch; never trained on)`,
    ),
    info("clientMail.checkUnhappyRecall", check.unhappyRecall, "ratio (check set)"),
    info("clientMail.checkUnhappyPrecision", check.unhappyPrecision, "ratio (check set)"),
    info("clientMail.checkNeedsReplyF1", check.needsReplyF1, "F1 (check set)"),
    atLeast("clientMail.unreadIntentAccuracy", unread.intentAccuracy, `ratio (unread half, ${unread.count} emails: never read)`, 0.85),
    info("clientMail.unreadIntentCorrect", unread.intentCorrect, `emails of ${unread.count} (unread half: never read)`),
    info("clientMail.unreadIntentLow95", unreadIntent95.low, "ratio (Wilson 95% interval of the unread half's intent accuracy)"),
    info("clientMail.unreadIntentHigh95", unreadIntent95.high, "ratio (Wilson 95% interval of the unread half's intent accuracy)"),
    atLeast("clientMail.unreadUnhappyRecall", unread.unhappyRecall, "ratio (unread half: never read)", 0.85),
    atLeast("clientMail.unreadUnhappyPrecision", unread.unhappyPrecision, "ratio (unread half: never read)", 0.85),
    info("clientMail.unreadNeedsReplyF1", unread.needsReplyF1, "F1 (unread half: never read)"),
    ...adjudicatedLines("read", read),
    ...adjudicatedLines("unread", unread),
    info("emailIntent.devNeedsReplyF1", dev.f1, "F1 (DEV half: rules written reading its misses; the request model trained on it)"),
    info("emailIntent.devNeedsReplyPrecision", dev.precision, "ratio (DEV half)"),
    atLeast("emailIntent.heldOutNeedsReplyPrecision", heldOut.precision, "ratio (HELD-OUT half: never read)", 0.8),
    info("emailIntent.heldOutNeedsReplyRecall", heldOut.recall, "ratio (HELD-OUT half: never read)"),
    atLeast("emailIntent.heldOutNeedsReplyF1", heldOut.f1, "F1 (HELD-OUT half: never read)", 0.78),
    atMost("language.msPer5000Words", median(times), "ms (split + intent + unhappiness + needsReply, one reading)", 5),
  ];
}
