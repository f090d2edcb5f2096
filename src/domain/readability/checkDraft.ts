import { readability } from "./grade";
import { matchCase, planFix, type TextFix, type Token } from "./contextFix";
import { NOUN_MARKERS, VERB_SENSE_ONLY } from "./fixPolicy";
import { LEGAL_TERMS, SAID_BEFORE, SAID_NOT_BEFORE } from "./legalTerms";
import { ADJECTIVAL_ED, BE_FORMS, BETWEEN_BE_AND_PARTICIPLE, IRREGULAR_PARTICIPLES } from "./passiveWords";
import { SIMPLIFY_PATTERNS } from "./simplifyPatterns";
import { analysedText } from "@domain/text/analysedText";

/** What a finding is about: legalese, a wordy phrase, a sentence over the limit, or passive voice. */
export type FindingKind = "jargon" | "wordy" | "long-sentence" | "passive";

/** One problem in a draft, with its exact span in the checked text (end exclusive). */
export interface Finding {
  readonly kind: FindingKind;
  /** The text at `start`..`end`. */
  readonly text: string;
  /** What to do: the plain word to use (jargon/wordy; "" means delete it) or short advice (long-sentence/passive). */
  readonly suggestion: string;
  /**
   * What the phrase becomes with the one-click fix, fitted to its sentence ("this" for "the aforementioned",
   * "I acknowledge" for "The undersigned acknowledges", "" when it goes); null when the fix needs a person: a long
   * sentence, passive voice, or a plain word that would not read correctly in this sentence (advice).
   */
  readonly replacement: string | null;
  /** True when the pane can apply `fix` with one click; false for advice. */
  readonly oneClick: boolean;
  /**
   * The exact change the one click makes. It may reach past the phrase: the article or determiner before it ("the
   * aforementioned" → "this"), the verb after it (agreement), a comma that set it off, or the capital of the next word.
   */
  readonly fix: TextFix | null;
  /** Every plain alternative known, best first (jargon/wordy). */
  readonly alternatives: readonly string[];
  readonly start: number;
  readonly end: number;
  /** One plain sentence for the pane. */
  readonly message: string;
}

/** One sentence of the draft with its own grade. */
export interface CheckedSentence {
  readonly start: number;
  readonly end: number;
  readonly grade: number;
  readonly words: number;
}

/** The result of checking a draft. */
export interface DraftCheck {
  /** Flesch–Kincaid grade of the whole draft. */
  readonly grade: number;
  /** Flesch reading ease of the whole draft. */
  readonly readingEase: number;
  readonly sentences: readonly CheckedSentence[];
  /** Findings ordered by start, then kind. */
  readonly findings: readonly Finding[];
}

/** Options of `checkDraft`. */
export interface CheckOptions {
  /** A sentence with more words than this is flagged (default 20). */
  readonly maxSentenceWords?: number;
}

interface PhraseRule {
  readonly phrase: string;
  readonly kind: "jargon" | "wordy";
  readonly alternatives: readonly string[];
  /** Deleting the phrase is a fix on its own. */
  readonly omit: boolean;
  /** The phrase's words, lower-case ("e.g." → ["e", "g"]). */
  readonly words: readonly string[];
  /** What sits between consecutive words: null for any white space, else the exact punctuation ("-", "/", "."). */
  readonly gaps: readonly (string | null)[];
  /** Punctuation that ends the phrase ("." of "e.g."), or "". */
  readonly tail: string;
}

