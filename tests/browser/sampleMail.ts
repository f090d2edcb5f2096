/** The sample's labelled mail, read for browser tests that pick messages by their labels, never by name. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseEml } from "@adapters/mime/parseEml";
import type { Directory, Matter } from "@domain/directory/types";

const SAMPLE = join(__dirname, "../../data/sample");
export const directory = JSON.parse(readFileSync(join(SAMPLE, "directory.json"), "utf8")) as Directory;

interface Label {
  file: string;
  direction: string;
  senderRole: string;
  matterId: string | null;
  matterAmbiguous: boolean;
}

/**
 * Three inbound client emails the labels put on a matter and that cite the matter's number or a reference, with a
 * subject no other message contains (so the test can find each row by it). Chosen from the labels, never hard-coded.
 */
export async function threeClientEmails(): Promise<{ subject: string; matter: Matter }[]> {
  return clientEmails(3);
}

/** Up to `count` emails as {@link threeClientEmails} picks them, only those whose matter passes `accept`. */
export async function clientEmails(
  count: number,
  accept: (matter: Matter) => boolean = () => true,
): Promise<{ subject: string; matter: Matter }[]> {
  const labels = readFileSync(join(SAMPLE, "labels.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Label);
  const files = readdirSync(join(SAMPLE, "mail"))
    .filter((f) => f.endsWith(".eml"))
    .sort();
  const parsed = new Map<string, Awaited<ReturnType<typeof parseEml>>>();
  for (const f of files) parsed.set(f, await parseEml(readFileSync(join(SAMPLE, "mail", f))));
  const subjects = [...parsed.values()].map((m) => m.subject);
  const picked: { subject: string; matter: Matter }[] = [];
  for (const l of labels) {
    if (l.direction !== "inbound" || l.senderRole !== "client" || !l.matterId || l.matterAmbiguous) continue;
    const m = parsed.get(l.file)!;
    const matter = directory.matters.find((x) => x.id === l.matterId)!;
    if (!accept(matter)) continue;
    const refs = [matter.number, ...(matter.aliases ?? [])];
    if (!refs.some((r) => m.subject.includes(r) || m.bodyText.includes(r))) continue;
    if (subjects.filter((s) => s.includes(m.subject)).length !== 1 || picked.some((p) => p.matter.id === matter.id)) continue;
    picked.push({ subject: m.subject, matter });
    if (picked.length === count) break;
  }
  return picked;
}

/**
 * Inbound client emails the labels leave between matters (matterAmbiguous), with a subject no other message contains,
 * and their client. Chosen from the labels, never hard-coded.
 */
export async function ambiguousClientEmails(): Promise<{ subject: string; clientId: string }[]> {
  const labels = readFileSync(join(SAMPLE, "labels.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Label & { clientId: string | null });
  const files = readdirSync(join(SAMPLE, "mail"))
    .filter((f) => f.endsWith(".eml"))
    .sort();
  const parsed = new Map<string, Awaited<ReturnType<typeof parseEml>>>();
  for (const f of files) parsed.set(f, await parseEml(readFileSync(join(SAMPLE, "mail", f))));
  const subjects = [...parsed.values()].map((m) => m.subject);
  return labels
    .filter((l) => l.direction === "inbound" && l.senderRole === "client" && l.matterAmbiguous && l.clientId)
    .map((l) => ({ subject: parsed.get(l.file)!.subject, clientId: l.clientId! }))
    .filter((e) => e.subject && subjects.filter((s) => s.includes(e.subject)).length === 1);
}
