/**
 * Bench lines for hostile and merely large mail: how long the whole assessment (the triage pipeline: recognition →
 * reply need, intent, tone → response clock → follow-up dates) takes on one 1 MB body, plain, of unclosed HTML
 * comments, and of text made to make expressions backtrack, and how long the slowest single analysis takes on 256 KB
 * of each kind of hostile text (tests/domain/hostileText.test.ts feeds the same inputs; tests assert no time).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { atMost, info, median, type BenchLine } from "./benchLine";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { triageMessages } from "@domain/assessment/triageMessages";
import type { MailMessage } from "@domain/model/mail";
import { newTextOf } from "@domain/text/newText";
import { classifyIntent } from "@domain/language/intent";
import { needsReply } from "@domain/language/needsReply";
import { proposeFollowUpDates } from "@domain/followUps/proposeDates";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import { HOSTILE_UNITS, hostileText } from "../../tests/fixtures/hostile/hostileText";

const SAMPLE = fileURLToPath(new URL("../../data/sample", import.meta.url));
const MB = 1024 * 1024;

function message(directoryEmail: string, me: string, bodyText: string): MailMessage {
  return {
    id: "<bench-hostile@example.test>",
    internetMessageId: "<bench-hostile@example.test>",
    conversationId: "bench-hostile",
    subject: "Re: the lease",
    from: { email: directoryEmail },
    to: [{ email: me }],
    cc: [],
    sentAt: "2025-08-20T10:00:00Z",
    receivedAt: "2025-08-20T10:00:00Z",
    bodyText,
    attachmentNames: [],
  };
}

function timed(f: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function run(): Promise<BenchLine[]> {
  const directory = parseDirectoryJson(readFileSync(`${SAMPLE}/directory.json`, "utf8"));
  const meta = JSON.parse(readFileSync(`${SAMPLE}/meta.json`, "utf8")) as { me: string; now: string };
  const me = meta.me.toLowerCase();
  const client = directory.clients[0].contacts[0].email;
  const calendar = createFirmCalendar(directory.firm);
  const triage = (body: string) =>
    triageMessages([{ file: "hostile.eml", message: message(client, me, body) }], {
      directory,
      me: [me],
      now: meta.now,
      businessDays: false,
    });

  const prose = "Could you please send the signed lease back by Friday? The landlord asked again this morning. ";
  const bodies: Record<string, string> = {
    msPer1MBBody: hostileText(prose, MB),
    msPer1MBUnclosedComments: `<html><body><p>Hello</p>${hostileText("<!--", MB)}`,
    msPer1MBOpenQuestions: hostileText(HOSTILE_UNITS["a question opener with no sentence end"], MB),
  };
  const lines: BenchLine[] = [];
  for (const [name, body] of Object.entries(bodies)) {
    triage(body); // warm up the expressions and the directory
    lines.push(
      atMost(
        `hostile.${name}`,
        timed(() => triage(body), 3),
        "ms",
        1000,
      ),
    );
  }

  // The slowest analysis on 256 KB of any hostile kind of text: each of these was quadratic or worse before.
  const analyses: Record<string, (t: string) => unknown> = {
    newTextOf: (t) => newTextOf(t),
    classifyIntent: (t) => classifyIntent(t, "Re: the lease"),
    needsReply: (t) => needsReply(message(client, me, t)),
    proposeFollowUpDates: (t) => proposeFollowUpDates({ text: t, sentAt: "2025-08-20T10:00:00Z", calendar }),
  };
  let worst = 0;
  for (const unit of Object.values(HOSTILE_UNITS)) {
    const text = hostileText(unit, 256 * 1024);
    for (const analyse of Object.values(analyses))
      worst = Math.max(
        worst,
        timed(() => analyse(text), 1),
      );
  }
  lines.push(info("hostile.msWorstAnalysisOn256KB", worst, "ms"));
  return Promise.resolve(lines);
}
