/**
 * General English request grammar for one sentence: imperatives, proposals, modal requests,
 * questions written without a "?", indirect questions and invitations. These rules name grammar
 * and common verbs, never wording of any one firm or data set, so they carry over to mail no one
 * here has read. Input is one sentence from `sentences(normalizeText(text))`: lower-case, plain quotes.
 */

/**
 * Base-form verbs that, opening a clause, make it an instruction or request to the reader
 * ("send me the draft", "give Jo a call", "please review"). Web and marketing actions (click,
 * download, shop, subscribe, visit, log in …) are left out on purpose: in mail they instruct a
 * reader to operate software and never call for an answer.
 */
const IMPERATIVE_VERBS = new Set([
  "send",
  "resend",
  "give",
  "call",
  "ring",
  "phone",
  "email",
  "e-mail",
  "text",
  "ping",
  "page",
  "contact",
  "tell",
  "ask",
  "remind",
  "confirm",
  "advise",
  "check",
  "double-check",
  "review",
  "look",
  "read",
  "sign",
  "countersign",
  "initial",
  "return",
  "forward",
  "provide",
  "arrange",
  "book",
  "schedule",
  "reschedule",
  "set",
  "make",
  "take",
  "get",
  "fill",
  "complete",
  "submit",
  "draft",
  "prepare",
  "follow",
  "come",
  "drop",
  "stop",
  "swing",
  "meet",
  "discuss",
  "talk",
  "chat",
  "speak",
  "bring",
  "keep",
  "remember",
  "sort",
  "deal",
  "handle",
  "fix",
  "change",
  "move",
  "cancel",
  "approve",
  "authorise",
  "authorize",
  "decide",
  "consider",
  "think",
  "help",
  "try",
  "print",
  "scan",
  "post",
  "fax",
  "pay",
  "order",
  "reply",
  "respond",
  "answer",
  "write",
  "grab",
  "catch",
  "put",
  "pick",
  "choose",
  "verify",
  "execute",
  "file",
  "lodge",
  "explain",
  "clarify",
  "show",
  "share",
  "attach",
  "circulate",
  "distribute",
  "coordinate",
  "co-ordinate",
  "reach",
  "touch",
  "pass",
  "ensure",
  "include",
  "add",
  "update",
  "amend",
  "correct",
  "revise",
  "edit",
  "plan",
  "hold",
  "organise",
  "organize",
  "find",
  "notify",
  "inform",
  "delete",
  "remove",
  "invite",
  "calendar",
  "diarise",
  "diarize",
  "copy",
  "cc",
  "loop",
  "run",
  "walk",
  "agree",
  "accept",
  "raise",
  "issue",
  "instruct",
  "obtain",
]);

/**
 * Words that, right after an opening verb, show the verb was a noun or a heading ("call from the
 * bank", "review of the lease is done", "update on the sale:").
 */
const NOUN_FOLLOWERS = new Set([
  "of",
  "is",
  "was",
  "are",
  "were",
  "has",
  "had",
  "will",
  "would",
  "can",
  "could",
  "should",
  "may",
  "might",
  "must",
  "went",
  "came",
  "looks",
  "seems",
  "went",
  "on",
  "from",
  "'s",
]);

/**
 * Openings that look like imperatives but ask nothing: pointers to attachments, social phrases,
 * apologies, permission to go ahead, courtesy offers ("feel free to…"), notices.
 */
const NOT_A_REQUEST =
  /^(?:find (?:attached|enclosed|below|herewith|the attached|the enclosed|a copy|my|our)|see (?:attached|enclosed|below|above|you|the attached|the enclosed|my|our)|look(?:ing)? forward|take care|keep (?:up|well|safe|this (?:e-?mail|message) for)|have a (?:good|great|nice|lovely|safe|happy|wonderful)|make (?:no|sure you (?:enjoy|have a))|accept (?:our|my) (?:apologies|thanks)|get well|come on\b|go ahead|proceed|feel free|note (?:that|the)|bear with|forgive|excuse|ignore|disregard|be (?:advised|aware)|hold on|add (?:us|our|\S+@|to (?:your|the|white|safe)|mailto)|sign (?:in|up|on)\b|keep (?:in mind|it up)|move on|think (?:so|not)|try not|remember (?:me|when)|talk (?:soon|later|to you (?:soon|later|then|tomorrow|on))|speak (?:soon|later|to you (?:soon|later|then|tomorrow|on))|catch you (?:later|soon)|thank)/;

