import type { MailMessage } from "@domain/model/mail";
import { splitMessageText } from "@domain/text/newText";
import { automatedKind } from "./automated";
import { normalizeText, sentences } from "./cues";
import { isCourtesy, requestIn } from "./requests";

/** Whether a message calls for an answer, and a plain reason for the response clock to show. */
export interface NeedsReplyResult {
  readonly needsReply: boolean;
  readonly reason: string;
}

/** The writer says outright that no answer is wanted. */
const NO_REPLY_WANTED =
  /\b(?:no (?:need|reason) to (?:reply|respond|answer|get back)|no (?:reply|response|answer) (?:is )?(?:needed|necessary|required)|(?:you )?(?:don't|do not) need to (?:reply|respond|answer|get back)|(?:nothing|no action) (?:needed|required) (?:from you|on your part)|(?:just )?for your (?:information|records|files)(?: only)?\.?$|fyi only)\b/m;

/**
 * Requests and proposals addressed to the firm. Each names an action the reader should take or a
 * question to answer; "please go ahead" is an instruction that needs no answer, so "please" alone is not enough.
 */
const REQUEST =
  /\b(?:(?:can|could|would|will) (?:you|we|i|someone)(?: please| kindly)? (?:\w+)|(?:please|pls|kindly) (?:(?:could|can|would) you |just )?(?:send|let|confirm|call|ring|phone|advise|explain|tell|check|update|get back|come back|contact|review|look|forward|provide|arrange|draft|prepare|give|email|e-mail|reply|respond|answer|chase|sort|deal|file|book|set up|schedule|find out|share|sign|ensure|make sure|note that i|don't agree|do not agree|don't sign|can you|could you)|let (?:me|us) know|(?:i|we)(?: need| want| would like|'d like|'d appreciate| would appreciate| must have| need you) to (?:know|hear|speak|talk|meet|understand|see|discuss|have|get|receive)|(?:i|we)(?: need| would like|'d like| want) (?:\w+ )?(?:to call|to ring|to phone|you to|a call|an update|a copy|a response|a reply|an answer|an estimate|a quote|confirmation|advice)|(?:give|drop) (?:me|us) a (?:call|ring|line|bell)|call me|ring me|phone me|get back to (?:me|us)|come back to (?:me|us) (?:on|about|with|today|tomorrow|asap|by)|awaiting your|look(?:ing)? forward to (?:hearing|your (?:reply|response|thoughts|advice|comments))|i'd be grateful if|we'd be grateful if|i would be grateful if|we would be grateful if|i should be grateful|your (?:thoughts|advice|views|comments) (?:on|would|please)|is that (?:ok|okay|alright|all right|possible)|does that work|what do you (?:think|suggest|recommend|advise)|how (?:do|should|can) (?:i|we) )/;

/** Thanks and acknowledgements: on their own they need no answer. */
const ACK =
  /\b(?:thank|thanks|many thanks|cheers|appreciated?|noted|received|got it|understood|sounds good|that's fine|that is fine|that works|works for (?:me|us)|suits (?:me|us)|perfect|great|lovely|brilliant|will do|ok|okay|agreed|confirmed|makes sense|helpful)\b/;

/** True when some sentence of the text asks a question or makes a request of the reader. */
export function asksSomething(text: string): { asks: boolean; cue: string } {
  const norm = normalizeText(text);
  for (const s of sentences(norm)) {
    // A question mark counts unless it only closes a rhetorical "… isn't it?" tag.
    if (s.endsWith("?") && !/\b(?:isn't it|aren't they|wasn't it|right)\?$/.test(s))
      return { asks: true, cue: `question: "${s.slice(0, 60)}"` };
    // "If you have any questions, please call me" offers help; it does not ask anything.
    if (isCourtesy(s)) continue;
    const m = REQUEST.exec(s);
    if (m) return { asks: true, cue: `request: "${m[0].trim()}"` };
    const general = requestIn(s);
    if (general) return { asks: true, cue: `request: ${general}` };
  }
  return { asks: false, cue: "" };
}

const AUTOMATED_REASON: Record<string, string> = {
  "auto-reply": "automatic reply or out-of-office",
  newsletter: "newsletter or mailing list",
  "no-reply-sender": "sent from an address that takes no replies",
  "read-receipt": "read receipt",
  bulk: "machine-generated mail",
};

/**
 * Does this message need an answer from the firm? False for automatic replies, receipts, newsletters,
 * thanks or acknowledgements only, "no need to reply", and confirmations or information that ask
 * nothing; true when the new text asks a question, makes a request or proposes something to answer.
 * `newText` defaults to the writer's own new text (quotes, signatures and forwarded text dropped:
 * a question inside a forwarded third-party message is not the client's question).
 */
export function needsReply(message: MailMessage, newText?: string): NeedsReplyResult {
  const kind = automatedKind(message);
  if (kind) return { needsReply: false, reason: AUTOMATED_REASON[kind] };
  let text = newText;
  if (text === undefined) {
    const parts = splitMessageText(message.bodyText, message.subject);
    text = parts.newText || parts.forwarded;
  }
  const norm = normalizeText(text);
  if (NO_REPLY_WANTED.test(norm)) return { needsReply: false, reason: "the writer says no reply is needed" };
  const { asks, cue } = asksSomething(text);
  if (asks) return { needsReply: true, reason: cue };
  if (norm.trim() === "") return { needsReply: false, reason: "no new text" };
  if (ACK.test(norm)) return { needsReply: false, reason: "thanks or acknowledgement only" };
  return { needsReply: false, reason: "information or confirmation with no question or request" };
}
