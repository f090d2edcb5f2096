import * as chrono from "chrono-node/en";
import { DateTime } from "luxon";
import type { FirmCalendar, Instant } from "@domain/time/firmCalendar";
import { toZoned } from "@domain/time/firmCalendar";
import { analysedText } from "@domain/text/analysedText";

/** What a proposed date is, strongest first in the ranking. */
export type FollowUpKind = "deadline" | "hearing" | "meeting" | "action" | "other";

export interface FollowUpProposal {
  /** Firm-local date, "YYYY-MM-DD". */
  readonly date: string;
  /** Firm-local time "HH:MM" when the text names one. */
  readonly time?: string;
  readonly kind: FollowUpKind;
  /** The words that named the date, as found in the text. */
  readonly phrase: string;
  /** Offsets of `phrase` in the text given. */
  readonly start: number;
  readonly end: number;
  /** Higher is more worth a follow-up: by kind, a little more when a time is named. */
  readonly score: number;
}

export interface ProposeInput {
  /** Only the message's own new text and the text it forwards (no quoted history, no signature). */
  readonly text: string;
  /** The message's sent date: relative words ("Friday", "tomorrow") count from its firm-local day. */
  readonly sentAt: Instant;
  /** The firm's zone; defaults to the calendar's. Dates are resolved in it, whatever the sender's zone. */
  readonly timeZone?: string;
  readonly calendar: FirmCalendar;
}

const KIND_SCORE: Record<FollowUpKind, number> = { deadline: 5, hearing: 4, meeting: 3, action: 2, other: 1 };

// Cue words read in the sentence around a date. Order matters: the first kind whose cue is near wins.
const HEARING_CUE =
  /\b(hearing|trial|tribunal|court|judge|mediation|arbitration|inquest|listed|case management|directions hearing|deposition)\b/i;
const DEADLINE_CUE =
  /\b(deadline|due|no later than|not later than|expire[sd]?|expiry|limitation|closing|completion|complete|exchange|must|latest|cut-?off|before|until|within|by)\b/i;
const MEETING_CUE =
  /\b(meet|meeting|call|talk|speak|appointment|conference|video|zoom|teams|visit|catch up|see you|available|availability|diary)\b/i;
const ACTION_CUE = /\b(please|send|sign|return|pay|provide|confirm|let (?:me|us) know|file|submit|review|chase|remind|follow up)\b/i;

/** Periods with no day: "next week", "end of the month" are too vague to put in a diary. */
const VAGUE = /\b(week|weekend|fortnight|month|year|quarter)\b|\bend of\b/i;
/** Right before a date, these make it a week or a period rather than a day ("the week of 25 August"). */
const VAGUE_BEFORE = /\b(week|weekend) (of|commencing|beginning|starting)\s*$|\bw\/c\s*$/i;
/**
 * A phrase is a named day only with one of these: a month name, a weekday, a numeric date, an ordinal day or a
 * casual day word. Counted durations ("within 14 days", "for 2 hours") are not named dates: they count from
 * events we often cannot see ("of referral", "from service").
 */
