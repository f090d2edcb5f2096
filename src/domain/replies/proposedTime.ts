/**
 * The time a client proposes, in their own words: "Friday at 10 am", "today between 2 and 4", "next Tuesday from 10
 * to 11". The drafts quote it back ("Yes, today between 2 and 4 works for me"), so only the words that name the time
 * are kept, never the rest of the sentence ("for a call", "if that suits"). Nothing is resolved to a date here: the
 * client's words are what the reply repeats. Every expression is linear (alternatives of fixed words and digits, no
 * nested quantifiers) and runs over one sentence at a time, each capped by its caller.
 */

const DAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const CLOCK = String.raw`\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[.:]\d{2}|noon|midday`;
/** A bare hour ("2", "10.30") only counts inside a range or after "at": "between 2 and 4", "from 10 to 11", "at 3". */
const HOUR = String.raw`(?:\d{1,2}(?:[.:]\d{2})?(?:\s?(?:am|pm))?|noon|midday)`;

/** One piece of a time: a day, a date, a part of the day, a clock time or a range of hours. */
const TIME_WORD = new RegExp(
  [
    String.raw`\b(?:(?:this|next|on)\s+)?${DAY}\b`,
    String.raw`\b(?:today|tomorrow|tonight)\b`,
    String.raw`\b(?:this|tomorrow)\s+(?:morning|afternoon|evening)\b`,
    String.raw`\b(?:in\s+the\s+)?(?:morning|afternoon|evening)\b`,
    String.raw`\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b`,
    String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\bthe\s+\d{1,2}(?:st|nd|rd|th)\b`,
    String.raw`\bbetween\s+${HOUR}\s+and\s+${HOUR}\b`,
    String.raw`\bfrom\s+${HOUR}\s+(?:to|until|till)\s+${HOUR}\b`,
    String.raw`\b\d{1,2}(?:[.:]\d{2})?\s?(?:-|–|to)\s?\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b`,
    String.raw`\b(?:any\s?time\s+)?(?:after|before|from)\s+(?:${CLOCK})`,
    String.raw`\bat\s+${HOUR}(?!\d|[.:]\d)`,
    String.raw`\b(?:${CLOCK})(?!\d|[.:]\d)`,
  ].join("|"),
  "gi",
);

/** Most characters between two time words of one proposal ("Friday, say at 10" holds; a long clause breaks it). */
const MAX_GAP = 12;

/** The sentence asks to meet or talk at a time we could take ("can we …", "are you free …", "how about …"). */
const PROPOSES =
  /\b(?:can|could|shall|should)\s+we\b|\bhow about\b|\bwhat about\b|\b(?:suit|work)s?\s+(?:for\s+)?you\b|\bare you (?:free|available|around)\b|\b(?:can|could) (?:i|you) (?:meet|call|come|ring|phone)\b|\bwould\b.{0,40}\b(?:suit|work|be (?:ok|okay|possible|convenient))\b/i;
/** The client says when they can ("I'm free between 2 and 4", "any time after 3 works for me"). */
const AVAILABLE =
  /\b(?:i'?m|i am|we'?re|we are)\s+(?:free|available|around|in the office)\b|\b(?:works|suits)\s+(?:for\s+)?(?:me|us)\b|\bany\s?time\b/i;
/** The meeting is a call, not a visit: the drafts then offer to call, not to "see you". */
const BY_PHONE = /\b(?:call|speak|talk|phone|ring|chat|zoom|teams|video)\b/i;

/** A time the client proposes, in their words, and whether they want to talk or meet. */
export interface ProposedTime {
  readonly words: string;
  readonly by: "call" | "meeting";
}

/** The span of time words in `sentence`, from the first to the last that follow each other closely; null if none. */
export function timeWords(sentence: string): string | null {
  TIME_WORD.lastIndex = 0;
  let start = -1;
  let end = -1;
  for (let m = TIME_WORD.exec(sentence); m; m = TIME_WORD.exec(sentence)) {
    if (start >= 0 && m.index - end > MAX_GAP) break;
    if (start < 0) start = m.index;
    end = m.index + m[0].length;
  }
  if (start < 0) return null;
  const words = sentence
    .slice(start, end)
    .replace(/\s+/g, " ")
    .replace(/^(?:on|at)\s/i, "")
    .trim();
  // A sentence's capital ("Tomorrow at 3?") is not kept inside ours; day and month names keep theirs.
  return /^(?:today|tomorrow|tonight|this|next|in|any|after|before|from|between|the)\b/i.test(words)
    ? words[0].toLowerCase() + words.slice(1)
    : words;
}

/**
 * The time proposed by the question `sentences[i]`, read with the sentence after it when that one says when the
 * client is free ("Could we speak today? I'm free between 2 and 4." → "today between 2 and 4"). Null when the
 * question proposes nothing or names no time, or the words are longer than `maxLength`.
 */
export function proposedTime(sentences: readonly string[], i: number, maxLength: number): ProposedTime | null {
  const question = sentences[i];
  if (!PROPOSES.test(question)) return null;
  const next = sentences[i + 1];
  const more = next && !next.endsWith("?") && AVAILABLE.test(next) ? timeWords(next) : null;
  const own = timeWords(question);
  // "Friday? I'm free Friday after 3" says Friday once.
  const words = own && more && !more.toLowerCase().includes(own.toLowerCase()) ? `${own} ${more}` : (more ?? own);
  if (!words || words.length > maxLength) return null;
  return { words, by: BY_PHONE.test(question) || (!!more && BY_PHONE.test(next)) ? "call" : "meeting" };
}
