import type { DirectoryIndex, PhraseGroup, PhraseTarget } from "../directory/directoryIndex";
import { normalizeRef } from "../directory/directoryIndex";

/** A matter reference found in text. `labelled` when written after "our ref", "matter no." and the like. */
export interface RefHit {
  readonly matterId: string;
  readonly text: string;
  /** "own": after "our ref", "your ref", "matter no." (the firm's reference for this mail); "other": after "their ref" (mentioned in passing). */
  readonly label: "own" | "other" | null;
}

/** Reference-shaped tokens (with a digit) for literal lookup of numbers and aliases such as court case numbers. */
// Starts at a word start, so the engine does not retry inside every word.
const REF_TOKEN = /\b[A-Za-z]{0,10}[/.-]?\d[A-Za-z0-9/.-]*/g;
const HAS_DIGIT = /\d/;
const OWN_LABEL = /(?:\b(?:our|your|matter|file|client)\s*(?:ref(?:erence)?|no\.?|number|#)|\bmatter)\s*[:.#]?\s*[[(]?\s*$/i;
const OTHER_LABEL = /\b(?:their|his|her|its|the other side's|other side)\s*(?:ref(?:erence)?|no\.?|number)\s*[:.#]?\s*[[(]?\s*$/i;
const GLUE = /[A-Za-z0-9][-/]$/;

/**
 * Finds references to known matters: every configured pattern, plus literal matter numbers and
 * aliases. A pattern hit naming no matter (an invoice number of the same shape) is ignored, and so
 * is a hit glued into a longer code ("INV-2025-0811").
 */
export function findRefs(index: DirectoryIndex, text: string): RefHit[] {
  const hits = new Map<string, RefHit>();
  const consider = (raw: string, start: number, end: number): void => {
    if (!raw) return;
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 2);
    if (GLUE.test(before) || /^[-/][A-Za-z0-9]/.test(after)) return;
    const id = index.matterByRef.get(normalizeRef(raw));
    if (!id) return;
    const before24 = text.slice(Math.max(0, start - 24), start);
    const label = OTHER_LABEL.test(before24) ? "other" : OWN_LABEL.test(before24) ? "own" : null;
    const prev = hits.get(id);
    // Keep the most telling mention of each matter: own label, then plain, then "their ref".
    const rank = (l: RefHit["label"]): number => (l === "own" ? 2 : l === null ? 1 : 0);
    if (!prev || rank(label) > rank(prev.label)) hits.set(id, { matterId: id, text: raw, label });
  };
  for (const p of index.refPatterns) {
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) consider(m[0], m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  if (!HAS_DIGIT.test(text)) return [...hits.values()];
  REF_TOKEN.lastIndex = 0;
  for (let m = REF_TOKEN.exec(text); m !== null; m = REF_TOKEN.exec(text)) {
    // Trim sentence punctuation around the token ("2025-0042." or "/KES/0042").
    let a = 0;
    let b = m[0].length;
    while (a < b && "/.-".includes(m[0][a])) a++;
    while (b > a && "/.-".includes(m[0][b - 1])) b--;
    if (b > a) consider(m[0].slice(a, b), m.index + a, m.index + b);
  }
  return [...hits.values()];
}

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_WORD = /[a-z0-9]+(?:'[a-z0-9]+)*'?/g;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*['’]?/gu;

/**
 * Phrases of the directory (keywords, party and client names) found in text, each once. Words are
 * folded like `tokenize` (apostrophes dropped, accents removed) but cut from the lower-cased text in
 * one pass; capitals are only checked when an acronym phrase asks.
 */
export function findPhrases(index: DirectoryIndex, text: string): PhraseTarget[] {
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  const re = NON_ASCII.test(lower) ? WORD : ASCII_WORD;
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  if (re === ASCII_WORD) {
    // Hand-rolled scan of ASCII text: several times faster than a regex exec per word.
    const n = lower.length;
    let i = 0;
    while (i < n) {
      let c = lower.charCodeAt(i);
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
        i++;
        continue;
      }
      const start = i;
      let word = "";
      let from = i;
      for (;;) {
        while (i < n && (((c = lower.charCodeAt(i)) >= 97 && c <= 122) || (c >= 48 && c <= 57))) i++;
        // An apostrophe inside or at the end of a word is dropped, not a split ("shareholders'").
        if (i < n && lower.charCodeAt(i) === 39) {
          word += lower.slice(from, i);
          i++;
          from = i;
          continue;
        }
        word += lower.slice(from, i);
        break;
      }
      words.push(word);
      starts.push(start);
      ends.push(i);
    }
  } else re.lastIndex = 0;
  for (let m = re === ASCII_WORD ? null : re.exec(lower); m !== null; m = re.exec(lower)) {
    let word = m[0];
    if (word.includes("'") || word.includes("’")) word = word.replace(/['’]/g, "");
    if (re === WORD && NON_ASCII.test(word)) word = word.normalize("NFD").replace(/\p{M}/gu, "");
    words.push(word);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const isUpper = (i: number): boolean => {
    if (!sameLength) return false;
    const raw = text.slice(starts[i], ends[i]);
    return raw === raw.toUpperCase() && raw !== lower.slice(starts[i], ends[i]);
  };
  const found = new Set<PhraseGroup>();
  for (let i = 0; i < words.length; i++) {
    const list = index.phrasesByFirstWord.get(words[i]);
    if (!list) continue;
    for (const p of list) {
      if (found.has(p) || i + p.words.length > words.length) continue;
      let ok = true;
      for (let j = 0; j < p.words.length && ok; j++) ok = words[i + j] === p.words[j] && (!p.upperOnly || isUpper(i + j));
      if (ok) found.add(p);
    }
  }
  const result: PhraseTarget[] = [];
  for (const g of found) result.push(...g.targets);
  return result;
}
