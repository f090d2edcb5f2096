import { negatedAt, normalizeText, sentences } from "./cues";

/** Whether a client is unhappy with the firm or its service, and the phrases that say so. */
export interface ToneResult {
  readonly negative: boolean;
  readonly cues: string[];
}

/**
 * Phrases that on their own say the firm or its service let the writer down: chasing, silence,
 * threats to leave or complain, sarcasm. Each is about the firm by its wording.
 */
const FIRM_DIRECTED: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b(?:i|we)(?:'ve| have)? (?:now )?(?:asked|chased|emailed|written|called|rung|phoned)(?: you)? (?:\w+ )?(?:twice|three times|four times|several times|many times|repeatedly|again and again|\d+ times)\b/,
    "repeated asks",
  ],
  [
    /\b(?:chasing (?:again|this up again|you again)|chasing for the \w+ time|(?:second|third|fourth|final) (?:chaser|reminder|time of asking|time i've asked|time i have asked))\b/,
    "chasing again",
  ],
  [
    /\bstill (?:no|not had an?|haven't had an?|have not had an?|waiting for an?) (?:reply|response|answer|update|word|news|call back|callback)\b/,
    "still no reply",
  ],
  [
    /\b(?:nobody|no one|no-one)(?: (?:has|had|is|at your firm|from your firm|seems to be))? (?:given|told|updated|kept|replied|responded|called|rung|answered|bothered|dealing|doing|got back|getting back|is)\b/,
    "nobody from the firm",
  ],
  [
    /\bno (?:proper |real |meaningful )?(?:update|news|reply|response|contact)s? (?:for|in) (?:weeks|days|months|over a week|a week|a month|two weeks|\w+ weeks)\b/,
    "no update for weeks",
  ],
  [/\b(?:we're|we are|i'm|i am) paying you\b/, "paying you"],
  [
    /\b(?:move|moving|take|taking|transfer|transferring) (?:our|my) (?:business|work|file|files|matter|matters|instructions?) (?:elsewhere|to another|away)\b|\b(?:find|instruct|look for|instructing) (?:another|a different|a new) (?:firm|solicitor|lawyer|attorney)\b/,
    "threat to leave",
  ],
  [
    /\b(?:make|making|file|filing|raise|raising|lodge|lodging) an? (?:formal )?complaint\b|\b(?:complain|complaint|report you|reporting you|report this|escalate this) to (?:the )?(?:sra|legal ombudsman|ombudsman|law society|bar|regulator|senior partner|managing partner)\b|\bcomplain(?:ing)? about (?:you|your|the (?:service|firm|way))\b/,
    "threat to complain",
  ],
  [
    /\bthanks for nothing\b|\bthanks a lot for\b.{0,40}\b(?:nothing|silence|delay|ignoring)\b|\b(?:great|brilliant|fantastic|wonderful|lovely),? (?:another|yet another|more|so) (?:\w+ )?(?:week|weeks|day|days|month|months) of (?:silence|waiting|nothing)\b|\bso much for\b.{0,30}\b(?:24 hours|prompt|quick|keeping (?:me|us) (?:informed|updated)|service)\b|\bnice of you to (?:finally )?(?:reply|get back|respond)\b|\b(?:finally|at last)[,!]? (?:a|some) (?:reply|response|answer)\b/,
    "sarcasm",
  ],
  [
    /\b(?:unacceptable|not good enough|not acceptable|appalling|shocking|disgraceful|poor service|terrible service|really poor|let (?:me|us) down|dropped the ball|left in the dark|kept in the dark)\b/,
    "service failing",
  ],
  [
    /\b(?:this is|it is|it's) the first (?:i've|i have|we've|we have) heard\b|\bwhy (?:wasn't i|weren't we|was i not|were we not) told\b|\bwhy (?:have|has) (?:no one|nobody|you not)\b/,
    "not kept informed",
  ],
  [
    /\bignor(?:ed|ing) (?:my|our) (?:emails?|calls?|messages?|letters?)\b|\b(?:you|your firm|your office) (?:never|don't|do not|didn't) (?:reply|respond|call back|answer|return)\b/,
    "ignored",
  ],
];

/**
 * Mild signs of waiting ("haven't heard back"): a client may say it in passing. They count only
 * alongside another sign of unhappiness.
 */
const MILD: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b(?:heard|had) nothing (?:back|from (?:you|your|anyone|the firm))\b|\bhaven't heard (?:anything )?back\b|\bhave not heard (?:anything )?back\b|\bno one has (?:got|gotten|come) back\b/,
    "no reply from the firm",
  ],
];

/** Feelings that count only when the same or the next sentence points at the firm or its service. */
const FEELING =
  /\b(?:disappointed|disappointing|frustrated|frustrating|unhappy|not happy|not pleased|not satisfied|dissatisfied|annoyed|fed up|upset|angry|furious|livid|concerned at the lack|worried at the lack|losing patience|lost patience)\b/;
const FIRM_TARGET =
  /\b(?:you|your (?:firm|team|office|service|colleague|assistant|side|handling|advice|fees|bill)|this firm|the firm|instructed you|(?:no|any|an) (?:proper )?(?:update|reply|response|news)|heard (?:nothing|back)|kept (?:me|us) (?:informed|updated)|(?:the|this) delay|so long|weeks|chas(?:e|ing))\b/;

/** A feeling aimed at someone else: the other party, the court, an institution. */
const OTHER_SIDE =
  /\b(?:with|at|by|about|that) (?:him|her|them|they|he|she|the other side|their|his|the (?:tenant|landlord|buyer|seller|defendant|claimant|other party|court|judge|council|bank|insurer|builder|contractor|employer|respondent|agent|school|ex|neighbour|neighbor))\b/;

/**
 * Negative tone: the writer is unhappy with the firm or its service (complaint, disappointment,
 * repeated chasing, threats to leave or complain, sarcasm). Anger or worry about the other side or
 * the dispute does not count; negated feelings ("not unhappy", "no complaints") do not count.
 * Pass the message's new text only.
 */
export function negativeTone(text: string): ToneResult {
  const norm = normalizeText(text);
  const found: string[] = [];
  for (const [re, label] of FIRM_DIRECTED) {
    const m = re.exec(norm);
    if (m && !negatedAt(norm, m.index)) found.push(label);
  }
  const list = sentences(norm);
  for (let i = 0; i < list.length; i++) {
    const m = FEELING.exec(list[i]);
    if (!m) continue;
    // "not unhappy", "I'm not disappointed" – but "not happy" is itself the feeling.
    if (!m[0].startsWith("not ") && negatedAt(list[i], m.index)) continue;
    if (!/\b(?:with|at|in) (?:you|your)\b/.test(list[i]) && OTHER_SIDE.test(list[i])) continue;
    const context = `${list[i]} ${list[i + 1] ?? ""}`;
    // The feeling is about the firm when it names us (you/your firm/no update); "your costs" does not.
    const aboutFirm = FIRM_TARGET.test(context.replace(/\byour (?:costs|help|advice on)\b/g, ""));
    if (aboutFirm) found.push(`${m[0]} (about the firm)`);
  }
  if (found.length > 0) {
    for (const [re, label] of MILD) {
      const m = re.exec(norm);
      if (m && !negatedAt(norm, m.index)) found.push(label);
    }
  }
  return { negative: found.length > 0, cues: found };
}
