import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEml } from "@adapters/mime/parseEml";
import type { Directory } from "@domain/directory/types";
import { readMail } from "@domain/language/reading";
import type { MailMessage } from "@domain/model/mail";
import { checkDraft, countWords } from "@domain/readability";
import { suggestReplies } from "@domain/replies";
import { newTextOf } from "@domain/text/newText";
import { atMost, info, median, type BenchLine } from "./benchLine";

const sample = join(dirname(fileURLToPath(import.meta.url)), "../../data/sample");

function timeMedian(runs: number, fn: () => void): number {
  for (let i = 0; i < 3; i++) fn(); // warm up caches and the JIT, as in a long-lived task pane
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Figures for plain-language replies: suggestion speed, checker speed, and the worst grade over the sample. */
export async function run(): Promise<BenchLine[]> {
  const directory = JSON.parse(readFileSync(join(sample, "directory.json"), "utf8")) as Directory;
  const meta = JSON.parse(readFileSync(join(sample, "meta.json"), "utf8")) as { now: string; timeZone: string };
  const labels = readFileSync(join(sample, "labels.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { file: string; senderRole: string; clientId: string | null; matterId: string | null });
  const messages = new Map<string, MailMessage>();
  for (const file of readdirSync(join(sample, "mail")).sort()) messages.set(file, await parseEml(readFileSync(join(sample, "mail", file))));

  const inputFor = (message: MailMessage, clientId: string | null, matterId: string | null) => {
    // The pane's one reading of the message: its intent and whether the client is unhappy with the firm.
    const reading = readMail(message);
    const matter = directory.matters.find((m) => m.id === matterId) ?? null;
    return {
      message,
      intent: reading.intent,
      negativeTone: reading.unhappy,
      client: directory.clients.find((c) => c.id === clientId) ?? null,
      contactName: message.from?.name ?? null,
      matter,
      attorney: directory.people.find((p) => p.id === matter?.responsible) ?? null,
      timeZone: meta.timeZone,
      now: meta.now,
      holidays: directory.firm.holidays,
    };
  };

  // A 5,000-word client email: a short new question on top of a long quoted history built from real mail.
  const client = labels.find((l) => l.senderRole === "client" && l.matterId)!;
  const base = messages.get(client.file)!;
  const history: string[] = [];
  let words = countWords(base.bodyText);
  for (const m of [...messages.values()].reverse()) {
    if (words >= 5000) break;
    const quoted =
      `On Mon, 11 Aug 2025 at 09:00, ${m.from?.name ?? "Someone"} <${m.from?.email ?? "x@y.example"}> wrote:\n` +
      m.bodyText
        .split("\n")
        .map((l) => `> ${l}`)
        .join("\n");
    history.push(quoted);
    words += countWords(m.bodyText);
  }
  const big: MailMessage = { ...base, bodyText: `${base.bodyText}\n\n${history.join("\n\n")}` };
  const bigWords = countWords(big.bodyText);
  const suggestMs = timeMedian(21, () => suggestReplies(inputFor(big, client.clientId, client.matterId)));

  // A 1,000-word attorney draft, with legalese mixed into real client prose.
  const prose = [...messages.values()].map((m) => newTextOf(m.bodyText, m.subject)).join("\n\n");
  const legal = " Pursuant to the agreement, the said documents shall be sent forthwith, notwithstanding the delay.";
  let draft = "";
  for (const para of prose.split(/\n\s*\n/)) {
    if (countWords(draft) >= 1000) break;
    draft += `${para}${legal}\n\n`;
  }
  const draftWords = countWords(draft);
  const checkMs = timeMedian(21, () => checkDraft(draft));

  let maxGrade = -Infinity;
  let count = 0;
  for (const l of labels.filter((x) => x.senderRole === "client")) {
    for (const d of suggestReplies(inputFor(messages.get(l.file)!, l.clientId, l.matterId))) {
      maxGrade = Math.max(maxGrade, d.grade);
      count++;
    }
  }

  return [
    atMost("suggest.msPer5000Words", (suggestMs * 5000) / bigWords, "ms", 30),
    atMost("checker.msPer1000Words", (checkMs * 1000) / draftWords, "ms", 50),
    atMost("drafts.maxGrade", count ? maxGrade : 0, "grade", 8),
    info("drafts.count", count, "drafts"),
  ];
}
