import { splitSentences } from "./sentences";
import { wordSpans, syllablesOf } from "./words";

/** Readability figures of a span of text. */
export interface Readability {
  /** Flesch–Kincaid US school grade (lower is easier). */
  readonly grade: number;
  /** Flesch reading ease, 0–100 (higher is easier). */
  readonly readingEase: number;
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
}

/** One sentence with its span and its own figures. */
export interface SentenceReadability {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words: number;
  readonly syllables: number;
  readonly grade: number;
  readonly readingEase: number;
}

/** Whole-text figures plus each sentence's. */
export interface TextReadability extends Readability {
  readonly perSentence: readonly SentenceReadability[];
  /** Words in the longest sentence (0 for empty text). */
  readonly longestSentenceWords: number;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Flesch–Kincaid grade from counts; 0 for no words. */
export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number {
  if (words === 0 || sentences === 0) return 0;
  return round1(0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59);
}

/** Flesch reading ease from counts; 100 for no words. */
export function fleschReadingEase(words: number, sentences: number, syllables: number): number {
  if (words === 0 || sentences === 0) return 100;
  return round1(206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words));
}

/** Readability of `text`, overall and per sentence (spans index into `text`). */
export function readability(text: string): TextReadability {
  const perSentence: SentenceReadability[] = [];
  let words = 0;
  let syllables = 0;
  let longest = 0;
  for (const s of splitSentences(text)) {
    const ws = wordSpans(s.text);
    if (ws.length === 0) continue;
    let syl = 0;
    for (const w of ws) syl += syllablesOf(w.text);
    words += ws.length;
    syllables += syl;
    longest = Math.max(longest, ws.length);
    perSentence.push({
      start: s.start,
      end: s.end,
      text: s.text,
      words: ws.length,
      syllables: syl,
      grade: fleschKincaidGrade(ws.length, 1, syl),
      readingEase: fleschReadingEase(ws.length, 1, syl),
    });
  }
  const sentences = perSentence.length;
  return {
    grade: fleschKincaidGrade(words, sentences, syllables),
    readingEase: fleschReadingEase(words, sentences, syllables),
    words,
    sentences,
    syllables,
    perSentence,
    longestSentenceWords: longest,
  };
}
