import { automatedKind } from "@domain/language/automated";
import { checkDraft } from "@domain/readability/checkDraft";
import { readability } from "@domain/readability/grade";
import { canPromiseToday, plainDate, plainDay, workingDayAfter, zoned, type DayRules } from "./plainDates";
import { RESPONSE_SETS, SORRY_LINE, type Facts, type ResponseTemplate } from "./responseSets";
import type { Draft, SuggestInput } from "./types";
import { ANSWER_PLACEHOLDER, proposalReplies, questionReply, whatWasAsked, type Asked } from "./askedReplies";

/**
 * The drafts answer what the client asked: a time they propose is taken or declined (not "Wednesday or Thursday?"),
 * a yes/no question gets a draft with a place for the attorney's answer, and mail that asks nothing gets a short
 * acknowledgement at most (never "I will reply in full by …"). A complaint keeps its own set.
 */
function answerWhatWasAsked(
  input: SuggestInput,
  asked: Asked,
  set: readonly ResponseTemplate[] | undefined,
): readonly ResponseTemplate[] | undefined {
  if (!set || input.intent === "complaint" || input.intent === "thanks_ack") return set;
  if (asked.proposal) return proposalReplies(asked.proposal);
  if (asked.question) return [questionReply(), ...set.filter((t) => t.angle !== "answer")];
  // Mail that needs no reply (the clock's own reading, or a message that asks nothing) gets a short note at most.
  if ((input.needsReply === false && !input.negativeTone) || (asked.asksNothing && input.intent === "other"))
    return RESPONSE_SETS.thanks_ack;
  return set;
}

/** The plain-language limits every suggested draft meets. */
export const DRAFT_LIMITS = { maxGrade: 8, maxSentenceWords: 20 } as const;

