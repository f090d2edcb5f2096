import type { DirectoryIndex, PhraseGroup, PhraseTarget, RefIndex } from "@domain/directory/directoryIndex";
import { normalizeRef } from "@domain/directory/directoryIndex";
import { FILTER_MASK, FNV_OFFSET, FNV_PRIME, HASH_MASK, hashWord } from "@domain/directory/wordHash";

/** A matter reference found in text. `labelled` when written after "our ref", "matter no." and the like. */
export interface RefHit {
  readonly matterId: string;
  readonly text: string;
  /** "own": after "our ref", "your ref", "matter no." (the firm's reference for this mail); "other": after "their ref" (mentioned in passing). */
  readonly label: "own" | "other" | null;
}

// Reference-shaped tokens (with a digit) for literal lookup of numbers and aliases such as court case numbers
// are the matches of /\b[A-Za-z]{0,10}[/.-]?\d(?:[A-Za-z0-9/.-]|(?<=\d):(?=\d))*/g, found around each digit by `refsAtDigits`.
const OWN_LABEL = /(?:\b(?:our|your|matter|file|client)\s*(?:ref(?:erence)?|no\.?|number|#)|\bmatter)\s*[:.#]?\s*[[(]?\s*$/i;
const OTHER_LABEL = /\b(?:their|his|her|its|the other side's|other side)\s*(?:ref(?:erence)?|no\.?|number)\s*[:.#]?\s*[[(]?\s*$/i;

/**
 * False only when neither label expression can match the 24 characters before `start`: both end in a word
 * ("ref", "reference", "no", "number", "matter", or "our|your|file|client" before "#") followed only by spaces and
 * ":", ".", "#", "[", "(" — so the last other character must end one of those words (f, e, o, r, t).
 */
function mayEndInLabel(text: string, start: number): boolean {
  const lowest = Math.max(0, start - 24);
  for (let k = start - 1; k >= lowest; k--) {
    const c = text.charCodeAt(k);
    if (c >= 128) return true; // a Unicode space is `\s` too: leave it to the expressions
    if (c === 32 || (c >= 9 && c <= 13) || c === 58 || c === 46 || c === 35 || c === 91 || c === 40) continue;
    const l = c | 0x20;
    return l === 102 || l === 101 || l === 111 || l === 114 || l === 116;
  }
  return false;
}

function isGlue(c: number): boolean {
  return c === 45 || c === 47; // "-", "/"
}

/** Where a global expression continues after an empty match (one code point on in unicode mode, as matchAll does). */
function advanceIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  const d = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

/** Keeps the most telling mention of each matter: own label, then plain, then "their ref". */
function labelRank(l: RefHit["label"]): number {
  return l === "own" ? 2 : l === null ? 1 : 0;
}

/** Records `raw` (text[start, end)) when it names a known matter and is not glued into a longer code. */
function considerRef(index: RefIndex, text: string, hits: Map<string, RefHit>, raw: string, start: number, end: number): void {
  if (!raw) return;
  // Glued into a longer code: a letter or digit and "-" or "/" just before, or "-" or "/" and a letter or digit just after
  // (/[A-Za-z0-9][-/]$/ on the two characters before, /^[-/][A-Za-z0-9]/ on the two after, without cutting them out).
  if (start >= 2 && isAsciiAlnum(text.charCodeAt(start - 2)) && isGlue(text.charCodeAt(start - 1))) return;
  if (end + 1 < text.length && isGlue(text.charCodeAt(end)) && isAsciiAlnum(text.charCodeAt(end + 1))) return;
  const id = index.matterByRef.get(normalizeRef(raw));
  if (!id) return;
  let label: RefHit["label"] = null;
  if (mayEndInLabel(text, start)) {
    const before24 = text.slice(Math.max(0, start - 24), start);
    label = OTHER_LABEL.test(before24) ? "other" : OWN_LABEL.test(before24) ? "own" : null;
  }
  const prev = hits.get(id);
  if (!prev || labelRank(label) > labelRank(prev.label)) hits.set(id, { matterId: id, text: raw, label });
}

/** The first digit of each run of ASCII digits. */
const DIGIT_RUN_START = /(?<![0-9])[0-9]/g;

/**
 * Finds references to known matters: every configured pattern, plus literal matter numbers and
 * aliases. A pattern hit naming no matter (an invoice number of the same shape) is ignored, and so
 * is a hit glued into a longer code ("INV-2025-0811").
 */
export function findRefs(index: RefIndex, text: string): RefHit[] {
  // Reference tokens are looked for around the digits only, as `findRefsAndPhrases` does after its word scan.
  const n = text.length;
  let dg = digits;
  if (dg.length < n) dg = digits = new Int32Array(Math.max(n, dg.length * 2));
  let dc = 0;
  // The expression engine finds where runs of digits start several times faster than a loop over every character.
  const re = DIGIT_RUN_START;
  re.lastIndex = 0;
  while (re.test(text)) dg[dc++] = re.lastIndex - 1;
  digitCount = dc;
  if (dc === 0 && index.everyRefHasDigit) return [];
  const hits = patternRefs(index, text);
  if (dc > 0) refsAtDigits(index, text, hits);
  return [...hits.values()];
}

// Spans the patterns already judged in the text being read: the token search finds most references again
// ("2025-0042" is a pattern match and a token), and judging the same span twice cannot change the hits.
let judgedStarts = new Int32Array(16);
let judgedEnds = new Int32Array(16);
let judgedCount = 0;

function wasJudged(start: number, end: number): boolean {
  for (let k = 0; k < judgedCount; k++) if (judgedStarts[k] === start && judgedEnds[k] === end) return true;
  return false;
}

/** Hits of the firm's configured reference patterns, in the order `findRefs` records them. */
function patternRefs(index: RefIndex, text: string): Map<string, RefHit> {
  const hits = new Map<string, RefHit>();
  judgedCount = 0;
  for (const p of index.refPatterns) {
    // exec on the compiled pattern itself: matchAll would clone the expression on every call.
    const re = p.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      considerRef(index, text, hits, m[0], m.index, m.index + m[0].length);
      if (judgedCount === judgedStarts.length) {
        const s2 = new Int32Array(judgedCount * 2);
        s2.set(judgedStarts);
        judgedStarts = s2;
        const e2 = new Int32Array(judgedCount * 2);
        e2.set(judgedEnds);
        judgedEnds = e2;
      }
      judgedStarts[judgedCount] = m.index;
      judgedEnds[judgedCount++] = m.index + m[0].length;
      // An empty match would not move on by itself (matchAll steps past it the same way).
      if (m[0].length === 0) re.lastIndex = advanceIndex(text, re.lastIndex, re.unicode);
    }
    re.lastIndex = 0;
  }
  return hits;
}

/** Checks one reference-shaped token, text[start, end). */
function tokenRef(index: RefIndex, refs: ReadonlySet<number>, text: string, hits: Map<string, RefHit>, start: number, end: number): void {
  // Trim sentence punctuation around the token ("2025-0042." or "/KES/0042").
  let a = start;
  let b = end;
  while (a < b && isRefPunct(text.charCodeAt(a))) a++;
  while (b > a && isRefPunct(text.charCodeAt(b - 1))) b--;
  // Only tokens spelling a known number or alias go on to the full check; the rest are dates, times, phones.
  if (b > a && refs.has(upperHash(text, a, b)) && !wasJudged(a, b)) considerRef(index, text, hits, text.slice(a, b), a, b);
}

/**
 * References and phrases of one text from a single reading of it: the word scan of `findPhrases` notes where
 * the digits are, and reference tokens are then looked for around those digits only. Same results as
 * `findRefs` and `findPhrases` called one after the other.
 */
export function findRefsAndPhrases(index: DirectoryIndex, text: string): { refs: RefHit[]; phrases: PhraseTarget[] } {
  const count = scanWords(text, true);
  if (count < 0) return { refs: findRefs(index, text), phrases: findPhrasesUnicode(index, text) };
  // A pattern's match names a matter only if it spells a number or alias: without a digit in the text, none can.
  if (digitCount === 0 && index.everyRefHasDigit) return { refs: [], phrases: matchPhrases(index, text, count) };
  const hits = patternRefs(index, text);
  if (digitCount > 0) refsAtDigits(index, text, hits);
  return { refs: [...hits.values()], phrases: matchPhrases(index, text, count) };
}

/**
 * Reference-shaped tokens around the `digitCount` digit positions in `digits`, checked against the index into `hits`.
 * Only the first digit of a run of digits is listed: a digit after another has no word boundary before it, so no
 * token can start there, and the run's first digit already reached back over any letters or "/", ".", "-" before it.
 */
function refsAtDigits(index: RefIndex, text: string, hits: Map<string, RefHit>): void {
  const refs = index.refHashes;
  let start = 0;
  for (let k = 0; k < digitCount; k++) {
    const d = digits[k];
    if (d < start) continue;
    // A token using this digit starts at the letters just before it (after one optional "/", "." or "-"), at
    // that punctuation, or at the digit itself: anywhere else there is no word boundary or a wrong character.
    const q = d > 0 && isRefPunct(text.charCodeAt(d - 1)) ? d - 1 : d;
    let r = q;
    while (r > 0 && q - r <= 10 && isAsciiLetter(text.charCodeAt(r - 1))) r--;
    const lowest = Math.max(start, d - 11);
    let e = -1;
    let p = r;
    if (r < q && r >= lowest) e = refTokenAt(text, r);
    if (e < 0 && q < d && q >= lowest) e = refTokenAt(text, (p = q));
    if (e < 0 && d >= lowest) e = refTokenAt(text, (p = d));
    if (e >= 0) {
      tokenRef(index, refs, text, hits, p, e);
      start = e;
    } else start = d + 1;
  }
}

/** Hash of text[start, end) upper-cased (the span is ASCII, so this is what `normalizeRef` gives). */
function upperHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    h = Math.imul(h ^ (c >= 97 && c <= 122 ? c - 32 : c), FNV_PRIME);
  }
  return h & HASH_MASK;
}