const DAY_ANCHOR =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tues?(day)?|wed(nesday)?|thu(rs?)?(day)?|fri(day)?|sat(urday)?|sun(day)?|today|tomorrow|tonight|this (morning|afternoon|evening))\b|\d{1,4}[/.-]\d{1,2}|\b\d{1,2}(st|nd|rd|th)\b/i;
const DURATION =
  /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|half an?|half)\s+(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b/i;
/** Words in the phrase that point back in time; forwardDate would otherwise move "last Tuesday" to the next one. */
const PAST = /\b(last|ago|yesterday|previous|earlier|past)\b/i;
/** A date named as the date of a document ("your letter of 12 August", "dated today") is not an event. */
const DOCUMENT_DATE =
  /\b(letter|e-?mail|message|note|application|notice|invoice|report|statement|order|judgment|issue)\s+(of|dated)\s*$|\bdated\s*$/i;
/**
 * Past tense just before a weekday or a casual day word ("she emailed you on Monday", "thank you for the call
 * on Monday"): forwardDate would move that day into the future, so such mentions are dropped unless a word of the
 * future is also there. Explicit dates need no such test: a past explicit date is simply in the past.
 */
const PAST_VERB =
  /\b(was|were|had|did|wrote|rang|called|phoned|emailed|e-mailed|sent|received|arrived|came|signed|handed|issued|told|said|met|spoke|gave|took|paid|served|explained|discussed|mentioned|happened|visited|filed|asked|thanks? (you )?for|thank you for)\b|\b(i|we|he|she|they|you|it)(\s+\w+ed|'ve|’ve| have| has)\b/i;
const FUTURE_WORD =
  /\b(will|shall|'ll|’ll|going to|please|can you|could you|would you|need|must|by|until|before|due|deadline|next|coming|expected|planned|scheduled|listed)\b/i;
/** Parts of today, and the local hour at which each is over. */
const TODAY_PART: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bthis morning\b/i, 12],
  [/\bthis afternoon\b/i, 18],
  [/\b(this evening|tonight)\b/i, 24],
];
/** A bare weekday: "Friday" written on a Friday means the next one, not today. */
const BARE_WEEKDAY = /^(on\s+|by\s+)?(mon|tues?|wed(nes)?|thu(rs?)?|fri|sat(ur)?|sun)(day)?\b/i;
/**
 * A day and month with no year more than this far in the past is taken as next year's ("3 January" written in
 * December); a nearer one is a past date. Future dates without a year are rarely named more than four months ahead.
 */
const NEXT_YEAR_AFTER_DAYS = 240;

/**
 * chrono reads "the 15th" only with a month; a lone ordinal day in a sentence ("set for the 15th") means the next
 * 15th on or after the reference day, so we teach chrono that one pattern.
 */
const ordinalDayParser: chrono.Parser = {
  pattern: () =>
    /\b(?:on|for|by|until|before|from)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i,
  extract: (context, match) => {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    const ref = context.reference;
    const refDt = DateTime.fromJSDate(ref.instant, { zone: zoneForOffset(ref.timezoneOffset ?? undefined) });
    let candidate = refDt.set({ day: Math.min(day, refDt.daysInMonth ?? 31) });
    if (candidate.day !== day || candidate.startOf("day") < refDt.startOf("day")) {
      let next = refDt.startOf("month").plus({ months: 1 });
      for (let i = 0; i < 12 && (next.daysInMonth ?? 0) < day; i++) next = next.plus({ months: 1 });
      candidate = next.set({ day });
    }
    const prefix = match[0].slice(0, match[0].toLowerCase().indexOf("the"));
    return context.createParsingResult((match.index ?? 0) + prefix.length, match[0].slice(prefix.length), {
      year: candidate.year,
      month: candidate.month,
      day: candidate.day,
    });
  },
};

function zoneForOffset(offset: number | undefined): string {
  if (typeof offset !== "number") return "UTC";
  if (offset === 0) return "UTC";
  const sign = offset > 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
}

function parserFor(zone: string): chrono.Chrono {
  // US firms write month/day, everyone else day/month.
  const base = zone.startsWith("America/") ? chrono.casual : chrono.GB;
  const parser = base.clone();
  parser.parsers.push(ordinalDayParser);
  return parser;
}

const parsers = new Map<string, chrono.Chrono>();

/**
 * How far the words around a date are read, each way: a sentence longer than this is not one a date's cue words are
 * looked for in. Without a bound, every date in a long unpunctuated text would read the whole text again.
 */
const SENTENCE_REACH = 300;

function isSentenceBreak(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10; // . ! ? newline
}

function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  const from = Math.max(0, start - SENTENCE_REACH);
  let s = start;
  while (s > from && !isSentenceBreak(text.charCodeAt(s - 1))) s--;
  const to = Math.min(text.length, end + SENTENCE_REACH);
  let e = end;
  while (e < to && !isSentenceBreak(text.charCodeAt(e))) e++;
  return { before: text.slice(s, start), after: text.slice(end, e) };
}

function kindOf(text: string, start: number, end: number): FollowUpKind {
  const { before, after } = sentenceAround(text, start, end);
  const near = `${before} ${after}`;
  if (HEARING_CUE.test(near)) return "hearing";
  // "by Friday", "until the 15th": a preposition right before the date makes it a deadline.
  if (
    /\b(by|before|until|no later than|not later than|deadline(?: is| of)?|due(?: on| by)?)\s*(the\s+)?$/i.test(before) ||
    DEADLINE_CUE.test(near)
  ) {
    if (MEETING_CUE.test(near) && !/\b(by|before|until|deadline|due|no later than)\b/i.test(near)) return "meeting";
    return "deadline";
  }
  if (MEETING_CUE.test(near)) return "meeting";
  if (ACTION_CUE.test(near)) return "action";
  return "other";
}