/** Leading words that do not change whether a clause is an instruction ("also, please call"). */
const LEAD_IN =
  /^(?:(?:and|but|so|also|then|just|now|ok|okay|oh|well|hi|hello|hey|first|firstly|second|secondly|finally|lastly|meanwhile|otherwise|alternatively|anyway|again|p\.?s\.?|in the meantime|if so|if not|if possible|if you can|when you can|when you get a (?:chance|minute|moment)|at your (?:earliest )?convenience|as discussed|as agreed|going forward|please|pls|plz|kindly|quick(?:ly)?)\b[\s,.:;-]*)+/;

/**
 * A sentence that only offers help if the reader needs it ("if you have any questions, please
 * contact me"; "feel free to call"; "don't hesitate to get in touch"): a courtesy, not a request.
 */
const COURTESY =
  /^(?:(?:if|should) (?:you|there)(?: have| has| are| need| require| want| wish| would like|'d like| experience| run into| encounter| prefer)\b[^,]*\b(?:questions?|queries|query|concerns?|problems?|issues?|trouble|difficult(?:y|ies)|help|assistance|information|info|comments?|anything|further)\b|(?:please )?(?:feel free|(?:do not|don't) hesitate)\b)/;

/**
 * A conditional offer: "if you'd like to…, click…", "if you want to see more, check out…". The
 * writer leaves the choice to the reader, so whatever follows is not asked of them.
 */
