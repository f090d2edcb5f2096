/**
 * How much of a message any analysis reads: the first 100,000 characters of its text (about 15,000 words, some forty
 * printed pages). What a writer asks, the matter they cite and the dates they name are at the top of what they write;
 * past this the text is quoted history, a pasted document or a log, and reading it only costs time (a 1 MB body read
 * whole by every analysis took seconds, and the pane's scan meets the same message every few minutes). Every entry
 * point into recognition, language, follow-up dates, replies and triage reads through {@link analysedText}, so the full
 * body is never scanned again and again.
 */
export const ANALYSED_TEXT_CHARS = 100_000;

/**
 * How much HTML is read to get that text: markup is mostly tags and styles, so ten times the text cap. The scanner is
 * linear, so this bounds the one pass over a huge HTML body.
 */
export const ANALYSED_HTML_CHARS = 10 * ANALYSED_TEXT_CHARS;

/** `text` cut to the first {@link ANALYSED_TEXT_CHARS} characters (never inside a surrogate pair). */
export function analysedText(text: string): string {
  return capped(text, ANALYSED_TEXT_CHARS);
}

/** `html` cut to the first {@link ANALYSED_HTML_CHARS} characters before it is turned into text. */
export function analysedHtml(html: string): string {
  return capped(html, ANALYSED_HTML_CHARS);
}

function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  // A high surrogate left alone at the cut would be half a character.
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
