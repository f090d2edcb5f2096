import type { MailMessage } from "@domain/model/mail";
import { describeFeature } from "./describeFeature";
import { messageWords, surfaceOf } from "./surfaceForms";
import { INTENTS } from "./intentTypes";
import type { Intent } from "./intentTypes";
import { loadModel, scores, softmax, topContributions } from "./linearModel";
import type { LinearModel } from "./linearModel";
import intentWeights from "./models/intent.json";
import { gatherEvidence } from "./readMail";
import type { MailEvidence } from "./readMail";

/** The intent chosen, every intent's probability, and the reasons that explain it. */
export interface IntentResult {
  readonly intent: Intent;
  readonly scores: Record<Intent, number>;
  readonly cues: string[];
  /** The intent when the mail is about a matter the firm already has (see {@link IntentDecision.aboutOpenMatter}). */
  readonly aboutOpenMatter: Intent;
}

const AUTO_CUE = "auto_reply:out-of-office wording";

/** The committed intent model (trained by scripts/train/language.ts on the read half of data/client-mail). */
const INTENT_MODEL: LinearModel = loadModel(intentWeights);

/**
 * How much the hand-written rules' decision counts before the model's corrections (a logit added to the rules'
 * intent, at training and at use): the model learns, from the training side, where the rules go wrong, and leaves
 * them alone where its data say nothing. The rules carry the sample firm's conventions, the training side its
 * writers': this is the weight with the best leave-one-writer-out accuracy among those that keep the sample's intent
 * figure at its target (2 and 2.5 fell below it once w1-w3 were trained on; see docs/language.md).
 */
export const RULE_PRIOR = 3;

/**
 * The rules' weight when they find nothing ("other" is their fallback, not a finding): lower, so a request in words the
 * cue lists do not know is left to the model rather than pushed to "other" (leave-one-writer-out intent 0.804 -> 0.806
 * at 1.5, 0.813 at 0, which costs the sample's intent figure its target; see docs/language.md).
 */
export const OTHER_PRIOR = 1.5;

/**
 * What each further cue of the rules' intent adds to its weight, up to {@link MAX_CUES} cues: a decision several cues
 * agree on ("asks for a call", "offers availability") is surer than one a single cue made. With it the sample's intent
 * figure held its target once function words stopped being features on their own (features.ts), which read twelve
 * unseen writers better (docs/language.md, "Function words").
 */
export const CUE_PRIOR = 1;
const MAX_CUES = 3;

/** The fixed logit the rules' decision adds to its intent, given the intent cues that fired ("intent:label"). */
export function rulePrior(rule: string, cues: readonly string[]): number {
  if (rule === "other") return OTHER_PRIOR;
  let agreeing = 0;
  for (const cue of cues) if (cue.startsWith(`${rule}:`)) agreeing++;
  return RULE_PRIOR + CUE_PRIOR * Math.max(0, Math.min(agreeing, MAX_CUES) - 1);
}

/**
 * The fixed logits the rules' decision adds, one per class in `classes` order: {@link rulePrior} on its intent, 0
 * elsewhere. Training (scripts/train/language.ts) and use share this, so the model is scored with the offsets it
 * learned under.
 */
export function ruleOffset(classes: readonly string[], rule: Intent, cues: readonly string[]): number[] {
  const prior = rulePrior(rule, cues);
  return classes.map((c) => (c === rule ? prior : 0));
}

/** The intent the learned model gives, after the rules that hold whatever the words say. */
export interface IntentDecision {
  readonly intent: Intent;
  /** Probability the model gives the chosen intent (1 for rule decisions). */
  readonly confidence: number;
  /** Plain reasons: the rule, or the features that pushed the chosen intent most. */
  readonly reasons: string[];
  /** The model's probability for each of its classes, in the model's order (absent when a rule decided). */
  readonly probabilities?: readonly number[];
  /**
   * The most likely intent other than a new enquiry: what the writer asks when recognition puts the mail on a matter
   * the firm already has (a money question about the case read as a request for a quote). The same as `intent` when
   * that is not a new enquiry.
   */
  readonly aboutOpenMatter: Intent;
}

/**
 * Decides the intent from gathered evidence: machine-sent auto-replies are `auto_reply` by rule; otherwise the
 * learned model's most likely intent, where `complaint` is only possible when the client is unhappy with the firm
 * (a complaint is about the firm by definition) and out-of-office wording with nothing asked is an auto-reply.
 */
