import type { SentenceInfo } from "./analysis";

/**
 * What a sentence is about, by the vocabulary of a law firm's client mail: progress, documents, meetings, money,
 * deadlines, new work, sending papers, thanks. Topics of the sentences that ASK something say what the client wants
 * (the intent); topics of the others say what the message is about. Each pattern is linear: alternations of words.
 */
export type Topic =
  "status" | "document" | "meeting" | "when" | "money" | "deadline" | "new-work" | "sending" | "thanks" | "advice" | "instruction";

const TOPICS: ReadonlyArray<readonly [Topic, RegExp]> = [
  [
    "status",
    /\b(?:yet|update|updates|news|progress|movement|position|status|stand|stands|happening|heard|hear back|come back|came back|got back|arrived|replied|responded|response|gone (?:in|out|off|through)|go out|went out|ready|finished|complete|completed|sorted|in hand|realistic|on track|still on|done|lodged|filed|registered|submitted|issued|approved|signed|exchanged|where (?:are|do|is) (?:we|things|it|matters)|where things|got to|any word|any luck|ever (?:file|reply|respond|send|sign)|managed to)\b/,
  ],
  [
    "document",
    /\b(?:copy|copies|document|documents|draft|version|letter|contract|agreement|lease|statement|form|report|template|file|certificate|order|minutes|plan|deed|grant|passport|checklist|list of|correspondence|in writing|paperwork|pdf|word doc|scan|original|originals|marked-up|engagement letter|title)\b/,
  ],
  [
    "meeting",
    /\b(?:meet|meeting|meetings|call|appointment|visit|come in|come into|pop in|drop (?:them|it|in|by)|available|availability|are you free|free (?:on|at|for) (?:a|the|monday|tuesday|wednesday|thursday|friday)|diary|slot|reschedule|rescheduled|rearrange|re-arrange|postpone|works for (?:me|us|you)|work for you|suits (?:me|us|you)|if (?:\w+ )?suits|attend|teams|zoom|video call|coffee|get together|catch up|in person|find a time|set up a|speak|talk|chat|give (?:me|us|you) a (?:call|ring|bell)|ring (?:me|us|you)|phone (?:me|us|you)|free (?:between|from|after|before|all|any|today|tomorrow|this|next)|(?:i'm|i am|we're|we are) (?:free|around)|(?:can't|cannot|can not|couldn't|won't be able to) (?:do|make) (?:it|that|the|this|\d|monday|tuesday|wednesday|thursday|friday|next))\b/,
  ],
  [
    "when",
    /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|next week|this week|tomorrow|\d{1,2}(?:[.:]\d{2})? ?(?:am|pm)|noon|any day|any time)\b/,
  ],
  [
    "money",
    /\b(?:invoice|invoices|bill|billed|bills|fee|fees|cost|costs|charge|charges|charged|quote|quotation|estimate|pay|paying|payment|paid|on account|vat|receipt|instalments?|legal aid|fixed fee|budget|spent|price|how much|afford|refund|disbursements?|success fee|funds|deposit|transfer the|no win no fee)\b|[£$€]\d/,
  ],
  [
    "deadline",
    /\b(?:deadline|deadlines|expires|expire|expired|expiring|expiry|lapse|lapses|withdraw|withdrawn|at the latest|urgent|urgently|asap|as soon as possible|in time|before then|by (?:monday|tuesday|wednesday|thursday|friday|tomorrow|today|tonight|the end of|end of|close of|\d)|before (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d|\d)|\d+ days|running out|time limit|penalty|overdue|today|tomorrow)\b/,
  ],
  [
    "new-work",
    /\b(?:can you help|could you help|can someone help|could someone help|help (?:me|us) (?:with|get)|do you (?:take on|handle|deal with|do|act)|take (?:on|it on|this on|my case|the case)|is (?:this|that|it) something (?:you|your)|act for|represent|a solicitor|a lawyer|looking for|need (?:a|some) (?:solicitor|lawyer|advice)|gave me your name|recommended (?:you|your)|another one for you|new (?:matter|case|piece of work|instruction)|separate piece of work|would like to (?:make|set up|start|bring)|quote for|make an appointment|too small|worth (?:taking|pursuing)|no win no fee|how do i go about|first (?:time|home|flat)|(?:able|willing) to (?:assist|help|act|take (?:it|this|us|me) on)|assist (?:with|us|me)|another (?:matter|case|debtor|claim)|(?:i'm|i am|we're|we are) told (?:i|we) need)\b/,
  ],
  [
    "sending",
    /\b(?:attached|attaching|attach|enclosed|enclosing|here (?:is|are|it is)|please find|i send|i'm sending|i am sending|sending you|forwarding|as requested|in the post|uploaded|scanned|screenshots?|photos?|shared folder|shared drive|dropbox|data room|the portal|(?:now|are|is|put|saved|added) (?:all )?(?:in|on|to) the (?:folder|portal|drive|data room))\b/,
  ],
  ["thanks", /\b(?:thank|thanks|thx|cheers|grateful|appreciate|appreciated|brilliant news|great news|relief|well done)\b/],
  [
    "advice",
    /\b(?:allowed|entitled|legal|lawful|legally|can (?:he|she|they|we|i) (?:actually |still |legally )?(?:do|make|take|stop|refuse|insist|sign|top up|claim|ask)|(?:is|are) (?:that|this|it|these|those) (?:normal|usual|standard|enforceable|binding|reasonable|a problem|an issue|ok|okay|fine|right|true)|(?:do|would|will) (?:we|i|they) (?:need|have) to|what (?:do|should|can) (?:we|i) do|what are (?:my|our|the) (?:options|rights|chances)|is it worth|advice|advise|mean for|stronger than|what happens (?:if|when)|(?:going to|likely to) be a problem|does (?:it|that|this) (?:matter|mean|affect)|should (?:we|i)|do you need anything|normal|usual|standard|enforce|enforceable|binding|valid|worthless|fair|rights?|options|liable|obliged|obligation|consent|permission|(?:can|could|may|must|do|should|are|am) (?:we|i) (?:still |legally |actually |now |just )?(?:enforce|use|rely|keep|sell|sign|claim|refuse|insist|stop|top up|change|withdraw|ask|get|have|be|go|do|push|terminate|dismiss|evict|recover|sue|challenge|appeal|object|apply))\b/,
  ],
  [
    "instruction",
    /\b(?:go ahead|please proceed|happy for you to|i (?:agree|accept|confirm)|you (?:can|may) (?:accept|proceed|go ahead)|from now on|instead of|rather than|copy (?:him|her|them) into|deal with (?:\w+ ){0,2}(?:directly|there)|address(?:ed)? to|new (?:address|number|email|contact)|remove me|unsubscribe)\b/,
  ],
];

/** The topics of one sentence. */
export function topicsOf(sentence: SentenceInfo): Topic[] {
  const out: Topic[] = [];
  for (const [topic, re] of TOPICS) if (re.test(sentence.text)) out.push(topic);
  return out;
}
