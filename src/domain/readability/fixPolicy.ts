/**
 * Which phrase-table fixes the pane may apply with one click. The tables (legalTerms, simplifyPatterns) are
 * thesauruses: they name a plainer word but not the sentence it has to fit. A replacement that is right in one
 * sense and wrong in another ("effect" the verb → "choose"; "effect" the noun in "full force and effect"), or that
 * leaves a sentence without its subject ("It is important" → "important"), is offered as advice: the attorney
 * rewrites it. Every phrase named here as one-click is run in context by the tests over legal paragraphs.
 */

/** Legal terms whose first alternative never fits cleanly where the term stands: always advice. */
export const LEGAL_ADVICE_ONLY: ReadonlySet<string> = new Set([
  "whereas", // a recital ("because") or a contrast ("while"): the sense decides
  "hereto", // "the parties hereto" → "the parties to this" leaves "this" without its noun
  "hereof",
  "hereunder",
  "herewith",
  "thereby", // "the tenant thereby waived" → "the tenant so waived"
  "hereinafter", // "(hereinafter the Tenant)" is a definition to rewrite, not a word to swap
  "quantum", // "quantum meruit" is a term of art
]);

/**
 * Latin used as an adjective before a noun ("an ex parte application") cannot take a phrase that works only as an
 * adverb ("without the other side"): one-click only where nothing follows it in the clause.
 */
export const ADVERB_ONLY: ReadonlySet<string> = new Set(["prima facie", "ex parte", "pro rata"]);

/** Pointers replaced by "this"/"these": they need the noun they point at right after them. */
export const POINTERS: ReadonlySet<string> = new Set(["aforesaid", "aforementioned", "above-mentioned", "abovementioned"]);

/**
 * Wordy phrases (the general list) whose first alternative reads correctly wherever the phrase stands. The rest
 * of that list stays advice: many rows are verbs that are also nouns ("request", "address", "purchase"), or
 * connectives that need the sentence rebuilt ("however" → "but", "therefore" → "so").
 */
export const WORDY_ONE_CLICK: ReadonlySet<string> = new Set([
  "a number of",
  "accede to",
  "adjacent to",
  "already existing",
  "as of yet",
  "at the present time",
  "at this time",
  "because of the fact that",
  "by means of",
  "capability",
  "cease",
  "commence",
  "currently",
  "due to the fact that",
  "each and every",
  "e.g.",
  "elucidate",
  "evident",
  "expend",
  "expiration",
  "factual evidence",
  "first and foremost",
  "frequently",
  "has a requirement for",
  "in a timely manner",
  "in all likelihood",
  "in an effort to",
  "in excess of",
  "in light of the fact that",
  "in many cases",
  "in order for",
  "in order to",
  "in regard to",
  "in some instances",
  "in the amount of",
  "in the near future",
  "in the process of",
  "inasmuch as",
  "inception",
  "is applicable to",
  "literally",
  "methodology",
  "modify",
  "not later than",
  "numerous",
  "obtain",
  "owing to the fact that",
  "pertaining to",
  "point in time",
  "provided that",
  "put simply",
  "regarding",
  "remainder",
  "remuneration",
  "successfully complete",
  "sufficient",
  "take action to",
  "terminate",
  "the month of",
  "time period",
  "until such time as",
  "utilisation",
  "utilise",
  "utilization",
  "utilize",
  "very",
  "whether or not",
  "with reference to",
  "with respect to",
  "with the exception of",
]);

/**
 * Verbs of the general list that are also nouns. After one of these words they are the noun ("the effect",
 * "full force and effect", "your request", "email address"), a sense the table does not mean: not flagged at all.
 */
export const VERB_SENSE_ONLY: ReadonlySet<string> = new Set([
  "effect",
  "address",
  "request",
  "purchase",
  "benefit",
  "function",
  "attempt",
  "desire",
  "permit",
  "monitor",
  "interface",
  "forward",
  "implement",
  "warrant",
  "exhibit",
]);

/** Words after which a verb of VERB_SENSE_ONLY is a noun (or an adjective, for "initial"). */
export const NOUN_MARKERS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "the",
  "no",
  "any",
  "each",
  "every",
  "full",
  "its",
  "their",
  "his",
  "her",
  "our",
  "your",
  "my",
  "this",
  "that",
  "these",
  "those",
  "such",
  "some",
  "and",
  "in",
  "with",
  "of",
  "into",
  "email",
  "e-mail",
  "postal",
  "home",
  "registered",
  "legal",
  "binding",
  "immediate",
  "going",
  "look",
  "looking",
  "looks",
  "move",
  "moving",
  "carry",
  "carried",
  "first",
  "last",
  "another",
]);

/** Prepositions after which "the undersigned" is an object ("signed by the undersigned" → "by me"). */
export const OBJECT_PREPOSITIONS: ReadonlySet<string> = new Set([
  "by",
  "to",
  "for",
  "with",
  "from",
  "of",
  "upon",
  "on",
  "against",
  "between",
  "before",
  "after",
]);
