import type { TextAnalysis } from "./analysis";
import { analyzeSentence, foldText, wordsOf } from "./analysis";
import type { UnhappySignal } from "./unhappySignals";
import { topicsOf } from "./topics";
import { firstQuestionIsLegal } from "./legalQuestion";
import { featureWord, wordPairs } from "./featureWord";

/**
 * The features the learned models read, the same at training and in the pane: words of the text, of the subject and
 * of the sentences that ask something; the hand-written cues that fired; the signs of unhappiness; and the shape of
 * the message (does it ask, how long, does it name a day or a time). Names are left out: a model must not learn that
 * one client's name means "billing".
 */

/**
 * Articles, prepositions, conjunctions, forms of "be" and "have", demonstratives and personal pronouns: words every
 * email has, whose single-word weights fitted the training writers' habits. Without them as single words the intent
 * model read twelve writers it had never seen better (0.886 -> 0.892, with the cue-count prior of intent.ts), and the
 * read half's writer left out too (0.905 -> 0.925); see docs/language.md, "Function words". Modals, question words
 * and "not" are not here: they carry the request.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  "a an the and or but of to in on for with at by from as so if is are was were be been have has had it its this that these those there than then our my your we i you me us he she they him her them his their".split(
    " ",
  ),
);

/** What the features are made from. */
export interface FeatureInput {
  readonly analysis: TextAnalysis;
  readonly subject: string;
  /** Cue labels that fired, "intent:label" (from the intent cue lists). */
  readonly cues: readonly string[];
  readonly signals: readonly UnhappySignal[];
  /** What the hand-written intent rules decide on their own. */
  readonly ruleIntent: string;
  /** The message has file attachments. */
  readonly attachments: boolean;
}

/** The subject line without reply/forward prefixes, normalised. */
export function subjectText(subject: string): string {
  return foldText(subject)
    .toLowerCase()
    .replace(/^(?:\s*(?:re|fw|fwd|aw|sv|tr)\s*:\s*)+/, "")
    .trim();
}

/** How a sentence asks, from the reason the analysis gives: a question, an indirect question, a request, a wish. */
function askKind(ask: string): string {
  if (ask.startsWith("question without")) return "question-no-mark";
  if (ask.startsWith("question")) return "question";
  if (ask.startsWith("indirect")) return "indirect";
  if (ask.includes("modal") || ask.includes("would be good") || ask.includes("wants to") || ask.includes("appreciate")) return "modal";
  if (ask.includes("instruction") || ask.includes("please") || ask.includes("kindly")) return "imperative";
  if (ask.includes("proposal")) return "proposal";
  if (ask.includes("learned")) return "learned";
  return "request";
}

/** The features of one message (see the module comment). */
export function messageFeatures(input: FeatureInput): Map<string, number> {
  const f = new Map<string, number>();
  const set = (name: string, value = 1) => f.set(name, value);
  const { analysis } = input;
  let asks = 0;
  let questions = 0;
  let negative = 0;
  let shouted = 0;
  let days = 0;
  let clock = 0;
  let opened = false;
  let firm = false;
  let other = false;
  let firstPerson = 0;
  for (const s of analysis.sentences) {
    // Who the message is about and how it asks: structure that carries across writers where their words do not.
    if (s.firm) firm = true;
    if (s.otherSubject) other = true;
    if (s.firstPerson) firstPerson++;
    if (s.ask) set(`h:${askKind(s.ask)}`);
    const topics = topicsOf(s);
    // The first sentence of substance (not a greeting) usually says what the message is for.
    const opening = !opened && s.words.length > 3;
    if (opening) opened = true;
    for (const t of topics) {
      if (opening) set(`f:${t}`);
      set(`t:${t}`);
      if (s.ask) set(`q:${t}`);
      if (s.ask && asks === 0) set(`q1:${t}`);
    }
    if (s.ask) asks++;
    if (s.question) questions++;
    if (s.sentiment <= -2) negative++;
    shouted += s.shouted;
    for (const raw of s.words) {
      if (analysis.names.has(raw)) continue;
      const w = featureWord(raw);
      if (w === "<day>" || w === "<month>") days++;
      if (w === "<clock>") clock++;
      // Function words stay in the word pairs ("could_we", "not_happi") but are not features alone: alone they say
      // more about how a writer writes than what they ask.
      if (FUNCTION_WORDS.has(raw)) continue;
      set(`w:${w}`);
      if (s.ask) set(`a:${w}`);
    }
    wordPairs(s.words, analysis.names, (pair) => set(`b:${pair}`));
  }
  const subject = subjectText(input.subject);
  for (const raw of wordsOf(subject)) set(`s:${featureWord(raw)}`);
  if (subject !== "") for (const t of topicsOf(analyzeSentence(subject))) set(`st:${t}`);
  // Whether the first question asks what the law says: a sign of a general question ("other"), which the model weighs
  // against the rest (such questions also come on top of forwarded letters and bills).
  if (firstQuestionIsLegal(analysis.sentences)) set("x:legal-question");
  if (/^\s*(?:re|aw|sv)\s*:/i.test(input.subject)) set("x:reply");
  if (/^\s*(?:fwd?|fw|tr)\s*:/i.test(input.subject)) set("x:forward");
  for (const cue of input.cues) set(`c:${cue}`);

  for (const signal of input.signals) {
    set(`u:${signal.kind}`);
    set("u:any");
  }
  const words = analysis.words.length;
  set(asks > 0 ? "x:asks" : "x:no-ask");
  if (asks > 1) set("x:asks-more");
  if (questions > 0) set("x:question");
  if (words <= 15) set("x:short");
  else if (words > 80) set("x:long");
  if (negative > 0) set("x:negative");
  if (shouted > 0) set("x:shouting");
  if (days > 0) set("x:names-a-day");
  if (clock > 0) set("x:names-a-time");
  if (input.attachments) set("x:attachments");
  set(firm ? "x:names-firm" : "x:no-firm");
  if (other) set("x:other-party");
  if (analysis.sentences.length > 0 && firstPerson * 2 > analysis.sentences.length) set("x:mostly-first-person");
  return f;
}
