/** Readability: sentences, words, syllables, Flesch–Kincaid grade and Flesch reading ease. */
export { splitSentences } from "./sentences";
export type { SentenceSpan } from "./sentences";
export { wordSpans, countWords, syllablesOf } from "./words";
export type { WordSpan } from "./words";
export { readability, fleschKincaidGrade, fleschReadingEase } from "./grade";
export type { Readability, SentenceReadability, TextReadability } from "./grade";
export { checkDraft, applySuggestion, hasNoJargon } from "./checkDraft";
export type { CheckOptions, CheckedSentence, DraftCheck, Finding, FindingKind } from "./checkDraft";
export type { TextFix } from "./contextFix";