function isRefPunct(c: number): boolean {
  return c === 47 || c === 46 || c === 45; // "/", ".", "-"
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** `\w` of a non-Unicode regular expression. */
function isRegexWordChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 95;
}

/** Tries the reference-token expression at exactly `p`; returns the match's end or -1. */
function refTokenAt(text: string, p: number): number {
  const n = text.length;
  const prevWord = p > 0 && isRegexWordChar(text.charCodeAt(p - 1));
  if (prevWord === isRegexWordChar(text.charCodeAt(p))) return -1; // no \b here
  // Letters first: eleven or more in a row cannot start a match here.
  let q = p;
  while (q < n && q - p <= 10 && isAsciiLetter(text.charCodeAt(q))) q++;
  if (q - p > 10 || q >= n) return -1;
  let d = -1;
  const c = text.charCodeAt(q);
  if (isDigit(c)) d = q;
  else if (isRefPunct(c) && q + 1 < n && isDigit(text.charCodeAt(q + 1))) d = q + 1;
  if (d < 0) return -1;
  let e = d + 1;
  while (e < n) {
    const t = text.charCodeAt(e);
    // A colon between digits stays in the token: US federal case numbers read "1:26-cv-03318" (office, then year,
    // type and number). A colon before anything else ends it ("ref 2025-0042: the lease").
    if (t === COLON && e + 1 < n && isDigit(text.charCodeAt(e + 1)) && isDigit(text.charCodeAt(e - 1))) {
      e += 2;
      continue;
    }
    if (!isAsciiAlnum(t) && !isRefPunct(t)) break;
    e++;
  }
  return e;
}