/**
 * At most this many date mentions are read from one message. A message that names more is a schedule or a table,
 * not a follow-up to diary, and each mention costs a parse and several time-zone conversions: without a bound, a
 * long text of "Friday Friday Friday …" took seconds.
 */
export const MAX_DATE_MENTIONS = 100;
/** chrono reads the text in pieces of about this size, so that it stops early once enough mentions are found. */
const PARSE_CHUNK_CHARS = 2000;

/**
 * Where the piece of `text` from `from` given to chrono ends: at the last sentence or line end in its second half,
 * else after its last space, so that a date is rarely cut in two.
 */
function chunkEnd(text: string, from: number): number {
  const limit = from + PARSE_CHUNK_CHARS;
  if (limit >= text.length) return text.length;
  let space = -1;
  for (let k = limit; k > from + PARSE_CHUNK_CHARS / 2; k--) {
    const c = text.charCodeAt(k - 1);
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && text.charCodeAt(k) === 32)) return k;
    if (c === 32 && space < 0) space = k;
  }
  return space > 0 ? space : limit;
}

/** chrono's date mentions in `text`, in order, with their place in it; at most {@link MAX_DATE_MENTIONS}. */
function dateMentions(
  parser: chrono.Chrono,
  text: string,
  reference: chrono.ParsingReference,
): Array<{ result: chrono.ParsedResult; index: number }> {
  const found: Array<{ result: chrono.ParsedResult; index: number }> = [];
  for (let from = 0; from < text.length && found.length < MAX_DATE_MENTIONS;) {
    const to = chunkEnd(text, from);
    for (const result of parser.parse(text.slice(from, to), reference, { forwardDate: true })) {
      if (found.length >= MAX_DATE_MENTIONS) break;
      found.push({ result, index: from + result.index });
    }
    from = to;
  }
  return found;
}

/**
 * Proposes follow-up dates from a message's text: future events, deadlines and requested actions it names,
 * resolved against its sent date in the firm's time zone with chrono ("Friday" is the next Friday, "tomorrow"
 * the next day, "today" the sent day). Vague periods ("next week", "end of the month") and past dates are left
 * out; one proposal per date, in order of first mention, each scored by kind (see `rankFollowUps`).
 */