const WORD_JOINERS = /[\p{L}\p{N}'’-]/u;

/**
 * Phrases are matched on word tokens rather than with one regular expression each: a few hundred
 * sticky Unicode regexps cost several milliseconds per 1,000 words, token comparison a fraction of that.
 */
function toRule(phrase: string, kind: "jargon" | "wordy", alternatives: readonly string[], omit: boolean): PhraseRule {
  const words: string[] = [];
  const gaps: (string | null)[] = [];
  let last = 0;
  for (const m of phrase.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (words.length) {
      const between = phrase.slice(last, m.index);
      gaps.push(/^\s+$/.test(between) ? null : between);
    }
    words.push(m[0]);
    last = m.index + m[0].length;
  }
  return { phrase, kind, alternatives, omit, words, gaps, tail: phrase.slice(last) };
}

/** Rules keyed by their first word (lower-case), longest phrase first so the longest match wins. */
function buildIndex(): Map<string, PhraseRule[]> {
  const index = new Map<string, PhraseRule[]>();
  const seen = new Set<string>();
  const add = (phrase: string, kind: "jargon" | "wordy", alternatives: readonly string[], omit: boolean): void => {
    if (seen.has(phrase)) return; // a legal term shadows the same phrase in the general list
    seen.add(phrase);
    const rule = toRule(phrase, kind, alternatives, omit);
    const list = index.get(rule.words[0]) ?? [];
    list.push(rule);
    index.set(rule.words[0], list);
  };
  for (const [phrase, alternatives] of LEGAL_TERMS) add(phrase, "jargon", alternatives, alternatives.length === 0);
  for (const [phrase, alternatives, omit] of SIMPLIFY_PATTERNS) add(phrase, "wordy", alternatives, omit === true);
  for (const list of index.values()) list.sort((a, b) => b.phrase.length - a.phrase.length || (a.kind === "jargon" ? -1 : 1));
  return index;
}

/** End of the match of `rule` at token `i`, or -1. The phrase must end at a word boundary ("shall" ≠ "shallow"). */
function matchAt(text: string, tokens: readonly Token[], i: number, rule: PhraseRule): number {
  if (i + rule.words.length > tokens.length) return -1;
  for (let k = 0; k < rule.words.length; k++) {
    const t = tokens[i + k];
    if (t.lower !== rule.words[k]) return -1;
    if (k > 0) {
      const gap = text.slice(tokens[i + k - 1].end, t.start);
      const want = rule.gaps[k - 1];
      if (want === null ? !/^\s+$/.test(gap) : gap.toLowerCase() !== want) return -1;
    }
  }
  let end = tokens[i + rule.words.length - 1].end;
  if (rule.tail) {
    if (text.slice(end, end + rule.tail.length).toLowerCase() !== rule.tail) return -1;
    end += rule.tail.length;
  }
  const after = text[end];
  if (after !== undefined && WORD_JOINERS.test(after) && !(rule.tail && !/[\p{L}\p{N}]/u.test(after))) return -1;
  return end;
}

let phraseIndex: Map<string, PhraseRule[]> | null = null;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu))
    tokens.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  return tokens;
}

function phraseFinding(rule: PhraseRule, text: string, tokens: readonly Token[], first: number, end: number): Finding {
  const start = tokens[first].start;
  const found = text.slice(start, end);
  const alternatives = rule.alternatives.map((a) => matchCase(found, a));
  const suggestion = alternatives[0] ?? "";
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
  const planned = planFix(text, tokens, {
    phrase: rule.phrase,
    kind: rule.kind,
    plain: rule.alternatives[0] ?? "",
    first,
    last,
    start,
    end,
  });
  const plain = rule.alternatives.length ? `use “${rule.alternatives.join("”, “")}”` : "";
  const what = rule.kind === "jargon" ? "is legal jargon" : "is wordy";
  const advice = planned ? "" : " Reword it yourself: a straight swap would not read right here.";
  const message = `“${found}” ${what}: ${plain || "leave it out"}${plain && rule.omit ? ", or leave it out" : ""}.${advice}`;
  return {
    kind: rule.kind,
    text: found,
    suggestion,
    replacement: planned ? planned.replacement : null,
    oneClick: planned !== null,
    fix: planned ? planned.fix : null,
    alternatives,
    start,
    end,
    message,
  };
}

/** A verb of the table standing as a noun ("full force and effect", "your request"): not the sense the table means. */
function nounSense(rule: PhraseRule, text: string, tokens: readonly Token[], i: number): boolean {
  if (rule.kind !== "wordy" || !VERB_SENSE_ONLY.has(rule.phrase)) return false;
  const prev = tokens[i - 1];
  return prev !== undefined && /^[ \t]+$/.test(text.slice(prev.end, tokens[i].start)) && NOUN_MARKERS.has(prev.lower);
}

/** "said" used as an adjective ("the said agreement", "under said lease", "Said party"). */
function saidFinding(text: string, tokens: readonly Token[], i: number): Finding | null {
  const next = tokens[i + 1];
  if (!next || !/^\p{Ll}/u.test(text[next.start]) || SAID_NOT_BEFORE.has(next.lower)) return null;
  if (!/^\s+$/.test(text.slice(tokens[i].end, next.start))) return null;
  const prev = tokens[i - 1];
  const joinedToPrev = prev !== undefined && /^\s+$/.test(text.slice(prev.end, tokens[i].start));
  const sentenceStart = !joinedToPrev && /^\p{Lu}/u.test(text[tokens[i].start]);
  if (!sentenceStart && !(joinedToPrev && prev && SAID_BEFORE.has(prev.lower))) return null;
  const withThe = joinedToPrev && prev?.lower === "the";
  const start = withThe && prev ? prev.start : tokens[i].start;
  const found = text.slice(start, tokens[i].end);
  const replacement = matchCase(found, "the");
  return {
    kind: "jargon",
    text: found,
    suggestion: replacement,
    replacement,
    oneClick: true,
    fix: { start, end: tokens[i].end, text: replacement },
    alternatives: [replacement, matchCase(found, "this")],
    start,
    end: tokens[i].end,
    message: `“${found}” as a pointer is legal jargon: use “the” or “this”.`,
  };
}