const COLON = 58;

// Any UTF-16 code unit above ASCII (the same set as [^\x00-\x7f], written without naming control characters).
const NON_ASCII = /[\u0080-\uffff]/;
/** A letter or digit: outside ASCII, words with one are folded (accents removed) as `tokenize` does. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const wordUnitCache = new Map<number, boolean>();

/** True for a non-ASCII UTF-16 unit (not half of a surrogate pair) that is a letter or digit. */
function isWordUnit(c: number): boolean {
  let known = wordUnitCache.get(c);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(c));
    wordUnitCache.set(c, known);
  }
  return known;
}
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*['’]?/gu;

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/** ASCII letters and digits → their lower-case code; every other ASCII character → 0. One load per character. */
const ALNUM_LOWER = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ALNUM_LOWER[c] = c;
for (let c = 97; c <= 122; c++) ALNUM_LOWER[c] = c;
for (let c = 65; c <= 90; c++) ALNUM_LOWER[c] = c + 32;

function isAsciiAlnum(c: number): boolean {
  return c < 128 && ALNUM_LOWER[c] !== 0;
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

// Word spans of the text being scanned, reused between calls (the scan is synchronous and not re-entered).
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
let hashes = new Int32Array(1024);

function grow(): void {
  const size = starts.length * 2;
  const s = new Int32Array(size);
  s.set(starts);
  const e = new Int32Array(size);
  e.set(ends);
  const h = new Int32Array(size);
  h.set(hashes);
  starts = s;
  ends = e;
  hashes = h;
}

/** True when text[start, end) folds to `word` (lower-cased, apostrophes dropped). */
function spanEquals(text: string, start: number, end: number, word: string): boolean {
  let w = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === APOSTROPHE || c === RIGHT_QUOTE) continue;
    if (w >= word.length || lowerCode(c) !== word.charCodeAt(w)) return false;
    w++;
  }
  return w === word.length;
}