export function proposeFollowUpDates(raw: ProposeInput): FollowUpProposal[] {
  const input = { ...raw, text: analysedText(raw.text) };
  const zone = input.timeZone ?? input.calendar.timeZone;
  const sent = toZoned(input.sentAt, zone);
  const sentDay = sent.toISODate() ?? "";
  let parser = parsers.get(zone);
  if (!parser) {
    parser = parserFor(zone);
    parsers.set(zone, parser);
  }
  // The reference carries the firm's UTC offset at the sent instant, so "today" is the firm's day, not the machine's.
  // Plain-text mail wraps lines mid-sentence ("Friday 5\nSeptember"); join single line breaks, keeping offsets.
  const flat = input.text.replace(/([^\n])\n(?=[^\n])/g, "$1 ");
  const reference = { instant: sent.toJSDate(), timezone: sent.offset };
  const byDate = new Map<string, FollowUpProposal>();
  const order: string[] = [];
  for (const { result: r, index } of dateMentions(parser, flat, reference)) {
    const phrase = r.text;
    const before = input.text.slice(Math.max(0, index - 80), index);
    if (PAST.test(phrase) || !DAY_ANCHOR.test(phrase) || DURATION.test(phrase)) continue;
    if (VAGUE.test(phrase.replace(/\b(week|month)day\b/gi, "")) || VAGUE_BEFORE.test(before) || DOCUMENT_DATE.test(before)) continue;
    const part = TODAY_PART.find(([re]) => re.test(phrase));
    // A month alone ("in July", "until September") names no day.
    if (!r.start.isCertain("day") && !r.start.isCertain("weekday") && !part) continue;
    // "every Friday" is a routine, not a date to follow up.
    if (/\b(every|each)\s*$/i.test(before)) continue;
    const explicitDay = r.start.isCertain("day") && r.start.isCertain("month");
    if (!explicitDay) {
      const clause = sentenceAround(input.text, index, index + phrase.length).before;
      if (PAST_VERB.test(clause) && !FUTURE_WORD.test(clause)) continue;
    }
    if (part && !r.start.isCertain("hour") && sent.hour >= part[1]) continue;
    let local: DateTime;
    if (r.start.isCertain("timezoneOffset")) {
      // "3pm EST": an instant stated in another zone, shown on the firm's calendar.
      local = DateTime.fromJSDate(r.start.date(), { zone });
    } else {
      const certainYear = r.start.isCertain("year");
      local = DateTime.fromObject(
        {
          year: certainYear ? (r.start.get("year") ?? sent.year) : sent.year,
          month: r.start.get("month") ?? sent.month,
          day: r.start.get("day") ?? sent.day,
          hour: r.start.get("hour") ?? 0,
          minute: r.start.get("minute") ?? 0,
        },
        { zone },
      );
      if (part) local = local.set({ year: sent.year, month: sent.month, day: sent.day });
      if (explicitDay && !certainYear) {
        // chrono's forwardDate moves any passed day-month into next year; a date a few weeks back is a past date.
        const daysBack = sent.startOf("day").diff(local.startOf("day"), "days").days;
        if (daysBack > NEXT_YEAR_AFTER_DAYS) local = local.plus({ years: 1 });
      } else if (!explicitDay && !part) {
        // Weekdays and casual words: chrono already resolved them forward from the reference.
        local = DateTime.fromObject(
          {
            year: r.start.get("year") ?? sent.year,
            month: r.start.get("month") ?? sent.month,
            day: r.start.get("day") ?? sent.day,
            hour: r.start.get("hour") ?? 0,
            minute: r.start.get("minute") ?? 0,
          },
          { zone },
        );
      }
    }
    if (!local.isValid) continue;
    if (!r.start.isCertain("day") && r.start.isCertain("weekday") && BARE_WEEKDAY.test(phrase) && local.toISODate() === sentDay) {
      local = local.plus({ days: 7 });
    }
    const date = local.toISODate() ?? "";
    if (date < sentDay) continue;
    const hasTime = r.start.isCertain("hour");
    if (hasTime && local.toMillis() <= sent.toMillis()) continue; // earlier today: already past
    // A written-out date that is the sent day itself, with no later time, is a dateline, not an event.
    if (date === sentDay && explicitDay && !hasTime && !/\b(today|tonight|this (morning|afternoon|evening))\b/i.test(phrase)) continue;
    const kind = kindOf(input.text, index, index + phrase.length);
    const time = hasTime ? local.toFormat("HH:mm") : undefined;
    const proposal: FollowUpProposal = {
      date,
      ...(time ? { time } : {}),
      kind,
      phrase,
      start: index,
      end: index + phrase.length,
      score: KIND_SCORE[kind] + (time ? 0.5 : 0),
    };
    const prior = byDate.get(date);
    if (!prior) {
      byDate.set(date, proposal);
      order.push(date);
    } else if (proposal.score > prior.score) {
      // Keep the first mention's place and words, but take the stronger reading of what the date is.
      byDate.set(date, { ...prior, kind: proposal.kind, time: prior.time ?? proposal.time, score: Math.max(prior.score, proposal.score) });
    }
  }
  return order.map((d) => byDate.get(d)!).map((p) => (p.time === undefined ? withoutTime(p) : p));
}

function withoutTime(p: FollowUpProposal): FollowUpProposal {
  const { time: _time, ...rest } = p;
  return rest;
}

/** Proposals most worth a follow-up first (deadline, hearing, meeting, action, other), then by date. */
export function rankFollowUps(proposals: readonly FollowUpProposal[]): FollowUpProposal[] {
  return [...proposals].sort((a, b) => b.score - a.score || a.date.localeCompare(b.date) || a.start - b.start);
}

/** When the text names no date: the next working day at the start of working hours, in the firm's zone. */
export function defaultFollowUp(sentAt: Instant, calendar: FirmCalendar): { date: string; time: string; start: Date } {
  const start = calendar.nextWorkingDayStart(sentAt);
  const local = toZoned(start, calendar.timeZone);
  return { date: local.toISODate() ?? "", time: local.toFormat("HH:mm"), start };
}
