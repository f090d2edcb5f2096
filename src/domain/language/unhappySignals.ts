import type { SentenceInfo, TextAnalysis } from "./analysis";
import { analyzeSentence, foldText } from "./analysis";

/**
 * The kinds of unhappiness with the firm a client's mail shows, each a behaviour a law firm knows: chasing again,
 * waiting too long, not being told, the firm's own mistake, a disputed bill, asking for someone senior, threatening to
 * leave or to complain, sarcasm, and plain dissatisfaction with the service.
 */
export type UnhappyKind =
  | "repeated chasing"
  | "slow to reply"
  | "not kept informed"
  | "the firm's mistake"
  | "disputes the bill"
  | "asks for someone senior"
  | "threatens to move firms"
  | "threatens to complain"
  | "sarcasm"
  | "impatience"
  | "unhappy with the service";

/** One sign of unhappiness with the firm, with the words that show it. */
export interface UnhappySignal {
  readonly kind: UnhappyKind;
  /** The words of the message that show it (lower-case), or a plain note for signs taken from the thread. */
  readonly quote: string;
}

/** What the conversation says besides the text: earlier messages from the same client the firm has not answered. */
export interface ThreadContext {
  /** How many earlier messages from this client in the conversation were still unanswered when this one came. */
  readonly earlierUnanswered: number;
}

type Rule = readonly [UnhappyKind, RegExp];

/**
 * Rules over one sentence, written as English grammar around a behaviour, never wording copied from one email.
 * Each expression is linear: alternations of literals, bounded `(?: \w+){0,n}` gaps, no nested unbounded repeats.
 */
