import { cues, normalizeText, scoreCues } from "./cues";
import type { Cue } from "./cues";
import type { Intent } from "./intentTypes";

/**
 * Hand-written cue phrases per intent, written for client mail to any law firm. The learned intent model reads which
 * of them fired as features (beside words and sentence topics), so its reasons can name them.
 */
const WEEKDAY = "(?:mon|tues|wednes|thurs|fri|satur|sun)day";

/** Cue lists per intent (the weights rank them for reading; the model learns its own). Lower-cased text, plain quotes. */
export const BODY_CUES: Record<Exclude<Intent, "other" | "auto_reply" | "complaint">, Cue[]> = {
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
      /\b(?:is|are) (?:the|our|my|it|this|they|we) (?:[\w&'-]+ ){0,3}(?:ready|final|finalised|finalized|done|signed|sent|filed|issued|approved|on track|agreed)\b/,
      2,
      "asks whether something is ready",
      "in question",
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
      new RegExp(`\\b${WEEKDAY}(?: \\d{1,2}(?:st|nd|rd|th)?(?: [a-z]+)?)? at \\d{1,2}(?:[.:]\\d{2})?`),
      2,
      "proposes a day and time",
      "in question",
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
export const SUBJECT_CUES: Partial<Record<Intent, Cue[]>> = {
  urgent_deadline: cues([[/\b(?:urgent|asap|deadline|time[- ]sensitive)\b/, 2, "subject says urgent"]]),
  billing_question: cues([[/\b(?:invoice|bill|fees|costs|estimate)\b/, 1.5, "subject about fees"]]),
  scheduling: cues([[/\b(?:call|meeting|appointment|availability|reschedul\w*)\b/, 1, "subject about a meeting"]]),
  status_request: cues([[/\b(?:update|progress|status|next steps|any news|final)\b/, 1, "subject asks for progress"]]),
  document_request: cues([[/\b(?:copy|copies|documents? (?:needed|required|request))\b/, 1, "subject asks for documents"]]),
  new_matter_inquiry: cues([[/\b(?:can you help|enquiry|inquiry|new matter|instruction)\b/, 1.5, "subject is an enquiry"]]),
};

/**
 * The hand-written cues that fire on a normalised text and subject, as "intent:label" names: the learned intent
 * model reads them as features beside the words, so its decisions can name them.
 */
export function intentCueLabels(norm: string, subject: string): string[] {
  const subj = normalizeText(subject).replace(/^(?:\s*(?:re|fw|fwd|aw|sv|tr)\s*:\s*)+/, "");
  const out: string[] = [];
  for (const intent of Object.keys(BODY_CUES) as Array<keyof typeof BODY_CUES>) {
    const local: string[] = [];
    scoreCues(norm, BODY_CUES[intent], local, true);
    const subjectCues = SUBJECT_CUES[intent];
    if (subjectCues) scoreCues(subj, subjectCues, local);
    for (const label of local) out.push(`${intent}:${label}`);
  }
  if (
    /\b(?:out of (?:the )?office|on (?:annual |parental |maternity |paternity )?leave (?:until|till)|limited access to e-?mail|automatic(?:ally)? (?:reply|response|generated)|automated (?:reply|response|message))\b/.test(
      norm,
    )
  ) {
    out.push("auto_reply:out-of-office wording");
  }
  return out;
}
