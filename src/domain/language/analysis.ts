import { INTENSIFIERS, NEGATORS, valence } from "./lexicon";
import { isCourtesy, requestIn } from "./requests";
import { REQUEST } from "./requestPhrases";
import { learnable, REQUEST_THRESHOLD, requestBecause, requestProbability, sentenceFeatures } from "./requestModel";

/**
 * One pass of linguistic structure over a message's new text, shared by intent, unhappiness and needs-reply so the
 * text is read once: sentences (with abbreviations and list lines), what each sentence does (asks a question, with
 * or without "?", makes a request, an imperative or a modal request), who it is about (the writer, the firm, someone
 * else), negation, and its sentiment from the AFINN lexicon with negation and intensifiers. Everything here is
 * linear in the text's length: loops over characters and words, and expressions without nested quantifiers.
 */

/** What one sentence does and who it is about. */
export interface SentenceInfo {
  /** The sentence, normalised: lower-case, plain quotes and dashes. */
  readonly text: string;
  /** Its words, lower-case ("i'm", "can't" stay one word). */
  readonly words: readonly string[];
  /** Why the sentence asks something of the reader (a question or a request), or null when it does not. */
  readonly ask: string | null;
  /** A question: ends with "?" or opens like one ("can you…", "where are we…"). */
  readonly question: boolean;
  /** The writer speaks of themselves (I, we, my, our…). */
  readonly firstPerson: boolean;
  /** The sentence addresses or names the firm (you, your office, the firm…). */
  readonly firm: boolean;
  /** The sentence names someone else (he, they, the landlord, the court, their solicitor…). */
  readonly other: boolean;
  /** The sentence's grammatical subject is someone else ("the bank has lost…", "they are…"). */
  readonly otherSubject: boolean;
  /** Contains a negation ("not", "never", "no"…). */
  readonly negated: boolean;
  /** AFINN valence summed over its words, negation flipping and intensifiers strengthening. */
  readonly sentiment: number;
  /** The most negative words found (for the explanation). */
  readonly negativeWords: readonly string[];
  /** Words written in capitals for emphasis ("AGAIN", "STILL"). */
  readonly shouted: number;
}

/** The analysis of one text. */
export interface TextAnalysis {
  readonly sentences: readonly SentenceInfo[];
  /** Every word of the text, lower-case, in order. */
  readonly words: readonly string[];
  /** Words that look like names (capitalised in mid-sentence, or a sign-off line): kept out of learned features. */
  readonly names: ReadonlySet<string>;
  /** The normalised text (lower-case, plain quotes and dashes, wrapped lines rejoined). */
  readonly norm: string;
}

/** Folds smart punctuation and rejoins lines wrapped by mail clients, keeping case; one character for one. */
export function foldText(text: string): string {
  return (
    text
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, "-")
      .replace(/\u00a0/g, " ")
      // Mail clients wrap lines at ~72 characters: rejoin them unless the next line starts a list item.
      .replace(/([^\n])\n(?=[^\n\s\-*\u2022\d>])/g, "$1 ")
  );
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "no",
  "nos",
  "e.g",
  "i.e",
  "eg",
  "ie",
  "etc",
  "approx",
  "ref",
  "vs",
  "v",
  "co",
  "inc",
  "jr",
  "sr",
  "prof",
  "cf",
  "para",
  "cl",
  "tel",
]);

/** Where the sentences of a normalised text lie: cut at line breaks and at . ! ? before a space, not after abbreviations. */
export function sentenceSpans(norm: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(norm[a])) a++;
    while (b > a && /\s/.test(norm[b - 1])) b--;
    // A list line's bullet or number is not part of the sentence.
    const bullet = /^(?:[-*\u2022>]+|\d{1,2}[.)])\s+/.exec(norm.slice(a, Math.min(b, a + 8)));
    if (bullet) a += bullet[0].length;
    if (a < b) out.push([a, b]);
  };
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i];
    if (c === "\n") {
      push(i);
      start = i + 1;
    } else if ((c === "." || c === "!" || c === "?") && (i + 1 >= norm.length || norm[i + 1] === " " || norm[i + 1] === "\n")) {
      if (c === ".") {
        // The word before the stop: an abbreviation ("Mr.", "e.g.") or a single letter (an initial) does not end it.
        let j = i - 1;
        while (j >= start && j > i - 12 && /[a-z.]/.test(norm[j])) j--;
        const word = norm.slice(j + 1, i);
        if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
      }
      push(i + 1);
      start = i + 1;
    }
  }
  push(norm.length);
  return out;
}