/** First name from a display name: "Lucy Brennan" → "Lucy", "Brennan, Lucy" → "Lucy", "Dr. Jane Lee" → "Jane". */
export function firstName(name: string | null | undefined): string | null {
  if (!name) return null;
  let n = name.replace(/["“”]/g, "").trim();
  if (n.includes(",")) n = n.split(",").slice(1).join(" ").trim() || n.split(",")[0];
  const words = n.split(/\s+/).filter((w) => !/^(mr|mrs|ms|mx|miss|dr|prof|sir|dame)\.?$/i.test(w));
  const first = words[0];
  if (!first || first.includes("@") || !/^\p{L}/u.test(first)) return null;
  return first;
}

/**
 * The ways to name the matter in a sentence, fullest first. A known matter is always named, by its number at least: a
 * draft that names no matter reads the same for every matter, so after Change matter it would not show which one the
 * reply is about (a template that cannot name it within the limits is left out instead).
 */
function matterMentions(input: SuggestInput): string[] {
  const m = input.matter;
  if (!m) return [""];
  // nested brackets read badly inside our own "(…)"
  const title = m.title
    .replace(/\s*\(([^()]*)\)/g, ", $1")
    .replace(/\s+/g, " ")
    .trim();
  return [` about ${m.number} (${title})`, ` about ${m.number}`];
}

function dateLines(input: SuggestInput, now: ReturnType<typeof zoned>): string[] {
  const upcoming = (input.nextDates ?? [])
    .map((d) => ({ label: d.label.trim(), at: zoned(d.date, input.timeZone), text: plainDate(d.date, now) }))
    .filter((d) => d.text && d.label && d.at.toMillis() >= now.startOf("day").toMillis())
    .sort((a, b) => a.at.toMillis() - b.at.toMillis())
    .slice(0, 2);
  return upcoming.map((d) => `${d.label[0].toUpperCase()}${d.label.slice(1)}: ${d.text}.`);
}

function attorneyLine(input: SuggestInput): string {
  const a = input.attorney;
  if (!a) return "";
  if (!input.sender || input.sender.email.toLowerCase() === a.email.toLowerCase()) return "";
  return `I am keeping ${a.name}, who leads your matter, up to date.`;
}

/** What the plain-language rules check: grade, sentence length, and no jargon in OUR words. */
function vet(text: string, facts: readonly string[]): { ok: boolean; grade: number; longest: number } {
  const r = readability(text);
  // names, matter titles and dates are the client's own words: they are not ours to rephrase
  let ours = text;
  for (const f of facts) if (f) ours = ours.split(f).join("Sam");
  const jargon = checkDraft(ours).findings.some((x) => x.kind === "jargon" || x.kind === "wordy");
  return {
    ok: !jargon && r.grade <= DRAFT_LIMITS.maxGrade && r.longestSentenceWords <= DRAFT_LIMITS.maxSentenceWords,
    grade: r.grade,
    longest: r.longestSentenceWords,
  };
}

/**
 * The opening an unhappy client's reply leads with: an apology for what they are unhappy about (the first sign the
 * language reading found), then a concrete next step with a time.
 */
export function acknowledgement(kinds: readonly string[], soon: string): string {
  const first = kinds[0] ?? "";
  const sorry = ACKNOWLEDGE[first] ?? SORRY_LINE;
  return `${sorry} I am looking into this myself and will update you ${soon}.`;
}

const ACKNOWLEDGE: Record<string, string> = {
  "repeated chasing": "I am sorry you have had to chase us, and I understand your frustration.",
  "slow to reply": SORRY_LINE,
  "not kept informed": "I am sorry we did not keep you up to date. You should have heard from us.",
  "the firm's mistake": "I am sorry for our mistake, and I understand why you are upset.",
  "disputes the bill": "I am sorry the bill has caused you concern. You are right to ask about it.",
  "asks for someone senior": "I am sorry you are not happy with how things are going, and I take it seriously.",
  sarcasm: SORRY_LINE,
};

function compose(greeting: string, sorry: string | null, body: string, signer: string | null): string {
  const parts = [greeting];
  if (sorry) parts.push(sorry);
  parts.push(body, signer ? `Best wishes,\n${signer}` : "Best wishes,");
  return parts.join("\n\n");
}

/**
 * Up to three reply drafts for a client's message, each from a different angle (answer / ask for what
 * is missing / offer a call), from the hand-written response set of its intent, personalised with the
 * contact's first name, the matter, the attorney and known dates. Every draft returned meets the limits:
 * Flesch–Kincaid grade ≤ 8, no sentence over 20 words, no jargon; a draft that cannot be made to meet
 * them is left out rather than weakened. No drafts for non-client mail, automatic mail or newsletters,
 * and at most one short optional note for a thanks. Pure: nothing leaves the device.
 */
export function suggestReplies(input: SuggestInput): Draft[] {
  if (!input.client) return [];
  if (input.intent === "auto_reply" || automatedKind(input.message) !== null) return [];
  const asked = whatWasAsked(input.message);
  const set: readonly ResponseTemplate[] | undefined = answerWhatWasAsked(input, asked, RESPONSE_SETS[input.intent] ?? RESPONSE_SETS.other);
  if (!set) return [];
  // The client's own words quoted back (a proposed time, their question) are not ours to rephrase.
  const theirs = [asked.proposal?.words ?? "", asked.question ?? "", ANSWER_PLACEHOLDER];

  const rules: DayRules = {
    timeZone: input.timeZone,
    workingDays: input.workingDays ?? [1, 2, 3, 4, 5],
    holidays: input.holidays ?? [],
  };
  const now = zoned(input.now, input.timeZone);
  const next = workingDayAfter(now, 1, rules);
  const after = workingDayAfter(now, 2, rules);
  const nextDay = plainDay(next, now);
  const soon = canPromiseToday(now, rules) ? "by 5 pm today" : `by 10 am on ${nextDay}`;
  const first = firstName(input.contactName ?? input.message.from?.name ?? null);
  const signerName = input.sender?.name ?? input.attorney?.name ?? null;
  // A complaint's own drafts apologise and name the next step; any other unhappy client's drafts lead with both.
  const sorry = input.negativeTone && input.intent !== "complaint" ? acknowledgement(input.unhappyKinds ?? [], soon) : null;
  const mentions = matterMentions(input);
  const lines = dateLines(input, now);
  const facts = [
    first ?? "",
    signerName ?? "",
    input.matter?.title ?? "",
    input.matter?.number ?? "",
    input.attorney?.name ?? "",
    ...lines,
  ];

  const drafts: Draft[] = [];
  for (const template of set.slice(0, 3)) {
    // fullest personalisation first; fall back when a long title or many dates push past the limits
    const tries: Facts[] = [];
    for (const about of mentions) {
      for (const withDates of lines.length ? [true, false] : [false]) {
        tries.push({
          about,
          dateLines: withDates ? lines : [],
          nextDay,
          dayAfter: plainDay(after, now),
          soon,
          attorneyLine: attorneyLine(input),
        });
      }
    }
    for (const greeting of [first ? `Hi ${first},` : "Hello,", "Hello,"]) {
      const found = tries
        .map((f) => compose(greeting, sorry, template.body(f), signerName))
        .find((text) => vet(text, [...facts, ...theirs]).ok);
      if (found) {
        const v = vet(found, [...facts, ...theirs]);
        drafts.push({ label: template.label, angle: template.angle, text: found, grade: v.grade, longestSentenceWords: v.longest });
        break;
      }
    }
  }
  return drafts;
}
