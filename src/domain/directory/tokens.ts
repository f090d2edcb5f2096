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
// Most text is ASCII; its regex without Unicode classes is several times faster.
const ASCII_WORD = /[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*'?/g;
// Any UTF-16 code unit above ASCII (the same set as [^\x00-\x7f], written without naming control characters).
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case folding without accents, so "Zoë" matches "Zoe". */
export function foldWord(word: string): string {
  let lower = word.toLowerCase();
  if (lower.includes("'") || lower.includes("’")) lower = lower.replace(/['’]/g, "");
  // Only non-ASCII words pay for normalize().
  return NON_ASCII.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "") : lower;
}

/** Splits text into folded word tokens. */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const upper: boolean[] = [];
  const re = NON_ASCII.test(text) ? WORD : ASCII_WORD;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    const w = foldWord(raw);
    if (!w) continue;
    words.push(w);
    upper.push(raw === raw.toUpperCase() && raw !== raw.toLowerCase());
  }
  return { words, upper };
}
