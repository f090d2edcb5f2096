import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEml } from "@adapters/mime/parseEml";
import type { Directory } from "@domain/directory/types";
import type { Intent } from "@domain/language/intentTypes";
import { checkDraft, readability } from "@domain/readability";
import { automatedKind } from "@domain/language/automated";
import { RESPONSE_SETS, suggestReplies } from "@domain/replies";
import { whatWasAsked } from "@domain/replies/askedReplies";

const sample = join(__dirname, "../../../data/sample");
const directory = JSON.parse(readFileSync(join(sample, "directory.json"), "utf8")) as Directory;
const meta = JSON.parse(readFileSync(join(sample, "meta.json"), "utf8")) as { now: string; timeZone: string; me: string };
const labels = readFileSync(join(sample, "labels.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map(
    (l) =>
      JSON.parse(l) as {
        file: string;
        senderRole: string;
        clientId: string | null;
        matterId: string | null;
        intent: Intent;
      },
  );
const clientMail = labels.filter((l) => l.senderRole === "client");
const intents = Object.keys(RESPONSE_SETS) as Intent[];

describe("every draft of every response set, for every client message of the sample", () => {
  it("has client mail to test against", () => expect(clientMail.length).toBeGreaterThan(20));

  it("meets grade ≤ 8, sentences ≤ 20 words and no jargon, with three distinct angles", async () => {
    const problems: string[] = [];
    let drafts = 0;
    for (const label of clientMail) {
      const message = await parseEml(readFileSync(join(sample, "mail", label.file)));
      const client = directory.clients.find((c) => c.id === label.clientId) ?? null;
      const matter = directory.matters.find((m) => m.id === label.matterId) ?? null;
      const attorney = directory.people.find((p) => p.id === matter?.responsible) ?? null;
      const contact = client?.contacts.find((c) => c.email === message.from?.email);
      const asked = whatWasAsked(message);
      for (const intent of intents) {
        for (const negativeTone of [false, true]) {
          const out = suggestReplies({
            message,
            intent,
            negativeTone,
            client,
            contactName: contact?.name ?? message.from?.name,
            matter,
            attorney,
            nextDates: [
              { label: "hearing", date: "2025-09-12T10:00:00+01:00" },
              { label: "deadline for the defence", date: "2025-09-03" },
            ],
            timeZone: meta.timeZone,
            now: meta.now,
            holidays: directory.firm.holidays,
          });
          // machine-sent mail (an out-of-office from a client) gets nothing, a thanks one short note
          // and mail that asks nothing at most an acknowledgement (whatWasAsked)
          const expected = automatedKind(message) ? 0 : intent === "thanks_ack" || (intent === "other" && asked.asksNothing) ? 1 : 3;
          if (out.length !== expected) problems.push(`${label.file} ${intent}: ${out.length} drafts`);
          if (new Set(out.map((d) => d.angle)).size !== out.length) problems.push(`${label.file} ${intent}: repeated angle`);
          for (const d of out) {
            drafts++;
            const r = readability(d.text);
            if (r.grade > 8) problems.push(`${label.file} ${intent} ${d.angle}: grade ${r.grade}`);
            if (r.longestSentenceWords > 20) problems.push(`${label.file} ${intent} ${d.angle}: ${r.longestSentenceWords} words`);
            expect(d.grade).toBe(r.grade);
            // jargon in our own words (the matter title is the firm's name for the matter, so it is masked)
            let ours = matter ? d.text.split(matter.title).join("x") : d.text;
            // a time the client proposed is quoted back in their words
            if (asked.proposal) ours = ours.split(asked.proposal.words).join("x");
            const jargon = checkDraft(ours).findings.filter((f) => f.kind === "jargon" || f.kind === "wordy");
            if (jargon.length) problems.push(`${label.file} ${intent} ${d.angle}: ${jargon.map((f) => f.text).join(", ")}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(drafts).toBeGreaterThan((clientMail.length - 2) * 2 * 25);
  }, 60_000); // every draft of every set over the whole sample: slow on a busy machine, not a timing check
});
