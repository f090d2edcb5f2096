import type { DirectoryIndex, PhraseTarget } from "../directory/directoryIndex";
import { normalizeRef } from "../directory/directoryIndex";
import { tokenize } from "../directory/tokens";

/** A matter reference found in text. `labelled` when written after "our ref", "matter no." and the like. */
export interface RefHit {
  readonly matterId: string;
  readonly text: string;
  /** "own": after "our ref", "your ref", "matter no." (the firm's reference for this mail); "other": after "their ref" (mentioned in passing). */
  readonly label: "own" | "other" | null;
}

/** Reference-shaped tokens (with a digit) for literal lookup of numbers and aliases such as court case numbers. */
const REF_TOKEN = /[A-Za-z0-9]+(?:[/\-.][A-Za-z0-9]+)*/g;
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
  for (const m of text.matchAll(REF_TOKEN)) {
    if (!/\d/.test(m[0])) continue;
    consider(m[0], m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  return [...hits.values()];
}

/** Phrases of the directory (keywords, party and client names) found in text, each once. */
export function findPhrases(index: DirectoryIndex, text: string): PhraseTarget[] {
  const { words, upper } = tokenize(text);
  const found = new Set<PhraseTarget>();
  for (let i = 0; i < words.length; i++) {
    const list = index.phrasesByFirstWord.get(words[i]);
    if (!list) continue;
    for (const p of list) {
      if (found.has(p) || i + p.words.length > words.length) continue;
      let ok = true;
      for (let j = 0; j < p.words.length && ok; j++) ok = words[i + j] === p.words[j] && (!p.upperOnly || upper[i + j]);
      if (ok) found.add(p);
    }
  }
  return [...found];
}
