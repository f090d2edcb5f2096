import { scoreCues, normalizeText } from "./cues";
import { BODY_CUES, SUBJECT_CUES } from "./intentCues";
import { INTENTS } from "./intentTypes";
import type { Intent } from "./intentTypes";

/** Below this score nothing specific is asked: the message is "other" (legal questions, news, comments). */
const THRESHOLD = 2.5;
/** A thank-you note is short; past this many words the message carries information of its own. */
const THANKS_ONLY_MAX_WORDS = 45;

/** Which of several strong intents answers first when scores tie: what the reply must lead with. */
const PRIORITY: readonly Intent[] = [
  "urgent_deadline",
  "billing_question",
  "new_matter_inquiry",
  "document_request",
  "scheduling",
  "status_request",
  "documents_sent",
  "thanks_ack",
];

function emptyScores(): Record<Intent, number> {
  const scores = {} as Record<Intent, number>;
  for (const intent of INTENTS) scores[intent] = 0;
  return scores;
}

/**
 * The hand-written rule decision over the cue lists, read by the learned model as one more feature. Rules, in
 * order: automatic replies; complaints (unhappy with the firm); thanks or acknowledgement when nothing is asked;
 * then the highest weighted cue score, ties broken by PRIORITY; "other" when no intent reaches the threshold.
 */
export function ruleIntent(norm: string, subject: string, unhappy: readonly string[], asks: boolean): Intent {
  const scores = emptyScores();
  const subj = normalizeText(subject).replace(/^(?:\s*(?:re|fw|fwd|aw|sv|tr)\s*:\s*)+/, "");

  if (unhappy.length > 0) {
    scores.complaint = 3 + unhappy.length;
  }
  if (/\b(?:i|we) (?:want|wish|would like) to (?:make|raise|lodge) a (?:formal )?complaint\b|\bformal complaint\b/.test(norm)) {
    scores.complaint += 3;
  }

  for (const intent of Object.keys(BODY_CUES) as Array<keyof typeof BODY_CUES>) {
    const local: string[] = [];
    scores[intent] += scoreCues(norm, BODY_CUES[intent], local, true);
    const subjectCues = SUBJECT_CUES[intent];
    if (subjectCues) scores[intent] += scoreCues(subj, subjectCues, local);
  }

  if (/\b(?:out of (?:the )?office|on (?:annual )?leave until|limited access to e-?mail)\b/.test(norm) && !asks && norm.length < 800) {
    scores.auto_reply = 3;
    return "auto_reply";
  }
  if (scores.complaint >= 3) return "complaint";
  // An enquiry about new work often asks the price too; it is still an enquiry first.
  if (scores.new_matter_inquiry >= THRESHOLD) return "new_matter_inquiry";
  // Thanks only when nothing else is asked: a thanks with a question is about the question.
  // And only when the thanks is the point: a long report that opens with "thanks for the call" is information.
  const words = norm.split(/\s+/).filter(Boolean).length;
  if (!asks && words <= THANKS_ONLY_MAX_WORDS) {
    scores.thanks_ack += 1;
    if (scores.thanks_ack >= 2.5 && scores.thanks_ack >= Math.max(scores.scheduling, scores.documents_sent, scores.urgent_deadline)) {
      return "thanks_ack";
    }
  } else {
    scores.thanks_ack = 0;
  }

  let best: Intent = "other";
  let bestScore = THRESHOLD - 1e-9;
  for (const intent of PRIORITY) {
    if (scores[intent] > bestScore) {
      best = intent;
      bestScore = scores[intent];
    }
  }
  return best;
}