/** The sentences of a normalised text (see {@link sentenceSpans}). */
export function splitSentences(norm: string): string[] {
  return sentenceSpans(norm).map(([a, b]) => norm.slice(a, b));
}

const WORD = /[a-z0-9£$€]+(?:['-][a-z0-9]+)*/g;

/** A whitespace-separated token that is an email address or a web address (tested token by token: linear). */
const ADDRESS_TOKEN = /@|:\/\/|^www\./;

/**
 * The lower-case words of a normalised sentence. Email and web addresses are not words: their parts ("jo", "firm",
 * "example", "https") say nothing about what the writer asks, and a model that learns them learns the training mail's
 * invented domains.
 */
export function wordsOf(sentence: string): string[] {
  const plain =
    sentence.includes("@") || sentence.includes("://") || sentence.includes("www.")
      ? sentence
          .split(/(\s+)/)
          .map((token) => (ADDRESS_TOKEN.test(token) ? " " : token))
          .join("")
      : sentence;
  return plain.match(WORD) ?? [];
}

const FIRST_PERSON = new Set([
  "i",
  "i'm",
  "i've",
  "i'd",
  "i'll",
  "me",
  "my",
  "mine",
  "myself",
  "we",
  "we're",
  "we've",
  "we'd",
  "we'll",
  "us",
  "our",
  "ours",
  "im",
  "ive",
]);
const SECOND_PERSON = new Set([
  "you",
  "your",
  "you're",
  "you've",
  "you'd",
  "you'll",
  "yours",
  "yourself",
  "yourselves",
  "u",
  "ur",
  "youre",
]);

/** The firm, named without "you": its people and its office. */
const FIRM_NOUNS =
  /\b(?:(?:the|this|your) (?:firm|practice|office)|your (?:side|end|team|colleague|colleagues|assistant|trainee|secretary|receptionist|staff|department|people|paralegal|partner|accounts team)|(?:no ?one|nobody|anyone|someone|somebody) (?:at|from|in) your|solicitors? (?:acting for|dealing with) (?:me|us))\b/;

/** Third-party pronouns and the people and bodies a client is often angry or worried about. */
const OTHER_PRONOUNS = new Set([
  "he",
  "she",
  "they",
  "him",
  "her",
  "them",
  "their",
  "his",
  "theirs",
  "he's",
  "she's",
  "they're",
  "they've",
  "they'd",
  "he'd",
  "she'd",
  "they'll",
  "he'll",
]);
const OTHER_NOUNS: ReadonlySet<string> = new Set(
  (
    "landlord landlords tenant tenants builder builders contractor court courts tribunal judge bank banks lender insurer insurers " +
    "council employer employers manager agent agents surveyor seller sellers vendor buyer buyers purchaser neighbour neighbours " +
    "neighbor ex ex-husband ex-wife husband wife respondent respondents claimant defendant school airline police supplier suppliers " +
    "customer debtor director directors shareholder shareholders registry hmrc company gp surgery hospital driver government " +
    "authority department union investors board"
  ).split(" "),
);
/** Parties named in two words ("the other side", "their solicitor", "home office"). */
const OTHER_PHRASES =
  /\b(?:other (?:side|party)|their (?:solicitor|solicitors|lawyer|lawyers|side|agent|surveyor)|home office|insurance company|management company|removal company)\b/;

/** A clause opening with someone else as the subject ("the bank has…", "they are…", "my ex turned up…"). */
const OTHER_SUBJECT =
  /^(?:(?:and|but|so|now|then|also|honestly|apparently|meanwhile|of course|even worse|worse)[, ]+)?(?:he|she|they|his|her|their|(?:the|my|our|his|her|their) (?:[\w'-]+ ){0,2}?(?:landlord|tenant|builder|contractor|court|tribunal|judge|bank|lender|insurer|insurance company|council|employer|manager|agent|surveyor|seller|sellers|buyer|buyers|neighbour|ex|husband|wife|respondent|claimant|defendant|school|airline|police|supplier|customer|director|directors|registry|home office|company|gp|surgery|other side|solicitors?|lawyers?|removal company|management company|investors|board|union)s?)\b/;

/** Words at a sentence's start that do not change what it does. */
const LEAD =
  /^(?:(?:hi|hello|hey|dear|morning|afternoon|evening|good (?:morning|afternoon|evening)|ok|okay|so|and|but|also|just|anyway|well|oh|again|sorry|apologies|then|now)\b[\s,.!:;-]*)+/;

/** Questions written without a "?": an inverted auxiliary or a question word opening the clause. */
const QUESTION_OPENING =
  /^(?:(?:do|does|did|can|could|would|will|is|are|was|were|have|has|had|should|shall|may|might|am)(?:n't)? (?:you|we|i|they|he|she|it|there|this|that|these|those|the|my|our|your|their|his|her|anyone|anybody|someone|somebody|everything|anything|all)\b|(?:what|when|where|who|why|how|which|whose)(?:'s|'re)?\b(?! (?:a|an) (?:relief|shame|pity|mess)\b))/;

/** The writer says a question is coming or asks one indirectly. */
const INDIRECT_QUESTION =
  /\b(?:wonder(?:ing|ed)? (?:if|whether|when|what|how|where|who|why)|(?:not sure|unsure) (?:if|whether|what|how|when)|let (?:me|us) know (?:if|whether|when|what|how|where|who|which)|(?:i|we) (?:want|wanted|need|would like|'d like) to know|do you know (?:if|whether|when|what|how|where|who)|any idea (?:if|whether|when|what|how|where|who))\b/;

/** Why this sentence asks something of the reader, or null. */
function askOf(sentence: string, opening: string): { ask: string | null; question: boolean } {
  if (sentence.includes("?") && !/\b(?:isn't it|aren't they|wasn't it|right)\?$/.test(sentence)) {
    return { ask: `question: "${sentence.slice(0, 60)}"`, question: true };
  }
  if (isCourtesy(sentence)) return { ask: null, question: false };
  if (QUESTION_OPENING.test(opening)) return { ask: `question without a question mark: "${sentence.slice(0, 60)}"`, question: true };
  const indirect = INDIRECT_QUESTION.exec(sentence);
  if (indirect) return { ask: `indirect question: "${indirect[0]}"`, question: true };
  const m = REQUEST.exec(sentence);
  if (m) return { ask: `request: "${m[0].trim()}"`, question: false };
  const general = requestIn(sentence);
  if (general) return { ask: `request: ${general}`, question: false };
  return { ask: null, question: false };
}

/** Sentiment of a sentence's words: AFINN valence, negated within three words, strengthened by an intensifier. */
function sentimentOf(words: readonly string[]): { score: number; negative: string[] } {
  let score = 0;
  const negative: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let v = valence(words[i]);
    if (v === 0) continue;
    let negatedHere = false;
    for (let j = Math.max(0, i - 3); j < i; j++) if (NEGATORS.has(words[j])) negatedHere = true;
    // "not happy" is unhappy, "not unreasonable" is mildly positive: a negation flips and weakens.
    if (negatedHere) v = -v * 0.6;
    const boost = i > 0 ? INTENSIFIERS.get(words[i - 1]) : undefined;
    if (boost) v *= boost;
    score += v;
    if (v <= -2) negative.push(negatedHere ? `not ${words[i]}` : words[i]);
  }
  return { score, negative };
}

/** Words in capitals for emphasis (two or more letters, not a known acronym-like short word). */
function shoutedIn(original: string): number {
  let n = 0;
  for (const m of original.matchAll(/\b[A-Z]{3,}\b/g))
    if (!/^(?:VAT|LLP|LTD|PLC|PDF|SRA|ICO|HMRC|CEO|CFO|HR|UK|USA|ID|LPA|TR1|CHAPS|NDA|GP)$/.test(m[0])) n++;
  return n;
}

/** The opening of a sentence: lead-in words and a short address ("Ben, …") taken off. */
function openingOf(text: string): string {
  return text.replace(LEAD, "").replace(/^(?:[a-z]+ ){0,2}?[a-z]+, /, (m) => (m.split(" ").length <= 3 ? "" : m));
}

/** What the grammar rules alone say a normalised sentence asks (null: nothing), before the learned model. */
export function grammarAsk(text: string): string | null {
  return askOf(text, openingOf(text)).ask;
}

/** One sentence's structure. `original` is the same sentence with its case kept (for emphasis). */
export function analyzeSentence(text: string, original = text): SentenceInfo {
  const words = wordsOf(text);
  const opening = openingOf(text);
  const rule = askOf(text, opening);
  const { question } = rule;
  let ask = rule.ask;
  // What the grammar rules pass over, the learned request model may still find (never against a courtesy offer).
  if (ask === null && !isCourtesy(text) && learnable(text)) {
    if (requestProbability(text, words) >= REQUEST_THRESHOLD) {
      const because = requestBecause(sentenceFeatures(text, words, null)).map((b) => `"${b.slice(b.indexOf(":") + 1).replace(/_/g, " ")}"`);
      ask = `request (learned from ${because.join(", ")})`;
    }
  }
  let firstPerson = false;
  let second = false;
  let otherPronoun = false;
  let negated = false;
  let otherNoun = false;
  for (const w of words) {
    if (FIRST_PERSON.has(w)) firstPerson = true;
    else if (SECOND_PERSON.has(w)) second = true;
    else if (OTHER_PRONOUNS.has(w)) otherPronoun = true;
    else if (OTHER_NOUNS.has(w)) otherNoun = true;
    if (NEGATORS.has(w)) negated = true;
  }
  const { score, negative } = sentimentOf(words);
  return {
    text,
    words,
    ask,
    question,
    firstPerson,
    firm:
      second ||
      (text.includes("firm") || text.includes("your") || text.includes("office") || text.includes("solicitor")
        ? FIRM_NOUNS.test(text)
        : false),
    other: otherPronoun || otherNoun || OTHER_PHRASES.test(text),
    otherSubject: OTHER_SUBJECT.test(opening),
    negated,
    sentiment: score,
    negativeWords: negative,
    shouted: shoutedIn(original),
  };
}

const WEEKDAYS_AND_MONTHS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|i|i'm|i've|i'd|i'll)$/;

/** Names in the original text: capitalised words in mid-sentence, and the words of a short sign-off line. */
function namesIn(folded: string): Set<string> {
  const names = new Set<string>();
  for (const line of folded.split("\n")) {
    const trimmed = line.trim();
    // A line of one to three capitalised words and nothing else is a name or a sign-off ("Kofi", "Mei Lin Tan").
    if (/^[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}$/.test(trimmed)) {
      for (const w of trimmed.toLowerCase().split(" ")) if (!WEEKDAYS_AND_MONTHS.test(w)) names.add(w);
      continue;
    }
    let sentenceStart = true;
    for (const m of trimmed.matchAll(/[A-Za-z][A-Za-z'-]*|[.!?:]/g)) {
      const token = m[0];
      if (token.length === 1 && ".!?:".includes(token)) {
        sentenceStart = true;
        continue;
      }
      if (!sentenceStart && /^[A-Z][a-z]/.test(token)) {
        const lower = token.toLowerCase();
        if (!WEEKDAYS_AND_MONTHS.test(lower)) names.add(lower);
      }
      sentenceStart = false;
    }
  }
  return names;
}

/** Reads a message's new text once: sentences, their structure and sentiment, and the names in it. */
export function analyzeText(text: string): TextAnalysis {
  const folded0 = foldText(text);
  const norm = folded0.toLowerCase();
  // A few letters change length when lower-cased ("İ"): then the spans only fit the lower-case text.
  const folded = norm.length === folded0.length ? folded0 : norm;
  const sentences: SentenceInfo[] = [];
  const words: string[] = [];
  // Folding keeps one character for one, so the spans cut the case-kept text too (its capitals show emphasis).
  for (const [a, b] of sentenceSpans(norm)) {
    const s = analyzeSentence(norm.slice(a, b), folded.slice(a, b));
    sentences.push(s);
    for (const w of s.words) words.push(w);
  }
  return { sentences, words, names: namesIn(folded), norm };
}