/** The ASCII word text[start, end) as the scanner folds it: lower case, apostrophes dropped. */
function spanWord(text: string, start: number, end: number): string {
  let word = "";
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== APOSTROPHE && c !== RIGHT_QUOTE) word += String.fromCharCode(lowerCode(c));
  }
  return word;
}

/**
 * Word `k` of the last scan as {@link isOtherNumber} of `keywordWord`. The word's length is checked first (a plural
 * adds at most three letters, a possessive two characters more): most mismatches are other words, and no string is
 * made for them.
 */
function otherNumberAt(text: string, folded: Map<number, string> | null, k: number, keywordWord: string): boolean {
  const f = folded?.get(k);
  if (f !== undefined) return isOtherNumber(f, keywordWord);
  const spanLength = ends[k] - starts[k];
  if (spanLength < keywordWord.length - 3 || spanLength > keywordWord.length + 5) return false;
  return isOtherNumber(spanWord(text, starts[k], ends[k]), keywordWord);
}

/**
 * A keyword's last word written in the other number: "restrictive covenants" names the keyword "restrictive covenant",
 * "licence fee" the keyword "licence fees", "share options" the keyword "share option". Only the last word of a
 * keyword of two words or more: a one-word keyword stays exact, as "contractor's" (its apostrophe dropped) would
 * otherwise be the keyword "contractor", and names, aliases and acronyms are always matched exactly.
 */
export function isOtherNumber(word: string, keywordWord: string): boolean {
  return pluralOf(keywordWord) === word || pluralOf(word) === keywordWord;
}