const RULES: readonly Rule[] = [
  // Chasing again: an ordinal attempt, a counted ask, "again", two dates of asking, "how many times".
  [
    "repeated chasing",
    /\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|umpteenth|nth) (?:time|request|email|e-mail|reminder|chaser|attempt|message|letter|voicemail|chase|follow-up|time of asking)\b|\bmy (?:second|third|fourth|fifth|2nd|3rd|4th|5th)\b/,
  ],
  [
    "repeated chasing",
    /\b(?:asked|asking|chased|chasing|emailed|e-mailed|emailing|written|wrote|writing|called|calling|rung|rang|ringing|phoned|requested|reminded|raised|mentioned|explained|followed up|provided|sent|sending|left)\b(?: [\w'-]+){0,8}? (?:twice|three times|four times|five times|several times|many times|multiple times|repeatedly|again and again|\d+ times|numerous times|a number of times|more than once|on (?:two|three|several|numerous) occasions)\b/,
  ],
  [
    "repeated chasing",
    /\b(?:i|we)(?:'ve| have| had)? (?:now |already )?(?:left|sent|written|made) (?:you )?(?:two|three|four|five|six|several|multiple|numerous|\d+) (?:emails|e-mails|voicemails|messages|calls|reminders|chasers|letters)\b|\bmy (?:previous|last|earlier|other) (?:two|three|four|five|several|\d+) (?:emails|e-mails|messages|letters|requests|calls)\b/,
  ],
  [
    "repeated chasing",
    /\b(?:chasing|following up|follow up|asking|ask|asked|writing|write|emailing|email|reminding you|remind you|resending|re-sending|sending|send|chase)(?: [\w'-]+){0,3}? (?:again|yet again|once again|a (?:second|third|further) time)\b|\bwhy (?:am i|do i|have i|are we|do we|have we) (?:having|have|had|got) to\b|^(?:[\w'-]+ ){0,3}\(again\)|(?:^|[-,] )again (?:-|,)/,
  ],
  [
    "repeated chasing",
    /\b(?:emailed|e-mailed|wrote|written|asked|called|rang|phoned|chased|sent)\b(?: [\w'-]+){0,8}? (?:and again|and the one before|and (?:again )?(?:on )?the \d{1,2}(?:st|nd|rd|th)?)\b|\bhow many (?:more )?times\b/,
  ],
  [
    "repeated chasing",
    /^chasing again\b|\b(?:either|any|both|none) of my (?:previous|earlier|last|other) (?:emails|e-mails|messages|letters|calls|voicemails)\b|\bstill (?:waiting|nothing|no(?! (?:rush|hurry|problem|worries|need)\b)|not (?:heard|had|received|got)|haven't (?:heard|had|received|got)|have not (?:heard|had|received))\b/,
  ],
  // Slow to reply: no answer for a time, calls not returned, answers that take too long.
  [
    "slow to reply",
    /\b(?:no|not (?:a|one|any)|not had (?:a|an|any)|haven't had (?:a|an|any)|have not had (?:a|an|any)|not received (?:a|an|any)|without (?:a|an|any)|not a (?:single|proper)) (?:single |proper |substantive |meaningful |real |further )?(?:reply|replies|response|responses|answer|answers|update|updates|progress|call back|callback|acknowledgement)\b/,
  ],
  [
    "slow to reply",
    /\b(?:not|never|none) (?:been |being )?(?:returned|answered|acknowledged|replied to|responded to|called back|rung back)\b|\bnot one (?:returned|answered)\b|\b(?:nobody|no one|no-one) (?:ever )?(?:calls|called|rings|rang|gets|got|has got|has come|comes|came|phones|phoned) back\b|\b(?:emails|calls|messages|voicemails) (?:are|were|have|go|went|keep) (?:not |un)?(?:being )?(?:answered|returned|ignored|unanswered)\b/,
  ],
  [
    "slow to reply",
    /\b(?:takes?|taking|took|taken) (?:a week|weeks|days|ages|forever|a month|months|\d+ days)\b(?: [\w'-]+){0,2}? (?:to (?:get|hear|reply|respond|answer))\b|\b(?:response|reply|turnaround) times?\b|\bcan't wait \d+ days\b|\b(?:weeks|days|a week|a month|months) of silence\b|\b(?:been|have been|i've been) (?:waiting|patient) (?:for )?(?:almost |nearly |over |more than )?(?:\w+ )?(?:weeks|months|a month|a fortnight)\b/,
  ],
  [
    "unhappy with the service",
    /\b(?:unacceptable|not acceptable|isn't acceptable|is not acceptable|not good enough|(?:don't|do not) think (?:that|this|it)(?:'s| is) (?:acceptable|fair|reasonable|right|good enough)|(?:lost|losing|lose) (?:all )?(?:confidence|faith|trust) in)\b/,
  ],
  // Not kept informed.
  [
    "not kept informed",
    /\bwhy (?:was|wasn't|were|weren't) (?:i|we)\b|\bwhy (?:have|has|did) (?:no one|nobody|you not|no-one)\b|\bat no point did\b|\bwithout (?:anyone|anybody|you) (?:telling|informing|letting) (?:me|us)\b|\b(?:i|we) (?:was|were) (?:never |not )(?:told|informed|updated|consulted|warned)\b/,
  ],
  [
    "not kept informed",
    /\b(?:nobody|no one|no-one)(?: (?:from|at|in) your [\w'-]+)? (?:has |had |have )?(?:told|informed|updated|warned|explained|apologised|apologized|bothered|thought|let (?:me|us) know)\b/,
  ],
  [
    "not kept informed",
    /\b(?:i|we) (?:had to|have to|have had to|shouldn't have to|should not have to|keep|only) (?:just )?(?:find out|finding out|found out|hear|learn|learned|learnt|look|discover|discovered|know)\b|\b(?:i|we) (?:just |only just |only )?(?:found out|learned|learnt|discovered) (?:from|that|via|through)\b|\bfirst (?:i've|i have|we've|we have) heard\b|\b(?:with|without) (?:any |no )?(?:warning|notice) from you\b|\bnot from you\b|\bafter the event\b|\bsecond-?hand\b|\bin the dark\b|\bnow i (?:learn|discover|find out)\b/,
  ],
  [
    "not kept informed",
    /\b(?:expect|expected|like|want|wanted|supposed|should|have been|be) (?:to be )?(?:kept|keep (?:me|us)) (?:in the loop|informed|updated|posted|up to date)\b|\bkept (?:me|us)? ?(?:in the loop|informed|updated|posted) without\b/,
  ],
  // The firm's own mistake.
  [
    "the firm's mistake",
    /\byour (?:own )?(?:mistake|mistakes|error|errors|fault|oversight|negligence|carelessness)\b|\b(?:fix|correct) its own (?:error|mistake)\b|\b(?:you|your office|your team|the firm)(?:'ve| have| has| had)? (?:made|make) (?:a |an |another )?(?:mistake|error|mess)\b/,
  ],
  [
    "the firm's mistake",
    /\b(?:you|your office|your team|your colleague|your receptionist|the firm)(?:'ve| have| has| had)? (?:\w+ )?(?:missed|forgot|forgotten|lost|failed|misspelt|misspelled|ignored|overlooked|deducted|put 20\d\d|put the wrong|sent (?:it|my [\w'-]+|the [\w'-]+) to the wrong)\b|\b(?:another|second) (?:draft|document|version|letter) with (?:errors|mistakes)\b|\b(?:errors|mistakes) in it\b|\bdeducted (?:[\w'-]+ ){0,2}?twice\b/,
  ],
  [
    "the firm's mistake",
    /\bhow (?:has|did|could|can|is|was) (?:this|that|it) (?:happen|happened|be possible|possible|allowed)\b|\bhow (?:this|that|it) (?:happened|has happened|could happen)\b|\bwhat went wrong\b|\bwho is responsible\b|\bput (?:this|it|things|that) right\b|\bcheck your (?:figures|work)\b|\bnot (?:filed|submitted|sent|lodged|served|ordered|done|made) (?:on time|in time)\b|\bwas not (?:submitted|filed|lodged)\b|\bdid it get missed\b|\b(?:gone astray|not on the file|by mistake)\b|\b(?:delay|delays|fault|hold-up|hold-ups)(?: [\w'-]+){0,5}? (?:was|were|is|are|has been) (?:on|at|with) your (?:side|end)\b|\b(?:expect|want) (?:you|the firm|your firm) to (?:cover|pay|compensate|refund|reimburse)\b|\bactually\b(?: [\w'-]+){0,6}? this time\b|\bonce and for all\b/,
  ],
  // A disputed bill.
  [
    "disputes the bill",
    /\b(?:not|won't|will not|refuse to|am not going to|not prepared to|do not|don't)(?: [\w'-]+){0,2}? (?:pay|paying|accept) (?:for|this|that|the|any|your|interest|it)\b|\bbefore i (?:pay|authorise|authorize|agree to pay)\b|\btime records\b/,
  ],
  [
    "disputes the bill",
    /\b(?:overcharg|over-charg)\w*|\b(?:being |been |was |were )charged (?:me |us )?(?:for|twice|£)|\b(?:your|the) (?:quote|quotation|estimate)(?: at the outset)? (?:was|said)\b|\b(?:exceeded|more than|over|above) (?:the|your) (?:quote|estimate|budget)\b|\brevised (?:bill|invoice)\b|\b(?:item|charge|entry|hours) removed\b|\bplease remove it\b|\bhow (?:have|has|did) (?:we|i|it|you) (?:run up|racked? up|reached|come to|got to)\b/,
  ],
  [
    "disputes the bill",
    /\b(?:what (?:exactly )?am i paying (?:you )?for|(?:i'm|i am|we're|we are) paying (?:you|for this|for (?:this|your) service))\b/,
  ],
  // Someone senior.
  [
    "asks for someone senior",
    /\b(?:speak|talk|meet|meeting|deal|discuss (?:this|it))(?: [\w'-]+){0,2}? (?:to|with) (?:a |the |your |someone |somebody )?(?:partner|supervisor|supervising partner|senior partner|managing partner|boss|head of|someone senior|somebody senior|someone more senior|someone above|somebody above|someone who can make decisions)\b|\bescalat(?:e|ed|ing|ion)\b|\bhead of (?:department|the department|your department)\b|\b(?:someone|somebody) (?:a (?:little|bit) |slightly )?(?:more )?senior\b|\bsomeone above you\b|\bwhoever (?:supervises|is in charge|manages)\b|\b(?:a|someone|somebody) senior (?:person|colleague|solicitor|lawyer)?|\bthe boss of\b|\b(?:supervising|senior|managing) partner\b|\bpartner supervising\b/,
  ],
  // Threats to leave or complain.
  [
    "threatens to move firms",
    /\b(?:another|a different|different|a new|new|other) (?:firm|solicitor|solicitors|lawyer|lawyers|law firm|representation)\b|\b(?:hand|handing) over (?:the|my|our) (?:file|papers)\b|\b(?:move|moving|take|taking|transfer|transferring)(?: [\w'-]+){0,4}? (?:elsewhere|to another)\b|\brelease (?:the|my|our) file\b|\bconsidering (?:my|our) options\b/,
  ],
  [
    "threatens to complain",
    /\b(?:legal ombudsman|solicitors regulation authority|law society|regulator|information commissioner)\b|\b(?:report|reporting|refer|referring|complain|take|taking) (?:this |it |you |the matter |the firm )?to (?:the )?(?:sra|ico|ombudsman)\b|\bformal complaint\b|\bcomplaints? (?:procedure|process|policy)\b|\bmy complaint\b|\bhold (?:you|the firm|your firm|your office) responsible\b|\bfinal (?:warning|chance)\b|\bnot an empty threat\b/,
  ],
  // Sarcasm: thanks for lateness, "only took", praise followed by more of the same failing.
  [
    "sarcasm",
    /\b(?:thanks|thank you)(?: so much| very much)? for finally\b|\b(?:nice|good|kind|great) of you to finally\b|\bfinally (?:getting back|got back|replied|responded|bothered)\b|\bonly (?:took|taken|taking)(?: [\w'-]+){0,3}? (?:weeks?|months?|days?|years?)\b|\bonly (?:a|one|two|three|four|five|six|\d+) (?:weeks?|months?|days?) late\b|\b(?:great|brilliant|lovely|wonderful|fantastic|marvellous|perfect|excellent|superb|well done)[,!.]? (?:another|yet another)\b|\bthird time lucky\b|\b(?:after|in|within) only (?:a|one|two|three|four|five|six|seven|eight|\d+|a few|several) (?:weeks?|months?|days?)\b|(?<!\bthanks |\bthank you )\bso much for\b|\bthanks for nothing\b|\bi'll assume\b|\bshould go in your signature\b/,
  ],
  // Irritation under polite words.
  [
    "impatience",
    /\b(?:my|our|mine|diminishing|no more|no|little|limited|losing|lost|out of|exercise|more) patience\b|\bpatience (?:is|has|was) (?:not|running|wearing|worn|run|at|limited)\b|\bpatience (?:is )?(?:wearing|running) (?:thin|out)\b|\b(?:i'm|i am) (?:sure|conscious|aware) (?:that )?(?:you are|you're) (?:very |extremely )?busy\b|\bapologies for (?:following up|chasing|asking|writing) again\b|\bsorry to (?:trouble|bother|chase) you again\b|\bfor the avoidance of doubt\b|\bas previously (?:provided|sent|requested|advised|mentioned|explained|stated)\b|\b(?:i|we) (?:would|'d) (?:have )?expect(?:ed)? (?:to|more|better|that)\b|\b(?:i|we) expected (?:more|better)\b|\bshould(?:n't| not) have to\b|\bwithout having to (?:ask|chase)\b|(?<!\b(?:appreciate|thanks for|thank you for) (?:the|a) )\b(?:a )?(?:quick|simple|straight) (?:yes or no|answer)\b|\btaken (?:more )?seriously\b|\b(?:not|haven't|hasn't) (?:felt |been )?listened to\b|\bsome urgency\b|\bnothing to show for\b|\bno longer feel\b|\bactually been done\b|\bnot (?:what|how) i (?:agreed|was told|expected)\b|\bthat's not what i agreed\b/,
  ],
];

/** Feelings that say the writer is unhappy; they count against the firm only when the firm is their target. */
const FEELING =
  /\b(?:disappointed|disappointing|disappointment|frustrated|frustrating|unhappy|not happy|not pleased|not satisfied|dissatisfied|annoyed|fed up|upset|angry|furious|livid|appalled|let (?:me|us) down|unacceptable|not acceptable|not good enough|poor|terrible|awful|appalling|shocking|disgraceful|rude|unprofessional|embarrassing|ridiculous|pathetic|useless|incompetent|sloppy|careless|uncomfortable|concerned|worried|not impressed)\b/;

/** Verdicts on a service rather than feelings: with no one else named, they judge the firm. */
const SERVICE_VERDICT =
  /\b(?:unacceptable|not acceptable|not good enough|appalling|shocking|disgraceful|unprofessional|ridiculous|pathetic|useless|incompetent|sloppy|careless|poor|terrible|awful|let (?:me|us) down|disappointed|disappointing|frustrated|frustrating|not happy|not satisfied|dissatisfied)\b/;

/** A feeling or complaint word the writer takes back ("I'm not unhappy", "no complaints", "not a complaint"). */
export const NEGATED_COMPLAINT =
  /\b(?:not|no|never|isn't|wasn't|rather than)(?: [\w'-]+){0,3}? (?:complain|complaining|complaint|complaints|unhappy|disappointed|disputing|criticism|criticising|dissatisfied|annoyed|upset|a problem)\b|\bnot (?:a|any) (?:criticism|complaint)\b|\b(?:not|isn't|wasn't|is not|was not|none of (?:this|it) is|no) (?:\w+ )?(?:your|the firm's) fault\b|\bno fault of (?:yours|your own)\b|\b(?:don't|do not) apologi[sz]e\b/;

/** A short positive exclamation ("Brilliant.", "Lovely.", "Well done.") that reads as sarcasm beside a complaint. */
const SHORT_PRAISE =
  /^(?:oh )?(?:great|brilliant|lovely|wonderful|fantastic|marvellous|perfect|excellent|superb|well done|good|nice|splendid|charming)[.!]*$/;

/** True when the firm is what the sentence (or, failing a party in it, its neighbours) is about. */
function aimedAtFirm(list: readonly SentenceInfo[], i: number): boolean {
  const s = list[i];
  if (s.otherSubject) return false;
  if (s.firm) return !s.other || s.firstPerson;
  if (s.other) return false;
  for (const j of [i - 1, i + 1]) {
    const n = list[j];
    if (!n) continue;
    if (n.firm && !n.otherSubject) return true;
    if (n.other) return false;
  }
  // No party named anywhere near: in mail to the firm, a verdict on service ("not good enough", "unacceptable") is
  // about the firm; a bare feeling ("I'm so upset") is not assigned to anyone.
  return SERVICE_VERDICT.test(s.text);
}

/**
 * Whom a feeling is about: its complement when it has one ("unhappy that the request turned into a dispute" is about
 * the dispute, "disappointed with your handling" about the firm), else the sentence and its neighbours.
 */
function feelingAimedAtFirm(text: string, end: number, list: readonly SentenceInfo[], i: number): boolean {
  const complement = /^,? (?:that|about|with|at|by|in|over) ((?:[\w'-]+ ?){1,8})/.exec(text.slice(end, end + 80));
  if (complement) {
    if (/\b(?:you|your|yours|the firm|this firm)\b/.test(complement[1])) return !list[i].otherSubject;
    if (/^(?:it|this|that|how|the way|the (?:lack|delay|delays|service|handling|progress|response)|no one|nobody)\b/.test(complement[1])) {
      return aimedAtFirm(list, i);
    }
    return false;
  }
  return aimedAtFirm(list, i);
}

/** True when the text quotes the firm's words back at it ("you said 'by end of the week'"). */
function quotesFirmBack(s: SentenceInfo): boolean {
  const q = s.text.indexOf('"');
  if (q < 0 || s.otherSubject) return false;
  const before = s.text.slice(Math.max(0, q - 50), q);
  // The firm's own words: "you said", "you promised", "you'll", "all I hear is that you're…".
  const speech =
    /\byou(?:'ll|'re|'d| would| will| said| say| told (?:me|us)| promised| wrote| assured (?:me|us))\b|\b(?:saying|promised|all i hear is)\b/;
  return speech.test(before) || (q === 0 && s.text.indexOf('" - ') > 0);
}

function quoteOf(text: string, index: number, length: number): string {
  // Up to ~70 characters around the match, cut at word boundaries: enough to recognise, short enough for a badge.
  const start = Math.max(0, text.lastIndexOf(" ", Math.max(0, index - 20)) + 1);
  const endAt = text.indexOf(" ", Math.min(text.length, index + length + 20));
  const end = endAt < 0 ? text.length : endAt;
  return text.slice(index - start > 30 ? index : start, end).replace(/[ ,;:-]+$/, "");
}

/** The writer chasing or asking ("I have emailed", "my second request"): a count in such a sentence is theirs. */
const WRITER_CHASES =
  /\b(?:i|we)(?:'ve| have| had)? (?:now |already |just )?(?:asked|chased|emailed|e-mailed|written|wrote|called|rung|rang|phoned|requested|sent|followed up|left)\b|\bmy (?:second|third|fourth|fifth|2nd|3rd|4th|5th)\b/;

/**
 * The words of the one sign the thread adds (at least two earlier messages unanswered): it is the only part of a
 * reading that changes with the count, so a reading kept from one count can be told for another.
 */
export function threadChasingQuote(earlierUnanswered: number): string {
  return `message ${earlierUnanswered + 1} in this conversation with no reply from the firm`;
}

/** Fewest earlier unanswered messages that make the thread's sign (below it the thread changes nothing). */
export const THREAD_CHASING_MIN = 2;

/**
 * The signs of unhappiness with the firm in a message: its subject line and each sentence of its new text, each sign
 * with its words. A sentence whose subject is someone else ("the bank has lost my papers again") is about them, not
 * the firm; a taken-back complaint ("no complaints at all") is none. `thread` adds the one sign text cannot show:
 * this is at least the third message to go unanswered.
 */
export function unhappySignals(analysis: TextAnalysis, subject = "", thread?: ThreadContext): UnhappySignal[] {
  const found: UnhappySignal[] = [];
  const seen = new Set<string>();
  const add = (kind: UnhappyKind, quote: string) => {
    const key = `${kind}|${quote}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ kind, quote });
  };
  const subjectLine = foldText(subject)
    .toLowerCase()
    .replace(/^(?:\s*(?:re|fw|fwd|aw|sv|tr)\s*:\s*)+/, "")
    .trim();
  const list = analysis.sentences;
  const all: Array<{ s: SentenceInfo; i: number }> = list.map((s, i) => ({ s, i }));
  if (subjectLine !== "") all.push({ s: analyzeSentence(subjectLine, subject), i: -1 });

  for (const { s, i } of all) {
    if (s.otherSubject) continue;
    const takenBack = NEGATED_COMPLAINT.test(s.text);
    for (const [kind, re] of RULES) {
      const m = re.exec(s.text);
      if (!m) continue;
      // "I'm not complaining, but…" takes back feelings and complaints, not a count of chases.
      if (takenBack && kind !== "repeated chasing" && kind !== "disputes the bill") continue;
      // Counted chases and "still waiting" in a sentence about someone else (or just after one) belong to them.
      if (kind === "repeated chasing" || kind === "slow to reply") {
        if (s.other && !s.firm && !(s.firstPerson && WRITER_CHASES.test(s.text))) continue;
        if (!s.firm && i > 0 && list[i - 1].otherSubject) continue;
      }
      // "I've lost all confidence in the builder", "that's unacceptable" about the landlord: theirs, not the firm's.
      if (kind === "unhappy with the service" && s.other && !s.firm) continue;
      // "I deleted it by mistake": the writer's own slip, not the firm's.
      if (kind === "the firm's mistake" && m[0] === "by mistake" && s.firstPerson && !s.firm) continue;
      add(kind, quoteOf(s.text, m.index, m[0].length));
    }
    if (i < 0) continue;
    const feeling = FEELING.exec(s.text);
    if (feeling && !takenBack && feelingAimedAtFirm(s.text, feeling.index + feeling[0].length, list, i)) {
      // A worry alone ("I'm worried about the hearing") is not a complaint; worry about the firm's handling is.
      const mild = /^(?:concerned|worried|uncomfortable|poor)$/.test(feeling[0]);
      const aboutFirm =
        /\b(?:concerned|worried|uncomfortable) (?:at|about|by|that|with) (?:you|your|the (?:lack|delay|way|firm)|how (?:you|my|our|the file))\b/;
      if (!mild || aboutFirm.test(s.text)) add("unhappy with the service", quoteOf(s.text, feeling.index, feeling[0].length));
    }
    if (SHORT_PRAISE.test(s.text)) {
      const near = [list[i - 1], list[i + 1]].filter((n): n is SentenceInfo => n !== undefined);
      if (near.some((n) => n.sentiment < 0 || n.negated)) add("sarcasm", s.text);
    }
    if (quotesFirmBack(s)) add("sarcasm", quoteOf(s.text, s.text.indexOf('"'), 30));
  }
  if (thread && thread.earlierUnanswered >= THREAD_CHASING_MIN) {
    add("repeated chasing", threadChasingQuote(thread.earlierUnanswered));
  }
  return found;
}
