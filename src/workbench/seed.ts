import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import type { SeedAttachment } from "@simulators/graph/index";
import { MatterlineError } from "@domain/errors";
import { parseMailFiles, type MailFile, type SeedProblem } from "./mailFiles";
import { readServedFirm, type FirmFiles, type ServedFirm } from "./firmFiles";
import { readDroppedFirm } from "./firmStore";
import directoryJson from "../../data/sample/directory.json";
import meta from "../../data/sample/meta.json";

/** Where the workbench's firm came from: the sample, files dropped on it, or `npm start -- --directory … --mail …`. */
export type SeedSource = "sample" | "dropped" | "served";

/** The firm the workbench opens with. */
export interface Seed {
  readonly directory: Directory;
  readonly me: string;
  /** The workbench clock starts here: the sample's "now", or an hour after the newest loaded email. */
  readonly now: string;
  readonly messages: readonly MailMessage[];
  /** Each message's raw MIME, in the same order (what Graph's `$value` gives). */
  readonly mime: readonly string[];
  /** Each message's attachments, as its mailbox serves them. */
  readonly attachments: readonly (readonly SeedAttachment[])[];
  /** Mail files that could not be loaded (the rest is loaded). */
  readonly problems: readonly SeedProblem[];
  readonly source: SeedSource;
  /** A firm's files that were refused as a whole (the directory's problems, every one): the workbench plays the sample. */
  readonly refused: readonly string[];
  /** Tells one firm's data from another's (the pane's databases start afresh when it changes). */
  readonly fingerprint: string;
}

interface WebpackContext {
  keys(): string[];
  (key: string): string;
}

// webpack bundles every .eml as a string (asset/source); see webpack.config.js.
const sampleMail = (
  import.meta as unknown as { webpackContext(dir: string, o: { recursive: boolean; regExp: RegExp }): WebpackContext }
).webpackContext("../../data/sample/mail", { recursive: false, regExp: /\.eml$/ });

/** Set by `npm start -- --directory … --mail …` (scripts/start.mjs): where the dev server serves those files. */
declare const __WORKBENCH_FIRM_URL__: string;

const sampleDirectory = directoryJson as unknown as Directory;

function sampleMailFiles(): MailFile[] {
  return sampleMail
    .keys()
    .sort()
    .map((key) => ({ name: key.replace(/^\.\//, ""), raw: sampleMail(key) }));
}

/** The person the workbench signs in: the sample's attorney when the directory has them, else its first partner. */
function meOf(directory: Directory): string {
  const people = directory.people.map((p) => ({ ...p, email: p.email.toLowerCase() }));
  const me = people.find((p) => p.email === meta.me.toLowerCase()) ?? people.find((p) => p.role === "partner") ?? people[0];
  return me?.email ?? `workbench@${directory.firm.domains[0] ?? "firm.example"}`;
}

/** An hour after the newest email, so a firm's exported mail plays as if it had just arrived (the scan looks 14 days back). */
function nowAfter(messages: readonly MailMessage[], fallback: number): string {
  let newest = -Infinity;
  for (const m of messages) {
    const t = Date.parse(m.receivedAt ?? m.sentAt ?? "");
    if (Number.isFinite(t) && t > newest) newest = t;
  }
  return new Date(Number.isFinite(newest) ? newest + 3_600_000 : fallback).toISOString();
}

/** Where the dev server serves `--directory`/`--mail` (empty when it was started without them, and in a build). */
export function servedFirmUrl(): string {
  return typeof __WORKBENCH_FIRM_URL__ === "string" ? __WORKBENCH_FIRM_URL__ : "";
}

function fingerprintOf(source: SeedSource, stamp: string, firm: FirmFiles | null): string {
  if (!firm) return "sample";
  const mail = (firm.mail ?? []).map((m) => `${m.name}:${typeof m.raw === "string" ? m.raw.length : m.raw.byteLength}`);
  return `${source}|${stamp}|${firm.directory?.firm.name ?? "sample"}|${mail.join(",")}`;
}

const plain = (e: unknown) =>
  e instanceof MatterlineError && e.details.length ? [...e.details] : [e instanceof Error ? e.message : String(e)];

/**
 * The firm to open with (`fetchServed` reads what the dev server serves, null when nothing): files dropped on the workbench (kept in the page's own database) first, else the files
 * `npm start -- --directory … --mail …` serves, else the sample. Loading a firm is all or nothing for its directory
 * (a refused one leaves the sample, with every problem listed); each mail file is parsed on its own, and one that
 * cannot be read is listed while the others load.
 */
export async function loadSeed(fetchServed: () => Promise<ServedFirm | null>): Promise<Seed> {
  const refused: string[] = [];
  let firm: FirmFiles | null = null;
  let skipped: SeedProblem[] = [];
  let source: SeedSource = "sample";
  let stamp = "";
  try {
    const dropped = await readDroppedFirm();
    if (dropped) [firm, skipped, source, stamp] = [dropped.firm, [...dropped.skipped], "dropped", dropped.loadedAt];
  } catch (e) {
    refused.push(`The files dropped earlier could not be read back: ${plain(e).join("; ")}`);
  }
  if (!firm) {
    try {
      const served = await fetchServed();
      if (served) {
        const read = await readServedFirm(served, sampleDirectory);
        [firm, skipped, source, stamp] = [read.firm, read.skipped, "served", servedFirmUrl()];
      }
    } catch (e) {
      refused.push(...plain(e));
    }
  }
  const directory = firm?.directory ?? sampleDirectory;
  const files = firm?.mail ?? sampleMailFiles();
  const { messages, mime, attachments, problems } = await parseMailFiles(files);
  const me = meOf(directory);
  const now = firm?.mail ? nowAfter(messages, Date.now()) : meta.now;
  return {
    directory,
    me,
    now,
    messages,
    mime,
    attachments,
    problems: [...skipped, ...problems],
    source,
    refused,
    fingerprint: fingerprintOf(source, stamp, firm),
  };
}
