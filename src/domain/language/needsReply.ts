import type { MailMessage } from "@domain/model/mail";
import { analyzeText } from "./analysis";
import type { TextAnalysis } from "./analysis";
import { automatedKind } from "./automated";
import { gatherEvidence } from "./readMail";
import type { MailEvidence } from "./readMail";

/** Whether a message calls for an answer, and a plain reason for the response clock to show. */
export interface NeedsReplyResult {
  readonly needsReply: boolean;
  readonly reason: string;
}

/** The writer says outright that no answer is wanted. */
const NO_REPLY_WANTED =
  /\b(?:no (?:need|reason) to (?:reply|respond|answer|get back)|no (?:reply|response|answer) (?:is )?(?:needed|necessary|required)|(?:you )?(?:don't|do not) need to (?:reply|respond|answer|get back)|(?:nothing|no action) (?:needed|required) (?:from you|on your part)|(?:just )?for your (?:information|records|files)(?: only)?\.?$|fyi only)\b/m;

/** Thanks and acknowledgements: on their own they need no answer. */
const ACK =
  /\b(?:thank|thanks|many thanks|cheers|appreciated?|noted|received|got it|understood|sounds good|that's fine|that is fine|that works|works for (?:me|us)|suits (?:me|us)|perfect|great|lovely|brilliant|will do|ok|okay|agreed|confirmed|makes sense|helpful)\b/;

/** True when some sentence of the text asks a question or makes a request of the reader. */
export function asksSomething(text: string, analysis?: TextAnalysis): { asks: boolean; cue: string } {
  for (const s of (analysis ?? analyzeText(text)).sentences) if (s.ask) return { asks: true, cue: s.ask };
  return { asks: false, cue: "" };
}

/**
 * The needs-reply reasons given in fixed words (a question's or request's reason is instead the words that ask). Kept
 * readings name these by their place in {@link FIXED_NEEDS_REPLY_REASONS}, so change or reorder none without raising
 * the kept facts' version (`BODY_FACTS_VERSION`); add new ones at the end.
 */
export const NEEDS_REPLY_REASON = {
  autoReply: "automatic reply or out-of-office",
  newsletter: "newsletter or mailing list",
  noReplySender: "sent from an address that takes no replies",
  readReceipt: "read receipt",
  bulk: "machine-generated mail",
  noReplyWanted: "the writer says no reply is needed",
  noNewText: "no new text",
  thanksOnly: "thanks or acknowledgement only",
  informationOnly: "information or confirmation with no question or request",
  complaint: "a complaint about the firm",
  statedRequest: "a request made as a statement",
} as const;

/** Every fixed reason of {@link NEEDS_REPLY_REASON}, in a stable order (their codes in kept readings). */
export const FIXED_NEEDS_REPLY_REASONS: readonly string[] = Object.values(NEEDS_REPLY_REASON);

const AUTOMATED_REASON: Record<string, string> = {
  "auto-reply": NEEDS_REPLY_REASON.autoReply,
  newsletter: NEEDS_REPLY_REASON.newsletter,
  "no-reply-sender": NEEDS_REPLY_REASON.noReplySender,
  "read-receipt": NEEDS_REPLY_REASON.readReceipt,
  bulk: NEEDS_REPLY_REASON.bulk,
};

/**
 * Does this message need an answer from the firm? False for automatic replies, receipts, newsletters,
 * thanks or acknowledgements only, "no need to reply", and confirmations or information that ask
 * nothing; true when the new text asks a question, makes a request or proposes something to answer.
 * `newText` defaults to the writer's own new text (quotes, signatures and forwarded text dropped:
 * a question inside a forwarded third-party message is not the client's question).
 */
export function needsReply(message: MailMessage, newText?: string, evidence?: MailEvidence): NeedsReplyResult {
  const kind = automatedKind(message);
  if (kind) return { needsReply: false, reason: AUTOMATED_REASON[kind] };
  const ev = evidence ?? gatherEvidence(message, newText === undefined ? {} : { text: newText });
  // Only the writer's own words: a question inside a forwarded third-party message is not the client's question.
  const norm = ev.ownAnalysis.norm;
  if (NO_REPLY_WANTED.test(norm)) return { needsReply: false, reason: NEEDS_REPLY_REASON.noReplyWanted };
  const { asks, cue } = asksSomething(ev.ownText, ev.ownAnalysis);
  if (asks) return { needsReply: true, reason: cue };
  if (norm.trim() === "") return { needsReply: false, reason: NEEDS_REPLY_REASON.noNewText };
  if (ACK.test(norm)) return { needsReply: false, reason: NEEDS_REPLY_REASON.thanksOnly };
  return { needsReply: false, reason: NEEDS_REPLY_REASON.informationOnly };
}
