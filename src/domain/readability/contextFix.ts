import { ADVERB_ONLY, LEGAL_ADVICE_ONLY, OBJECT_PREPOSITIONS, POINTERS, WORDY_ONE_CLICK } from "./fixPolicy";

/** A word of the checked text (lower-case copy for matching). */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

/** The exact change a one-click fix makes: the text at `start`..`end` (end exclusive) becomes `text`. */
export interface TextFix {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A phrase found in the draft, as the planner sees it. */
export interface PhraseMatch {
  readonly phrase: string;
  readonly kind: "jargon" | "wordy";
  /** The plain word the table gives first ("" = leave the phrase out). */
  readonly plain: string;
  /** Index of the phrase's first and last token. */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

/** What the pane offers for a phrase: the fix and the words it puts in (for the button), or null (advice only). */
export interface PlannedFix {
  readonly fix: TextFix;
  /** What the phrase becomes in this sentence ("this", "I acknowledge", "" when it goes). */
  readonly replacement: string;
}

const DETERMINERS = new Set(["the", "this", "that", "these", "those", "said"]);
const QUANTIFIERS = new Set(["a", "an", "any", "each", "every", "such", "all", "no", "some"]);
const MODALS = new Set(["will", "would", "may", "might", "must", "can", "could", "should", "did", "had", "cannot"]);
const FIRST_PERSON_VERBS: Readonly<Record<string, string>> = { is: "am", has: "have", does: "do", was: "was", shall: "will" };
const ADVERBS_TO_DROP = new Set(["hereby", "duly"]);

/** `text[a..b]` is only spaces or tabs (the two words sit in one line of one clause). */
function blank(text: string, a: number, b: number): boolean {
  return b > a && /^[ \t\u00a0]+$/.test(text.slice(a, b));
}

/** The word right before token `i`, separated by spaces only (no punctuation), or null. */
function joinedBefore(text: string, tokens: readonly Token[], i: number): Token | null {
  const p = tokens[i - 1];
  return p && blank(text, p.end, tokens[i].start) ? p : null;
}

/** The word right after token `i`, separated by spaces only, or null. */
function joinedAfter(text: string, tokens: readonly Token[], i: number): Token | null {
  const n = tokens[i + 1];
  return n && blank(text, tokens[i].end, n.start) ? n : null;
}

/** Nothing but white space, an opening quote or bracket, or the end of a sentence before `pos`. */
export function atSentenceStart(text: string, pos: number): boolean {
  const head = text.slice(Math.max(0, pos - 200), pos).replace(/[ \t\u00a0"“‘(]+$/u, "");
  return head === "" || /[.!?:][)"”’]?$/u.test(head) || /\n$/.test(head);
}

/** "a" or "an" for the word that follows. */
function articleFor(word: string): "a" | "an" {
  const w = word.toLowerCase();
  if (/^u(?:s|ni|ti|r)/.test(w) || /^eu/.test(w) || /^one\b/.test(w)) return "a";
  if (/^h(?:our|onest|onour|onor)/.test(w)) return "an";
  return /^[aeiou]/.test(w) ? "an" : "a";
}

/** Gives `replacement` the case of `original` ("Prior to" → "Before", "SHALL" → "WILL"). */
export function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  if (original.length > 1 && original === original.toUpperCase() && /\p{Lu}/u.test(original)) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/** A plural noun by its ending ("premises", "documents"), not "lease", "status", "analysis", "business". */
function looksPlural(word: string): boolean {
  return (/[^su]s$/.test(word) && !/(?:ss|us|is)$/.test(word)) || /(?:ies|ses|xes|ches|shes)$/.test(word);
}

/** The first-person form of a third-person verb ("acknowledges" → "acknowledge"), or null when unsure. */
function firstPerson(verb: string): string | null {
  const known = FIRST_PERSON_VERBS[verb];
  if (known) return known;
  if (MODALS.has(verb) || /ed$/.test(verb)) return verb;
  if (/[^aeiou]ies$/.test(verb)) return verb.slice(0, -3) + "y";
  if (/(?:ss|sh|ch|x|z)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^su]s$/.test(verb)) return verb.slice(0, -1);
  return null;
}

/**
 * Removes `start`..`end` so the sentence still reads: the space on one side goes, a comma that set the phrase
 * off goes with it ("Put simply, the" → "The"; "we have, overall, agreed" → "we have agreed"), and a sentence
 * that loses its first word starts with a capital.
 */
function deletion(text: string, start: number, end: number): TextFix {
  let s = start;
  let e = end;
  const sentenceStart = atSentenceStart(text, start);
  if (text[e] === ",") {
    const commaBefore = sentenceStart ? null : /,[ \t]*$/.exec(text.slice(Math.max(0, s - 20), s));
    if (commaBefore) s -= commaBefore[0].length;
    e += 1;
  }
  const spaceAfter = /^[ \t\u00a0]+/.exec(text.slice(e));
  const spaceBefore = /[ \t\u00a0]+$/.exec(text.slice(0, s));
  if (sentenceStart || spaceBefore) {
    if (spaceAfter) e += spaceAfter[0].length;
  }
  if (!sentenceStart && spaceBefore && /^[.,;:!?)]/.test(text.slice(e))) s -= spaceBefore[0].length;
  let put = "";
  if (sentenceStart && /^\p{Lu}/u.test(text[start]) && /^\p{Ll}/u.test(text[e] ?? "")) {
    put = text[e].toUpperCase();
    e += 1;
  }
  return { start: s, end: e, text: put };
}

/** Deleting between "a"/"an" and a word that wants the other article ("a very old lease" → "an old lease"). */
function articleAfterDeletion(text: string, tokens: readonly Token[], m: PhraseMatch): TextFix | null {
  const article = joinedBefore(text, tokens, m.first);
  const next = joinedAfter(text, tokens, m.last);
  if (!article || !next || (article.lower !== "a" && article.lower !== "an") || articleFor(next.lower) === article.lower) return null;
  return { start: article.start, end: next.start, text: `${matchCase(text.slice(article.start, article.end), articleFor(next.lower))} ` };
}

/** Replaces `start`..`end`, fixing "a"/"an" before it when the new first word needs the other article. */
function substitution(text: string, tokens: readonly Token[], m: PhraseMatch, start: number, replacement: string): PlannedFix {
  const shown = matchCase(text.slice(start, m.end), replacement);
  const article = start === m.start ? joinedBefore(text, tokens, m.first) : null;
  if (article && (article.lower === "a" || article.lower === "an") && articleFor(replacement) !== article.lower) {
    const fixed = matchCase(text.slice(article.start, article.end), articleFor(replacement));
    return { fix: { start: article.start, end: m.end, text: `${fixed} ${shown}` }, replacement: shown };
  }
  return { fix: { start, end: m.end, text: shown }, replacement: shown };
}

/** "the aforementioned agreement" → "this agreement"; "the aforesaid premises" → "these premises". */
function pointer(text: string, tokens: readonly Token[], m: PhraseMatch): PlannedFix | null {
  const noun = joinedAfter(text, tokens, m.last);
  if (!noun || !/^\p{Ll}/u.test(text[noun.start])) return null; // "the aforementioned." points at nothing here
  const before = joinedBefore(text, tokens, m.first);
  if (before && QUANTIFIERS.has(before.lower)) return null; // "any aforementioned breach"
  const start = before && DETERMINERS.has(before.lower) ? before.start : m.start;
  const word = looksPlural(noun.lower) ? "these" : "this";
  const shown = matchCase(text.slice(start, m.end), word);
  return { fix: { start, end: m.end, text: shown }, replacement: shown };
}

/**
 * "The undersigned acknowledges" → "I acknowledge" (the verb agrees; "hereby" and "duly" go with it); "signed by
 * the undersigned" → "by me". Anywhere else (a name in commas after it, a verb we cannot conjugate): advice.
 */
function undersigned(text: string, tokens: readonly Token[], m: PhraseMatch): PlannedFix | null {
  const before = joinedBefore(text, tokens, m.first);
  if (before && OBJECT_PREPOSITIONS.has(before.lower)) {
    return { fix: { start: m.start, end: m.end, text: "me" }, replacement: "me" };
  }
  // the subject: first in its sentence or after a fronted clause ("Prior to the hearing, the undersigned …")
  if (!atSentenceStart(text, m.start) && !/,[ \t]*$/.test(text.slice(Math.max(0, m.start - 4), m.start))) return null;
  let k = m.last;
  const dropped: string[] = [];
  let verb = joinedAfter(text, tokens, k);
  while (verb && ADVERBS_TO_DROP.has(verb.lower)) {
    dropped.push(verb.lower);
    k++;
    verb = joinedAfter(text, tokens, k);
  }
  if (!verb) return null;
  const upper = text.slice(m.start, verb.end) === text.slice(m.start, verb.end).toUpperCase();
  if (!upper && !/^\p{Ll}/u.test(text[verb.start])) return null; // "The undersigned Smith" is a name, not a verb
  const form = firstPerson(verb.lower);
  if (form === null) return null;
  const words = `I ${form}`;
  const shown = upper ? words.toUpperCase() : words;
  return { fix: { start: m.start, end: verb.end, text: shown }, replacement: shown };
}

/** "I am in receipt of" → "I have received"; "the firm is in receipt of" → "has received". */
function inReceipt(text: string, tokens: readonly Token[], m: PhraseMatch): PlannedFix | null {
  const be = joinedBefore(text, tokens, m.first);
  const have: Readonly<Record<string, string>> = { am: "have", are: "have", is: "has", was: "had", were: "had" };
  if (!be || !have[be.lower]) return null;
  const shown = matchCase(text.slice(be.start, be.end), `${have[be.lower]} received`);
  return { fix: { start: be.start, end: m.end, text: shown }, replacement: shown };
}

/**
 * Plans the one-click fix of a phrase in its sentence, or returns null when the plain word cannot simply take the
 * phrase's place (the finding is then advice). See fixPolicy.ts for which phrases are one-click.
 */
export function planFix(text: string, tokens: readonly Token[], m: PhraseMatch): PlannedFix | null {
  const phrase = m.phrase;
  if (m.kind === "wordy" && !WORDY_ONE_CLICK.has(phrase)) return null;
  if (m.kind === "jargon" && LEGAL_ADVICE_ONLY.has(phrase)) return null;
  if (POINTERS.has(phrase)) return pointer(text, tokens, m);
  if (phrase === "the undersigned") return undersigned(text, tokens, m);
  if (phrase === "in receipt of") return inReceipt(text, tokens, m);
  const next = joinedAfter(text, tokens, m.last);
  if (ADVERB_ONLY.has(phrase) && next) return null;
  if (phrase === "notwithstanding" && (!next || next.lower === "that")) return null; // "notwithstanding that …" needs "even though"
  if (phrase === "kindly") {
    // the request ("Kindly sign", "could you kindly confirm"), not the manner ("he kindly agreed")
    const before = joinedBefore(text, tokens, m.first);
    if (!atSentenceStart(text, m.start) && before?.lower !== "you") return null;
  }
  // "on the expiration of" → "on the end of", but "since inception" → "since start" lacks its article
  if ((phrase === "expiration" || phrase === "inception") && !DETERMINERS.has(joinedBefore(text, tokens, m.first)?.lower ?? ""))
    return null;
  if (phrase === "cease" && next?.lower === "to") return null; // "cease to be" is not "stop to be"
  if (phrase === "sufficient" && QUANTIFIERS.has(joinedBefore(text, tokens, m.first)?.lower ?? "")) return null; // "a sufficient reason"
  if (m.plain === "") return { fix: articleAfterDeletion(text, tokens, m) ?? deletion(text, m.start, m.end), replacement: "" };
  return substitution(text, tokens, m, m.start, m.plain);
}
