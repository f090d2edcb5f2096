import { surfaceWord } from "./featureWord";
import { loadModel, sigmoid, topContributions } from "./linearModel";
import type { LinearModel, LinearModelData } from "./linearModel";
import requestWeights from "./models/request.json";

/**
 * The learned request detector for one sentence: a logistic model over its words, word pairs, opening words and the
 * rules' verdict, trained on the DEV half of the outside request sentences (data/email-intent) by
 * scripts/train/language.ts. It finds requests the grammar rules miss ("let's get together Monday or Tuesday",
 * "would like to discuss our proposal with you further") and explains itself by the features that fired.
 */

/** The probability above which a sentence the rules pass over counts as asking (chosen by cross-validation on DEV). */
export const REQUEST_THRESHOLD = 0.5;

/**
 * Sentences the learned model is never asked about, by deliberate choice (the outside labels often say "request"):
 * the writer's own commitments ("I'll call you tomorrow", "we'll discuss it") and bare permission ("please go
 * ahead") ask the reader for nothing; a wrongly tracked message is a false overdue alert.
 */
const NOT_A_REQUEST =
  /^(?:please )?(?:find|see) (?:attached|enclosed|below|herewith)\b|^(?:have a (?:good|great|nice|lovely|safe|happy)|take care|enjoy|kind regards|best wishes|many thanks|thanks again)\b|^(?:(?:yes|ok|okay|great|fine|sure|thanks|good)[,!. ]+)*(?:please )?(?:do )?(?:go ahead|proceed)\b|^(?:(?:and|but|so|then|ok|okay|yes|great|fine|sure|thanks)[,!. ]+)*(?:i|we)(?:'ll| will| shall| am going to| are going to)\b/;

/** True when the learned model may judge this normalised sentence (see {@link NOT_A_REQUEST}). */
export function learnable(text: string): boolean {
  return !NOT_A_REQUEST.test(text);
}

const LEAD = /^(?:(?:hi|hello|hey|dear|ok|okay|so|and|but|also|just|then|now|well|oh|again)\b[\s,.!:;-]*)+/;

/**
 * Calls `visit` with each feature of one normalised sentence (value 1), given what the grammar rules said about it
 * (null: nothing asked). `pairs`, when given, limits word pairs to those starting with one of its words: at use only
 * pairs the model knows can count, and building the others' names is most of the work.
 */
export function visitSentenceFeatures(
  text: string,
  words: readonly string[],
  ruleAsk: string | null,
  visit: (feature: string) => void,
  pairs?: ReadonlySet<string>,
): void {
  const w = words.map(surfaceWord);
  for (let i = 0; i < w.length; i++) {
    visit(`w:${w[i]}`);
    if (i + 1 < w.length && (!pairs || pairs.has(w[i]))) visit(`b:${w[i]}_${w[i + 1]}`);
  }
  const opening = (text.replace(LEAD, "").match(/[a-z0-9']+/g) ?? []).slice(0, 2).map(surfaceWord);
  if (opening[0]) visit(`f:${opening[0]}`);
  if (opening[1]) visit(`f2:${opening[0]}_${opening[1]}`);
  if (text.includes("?")) visit("x:question-mark");
  if (ruleAsk) visit(`x:rule-${ruleAsk.slice(0, ruleAsk.indexOf(":") < 0 ? ruleAsk.length : ruleAsk.indexOf(":"))}`);
  else visit("x:rule-none");
  if (/\b(?:i|we)(?:'ll| will| shall)\b/.test(text)) visit("x:writer-will");
  if (/\$link|https?:|www\./.test(text)) visit("x:link");
  visit(words.length <= 6 ? "x:short" : words.length > 25 ? "x:long" : "x:medium");
}

/** The features of one normalised sentence as a map (for training and for explanations). */
export function sentenceFeatures(text: string, words: readonly string[], ruleAsk: string | null): Map<string, number> {
  const f = new Map<string, number>();
  visitSentenceFeatures(text, words, ruleAsk, (name) => f.set(name, 1));
  return f;
}

let model: LinearModel | null = null;
/** First words of the word pairs the model knows. */
let pairStarts: Set<string> = new Set();

/** The committed request model (loaded on first use). */
function requestModel(): LinearModel {
  if (!model) setModel(loadModel(requestWeights));
  return model as LinearModel;
}

function setModel(m: LinearModel): void {
  model = m;
  pairStarts = new Set([...m.weights.keys()].filter((k) => k.startsWith("b:")).map((k) => k.slice(2, k.indexOf("_"))));
}

/**
 * Replaces the request model until the process ends: only the training script uses it, so the intent model is
 * trained on what a fresh request model decides (its features include "asks something").
 */
export function setRequestModelForTraining(data: LinearModelData): void {
  setModel(loadModel(data));
}

/** The probability that a normalised sentence the grammar rules found nothing in asks something of the reader. */
export function requestProbability(text: string, words: readonly string[]): number {
  const m = requestModel();
  let logit = m.bias[0];
  visitSentenceFeatures(text, words, null, (name) => (logit += m.weights.get(name)?.[0] ?? 0), pairStarts);
  return sigmoid(logit);
}

/** The features that pushed a sentence towards "asks" the most (for the explanation). */
export function requestBecause(features: ReadonlyMap<string, number>): string[] {
  return topContributions(requestModel(), features, 0, 2).map((c) => c.feature);
}