function phraseFindings(text: string, tokens: readonly Token[]): Finding[] {
  const index = (phraseIndex ??= buildIndex());
  const out: Finding[] = [];
  let coveredTo = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start < coveredTo) continue;
    if (t.start > 0 && WORD_JOINERS.test(text[t.start - 1]) && !/['’]/.test(text[t.start - 1])) continue; // inside "non-type"
    let best: Finding | null = null;
    for (const rule of index.get(t.lower) ?? []) {
      const end = matchAt(text, tokens, i, rule);
      if (end > 0 && (!best || end > best.end) && !nounSense(rule, text, tokens, i)) best = phraseFinding(rule, text, tokens, i, end);
    }
    if (!best && t.lower === "said") best = saidFinding(text, tokens, i);
    if (best) {
      out.push(best);
      coveredTo = best.end;
    }
  }
  return out;
}

function isParticiple(word: string): boolean {
  if (IRREGULAR_PARTICIPLES.has(word)) return true;
  return word.length > 4 && word.endsWith("ed") && !ADJECTIVAL_ED.has(word);
}

function passiveFindings(text: string, tokens: readonly Token[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!BE_FORMS.has(tokens[i].lower)) continue;
    let j = i + 1;
    let between = 0;
    while (j < tokens.length && between <= 2) {
      if (!/^\s+$/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break; // punctuation ends the clause
      const w = tokens[j].lower;
      if (isParticiple(w)) {
        const found = text.slice(tokens[i].start, tokens[j].end);
        out.push({
          kind: "passive",
          text: found,
          suggestion: "Say who does it: “we sent”, not “was sent”.",
          replacement: null,
          oneClick: false,
          fix: null,
          alternatives: [],
          start: tokens[i].start,
          end: tokens[j].end,
          message: `“${found}” is passive voice: name who does it.`,
        });
        i = j;
        break;
      }
      if (BETWEEN_BE_AND_PARTICIPLE.has(w) || (w.endsWith("ly") && w.length > 3)) {
        j++;
        between++;
        continue;
      }
      break;
    }
  }
  return out;
}

const KIND_ORDER: Record<FindingKind, number> = { "long-sentence": 0, jargon: 1, wordy: 2, passive: 3 };

/**
 * Checks an attorney's draft for legalese and wordy phrases (with plain alternatives), sentences over
 * the limit, and passive voice, and gives the grade and reading ease overall and per sentence.
 * Pure and synchronous: it runs on every keystroke pause in compose.
 */
export function checkDraft(draft: string, options: CheckOptions = {}): DraftCheck {
  // Findings past the cap are not looked for: a draft that long is a document, not a mail (analysedText.ts).
  const text = analysedText(draft);
  const maxWords = options.maxSentenceWords ?? 20;
  const r = readability(text);
  const tokens = tokenize(text);
  const phrases = phraseFindings(text, tokens);
  // "please be advised" is one fix, not a jargon finding plus a passive one inside it
  const passives = passiveFindings(text, tokens).filter((p) => !phrases.some((f) => f.start <= p.start && p.end <= f.end));
  const findings: Finding[] = [...phrases, ...passives];
  for (const s of r.perSentence) {
    if (s.words <= maxWords) continue;
    findings.push({
      kind: "long-sentence",
      text: s.text,
      suggestion: `Split this ${s.words}-word sentence; aim for ${maxWords} words or fewer.`,
      replacement: null,
      oneClick: false,
      fix: null,
      alternatives: [],
      start: s.start,
      end: s.end,
      message: `This sentence has ${s.words} words. Split it into shorter ones.`,
    });
  }
  findings.sort((a, b) => a.start - b.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return {
    grade: r.grade,
    readingEase: r.readingEase,
    sentences: r.perSentence.map((s) => ({ start: s.start, end: s.end, grade: s.grade, words: s.words })),
    findings,
  };
}

/**
 * Applies a finding's one-click fix and returns the new text. When the text has changed since the check, the fix
 * moves with the nearest occurrence of the finding's text; when there is none, or the finding is advice (no fix),
 * the text comes back unchanged.
 */
export function applySuggestion(text: string, finding: Finding): string {
  const fix = finding.fix;
  if (!fix) return text;
  let shift = 0;
  if (text.slice(finding.start, finding.end) !== finding.text) {
    const before = text.lastIndexOf(finding.text, finding.start);
    const after = text.indexOf(finding.text, finding.start);
    const candidates = [before, after].filter((x) => x >= 0);
    if (candidates.length === 0) return text;
    shift = candidates.reduce((a, b) => (Math.abs(a - finding.start) <= Math.abs(b - finding.start) ? a : b)) - finding.start;
  }
  return text.slice(0, fix.start + shift) + fix.text + text.slice(fix.end + shift);
}

/** True when the draft has no legalese or wordy phrase (used to vet suggested replies). */
export function hasNoJargon(text: string): boolean {
  return !checkDraft(text).findings.some((f) => f.kind === "jargon" || f.kind === "wordy");
}
