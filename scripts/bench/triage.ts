/**
 * Bench lines for the whole triage pipeline on data/sample: the .eml files parsed by the MIME adapter, then the
 * same `triageMessages` the `npm run triage` command runs (recognition → reply need, intent, tone → response clock
 * → follow-up dates), compared with labels.jsonl. Unlike the per-engine lines (`sample.*`, oracle inputs), every
 * figure here carries the errors of the engines before it: a missed client makes a wrong status. The same run on the
 * four other firms' mailboxes (data/firms, written by people who never saw the code) gives `firms.<name>.*`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { atLeast, info, type BenchLine } from "./benchLine";
import { parseEml } from "@adapters/mime/parseEml";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { triageMessages } from "@domain/assessment/triageMessages";
import type { TriageInput, TriageLine } from "@domain/assessment/triageMessages";

const SAMPLE = fileURLToPath(new URL("../../data/sample", import.meta.url));
const FIRMS = fileURLToPath(new URL("../../data/firms", import.meta.url));
/** The other firms' mailboxes, in the sample's layout (data/firms/README.md says which were read and which not). */
const OTHER_FIRMS = ["chicago", "dublin", "newyork", "singapore", "edinburgh", "brisbane", "toronto"];

/** The labels the triage lines are compared with (see data/sample/README.md). */
interface TriageLabel {
  file: string;
  direction: string;
  senderRole: string;
  needsReply: boolean | null;
  intent: string;
  negativeTone: boolean;
  status: string;
  statusBusinessDays: string;
  followUpDates: string[];
}

