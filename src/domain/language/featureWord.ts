import { stemmer } from "stemmer";

const WEEKDAY =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|weekend|tomorrow|today|tonight)$/;
const MONTH =
  /^(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
const CLOCK = /^(?:\d{1,2}(?:[.:]\d{2})?(?:am|pm)|am|pm|noon|midday|morning|afternoon|evening)$/;

/**
 * One word as the intent and unhappiness models read it: numbers, amounts, days and months folded into classes, plain
 * words reduced to their Porter stem, so "scheduled", "scheduling" and "schedule" are one feature and a writer's
 * inflection is not a new word to the models (leave-one-writer-out intent 0.797 -> 0.804, see docs/language.md).
 */
export function featureWord(word: string): string {
  return remembered(STEMS, word, () => {
    const surface = surfaceWord(word);
    // Only plain words of bounded length are stemmed: the stemmer's expressions then do bounded work whatever the
    // mail holds.
    return /^[a-z]{3,24}$/.test(surface) ? stemmer(surface) : surface;
  });
}

/** Words too common to make a pair worth learning when both words of the pair are among them ("of the", "to the"). */
const PAIR_FILLER = new Set("the a an and or to of in on at for is it this that be i we you my our your".split(" "));

/**
 * A sentence's adjacent word pairs as the models read them ("still_wait", "heard_back", "not_happi"), names left out
 * first (so a pair may span one) and pairs of two filler words skipped: the pairs say what single words cannot ("not
 * happy", "third time", "any news"). Bounded by the sentence's words.
 */
export function wordPairs(words: readonly string[], names: ReadonlySet<string>, visit: (pair: string) => void): void {
  let previous: string | null = null;
  let previousFiller = false;
  for (const raw of words) {
    if (names.has(raw)) continue;
    const w = featureWord(raw);
    const filler = PAIR_FILLER.has(raw);
    if (previous !== null && !(previousFiller && filler)) visit(`${previous}_${w}`);
    previous = w;
    previousFiller = filler;
  }
}

/**
 * One word with classes folded and a plural's "s" dropped, not stemmed: the request model reads one sentence's exact
 * wording, and cross-validation on its data is better without stems (DEV, threshold 0.5: P 0.718 R 0.312 against
 * 0.711 / 0.301 stemmed).
 */
export function surfaceWord(word: string): string {
  return remembered(SURFACES, word, () => fold(word));
}

// Mail reuses a small vocabulary: remembering folded words saves five expressions per word. Capped, so a hostile text
// of unique words cannot grow them without bound.
const STEMS = new Map<string, string>();
const SURFACES = new Map<string, string>();

function remembered(memo: Map<string, string>, word: string, make: () => string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const made = make();
  if (memo.size < 20_000) memo.set(word, made);
  return made;
}

function fold(word: string): string {
  if (/^[£$€]/.test(word)) return "<money>";
  if (/^\d{1,2}(?:st|nd|rd|th)$/.test(word)) return "<nth>";
  if (/^\d/.test(word)) return CLOCK.test(word) ? "<clock>" : "<num>";
  if (WEEKDAY.test(word)) return "<day>";
  if (MONTH.test(word)) return "<month>";
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  return w.length > 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") ? w.slice(0, -1) : w;
}
