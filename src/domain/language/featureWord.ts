const WEEKDAY =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|weekend|tomorrow|today|tonight)$/;
const MONTH =
  /^(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
const CLOCK = /^(?:\d{1,2}(?:[.:]\d{2})?(?:am|pm)|am|pm|noon|midday|morning|afternoon|evening)$/;

/** One word as a feature: numbers, amounts, days and months folded into classes; a plural's "s" dropped. */
export function featureWord(word: string): string {
  const known = MEMO.get(word);
  if (known !== undefined) return known;
  const folded = fold(word);
  // Mail reuses a small vocabulary: remembering folded words saves five expressions per word. Capped, so a hostile
  // text of unique words cannot grow it without bound.
  if (MEMO.size < 20_000) MEMO.set(word, folded);
  return folded;
}

const MEMO = new Map<string, string>();

function fold(word: string): string {
  if (/^[£$€]/.test(word)) return "<money>";
  if (/^\d{1,2}(?:st|nd|rd|th)$/.test(word)) return "<nth>";
  if (/^\d/.test(word)) return CLOCK.test(word) ? "<clock>" : "<num>";
  if (WEEKDAY.test(word)) return "<day>";
  if (MONTH.test(word)) return "<month>";
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  return w.length > 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") ? w.slice(0, -1) : w;
}
