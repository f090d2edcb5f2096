import type { MailMessage } from "@domain/model/mail";
import { automatedKind } from "./automated";
import { cues, normalizeText, scoreCues } from "./cues";
import type { Cue } from "./cues";
import { INTENTS } from "./intentTypes";
import type { Intent } from "./intentTypes";
import { asksSomething } from "./needsReply";
import { negativeTone } from "./tone";

/** The intent chosen, every intent's score, and the cues that explain it. */
export interface IntentResult {
  readonly intent: Intent;
  readonly scores: Record<Intent, number>;
  readonly cues: string[];
}

const WEEKDAY = "(?:mon|tues|wednes|thurs|fri|satur|sun)day";

/**
 * Weighted cue lists per intent, written for client mail to any law firm. Weights: 3 = says the
 * intent by itself, 2 = strong, 1 = supporting. Patterns run on lower-cased text with plain quotes.
 */
const BODY_CUES: Record<Exclude<Intent, "other" | "auto_reply" | "complaint">, Cue[]> = {
  status_request: cues([
    [
      /\b(?:any (?:update|news|progress|word)|an update on|update me|keep (?:me|us) (?:updated|posted|informed))\b/,
      3,
      "asks for an update",
    ],
    [/\b(?:have|has) (?:we|you|they|anyone) (?:heard|had) (?:anything|any|back|from)\b/, 3, "asks whether anything was heard"],
    [
      /\bwhere (?:are|do) (?:we|things) (?:stand|with|up to)\b|\bwhat(?:'s| is) (?:the )?(?:latest|status|position|progress)\b|\bhow (?:is|are) (?:things|it|the \w+) (?:going|progressing|coming along)\b/,
      3,
      "asks where things stand",
    ],
    [/\bwhat happens (?:next|now)\b|\bnext steps?\b|\bwhat(?:'s| is) the next step\b/, 2.5, "asks what happens next"],
    [
      /\bwhen (?:will|can|should|do) (?:[\w'-]+ ){1,4}(?:done|finished|wrapped up|completed?|complete|ready|sorted|resolved|hear|know|exchange|move)\b|\bhow long (?:will|does|is|should)\b/,
      1.5,
      "asks when",
    ],
    [
      /\b(?:is|are) (?:the|our|my|it|this|they|we) (?:[\w&'-]+ ){0,3}(?:ready|final|finalised|finalized|done|signed|sent|filed|issued|approved|on track|agreed)\b[^.?!]*\?/,
      2,
      "asks whether something is ready",
    ],
    [
      /\b(?:will|would|does|could) (?:that|this|it) (?:hold (?:things )?up|delay|affect|change|mean)\b/,
      2.5,
      "asks about the effect on progress",
    ],
    [
      /\bdoes (?:this|that) mean (?:we|i) can\b|\bcan we (?:now )?(?:exchange|complete|proceed|go ahead|move forward)\b/,
      2,
      "asks whether it can proceed",
    ],
    [/\bstill (?:waiting|no sign)|\bnot heard (?:anything|back)\b|\bhaven't heard\b/, 1, "still waiting"],
  ]),
  document_request: cues([
    [
      /\b(?:send|email|e-mail|forward) (?:me|us|over)? ?(?:a |the )?(?:copy|copies|pdf|scan|version|draft|signed|final|original|document|documents|paperwork|contract|agreement|letter|form|forms)\b/,
      3,
      "asks to be sent a document",
    ],
    [/\b(?:need|needs|want|would like) (?:a |the )?(?:copy|copies|pdf|scan) of\b/, 3, "needs a copy"],
    [/\b(?:let (?:me|us) have|provide (?:me|us) with) (?:a |the )?(?:copy|draft|final|signed)\b/, 2, "asks for a document"],
    [/\bcan't find (?:the|my|our) copy\b|\bwhere can i find\b/, 1, "cannot find the document"],
  ]),
  documents_sent: cues([
    [
      /\b(?:attached|attaching|enclosed|enclosing|please find|here (?:is|are) the|i've (?:uploaded|attached|sent|scanned)|i have (?:uploaded|attached|sent|scanned)|have (?:now )?uploaded|uploaded (?:the|it|them|to)|scan attached|in the (?:shared|secure) (?:folder|link|portal|drive)|in the post\b)/,
      3,
      "says documents are attached or sent",
    ],
    [
      /\b(?:signed|completed) (?:\w+ )?(?:contract|form|forms|documents?|copy|agreement|transfer) (?:attached|enclosed|uploaded|sent|is in|are in)\b/,
      2,
      "signed documents sent",
    ],
    [/\b(?:copy|scan|photo|pdf) of (?:the|my|our)\b/, 1, "a copy of a document"],
  ]),
  scheduling: cues([
    [
      /\b(?:can|could|shall) we (?:meet|speak|talk|have a call|arrange a call|fix a time|find a time|set up a (?:call|meeting))\b|\b(?:arrange|book|set up|schedule|fix) (?:a |the )?(?:call|meeting|appointment|time)\b/,
      3,
      "proposes a call or meeting",
    ],
    [
      /\b(?:give me a (?:call|ring)|call me|ring me|phone me|quick call|phone call|a call (?:today|tomorrow|this week)|speak (?:today|tomorrow|this week|on (?:the )?phone))\b/,
      3,
      "asks for a call",
    ],
    [
      new RegExp(
        `\\b(?:${WEEKDAY}|tomorrow|today)(?: \\d{1,2}(?:st|nd|rd|th)?)?(?: \\w+)?(?: at \\d{1,2}(?:[.:]\\d{2})?(?: ?[ap]m)?| \\d{1,2}(?:[.:]\\d{2})? ?[ap]m)?(?: at yours| at your office)? (?:works|suits|is fine|is good|would work|would suit)\\b`,
      ),
      3,
      "accepts a time",
    ],
    [
      /\b(?:works|suits) (?:for )?(?:me|us|us both|me fine)\b|\b(?:i'm|i am|we're|we are) (?:free|available) (?:on|between|from|at|any)\b|\bcould i come (?:in|by|to)\b|\bcome in (?:to|on)\b/,
      2,
      "offers availability",
    ],
    [
      /\b(?:dates? to avoid|unavailable|not available|can't do|cannot do|reschedule|re-arrange|rearrange|move the (?:\w+ )?(?:date|hearing|meeting|appointment)|postpone|adjourn)\b/,
      2.5,
      "dates and availability",
    ],
    [
      /\b(?:could|can|would) you (?:come|attend|join (?:us|the)|be there|make it)\b|\bif you could (?:come|attend|join)\b/,
      2.5,
      "asks the firm to attend",
    ],
    [
      new RegExp(`\\b${WEEKDAY}(?: \\d{1,2}(?:st|nd|rd|th)?(?: [a-z]+)?)? at \\d{1,2}(?:[.:]\\d{2})?[^.?!]*\\?`),
      2,
      "proposes a day and time",
    ],
    [
      new RegExp(`\\b(?:meeting|appointment|hearing date|court date|diary|calendar|availability|(?:meet|meets|meeting) on ${WEEKDAY})\\b`),
      1,
      "mentions a meeting or date",
    ],
  ]),
  billing_question: cues([
    [
      /\b(?:your|the|this|our|last|latest) (?:invoice|bill|fee note|statement of account)\b|\binvoice (?:no\.? ?)?\d+\b/,
      3,
      "about an invoice",
    ],
    [
      /\b(?:fees?|costs?|estimate|quote|quotation|charges?|price|how much|budget|fee cap|cap on (?:the )?fees|hourly rate|retainer|payment on account|billed|billing)\b/,
      1.5,
      "about fees or costs",
    ],
    [
      /\b(?:what will (?:it|this|that) cost|how much will|estimate of (?:your|the) (?:total )?(?:fees|costs)|total (?:cost|fees)|explain the (?:\d+(?:\.\d+)? )?hours|overcharg|refund|discount)\b/,
      2,
      "asks about the cost",
    ],
  ]),
  thanks_ack: cues([
    [/\b(?:thank you|thanks|many thanks|thank u|cheers|much appreciated|really appreciate|appreciate (?:it|this|your))\b/, 2, "thanks"],
    [
      /\b(?:that's fine|that is fine|sounds good|makes sense|perfect|noted|will do|got it|understood|that's helpful|really helpful|very helpful|that is a relief|great news|yes please|please go ahead|go ahead)\b/,
      1.5,
      "acknowledges",
    ],
  ]),
  urgent_deadline: cues([
    [
      /\b(?:urgent|urgently|asap|as soon as possible|immediately|time[- ]sensitive|time is (?:short|running out)|running out of time)\b/,
      2,
      "says it is urgent",
    ],
    [
      /\b(?:deadline|expires?|expiring|lapses?|withdrawn|time limit|last day|cut-?off|no later than|within \d+ days)\b/,
      2,
      "names a deadline",
    ],
    [
      /\b(?:before|by) (?:the )?\d{1,2}(?:st|nd|rd|th)\b|\bby \d{1,2}(?:[.:]\d{2})? ?[ap]m\b|\bby (?:close of business|end of (?:the )?day|cob|eod)\b/,
      1,
      "a date it must be done by",
    ],
    [new RegExp(`\\b(?:by|before|until) (?:this |next )?(?:${WEEKDAY}|tomorrow|today|tonight)\\b|\\b(?:today|tomorrow)\\b`), 0.5, "soon"],
  ]),
  new_matter_inquiry: cues([
    [
      /\b(?:can|could|would) you (?:help|act|advise|represent|take (?:this|it|us|me) on)\b|\bare you able to (?:help|act|advise)\b|\bdo you (?:handle|deal with|do|act|cover|take on)\b/,
      3,
      "asks whether the firm can act",
    ],
    [
      /\b(?:found your (?:name|firm|details|website)|recommended (?:you|your firm)|looking for a (?:solicitor|lawyer|attorney)|(?:new|fresh) (?:instruction|matter|case)|(?:like|want) to instruct|(?:like|want) (?:you|your firm) to act|(?:helped|acted for) (?:me|us) (?:with|on|before|last)|how do i go about)\b/,
      2,
      "a new instruction or enquiry",
    ],
    [/\b(?:would like|want|need) to (?:change|update|make|write|start|bring|sell|buy)\b/, 1, "wants something new done"],
  ]),
};

/** Subject words: weaker than the text, but a subject like "URGENT" or "Invoice" says a lot. */
const SUBJECT_CUES: Partial<Record<Intent, Cue[]>> = {
  urgent_deadline: cues([[/\b(?:urgent|asap|deadline|time[- ]sensitive)\b/, 2, "subject says urgent"]]),
  billing_question: cues([[/\b(?:invoice|bill|fees|costs|estimate)\b/, 1.5, "subject about fees"]]),
  scheduling: cues([[/\b(?:call|meeting|appointment|availability|reschedul\w*)\b/, 1, "subject about a meeting"]]),
  status_request: cues([[/\b(?:update|progress|status|next steps|any news|final)\b/, 1, "subject asks for progress"]]),
  document_request: cues([[/\b(?:copy|copies|documents? (?:needed|required|request))\b/, 1, "subject asks for documents"]]),
  new_matter_inquiry: cues([[/\b(?:can you help|enquiry|inquiry|new matter|instruction)\b/, 1.5, "subject is an enquiry"]]),
};

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
 * Classifies what a client message asks of the firm, from its NEW text (pass `newTextOf(body)`) and
 * subject. Rules, in order: automatic replies; complaints (negative tone about the firm); thanks or
 * acknowledgement when nothing is asked; then the highest weighted cue score, with ties broken by
 * PRIORITY; "other" when no intent reaches the threshold. `cues` lists the evidence, intent-tagged.
 */
export function classifyIntent(text: string, subject: string, message?: MailMessage): IntentResult {
  const scores = emptyScores();
  const found: string[] = [];
  if (message && automatedKind(message) === "auto-reply") {
    scores.auto_reply = 10;
    return { intent: "auto_reply", scores, cues: ["auto_reply: automatic reply headers or subject"] };
  }
  const norm = normalizeText(text);
  const subj = normalizeText(subject).replace(/^(?:\s*(?:re|fw|fwd|aw|sv|tr)\s*:\s*)+/, "");

  const tone = negativeTone(text);
  if (tone.negative) {
    scores.complaint = 3 + tone.cues.length;
    found.push(...tone.cues.map((c) => `complaint: ${c}`));
  }
  if (/\b(?:i|we) (?:want|wish|would like) to (?:make|raise|lodge) a (?:formal )?complaint\b|\bformal complaint\b/.test(norm)) {
    scores.complaint += 3;
    found.push("complaint: says it is a complaint");
  }

  for (const intent of Object.keys(BODY_CUES) as Array<keyof typeof BODY_CUES>) {
    const local: string[] = [];
    scores[intent] += scoreCues(norm, BODY_CUES[intent], local, true);
    const subjectCues = SUBJECT_CUES[intent];
    if (subjectCues) scores[intent] += scoreCues(subj, subjectCues, local);
    found.push(...local.map((c) => `${intent}: ${c}`));
  }

  const asks = asksSomething(text).asks;
  if (/\b(?:out of (?:the )?office|on (?:annual )?leave until|limited access to e-?mail)\b/.test(norm) && !asks && norm.length < 800) {
    scores.auto_reply = 3;
    found.push("auto_reply: out-of-office wording");
    return { intent: "auto_reply", scores, cues: found };
  }
  if (scores.complaint >= 3) return { intent: "complaint", scores, cues: found };
  // An enquiry about new work often asks the price too; it is still an enquiry first.
  if (scores.new_matter_inquiry >= THRESHOLD) return { intent: "new_matter_inquiry", scores, cues: found };
  // Thanks only when nothing else is asked: a thanks with a question is about the question.
  // And only when the thanks is the point: a long report that opens with "thanks for the call" is information.
  const words = norm.split(/\s+/).filter(Boolean).length;
  if (!asks && words <= THANKS_ONLY_MAX_WORDS) {
    scores.thanks_ack += 1;
    if (scores.thanks_ack >= 2.5 && scores.thanks_ack >= Math.max(scores.scheduling, scores.documents_sent, scores.urgent_deadline)) {
      return { intent: "thanks_ack", scores, cues: found };
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
  if (best === "other") found.push("other: no intent reached the threshold");
  return { intent: best, scores, cues: found };
}
