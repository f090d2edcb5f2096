import type { MailMessage } from "@domain/model/mail";
import { splitMessageText } from "@domain/text/newText";
import { analyzeText } from "./analysis";
import type { TextAnalysis } from "./analysis";
import { automatedKind } from "./automated";
import { normalizeText } from "./cues";
import { messageFeatures } from "./features";
import { intentCueLabels } from "./intentCues";
import { ruleIntent } from "./ruleIntent";
import type { Intent } from "./intentTypes";
import { unhappySignals } from "./unhappySignals";
import { learnedSignal, unhappyFeatures } from "./unhappyModel";
import type { ThreadContext, UnhappySignal } from "./unhappySignals";

/**
 * What the language models read about one message, made once: the analysis of the text the message says itself
 * (its new text and what it forwards), the signs of unhappiness in the writer's OWN words (forwarded text is someone
 * else's: a third party's threat to complain is not the client's), the intent cues, and the features.
 */
export interface MailEvidence {
  /** The new text plus forwarded text (quotes and signatures dropped). */
  readonly text: string;
  /** The writer's own new text. */
  readonly ownText: string;
  readonly analysis: TextAnalysis;
  /** The analysis of the writer's own text only (the same object as `analysis` when nothing is forwarded). */
  readonly ownAnalysis: TextAnalysis;
  /** The signs of unhappiness with the firm: the rules' signs, or else the learned model's (see unhappyModel.ts). */
  readonly signals: readonly UnhappySignal[];
  /** What the unhappiness model reads (the rules' signs among them). */
  readonly unhappyFeatures: Map<string, number>;
  readonly cues: readonly string[];
  readonly features: Map<string, number>;
  /** What the hand-written intent rules decide on their own (a feature of the model, and its fallback). */
  readonly ruleIntent: Intent;
  /** Machine-sent mail kind (auto-reply, newsletter…), or null for mail a person wrote. */
  readonly automated: ReturnType<typeof automatedKind>;
}

/** Optional inputs of {@link gatherEvidence}. */
export interface EvidenceOptions {
  /** The text to read instead of the message's own split (e.g. an outside sentence wrapped as a message). */
  readonly text?: string;
  /** Earlier unanswered messages from this client in the conversation. */
  readonly thread?: ThreadContext;
}

/** Gathers the evidence the language decisions read (see {@link MailEvidence}). */
export function gatherEvidence(message: MailMessage, options: EvidenceOptions = {}): MailEvidence {
  let text: string;
  let ownText: string;
  if (options.text !== undefined) {
    text = options.text;
    ownText = options.text;
  } else {
    const parts = splitMessageText(message.bodyText, message.subject);
    ownText = parts.newText;
    text = parts.forwarded ? `${parts.newText}\n\n${parts.forwarded}`.trim() : parts.newText;
  }
  const analysis = analyzeText(text);
  const own = ownText === text ? analysis : analyzeText(ownText);
  const ruleSignals = unhappySignals(own, message.subject, options.thread);
  const unhappy = unhappyFeatures(own, message.subject, ruleSignals);
  const automated = automatedKind(message);
  // The rules' signs stand on their own; the model speaks only where they found nothing, never for machine mail.
  const learned = ruleSignals.length === 0 && automated === null ? learnedSignal(own, unhappy) : null;
  const signals = learned ? [...ruleSignals, learned] : ruleSignals;
  const cues = intentCueLabels(analysis.norm || normalizeText(text), message.subject);
  const asks = analysis.sentences.some((s) => s.ask !== null);
  const rule = ruleIntent(
    analysis.norm,
    message.subject,
    signals.map((s) => s.kind),
    asks,
  );
  const features = messageFeatures({
    analysis,
    subject: message.subject,
    cues,
    signals,
    ruleIntent: rule,
    attachments: message.attachmentNames.length > 0,
  });
  return { text, ownText, analysis, ownAnalysis: own, signals, unhappyFeatures: unhappy, cues, features, ruleIntent: rule, automated };
}