export function decideIntent(evidence: MailEvidence, model: LinearModel, unhappy: boolean): IntentDecision {
  if (evidence.automated === "auto-reply")
    return { intent: "auto_reply", confidence: 1, reasons: ["automatic reply headers or subject"], aboutOpenMatter: "auto_reply" };
  // A read receipt is an automatic reply too (the label rules name them with bounces and out-of-office).
  if (evidence.automated === "read-receipt")
    return { intent: "auto_reply", confidence: 1, reasons: ["a read receipt"], aboutOpenMatter: "auto_reply" };
  // A question about the law ("is a verbal agreement binding?") is the model's to weigh (x:legal-question): a rule that
  // made it "other" was right on 24 of the 38 emails it decided for twelve writers no model had seen, the model without
  // it on 33 (docs/language.md, "A question about the law is left to the model").
  const probs = softmax(scores(model, evidence.features, ruleOffset(model.classes, evidence.ruleIntent, evidence.cues)));
  let best = -1;
  let bestOnOpenMatter = -1;
  for (let k = 0; k < model.classes.length; k++) {
    if (model.classes[k] === "complaint" && !unhappy) continue;
    // Automatic replies are found by rule (headers, subject, out-of-office wording), never guessed from words.
    if (model.classes[k] === "auto_reply" && !evidence.cues.includes(AUTO_CUE)) continue;
    if (best < 0 || probs[k] > probs[best]) best = k;
    if (model.classes[k] !== "new_matter_inquiry" && (bestOnOpenMatter < 0 || probs[k] > probs[bestOnOpenMatter])) bestOnOpenMatter = k;
  }
  const intent = model.classes[best] as Intent;
  // Word features are named in the client's own words ("still waiting", not the stem "still wait").
  let words: string[] | null = null;
  const described = topContributions(model, evidence.features, best, 6).map((c) => {
    if (!WORD_FEATURE.test(c.feature)) return describeFeature(c.feature);
    words ??= messageWords(evidence.text);
    return describeFeature(c.feature, surfaceOf(c.feature, words));
  });
  const reasons = distinctReasons(described).slice(0, 3);
  return { intent, confidence: probs[best], reasons, probabilities: probs, aboutOpenMatter: model.classes[bestOnOpenMatter] as Intent };
}

const WORD_FEATURE = /^[wab]:/;

/**
 * Each reason once: two features can read the same in plain words ("asks a question" is how a sentence asks and the
 * message's shape), or one can sit inside the other ("subject about a meeting" beside "subject about a meeting or
 * call"). The first of such a pair is kept: the reasons come in order of weight.
 */
export function distinctReasons(described: readonly string[]): string[] {
  const kept: string[] = [];
  for (const reason of described) {
    if (!kept.some((k) => k.startsWith(reason) || reason.startsWith(k))) kept.push(reason);
  }
  return kept;
}

/** A message carrying only a subject and a text, for callers that have no message. */
function textMessage(subject: string, text: string): MailMessage {
  return {
    id: "text",
    internetMessageId: null,
    conversationId: null,
    subject,
    from: null,
    to: [],
    cc: [],
    sentAt: null,
    receivedAt: null,
    bodyText: text,
    attachmentNames: [],
    headers: {},
  };
}

/**
 * Classifies what a client message asks of the firm, from its NEW text (pass `newTextOf(body)`) and subject, with
 * the committed model (see {@link decideIntent}). `evidence` skips gathering it again when the caller has it.
 */
export function classifyIntent(text: string, subject: string, message?: MailMessage, evidence?: MailEvidence): IntentResult {
  const ev = evidence ?? gatherEvidence(message ?? textMessage(subject, text), { text });
  const decision = decideIntent(ev, INTENT_MODEL, ev.signals.length > 0);
  // Scored once: a rule's decision (an automatic reply) has no probabilities of its own, so only then is the model
  // asked here.
  const probs =
    decision.probabilities ?? softmax(scores(INTENT_MODEL, ev.features, ruleOffset(INTENT_MODEL.classes, ev.ruleIntent, ev.cues)));
  const all = {} as Record<Intent, number>;
  for (const intent of INTENTS) all[intent] = 0;
  INTENT_MODEL.classes.forEach((c, k) => (all[c as Intent] = probs[k]));
  return {
    intent: decision.intent,
    scores: all,
    cues: decision.reasons.map((r) => `${decision.intent}: ${r}`),
    aboutOpenMatter: decision.aboutOpenMatter,
  };
}