const CONDITIONAL_OFFER =
  /^(?:if|should|whenever) you(?: ever|'d| would| do)?(?: not|n't)? (?:like|prefer|want|wish|enjoy|need to contact|choose|decide|feel like)\b|^(?:if|should|whenever) (?:you're|you are) (?:not )?interested\b/;

/** Pattern rows: [regex, label]. Checked in order on the whole sentence. */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // Proposals: "let's meet", "how about Tuesday", "why don't we…", "shall we…".
  [/(?:^|[,;:-] ?|\b(?:and|so|then) )(?:let's|lets|let;s|let us) (?!not\b)\w+/, "proposal (let's)"],
  [
    /\b(?:how|what) about (?!the (?:fact|time)\b)|\bwhy (?:don't|do not) (?:we|you)\b|\bwhy not (?:just )?\w+ (?:me|us|it|the|a|them)\b/,
    "proposal (how about / why don't)",
  ],
  [
    /\b(?:i|we)(?: would|'d)? (?:suggest|propose|recommend)\b|\bmy (?:suggestion|proposal|recommendation) (?:is|would be)\b/,
    "proposal (suggest)",
  ],
  [/\b(?:perhaps|maybe|possibly) (?:we|you) (?:can|could|should|might|may want to|ought to)\b/, "proposal (perhaps we could)"],
  // Collaborative action asked of the reader: "we should discuss", "I'd like to meet", "we need to talk".
  [
    /\b(?:we|you and i|the two of us|i)(?: really| definitely| probably| still| also)? (?:should|need to|must|ought to|have to|'ll need to|will need to|can|could)(?: (?:also|then|perhaps|maybe|probably|quickly|briefly|all))? (?:discuss|talk|speak|chat|meet|get together|catch up|sit down|go (?:over|through)|touch base|set up a (?:call|meeting|time)|arrange a (?:call|meeting|time)|schedule a (?:call|meeting|time)|find (?:a|some) time|have (?:a|an) (?:call|chat|word|meeting|discussion|conversation))\b/,
    "proposal (we should discuss)",
  ],
  [
    /\b(?:i|we)(?:'d| would| really| also| still)* (?:like|love|want|wish|hope|wanted|hoped)(?: very much| really| definitely)? to (?:discuss|talk|speak|chat|meet|get together|catch up|sit down|go (?:over|through)|touch base|visit|invite you|see you|hear (?:from you|your|what you|back|whether|if)|get your|have your|ask you|know (?:if|whether|when|what|how|where|who|which|your)|understand (?:why|how|what|whether)|schedule|set up|arrange|follow up|run (?:this|it|something|an idea) (?:by|past) you|pick your brain|come (?:by|over|in|and see)|have (?:a|an) (?:call|chat|word|meeting|discussion|quick))\b/,
    "wants to meet or hear from the reader",
  ],
  [
    /^(?:would|it would|it'd) (?:be )?(?:(?:really|very|most|so|also) )?(?:great|good|helpful|useful|ideal|nice|best|wonderful|appreciated|love|like) (?:if|to|for you)\b|\bit would be (?:(?:really|very|most|so|also) )?(?:great|good|helpful|useful|ideal|nice|wonderful|appreciated) if you\b/,
    "would be good if you",
  ],
  // Modal wishes that ask without a question: "I'd be grateful to understand…", "she'd appreciate speaking to someone",
  // "it would probably be sensible to…". Offers ("I'd be happy to…") are not among them.
  [
    /\b(?:i|we)(?:'d| would| should) (?:be )?(?:very |most |really )?(?:grateful|interested|keen) to (?:know|understand|hear|learn|see|have|receive|get|discuss)\b|\b(?:i|we)(?:'d| would| should) (?:be (?:very |most |really )?grateful for|(?:really |greatly )?value) (?:a|an|any|your|some|the|it if)\b|\b(?:he|she|they|i|we)(?:'d| would) (?:really |greatly |very much )?appreciate (?:speaking|talking|hearing|knowing|understanding|some|a word|a call|an update)\b|\bit would (?:probably |perhaps |certainly |really )?be (?:sensible|wise|prudent) (?:for (?:us|me) )?to\b/,
    "modal wish (I'd be grateful to know)",
  ],
  // Offering times is a proposal to answer: "I'm free Friday after 2pm", "we're around most of next week".
  [
    /\b(?:i'm|i am|we're|we are|i'll be|we'll be) (?:\w+ )?(?:free|around|available|wide open) (?:[\w'-]+ ){0,3}?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mornings?|afternoons?|evenings?|next week|this week|all day|tomorrow)\b/,
    "offers times",
  ],
  // Modal requests addressed to the reader; "you should have received …" is information, so excluded.
  [
    /\byou(?: really| probably| also| still| just)?(?: need to|'ll need to| will need to| may need to| might need to| should| must| have to|'ve got to| had better|'d better| may want to| might want to|'ll want to| will want to| may wish to| might wish to| might consider| may consider| might like to| may like to)(?: (?:also|really|probably|still|just|first|then|please|now))? (?!(?:have |now |already |soon |by now )?(?:receive|received|be|been|get|got|find|see|hear|know|note|expect|enjoy|keep|worry|feel)\b)\w+/,
    "modal request (you need to / you should)",
  ],
  [/\bwould you (?:mind|be (?:able|willing|so kind|happy|prepared)|like to|care to)\b|\bdo you mind\b/, "modal request (would you mind)"],
  [
    /\b(?:i|we)(?: would|'d)? (?:greatly |really |very much |much )?appreciate (?:it if|if you|you|your|any|a (?:call|reply|response|quick)|hearing|the opportunity)\b|\b(?:any|your) (?:help|assistance|input|feedback|thoughts|comments|advice|guidance|response|reply|data|information|details)\b[^.?!]{0,100}\b(?:would be|is|will be) (?:\w+ )?(?:appreciated|helpful|welcome|great)\b/,
    "asks for help or input",
  ],
  [
    /\b(?:i|we) (?:really |urgently |still )?need (?:your|you to|(?:this|that|it|them) (?:done|back|signed|sent|by|today|asap|before))\b/,
    "says what the writer needs from the reader",
  ],
  [
    /\b(?:i|we) (?:expect|am expecting|are expecting|look to you for) (?:an? |your )?(?:answer|reply|response|call|confirmation|decision|update)\b|\b(?:respond|reply|answer) (?:by|before|no later than)\b/,
    "expects an answer",
  ],
  // Indirect questions: "I was wondering if…", "I'd like to know whether…", "I'm curious where…".
  [
    /\b(?:i|we)(?: was| were| am| are|'m|'re)? (?:just )?wonder(?:ing|ed)? (?:if|whether|when|what|how|where|who|why)\b|\b(?:i|we) (?:just )?wanted to (?:see|check|ask|find out|know|confirm) (?:if|whether|when|what|how|where|who|that)\b|\b(?:i'm|i am|we're|we are) curious (?:as to |about )?(?:if|whether|when|what|how|where|who|why)\b|\b(?:i'm|i am|we're|we are) (?:unsure|not sure|unclear) (?:as to |about )?(?:if|whether)\b/,
    "indirect question",
  ],
  [/^(?:any|your) (?:thoughts|comments|ideas|views|feedback|suggestions|input|objections|news|update|word)\b/, "asks for thoughts"],
  // Invitations that expect an answer.
  [
    /\byou(?: and (?:a guest|your \w+))? are (?:cordially |warmly )?invited\b|\b(?:i|we)(?: would|'d) (?:like|love) (?:to (?:invite|have) )?you(?: and (?:a guest|your \w+))? to (?:join|attend|come|be)\b|\b(?:i|we) (?:hope|trust) (?:that )?you (?:can|could|will|'ll) (?:join|attend|come|make it|participate|visit|be there)\b|\bwould love (?:to have )?you(?: \w+)? (?:to )?join\b/,
    "invitation",
  ],
  [/\b(?:don't|do not) forget to \w+/, "reminder to act"],
  [
    /\b(?:invite|inviting) you(?: and [\w ]{1,20}?)? to (?:join|attend|come|be|a|an|our|the|dinner|lunch)\b|\bextend an invitation\b/,
    "invitation",
  ],
  [/^(?:have a (?:look|think|read|word|chat|go)|go ahead and (?!enjoy\b)\w+)\b/, "instruction (have a look / go ahead and …)"],
];

/** Questions written without a "?": an inverted auxiliary or a question word opening the sentence. */
const QUESTION_WITHOUT_MARK =
  /^(?:(?:do|does|did|can|could|would|will|is|are|was|were|have|has|should|shall|may|might)(?:n't)?|won't|can't|cannot) (?:you|we|i|they|he|she|anyone|anybody|someone|somebody|there|your|our)\b|^(?:what|when|where|who|why|how)(?: (?:much|many|long|soon|often|else|time|day|date|exactly|far|quickly))? (?:do|does|did|is|are|was|were|can|could|would|will|should|shall|have|has|'s)\b(?! (?:more|not|why)\b)|^which (?:one|day|date|time|option|version|of)\b/;

/** Subordinate openings after which the main clause may be an instruction: "if they agree, send it". */
const SUBORDINATE = /^(?:if|when|whenever|once|as soon as|before|after|in case|unless|while|until|till)\b/;

/**
 * Clauses where an instruction may start: the sentence's first clause, a clause that says "please",
 * and a clause after a short address or lead-in ("Ben, check…") or after a subordinate clause
 * ("if they agree, send it"). A verb after a comma in a narrative ("we handle the close, and get
 * the volumes in") continues the writer's own sentence and is not an instruction.
 */
function clauseStarts(sentence: string): string[] {
  // Each clause is trimmed, so the separator needs no spaces around it (a leading `\s*` would re-read a long run of
  // spaces from each of its positions).
  const raw = sentence.split(/[,;:(]|\s-+\s|\.\.\.+|--/).map((c) => c.trim());
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const clause = raw[i].replace(LEAD_IN, "").trim();
    if (clause === "") continue;
    const prev = i > 0 ? raw[i - 1] : "";
    const allowed =
      i === 0 ||
      /^(?:please|pls|plz|kindly)\b/.test(raw[i].replace(/^(?:and|but|so|also|then|just)\s+/, "")) ||
      prev.split(/\s+/).length <= 3 ||
      SUBORDINATE.test(prev);
    if (allowed && !CONDITIONAL_OFFER.test(prev)) out.push(clause);
  }
  return out;
}

/** True when a clause opens with a base-form verb used as an instruction ("send me…", "give Jo a call"). */
function isImperativeClause(clause: string): boolean {
  if (NOT_A_REQUEST.test(clause)) return false;
  // A negative instruction ("don't sign anything yet") asks just as much as a positive one.
  const words = clause.replace(/^(?:do not|don't|never) /, "").split(/\s+/);
  const verb = words[0].replace(/[.!]+$/, "");
  if (!IMPERATIVE_VERBS.has(verb)) return false;
  const next = (words[1] ?? "").replace(/[.!]+$/, "");
  return !NOUN_FOLLOWERS.has(next);
}

/** True for a courtesy offer ("if you have any questions, please call"): nothing is asked of the reader. */
export function isCourtesy(sentence: string): boolean {
  return COURTESY.test(sentence.trim().replace(LEAD_IN, ""));
}

/** True for a conditional offer ("if you'd like to…, click…"): what follows is left to the reader. */
function isConditionalOffer(sentence: string): boolean {
  return CONDITIONAL_OFFER.test(sentence.trim().replace(LEAD_IN, ""));
}

/**
 * The request the sentence makes of the reader, as a short label for the explanation, or null.
 * `sentence` must be one normalised sentence (see `normalizeText` and `sentences` in cues.ts).
 */
export function requestIn(sentence: string): string | null {
  const s = sentence.trim();
  if (s === "") return null;
  if (isCourtesy(s)) return null;
  // "If you want to attend, let me know" still asks for an answer (the fixed request list in
  // needsReply sees it); here a conditional offer only switches off the open-ended grammar rules.
  if (isConditionalOffer(s)) return null;
  for (const [re, label] of PATTERNS) if (re.test(s)) return label;
  const opening = s.replace(LEAD_IN, "");
  if (QUESTION_WITHOUT_MARK.test(opening)) return "question without a question mark";
  for (const clause of clauseStarts(s))
    if (isImperativeClause(clause)) return `instruction ("${clause.split(/\s+/).slice(0, 3).join(" ")}")`;
  return null;
}
