import type { PhraseGroup } from "./directoryIndex";

/** Keeps word hashes small (30-bit) integers, which JavaScript engines hold without allocating. */
export const HASH_MASK = 0x3fffffff;
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** Hash of a folded word (FNV-1a over UTF-16 units), the same as the scanner computes over the letters of a word in text. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return h & HASH_MASK;
}

/**
 * The index's phrases keyed by the hash of their first word: the scanner looks words up by a number computed
 * while it reads them, without cutting a string per word.
 */
export interface PhraseTable {
  readonly byHash: ReadonlyMap<number, readonly PhraseGroup[]>;
  /**
   * One bit per first-word hash (low bits): a small array that stays in cache answers "no phrase starts
   * with this word" for most words of a message before the large map is touched.
   */
  readonly bits: Uint32Array;
}

export const FILTER_BITS = 1 << 21;
export const FILTER_MASK = FILTER_BITS - 1;
