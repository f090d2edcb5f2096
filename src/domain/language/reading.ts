import type { MailMessage } from "@domain/model/mail";
import { classifyIntent } from "./intent";
import type { Intent } from "./intentTypes";
import { NEEDS_REPLY_REASON, needsReply } from "./needsReply";
import { gatherEvidence } from "./readMail";
import type { EvidenceOptions } from "./readMail";
import { describeSignal } from "./tone";
import type { UnhappySignal } from "./unhappySignals";

/** Everything the language reading decides about one message, each decision with its reasons. */
export interface MailReading {
  readonly intent: Intent;
  /** Why this intent: the rule, or the features that pushed it most. */
  readonly intentReasons: readonly string[];
  /** The client is unhappy with the firm or its service. */
  readonly unhappy: boolean;
  /** The signs that say so, in the client's words (empty when not unhappy). */
  readonly unhappySignals: readonly UnhappySignal[];
  /** The same signs as lines of explanation, e.g. `repeated chasing: "the third time i have asked"`. */
  readonly unhappyReasons: readonly string[];
  readonly needsReply: boolean;
  readonly needsReplyReason: string;
}

/**
 * Reads one message once: intent, unhappiness with the firm and whether it needs a reply, all from the same
 * evidence (see {@link gatherEvidence}). A complaint about the firm always needs an answer, even when it asks nothing.
 * `options.thread` passes what the conversation knows: earlier unanswered messages from the same client.
 */
export function readMail(message: MailMessage, options: EvidenceOptions = {}): MailReading {
  const evidence = gatherEvidence(message, options);
  const intent = classifyIntent(evidence.text, message.subject, message, evidence);
  const reply = needsReply(message, evidence.text, evidence);
  const unhappy = evidence.signals.length > 0;
  const complaintNeedsAnswer = intent.intent === "complaint" && !reply.needsReply && evidence.automated === null;
  return {
    intent: intent.intent,
    intentReasons: intent.cues.map((c) => c.slice(c.indexOf(":") + 2)),
    unhappy,
    unhappySignals: evidence.signals,
    unhappyReasons: evidence.signals.map(describeSignal),
    needsReply: reply.needsReply || complaintNeedsAnswer,
    needsReplyReason: complaintNeedsAnswer ? NEEDS_REPLY_REASON.complaint : reply.reason,
  };
}
