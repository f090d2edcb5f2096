/**
 * Word tokens for keyword and party-name matching. Apostrophes are dropped ("shareholders’" →
 * "shareholders") and any other punctuation splits, so "drag-along" in a keyword matches "drag along"
 * in mail. `upper` keeps whether the word was written in capitals, because short all-capital
 * keywords ("SHA", "ICO") must not match ordinary words.
 */
export interface Tokens {
  readonly words: readonly string[];
  readonly upper: readonly boolean[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*['’]?/gu;

/** Lower-case folding without accents, so "Zoë" matches "Zoe". */
export function foldWord(word: string): string {
  const lower = word.toLowerCase().replace(/['’]/g, "");
  // Only non-ASCII words pay for normalize().
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "") : lower;
}

/** Splits text into folded word tokens. */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const upper: boolean[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const w = foldWord(raw);
    if (!w) continue;
    words.push(w);
    upper.push(raw === raw.toUpperCase() && raw !== raw.toLowerCase());
  }
  return { words, upper };
}
