import type { MailMessage } from "@domain/model/mail";
import { classifyIntent } from "./intent";
import type { Intent } from "./intentTypes";
import { NEEDS_REPLY_REASON, needsReply } from "./needsReply";
import type { NeedsReplyResult } from "./needsReply";
import { gatherEvidence } from "./readMail";
import { isNewWork } from "./newWork";
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
  /** The writer asks for new work, surely enough for recognition to keep it off an open matter (`isNewWork`). */
  readonly newWork: boolean;
  /**
   * The intent when recognition puts the mail on a matter the firm already has: a new enquiry the reading is not sure
   * of ({@link readingOnOpenMatter}) gives way to the next most likely intent. The same as `intent` otherwise.
   */
  readonly intentOnOpenMatter: Intent;
}

/** Why a new enquiry the words suggested was read as about the matter the mail was put on. */
export const ON_OPEN_MATTER_REASON = "about a matter the firm already has, not new work";

/**
 * The reading of a message that recognition (or the user's filing) puts on an existing matter. A request for new work
 * that the reading is sure of (`newWork`) stays one: recognition only files such mail by a reference or its thread. A
 * new enquiry it is not sure of is the writer asking about that matter (on the read firms, every new enquiry read
 * in mail put on an existing matter was a question about it: a settlement offer, a cost question, a records request,
 * and no true new enquiry was), so the next most likely intent is taken. Whether it needs a reply does not change:
 * that was read from the words.
 */
export function readingOnOpenMatter(reading: MailReading): MailReading {
  if (reading.intentOnOpenMatter === reading.intent) return reading;
  return { ...reading, intent: reading.intentOnOpenMatter, intentReasons: [ON_OPEN_MATTER_REASON] };
}

/**
 * Intents that ask the firm for something: an answer, a document, a figure, new work, action by a date. Not
 * scheduling: "Thursday 11 works" accepts a time and asks nothing (a proposal of a time is found as a proposal).
 */
const ASKING_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  "status_request",
  "document_request",
  "billing_question",
  "new_matter_inquiry",
  "urgent_deadline",
]);

/**
 * How sure the intent model must be of an asking intent to find a request no sentence makes outright. Chosen on six
 * writers no model had seen (w27-w32: needs-reply F1 0.915 -> 0.950), confirmed on six more (w33-w38: 0.955 -> 0.966)
 * and by leaving each of forty writers out (0.932 -> 0.957); see docs/language.md, "Forty writers".
 */
export const STATED_REQUEST_CONFIDENCE = 0.5;

/**
 * Whether the message needs a reply once its intent is known. A complaint about the firm always does, even when it
 * asks nothing. So does a request made as a statement ("need that lease back by friday", "the invoice, was that meant
 * to be 2 grand"): no sentence asks, but the intent model is sure (`confidence`) the message asks for something. Only
 * where the reading found thanks or plain information: never against "no need to reply", an automatic reply or a
 * message with no new text. (Training's leave-one-writer-out decides with this too.)
 */
export function replyWithIntent(reply: NeedsReplyResult, intent: Intent, confidence: number, automated: boolean): NeedsReplyResult {
  if (reply.needsReply || automated) return reply;
  if (intent === "complaint") return { needsReply: true, reason: NEEDS_REPLY_REASON.complaint };
  if (reply.reason !== NEEDS_REPLY_REASON.thanksOnly && reply.reason !== NEEDS_REPLY_REASON.informationOnly) return reply;
  if (ASKING_INTENTS.has(intent) && confidence >= STATED_REQUEST_CONFIDENCE)
    return { needsReply: true, reason: NEEDS_REPLY_REASON.statedRequest };
  return reply;
}

/**
 * Reads one message once: intent, unhappiness with the firm and whether it needs a reply, all from the same
 * evidence (see {@link gatherEvidence}; the reply with the intent, see {@link replyWithIntent}).
 * `options.thread` passes what the conversation knows: earlier unanswered messages from the same client.
 */
export function readMail(message: MailMessage, options: EvidenceOptions = {}): MailReading {
  const evidence = gatherEvidence(message, options);
  const intent = classifyIntent(evidence.text, message.subject, message, evidence);
  const reply = replyWithIntent(
    needsReply(message, evidence.text, evidence),
    intent.intent,
    intent.scores[intent.intent],
    evidence.automated !== null,
  );
  const newWork = isNewWork(intent);
  return {
    intent: intent.intent,
    intentReasons: intent.cues.map((c) => c.slice(c.indexOf(":") + 2)),
    unhappy: evidence.signals.length > 0,
    unhappySignals: evidence.signals,
    unhappyReasons: evidence.signals.map(describeSignal),
    needsReply: reply.needsReply,
    needsReplyReason: reply.reason,
    newWork,
    // `aboutOpenMatter` is the intent itself unless that is a new enquiry; only a sure one (new work) stays.
    intentOnOpenMatter: newWork ? intent.intent : intent.aboutOpenMatter,
  };
}
