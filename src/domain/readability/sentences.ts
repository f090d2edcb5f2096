/** A sentence of a text, with its exact character span (end exclusive, trailing space excluded). */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Words that end in a full stop without ending the sentence. Lower-case, without the stop.
 * Kept to titles and Latin/legal shorthand that clients meet in mail; a stop after one of these
 * only ends the sentence when the next word could not continue it (see `endsAt`).
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "rev",
  "hon",
  "esq",
  "messrs",
  "no",
  "nos",
  "vs",
  "v",
  "etc",
  "approx",
  "dept",
  "inc",
  "ltd",
  "co",
  "corp",
  "plc",
  "llp",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun",
  "ref",
  "tel",
  "fig",
  "para",
  "paras",
  "cl",
  "art",
  "sec",
  "s",
  "ss",
  "p",
  "pp",
  "cf",
  "al",
  "viz",
  "ca",
]);

/** Titles sit before a name, so a capital after them never starts a sentence. */
const TITLES: ReadonlySet<string> = new Set(["mr", "mrs", "ms", "mx", "dr", "prof", "rev", "hon", "st", "vs", "v", "cf"]);

/** Shorthand that sits before a number ("No. 5", "para. 12"): a digit after it continues the sentence. */
const NUMBER_PREFIXES: ReadonlySet<string> = new Set([
  "no",
  "nos",
  "ref",
  "tel",
  "fig",
  "para",
  "paras",
  "cl",
  "art",
  "sec",
  "s",
  "ss",
  "p",
  "pp",
]);

const CLOSERS = /["'”’)\]]/;

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\u00a0" || ch === "\r";
}

/** The word (letters and inner dots) that ends just before `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}\p{N}.]/u.test(text[i])) i--;
  return text.slice(i + 1, dot);
}

/** The first non-space character at or after `from` on the same line, and its index. */
function nextVisible(text: string, from: number): { ch: string | undefined; index: number } {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return { ch: text[i], index: i };
}

/**
 * Decides whether the stop/question/exclamation mark at `i` ends a sentence.
 * Decimals (3.5), initials (J. Smith), dotted shorthand (e.g., U.S.) and titles (Dr. Lee) do not.
 */
function endsAt(text: string, i: number): boolean {
  const ch = text[i];
  const after = text[i + 1];
  if (ch === "!" || ch === "?")
    return after === undefined || isSpace(after) || after === "\n" || CLOSERS.test(after) || after === "!" || after === "?";
  // a stop inside a token ("3.5", "example.com", "2025.08") never ends a sentence
  if (after !== undefined && !isSpace(after) && after !== "\n" && !CLOSERS.test(after) && after !== ".") return false;
  if (after === ".") return false; // ellipsis continues until its last dot
  const word = wordBefore(text, i);
  const lower = word.toLowerCase();
  let k = i + 1;
  while (k < text.length && CLOSERS.test(text[k])) k++;
  const next = nextVisible(text, k);
  const nextCh = next.ch;
  if (nextCh === undefined || nextCh === "\n") return true;
  const nextStartsLower = /\p{Ll}/u.test(nextCh);
  const nextIsDigit = /\p{N}/u.test(nextCh);
  // dotted shorthand: e.g. / i.e. / U.S. — the word before holds an inner dot
  if (word.includes(".")) return !nextStartsLower && !nextIsDigit && !/^(e\.g|i\.e|a\.m|p\.m|cf|viz)$/i.test(word);
  // a single capital letter is an initial ("J. Smith")
  if (/^\p{Lu}$/u.test(word)) return false;
  if (TITLES.has(lower)) return false;
  if (NUMBER_PREFIXES.has(lower) && nextIsDigit) return false;
  if (ABBREVIATIONS.has(lower)) return !nextStartsLower && !nextIsDigit;
  return !nextStartsLower;
}

/**
 * Splits text into sentences with exact spans. Blank lines always end a sentence; a single line break
 * ends one when the next line is a list item, or does not start in lower case and the line before
 * ends in punctuation or is short (greetings, sign-offs), so that hard-wrapped paragraphs stay whole.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const result: SentenceSpan[] = [];
  let start = -1;
  const push = (end: number): void => {
    if (start < 0) return;
    let e = end;
    while (e > start && /\s/.test(text[e - 1])) e--;
    if (e > start && /[\p{L}\p{N}]/u.test(text.slice(start, e))) result.push({ start, end: e, text: text.slice(start, e) });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (start < 0) {
      if (!/\s/.test(ch)) start = i;
      else continue;
    }
    if (ch === "\n") {
      const line = text.slice(text.lastIndexOf("\n", i - 1) + 1, i).trim();
      const nextLine = text.slice(i + 1, text.indexOf("\n", i + 1) < 0 ? text.length : text.indexOf("\n", i + 1));
      const blank = nextLine.trim() === "";
      const lineEndsClause = /[.!?:;,]["'”’)]?$/.test(line);
      const listNext = /^\s*(?:[-*•–]|\d+[.)])\s/.test(nextLine);
      // a lower-case start means a hard-wrapped line carries on the same sentence
      const continues = /^\s*\p{Ll}/u.test(nextLine);
      if (blank || listNext || (!continues && (lineEndsClause || line.length <= 40))) push(i);
      continue;
    }
    if ((ch === "." || ch === "!" || ch === "?") && endsAt(text, i)) {
      let j = i + 1;
      while (j < text.length && CLOSERS.test(text[j])) j++;
      push(j);
      i = j - 1;
    }
  }
  push(text.length);
  return result;
}
