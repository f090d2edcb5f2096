import { wordsOf } from "./analysis";
import { featureWord } from "./featureWord";

/**
 * The client's own words behind a word or word-pair feature, so a reason quotes the message ("still waiting", "not
 * happy") rather than the stem the models read ("still wait", "not happi"). Null when the words are not found (a
 * pair that spanned a name, say); the caller then names the stem. One pass over the message's words, bounded by them.
 */
export function surfaceOf(feature: string, words: readonly string[]): string | null {
  const colon = feature.indexOf(":");
  const kind = feature.slice(0, colon);
  const value = feature.slice(colon + 1);
  // Folded classes (<day>, <money>) match the message's own day or amount, which is what the reason should quote.
  if (kind === "w" || kind === "a") return words.find((w) => featureWord(w) === value) ?? null;
  if (kind === "b") {
    const cut = value.indexOf("_");
    const first = value.slice(0, cut);
    const second = value.slice(cut + 1);
    for (let i = 0; i + 1 < words.length; i++) {
      if (featureWord(words[i]) === first && featureWord(words[i + 1]) === second) return `${words[i]} ${words[i + 1]}`;
    }
  }
  return null;
}

/** The message's words as the features were read from them (lower case), for {@link surfaceOf}. */
export function messageWords(text: string): string[] {
  return wordsOf(text.toLowerCase());
}