/** The regular English plural of a lower-case singular noun of three letters or more; null for anything else. */
function pluralOf(w: string): string | null {
  if (w.length < 3 || !/^[a-z]+$/.test(w)) return null; // a number or a code, not a noun
  if (w.endsWith("ss")) return `${w}es`; // "process", "processes"
  if (w.endsWith("s")) return null; // "fees" is the plural already
  if (/(?:x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

/** Written in capitals: no lower-case letter and at least one capital (the span is ASCII letters, digits and apostrophes). */
function spanIsUpper(text: string, start: number, end: number): boolean {
  let capital = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capital = true;
  }
  return capital;
}

/**
 * Phrases of the directory (keywords, party and client names) found in text, each once. Words are
 * folded like `tokenize` (apostrophes dropped, accents removed); capitals are only checked when an
 * acronym phrase asks. The text is read in one pass over its characters, hashing each ASCII word as
 * it goes (no string is cut for a word unless it has letters outside ASCII, which are folded exactly
 * as the Unicode word expression would); only text that the expression would read differently
 * (characters outside the BMP, or lower-casing that changes the length) takes the Unicode path.
 */
export function findPhrases(index: DirectoryIndex, text: string): PhraseTarget[] {
  const count = scanWords(text, false);
  return count < 0 ? findPhrasesUnicode(index, text) : matchPhrases(index, text, count);
}

// What the last `scanWords` left besides the word spans: the lower-cased text (only made when a word has
// letters outside ASCII), those words folded, and the positions of digits when asked for.
let scanLower: string | null = null;
let scanFolded: Map<number, string> | null = null;
let digits = new Int32Array(256);
let digitCount = 0;

/**
 * Notes where each run of ASCII digits starts in the word text[start, end), in `digits` after the `dc` noted so
 * far; returns the new count. (A word never starts right after a digit.)
 */
function noteDigits(text: string, start: number, end: number, dc: number): number {
  let dg = digits;
  if (dc + (end - start) > dg.length) {
    dg = new Int32Array(Math.max(dg.length * 2, dc + (end - start)));
    dg.set(digits);
    digits = dg;
  }
  let inRun = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const digit = c >= 48 && c <= 57;
    if (digit && !inRun) dg[dc++] = k;
    inRun = digit;
  }
  return dc;
}

/** Records word number `w` of the text being scanned. */
function storeWord(w: number, start: number, end: number, hash: number): void {
  if (w === starts.length) grow();
  starts[w] = start;
  ends[w] = end;
  hashes[w] = hash;
}

/**
 * `scanWords` for text that is all ASCII, the usual case: every character indexes the table directly, so the loop
 * per character is one load, one test and one multiply. Digits are only ever inside words here; a word's digits
 * are found after it ends (the AND of its lower-case codes has bit 64 clear when one is a digit), which keeps the
 * per-character loop free of them.
 */
function scanAsciiWords(text: string, collectDigits: boolean): number {
  const n = text.length;
  const lut = ALNUM_LOWER;
  const prime = FNV_PRIME;
  let dc = 0;
  let count = 0;
  let i = 0;
  while (i < n) {
    let l = lut[text.charCodeAt(i)];
    if (l === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    let all = 127;
    for (;;) {
      h = Math.imul(h ^ l, prime);
      all &= l;
      if (++i >= n) break;
      const c = text.charCodeAt(i);
      l = lut[c];
      if (l !== 0) continue;
      // Pure ASCII keeps the long-standing rule: apostrophes inside or after a run of letters belong to the word.
      if (c !== APOSTROPHE) break;
      while (++i < n && text.charCodeAt(i) === APOSTROPHE);
      if (i >= n) break;
      l = lut[text.charCodeAt(i)];
      if (l === 0) break;
    }
    if (collectDigits && (all & 64) === 0) dc = noteDigits(text, start, i, dc);
    storeWord(count++, start, i, h & HASH_MASK);
  }
  digitCount = dc;
  scanLower = null;
  scanFolded = null;
  return count;
}

/**
 * Reads the words of `text` into the span buffers (start, end, hash) and returns how many, or -1 when the
 * text must take the Unicode path. With `collectDigits`, also notes where each run of digits starts, in `digits`.
 */
function scanWords(text: string, collectDigits: boolean): number {
  const nonAscii = NON_ASCII.test(text);
  // Pure ASCII keeps the long-standing rule that every apostrophe inside a run of letters is dropped;
  // otherwise the Unicode word rule applies: an apostrophe joins letters or ends a word.
  if (!nonAscii) return scanAsciiWords(text, collectDigits);
  const n = text.length;
  // Module bindings copied to locals: the loop below runs per character, and imported or module-level `let`
  // bindings cost a load (and a hole check) on every use where a local stays in a register.
  const lut = ALNUM_LOWER;
  const prime = FNV_PRIME;
  let dc = 0;
  let lower: string | null = null;
  let folded: Map<number, string> | null = null;
  let count = 0;
  let i = 0;
  digitCount = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (lut[c] === 0) {
        i++;
        continue;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A character outside the BMP (an emoji, a math letter) is one code point to the Unicode expression.
      return -1;
    } else if (c === RIGHT_QUOTE || !isWordUnit(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    let complex = false;
    // AND of the word's ASCII lower-case codes: bit 64 is clear once one of them is a digit.
    let all = 127;
    // text[i] (in `c`) is a character of the word.
    for (;;) {
      if (c < 128) {
        const l = lut[c];
        h = Math.imul(h ^ l, prime);
        all &= l;
      } else complex = true;
      if (++i >= n) break;
      c = text.charCodeAt(i);
      if (c < 128) {
        if (lut[c] !== 0) continue;
      } else if (c >= 0xd800 && c <= 0xdfff) return -1;
      else if (c !== RIGHT_QUOTE && isWordUnit(c)) continue;
      // The Unicode word rule: an apostrophe joins letters or ends the word (and belongs to it).
      if (c !== APOSTROPHE && c !== RIGHT_QUOTE) break;
      if (++i >= n) break;
      c = text.charCodeAt(i);
      if (!(isAsciiAlnum(c) || (c > 127 && c !== RIGHT_QUOTE && isWordUnit(c)))) break;
    }
    if (collectDigits && (all & 64) === 0) dc = noteDigits(text, start, i, dc);
    if (complex) {
      // A word with letters outside ASCII: fold it the way the Unicode expression reads the lower-cased text.
      if (lower === null) {
        lower = text.toLowerCase();
        if (lower.length !== n) return -1;
      }
      let word = lower.slice(start, i);
      if (word.includes("'") || word.includes("’")) word = word.replace(/['’]/g, "");
      if (NON_ASCII.test(word)) word = word.normalize("NFD").replace(/\p{M}/gu, "");
      h = hashWord(word);
      folded ??= new Map();
      folded.set(count, word);
    } else h &= HASH_MASK;
    storeWord(count++, start, i, h);
  }
  digitCount = dc;
  scanLower = lower;
  scanFolded = folded;
  return count;
}

/** Phrase groups found in the text being read, reused between calls (the scan is synchronous and not re-entered). */
const foundGroups = new Set<PhraseGroup>();

/** Phrases whose words follow each other among the `count` words of the last `scanWords` over `text`. */
function matchPhrases(index: DirectoryIndex, text: string, count: number): PhraseTarget[] {
  const table = index.phraseTable;
  const lower = scanLower;
  const folded = scanFolded;
  const found = foundGroups;
  found.clear();
  const { byHash, bits } = table;
  for (let w = 0; w < count; w++) {
    const h = hashes[w];
    if ((bits[(h & FILTER_MASK) >>> 5] & (1 << (h & 31))) === 0) continue;
    const groups = byHash.get(h);
    if (!groups) continue;
    for (const p of groups) {
      const len = p.words.length;
      if (found.has(p) || w + len > count) continue;
      let ok = true;
      for (let j = 0; j < len && ok; j++) {
        const k = w + j;
        // The first word's hash is the table key, already equal; the spelling is still checked below.
        if (j > 0 && hashes[k] !== p.tailHashes[j - 1])
          ok = j === len - 1 && p.kind === "keyword" && !p.upperOnly && otherNumberAt(text, folded, k, p.words[j]);
        else {
          const f = folded?.get(k);
          if (f !== undefined) ok = f === p.words[j] && (!p.upperOnly || upperLikeUnicodePath(text, lower as string, starts[k], ends[k]));
          else ok = spanEquals(text, starts[k], ends[k], p.words[j]) && (!p.upperOnly || spanIsUpper(text, starts[k], ends[k]));
        }
      }
      if (ok) found.add(p);
    }
  }
  const result: PhraseTarget[] = [];
  for (const g of found) result.push(...g.targets);
  found.clear();
  return result;
}

/** The capitals test of the Unicode path, for a word with letters outside ASCII. */
function upperLikeUnicodePath(text: string, lower: string, start: number, end: number): boolean {
  const raw = text.slice(start, end);
  return raw === raw.toUpperCase() && raw !== lower.slice(start, end);
}

/**
 * The Unicode path of `findPhrases`: the word expression itself, for text the scanner cannot read as it would
 * (characters outside the BMP). Exported as the reference the scanner is tested against.
 */
export function findPhrasesUnicode(index: DirectoryIndex, text: string): PhraseTarget[] {
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  const words: string[] = [];
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    let word = m[0];
    if (word.includes("'") || word.includes("’")) word = word.replace(/['’]/g, "");
    if (NON_ASCII.test(word)) word = word.normalize("NFD").replace(/\p{M}/gu, "");
    words.push(word);
    wordStarts.push(m.index);
    wordEnds.push(m.index + m[0].length);
  }
  const isUpper = (i: number): boolean => {
    if (!sameLength) return false;
    const raw = text.slice(wordStarts[i], wordEnds[i]);
    return raw === raw.toUpperCase() && raw !== lower.slice(wordStarts[i], wordEnds[i]);
  };
  const found = new Set<PhraseGroup>();
  for (let i = 0; i < words.length; i++) {
    const list = index.phraseTable.byHash.get(hashWord(words[i]));
    if (!list) continue;
    for (const p of list) {
      if (found.has(p) || i + p.words.length > words.length) continue;
      let ok = true;
      const last = p.words.length - 1;
      for (let j = 0; j < p.words.length && ok; j++)
        ok =
          (words[i + j] === p.words[j] && (!p.upperOnly || isUpper(i + j))) ||
          (j === last && j > 0 && p.kind === "keyword" && !p.upperOnly && isOtherNumber(words[i + j], p.words[j]));
      if (ok) found.add(p);
    }
  }
  const result: PhraseTarget[] = [];
  for (const g of found) result.push(...g.targets);
  return result;
}
