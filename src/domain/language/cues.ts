/**
 * Small shared pieces of the hand-written language rules: text normalisation, sentence split,
 * weighted cue patterns and a negation test. Kept tiny and linear: these run on every message.
 */

/** One weighted pattern: `label` is what the explanation shows. */
export interface Cue {
  readonly re: RegExp;
  readonly weight: number;
  readonly label: string;
}

/** Lower-cases and folds smart punctuation, so patterns need only ASCII quotes and dashes. */
export function normalizeText(text: string): string {
  return (
    text
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

/** Sums the weights of the cues found (each cue counts once), optionally skipping negated matches. */
export function scoreCues(text: string, cues: readonly Cue[], found: string[], checkNegation = false): number {
  let score = 0;
  for (const cue of cues) {
    const m = cue.re.exec(text);
    if (!m) continue;
    if (checkNegation && negatedAt(text, m.index)) continue;
    score += cue.weight;
    found.push(cue.label);
  }
  return score;
}

/** Builds cues from [pattern, weight, label] rows. */
export function cues(rows: ReadonlyArray<readonly [RegExp, number, string]>): Cue[] {
  return rows.map(([re, weight, label]) => ({ re, weight, label }));
}
