/**
 * Small shared pieces of the hand-written language rules: text normalisation, sentence split,
 * weighted cue patterns and a negation test. Kept tiny and linear: these run on every message.
 */
import { analysedText } from "@domain/text/analysedText";

/** One weighted pattern: `label` is what the explanation shows. */
export interface Cue {
  readonly re: RegExp;
  readonly weight: number;
  readonly label: string;
  /**
   * The pattern counts only inside a question: the first sentence end (".", "?" or "!") after the match must be a
   * "?". Written as a flag rather than `[^.?!]*\?` in the pattern, which would read on to the end of a long
   * unpunctuated text from every place the pattern starts (quadratic on hostile mail).
   */
  readonly inQuestion?: boolean;
}

/** Lower-cases and folds smart punctuation, so patterns need only ASCII quotes and dashes. */
export function normalizeText(text: string): string {
  return (
    analysedText(text)
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, "-")
      .replace(/\u00a0/g, " ")
      // Mail clients wrap lines at ~72 characters: rejoin them unless the next line starts a list item.
      .replace(/([^\n])\n(?=[^\n\s\-*\u2022\d>])/g, "$1 ")
      .toLowerCase()
  );
}

/** Sentences (and list lines) of a normalised text; empty ones dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const NEGATOR =
  /\b(?:not|no|never|hardly|nor|without|isn't|wasn't|aren't|weren't|don't|doesn't|didn't|haven't|hasn't|won't|wouldn't|can't|cannot|n't)\s+(?:\S+\s+){0,2}$/;

/** True when the words just before `index` negate what starts there ("not disappointed", "no complaints"). */
export function negatedAt(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - 40), index);
  // Negation does not reach across a sentence or clause break.
  const cut = Math.max(
    window.lastIndexOf("."),
    window.lastIndexOf("!"),
    window.lastIndexOf("?"),
    window.lastIndexOf(";"),
    window.lastIndexOf("\n"),
  );
  return NEGATOR.test(cut >= 0 ? window.slice(cut + 1) : window);
}

const SENTENCE_END = /[.?!]/g;

/**
 * The first match of a cue (as `cue.re.exec` would find it). For an `inQuestion` cue, the first match followed by a
 * "?" before any other sentence end: matches come left to right and the sentence-end search only moves forward, so
 * the text is read once however many matches there are.
 */
function firstMatch(text: string, cue: Cue): RegExpExecArray | null {
  if (!cue.inQuestion) return cue.re.exec(text);
  const re = cue.re.global ? cue.re : new RegExp(cue.re.source, cue.re.flags + "g");
  re.lastIndex = 0;
  let end = -1; // where the sentence-end search last stopped (text.length when there is none)
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const after = m.index + m[0].length;
    if (end < after) {
      SENTENCE_END.lastIndex = after;
      end = SENTENCE_END.exec(text)?.index ?? text.length;
    }
    if (text[end] === "?") return m;
    if (end >= text.length) return null; // no sentence end follows, so no "?" either
    if (m[0] === "") re.lastIndex++;
  }
  return null;
}

/** Sums the weights of the cues found (each cue counts once), optionally skipping negated matches. */
export function scoreCues(text: string, cues: readonly Cue[], found: string[], checkNegation = false): number {
  let score = 0;
  for (const cue of cues) {
    const m = firstMatch(text, cue);
    if (!m) continue;
    if (checkNegation && negatedAt(text, m.index)) continue;
    score += cue.weight;
    found.push(cue.label);
  }
  return score;
}

/** Builds cues from [pattern, weight, label] rows, and "in question" for a cue that counts only in a question. */
export function cues(rows: ReadonlyArray<readonly [RegExp, number, string, "in question"?]>): Cue[] {
  return rows.map(([re, weight, label, where]) =>
    where === "in question" ? { re: new RegExp(re.source, re.flags + "g"), weight, label, inQuestion: true } : { re, weight, label },
  );
}