/** End-to-end figures of one triage run over the sample, with the disagreements for reading. */
export interface TriageQuality {
  statusAccuracy: number;
  needsReplyF1: number;
  intentAccuracy: number;
  clientIntentAccuracy: number;
  negativeToneRecall: number;
  negativeTonePrecision: number;
  followUpRecall: number;
  followUpPrecision: number;
  statusMismatches: string[];
  lines: TriageLine[];
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

async function readCorpus(dir: string): Promise<{
  inputs: TriageInput[];
  labels: TriageLabel[];
  directoryText: string;
  meta: { me: string; now: string };
}> {
  const files = readdirSync(join(dir, "mail"))
    .filter((f) => f.toLowerCase().endsWith(".eml"))
    .sort();
  const inputs = await Promise.all(
    files.map(async (file): Promise<TriageInput> => {
      try {
        return { file, message: await parseEml(readFileSync(join(dir, "mail", file))) };
      } catch (e) {
        return { file, error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
  const labels = readFileSync(join(dir, "labels.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TriageLabel);
  const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { me: string; now: string };
  return { inputs, labels, directoryText: readFileSync(join(dir, "directory.json"), "utf8"), meta };
}

/**
 * Runs triage over a mailbox in the sample's layout (data/sample unless `dir` says) the way `npm run triage -- --me
 * <meta.me> --now <meta.now> [--business-days]` does (no --sla-hours: each matter's own SLA, else 24 hours) and scores
 * every field against the labels. `clientIntentAccuracy` is the intent on inbound client mail alone.
 */
export async function evaluateTriage(businessDays: boolean, dir: string = SAMPLE): Promise<TriageQuality> {
  const { inputs, labels, directoryText, meta } = await readCorpus(dir);
  const directory = parseDirectoryJson(directoryText);
  const lines = triageMessages(inputs, { directory, me: [meta.me.toLowerCase()], now: meta.now, businessDays });
  const byFile = new Map(labels.map((l) => [l.file, l]));
  let statusRight = 0;
  let intentRight = 0;
  const clientIntent = { right: 0, of: 0 };
  const statusMismatches: string[] = [];
  const nr = { tp: 0, fp: 0, fn: 0 };
  const tone = { tp: 0, fp: 0, fn: 0 };
  const dates = { tp: 0, proposed: 0, wanted: 0 };
  for (const line of lines) {
    const label = byFile.get(line.file);
    if (!label) throw new Error(`no label for ${line.file}`);
    const wantStatus = businessDays ? label.statusBusinessDays : label.status;
    if (line.status === wantStatus) statusRight += 1;
    else statusMismatches.push(`${line.file}: got ${line.status}, want ${wantStatus}`);
    if (line.intent === label.intent) intentRight += 1;
    if (label.direction === "inbound" && label.senderRole === "client") {
      clientIntent.of += 1;
      if (line.intent === label.intent) clientIntent.right += 1;
    }
    // Over every message: a "needs reply" on mail that is not inbound client mail is a false positive too.
    if (line.needsReply === true && label.needsReply === true) nr.tp += 1;
    else if (line.needsReply === true) nr.fp += 1;
    else if (label.needsReply === true) nr.fn += 1;
    if (line.negativeTone === true && label.negativeTone) tone.tp += 1;
    else if (line.negativeTone === true) tone.fp += 1;
    else if (label.negativeTone) tone.fn += 1;
    const got = line.followUpDates ?? [];
    const want = new Set(label.followUpDates);
    dates.proposed += got.length;
    dates.wanted += want.size;
    dates.tp += got.filter((d) => want.has(d)).length;
  }
  const nrPrecision = ratio(nr.tp, nr.tp + nr.fp);
  const nrRecall = ratio(nr.tp, nr.tp + nr.fn);
  return {
    statusAccuracy: statusRight / lines.length,
    needsReplyF1: nrPrecision + nrRecall === 0 ? 0 : (2 * nrPrecision * nrRecall) / (nrPrecision + nrRecall),
    intentAccuracy: intentRight / lines.length,
    clientIntentAccuracy: ratio(clientIntent.right, clientIntent.of),
    negativeToneRecall: ratio(tone.tp, tone.tp + tone.fn),
    negativeTonePrecision: ratio(tone.tp, tone.tp + tone.fp),
    followUpRecall: ratio(dates.tp, dates.wanted),
    followUpPrecision: ratio(dates.tp, dates.proposed),
    statusMismatches,
    lines,
  };
}

export async function run(): Promise<BenchLine[]> {
  const calendar = await evaluateTriage(false);
  const business = await evaluateTriage(true);
  return [
    atLeast("sample.statusAccuracy", calendar.statusAccuracy, "ratio (triage pipeline, calendar clock)", 0.97),
    atLeast("sample.statusAccuracyBusinessDays", business.statusAccuracy, "ratio (triage pipeline, business-day clock)", 0.97),
    info("triage.needsReplyF1", calendar.needsReplyF1, "F1 (every message)"),
    info("triage.intentAccuracy", calendar.intentAccuracy, "ratio (every message)"),
    info("triage.negativeToneRecall", calendar.negativeToneRecall, "ratio (every message)"),
    info("triage.negativeTonePrecision", calendar.negativeTonePrecision, "ratio (every message)"),
    info("triage.followUpRecall", calendar.followUpRecall, "ratio (every message)"),
    info("triage.followUpPrecision", calendar.followUpPrecision, "ratio (every message)"),
    ...(await otherFirmLines()),
  ];
}

/**
 * The sample's clock target on each other firm's mailbox, with its reply need and intent as information: these
 * carry every engine's errors on mail nobody here wrote (the unread firms are only counted, never read).
 */
async function otherFirmLines(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const firm of OTHER_FIRMS) {
    const q = await evaluateTriage(false, join(FIRMS, firm));
    lines.push(
      atLeast(`firms.${firm}.statusAccuracy`, q.statusAccuracy, "ratio (triage pipeline, calendar clock)", 0.97),
      info(`firms.${firm}.needsReplyF1`, q.needsReplyF1, "F1 (every message)"),
      info(`firms.${firm}.clientIntentAccuracy`, q.clientIntentAccuracy, "ratio (inbound client mail)"),
    );
  }
  return lines;
}
