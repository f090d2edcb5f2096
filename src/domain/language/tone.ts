import { analyzeText } from "./analysis";
import type { TextAnalysis } from "./analysis";
import { unhappySignals } from "./unhappySignals";
import type { ThreadContext, UnhappySignal } from "./unhappySignals";

/** Whether a client is unhappy with the firm or its service, and the phrases that say so. */
export interface ToneResult {
  readonly negative: boolean;
  /** One line per sign, e.g. `repeated chasing: "the third time i have asked"`. */
  readonly cues: string[];
  /** The signs themselves, kind and words. */
  readonly signals: readonly UnhappySignal[];
}

/** A sign as one line of explanation: its kind, then the client's words. */
export function describeSignal(signal: UnhappySignal): string {
  return signal.quote.startsWith("message ") ? `${signal.kind}: ${signal.quote}` : `${signal.kind}: "${signal.quote}"`;
}

/**
 * Negative tone: the writer is unhappy with the firm or its service (a complaint, disappointment, repeated chasing,
 * a disputed bill, a threat to leave or complain, sarcasm). Anger or worry aimed at the other side, the court or
 * anyone else does not count; taken-back complaints ("no complaints at all") do not count. Pass the message's new
 * text only; `subject` and `thread` add the subject line's words and the count of unanswered earlier messages.
 */
export function negativeTone(text: string, subject = "", thread?: ThreadContext, analysis?: TextAnalysis): ToneResult {
  const signals = unhappySignals(analysis ?? analyzeText(text), subject, thread);
  return { negative: signals.length > 0, cues: signals.map(describeSignal), signals };
}
