/**
 * Loads data/sample for the clock and follow-up measures (tests and scripts/bench/time.ts): the messages parsed by
 * the MIME adapter, threaded here by Message-ID / In-Reply-To / References (a small local helper, so the measures do
 * not rest on the domain's threading), with the labels and meta.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEml } from "@adapters/mime/parseEml";
import type { MailMessage } from "@domain/model/mail";
import type { Directory } from "@domain/directory/types";

export interface SampleLabel {
  file: string;
  messageId: string;
  senderRole: string;
  matterId: string | null;
  clientId: string | null;
  needsReply: boolean | null;
  status: string;
  statusBusinessDays: string;
  answeredBy: string | null;
  answeredLate: boolean | null;
  followUpDates: string[];
}

export interface SampleMeta {
  me: string;
  now: string;
  slaHours: number;
  timeZone: string;
}

export interface SampleCorpus {
  directory: Directory;
  meta: SampleMeta;
  labels: SampleLabel[];
  /** Messages in file order, `conversationId` set from header threading. */
  messages: MailMessage[];
  files: string[];
}

const root = fileURLToPath(new URL("../../../data/sample", import.meta.url));

/** Groups messages into threads by their Message-ID links (union-find); a forward with no links starts its own. */
export function threadByHeaders(messages: readonly MailMessage[]): MailMessage[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (!parent.has(ra)) parent.set(ra, ra);
    if (!parent.has(rb)) parent.set(rb, rb);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const m of messages) {
    const own = m.internetMessageId ?? m.id;
    if (!parent.has(own)) parent.set(own, own);
    for (const ref of [m.inReplyTo, ...(m.references ?? [])]) if (ref) union(ref, own);
  }
  return messages.map((m) => ({ ...m, conversationId: `thread:${find(m.internetMessageId ?? m.id)}` }));
}

let cached: Promise<SampleCorpus> | null = null;

export function loadSample(): Promise<SampleCorpus> {
  cached ??= (async () => {
    const directory = JSON.parse(readFileSync(join(root, "directory.json"), "utf8")) as Directory;
    const meta = JSON.parse(readFileSync(join(root, "meta.json"), "utf8")) as SampleMeta;
    const labels = readFileSync(join(root, "labels.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as SampleLabel);
    const files = readdirSync(join(root, "mail"))
      .filter((f) => f.endsWith(".eml"))
      .sort();
    const parsed = await Promise.all(files.map((f) => parseEml(readFileSync(join(root, "mail", f)))));
    return { directory, meta, labels, messages: threadByHeaders(parsed), files };
  })();
  return cached;
}
