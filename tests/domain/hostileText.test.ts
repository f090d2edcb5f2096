import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { classifyIntent } from "@domain/language/intent";
import { negativeTone } from "@domain/language/tone";
import { asksSomething, needsReply } from "@domain/language/needsReply";
import { requestIn } from "@domain/language/requests";
import { normalizeText, sentences } from "@domain/language/cues";
import { splitMessageText } from "@domain/text/newText";
import { htmlToText } from "@domain/text/htmlToText";
import { proposeFollowUpDates } from "@domain/followUps/proposeDates";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import { checkDraft } from "@domain/readability/checkDraft";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { recognize } from "@domain/recognition/recognize";
import type { MailMessage } from "@domain/model/mail";
import { HOSTILE_UNITS, hostileText } from "../fixtures/hostile/hostileText";
import { identifiedMessage } from "../fixtures/mailMessage";

// Every analysis that reads mail text, fed text written to make a backtracking expression or a rescanning loop blow
// up: long runs without a sentence end, many openers of a pattern, long runs of one character. Linear code reads 256 KB
// of any of them in well under a second; a quadratic one takes minutes, so the per-test timeout is the guard (no
// timing is asserted). `npm run bench -- hostile` records the times.

const TIMEOUT_MS = 15_000;

const directory = parseDirectoryJson(readFileSync("data/sample/directory.json", "utf8"));
const index = buildDirectoryIndex(directory);
const calendar = createFirmCalendar(directory.firm);
const ME = directory.people[0].email;

function message(bodyText: string): MailMessage {
  return identifiedMessage("<hostile@example.test>", {
    conversationId: "hostile",
    subject: "Re: the lease",
    from: { email: directory.clients[0].contacts[0].email },
    to: [{ email: ME }],
    sentAt: "2025-08-20T10:00:00Z",
    receivedAt: "2025-08-20T10:00:00Z",
    bodyText,
  });
}

const ANALYSES: Readonly<Record<string, (text: string) => unknown>> = {
  "splitMessageText (quotes and signatures)": (t) => splitMessageText(t),
  htmlToText: (t) => htmlToText(t),
  classifyIntent: (t) => classifyIntent(t, "Re: the lease"),
  negativeTone: (t) => negativeTone(t),
  asksSomething: (t) => asksSomething(t),
  needsReply: (t) => needsReply(message(t), t),
  "requestIn (per sentence)": (t) => sentences(normalizeText(t)).map(requestIn),
  proposeFollowUpDates: (t) => proposeFollowUpDates({ text: t, sentAt: "2025-08-20T10:00:00Z", calendar }),
  checkDraft: (t) => checkDraft(t),
  recognize: (t) => recognize(message(t), { index, me: [ME] }),
};

describe.each(Object.entries(ANALYSES))("%s on 256 KB of hostile text", (_name, analyse) => {
  it.each(Object.entries(HOSTILE_UNITS))(
    "finishes on %s",
    (_what, unit) => {
      const text = hostileText(unit, 256 * 1024);
      expect(() => analyse(text)).not.toThrow();
    },
    TIMEOUT_MS,
  );
});
