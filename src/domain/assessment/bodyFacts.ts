import type { MailMessage } from "@domain/model/mail";
import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import { readRecognitionText, type RecognitionText } from "@domain/recognition/recognize";
import { readMail, type MailReading } from "@domain/language/reading";
import type { Intent } from "@domain/language/intentTypes";
import { describeSignal } from "@domain/language/tone";
import { THREAD_CHASING_MIN, threadChasingQuote, type ThreadContext, type UnhappySignal } from "@domain/language/unhappySignals";

/**
 * Version of what {@link readBodyFacts} computes. Raise it whenever recognition's body reading or the language reading
 * changes what it decides: facts kept under another version are stale and must be read again from the body.
 */
export const BODY_FACTS_VERSION = 1;

/** A language reading as kept: the reasons of unhappiness are told from its signs. */
export interface KeptReading {
  readonly intent: Intent;
  readonly intentReasons: readonly string[];
  readonly signals: readonly UnhappySignal[];
  readonly needsReply: boolean;
  readonly needsReplyReason: string;
}

/**
 * Everything the assessment takes from a message's body, read once with the body (JSON-safe, no body text):
 * recognition's references, phrases and sender role, and the language reading twice, since the conversation can
 * change it: without the thread's sign (fewer than {@link THREAD_CHASING_MIN} earlier unanswered messages) and with
 * it (`chased`, the fields that differ, its signs told for {@link THREAD_CHASING_MIN}). A message that cannot be read
 * keeps the error, reported when it is assessed.
 */
export type BodyFacts =
  | {
      readonly text: RecognitionText;
      readonly reading: KeptReading;
      readonly chased: Partial<KeptReading> & { readonly signals: readonly UnhappySignal[] };
    }
  | { readonly error: string };

function keep(reading: MailReading): KeptReading {
  return {
    intent: reading.intent,
    intentReasons: reading.intentReasons,
    signals: reading.unhappySignals,
    needsReply: reading.needsReply,
    needsReplyReason: reading.needsReplyReason,
  };
}

/**
 * Reads the body of `message` once for {@link assessMessageFromFacts}: `owners` are the mailbox's owner addresses
 * (whose mail is "mine"), `index` the directory the facts hold for.
 */
export function readBodyFacts(message: MailMessage, index: DirectoryIndex, owners: readonly string[]): BodyFacts {
  try {
    const text = readRecognitionText(message, index, owners);
    const plain = keep(readMail(message, { thread: { earlierUnanswered: 0 } }));
    const chasedFull = keep(readMail(message, { thread: { earlierUnanswered: THREAD_CHASING_MIN } }));
    // Only what the thread's sign changes is kept twice.
    const chased = {
      signals: chasedFull.signals,
      ...(chasedFull.intent !== plain.intent ? { intent: chasedFull.intent } : {}),
      ...(chasedFull.intentReasons.join("\n") !== plain.intentReasons.join("\n") ? { intentReasons: chasedFull.intentReasons } : {}),
      ...(chasedFull.needsReply !== plain.needsReply ? { needsReply: chasedFull.needsReply } : {}),
      ...(chasedFull.needsReplyReason !== plain.needsReplyReason ? { needsReplyReason: chasedFull.needsReplyReason } : {}),
    };
    return { text, reading: plain, chased };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The reading `readMail` gives for the conversation `thread`, from kept facts: the thread's count enters the reading
 * only through its one sign (`threadChasingQuote`), so the reading kept for {@link THREAD_CHASING_MIN} is told again
 * with the true count.
 */
export function readingFromFacts(facts: Exclude<BodyFacts, { error: string }>, thread: ThreadContext): MailReading {
  const n = thread.earlierUnanswered;
  let kept: KeptReading = facts.reading;
  if (n >= THREAD_CHASING_MIN) {
    const quote = threadChasingQuote(THREAD_CHASING_MIN);
    const signals = facts.chased.signals.map((s) =>
      s.kind === "repeated chasing" && s.quote === quote ? { kind: s.kind, quote: threadChasingQuote(n) } : s,
    );
    kept = { ...facts.reading, ...facts.chased, signals };
  }
  return {
    intent: kept.intent,
    intentReasons: kept.intentReasons,
    unhappy: kept.signals.length > 0,
    unhappySignals: kept.signals,
    unhappyReasons: kept.signals.map(describeSignal),
    needsReply: kept.needsReply,
    needsReplyReason: kept.needsReplyReason,
  };
}
