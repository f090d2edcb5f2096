import { syllable } from "syllable";

/** A word of a text with its span (end exclusive). */
export interface WordSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Word tokens: letters/digits joined by inner apostrophes, hyphens, slashes or dots ("don't", "2025-0042",
 * "e.g"), so a matter number or a contraction counts once, as a reader reads it.
 */
const WORD = /[\p{L}\p{N}]+(?:['’.\-/][\p{L}\p{N}]+)*/gu;

/** Every word of `text` with its span. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** Number of words in `text`. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

const cache = new Map<string, number>();

/**
 * Syllables of one word token. Letters go through the `syllable` package; digit groups count one
 * syllable per two digits (a reference such as "2025-0042" is read in chunks, not as one long word).
 */
export function syllablesOf(word: string): number {
  const key = word.toLowerCase();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let count = 0;
  for (const part of key.split(/['’.\-/]/)) {
    if (!part) continue;
    if (/^\p{N}+$/u.test(part)) count += Math.max(1, Math.ceil(part.length / 2));
    else {
      const letters = part.replace(/\p{N}+/gu, (d) => " " + "x".repeat(Math.ceil(d.length / 2)) + " ");
      count += Math.max(1, syllable(letters));
    }
  }
  // contractions ("don't", "you're") are as long as their letters say, never zero
  count = Math.max(1, count);
  if (cache.size < 50_000) cache.set(key, count);
  return count;
}
