/**
 * Irregular past participles, from retext-passive 5 (lib/list.js, MIT licence, (c) Titus Wormer),
 * minus those that after "be" are almost always adjectives ("I am upset", "we are done").
 * Regular "-ed" participles are recognised by their ending (see checkDraft).
 */
export const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set([
  "awoken", "beaten", "begun", "bent", "bitten", "bled", "blown", "broken", "brought", "built", "bought", "caught",
  "chosen", "dealt", "drawn", "driven", "eaten", "fed", "fought", "found", "forbidden", "forgotten", "forgiven",
  "frozen", "given", "ground", "hung", "heard", "hidden", "hit", "held", "kept", "known", "laid", "led", "let",
  "made", "meant", "met", "paid", "proven", "put", "read", "ridden", "rung", "run", "said", "seen", "sold", "sent",
  "shaken", "shot", "shown", "shut", "sung", "sunk", "slain", "slid", "spoken", "spent", "spun", "split", "spread",
  "stolen", "struck", "swept", "swung", "taken", "taught", "torn", "told", "thought", "thrown", "undergone",
  "understood", "woken", "worn", "won", "withdrawn", "written", "beset", "bid", "bidden", "bound", "bred",
  "broadcast", "cast", "cut", "dug", "drunk", "fallen", "flung", "flown", "foregone", "forsaken", "grown", "lent",
  "mistaken", "mown", "overcome", "overtaken", "overthrown", "sought", "set", "sewn", "shorn", "shed", "shrunk",
  "slung", "slit", "sown", "spilt", "sprung", "stuck", "stung", "strung", "sworn", "thrust", "trodden", "upheld",
  "woven", "wound", "withheld", "withstood", "wrung",
]);

/** "-ed" words that after "be" describe a state or feeling rather than an action done to someone. */
export const ADJECTIVAL_ED: ReadonlySet<string> = new Set([
  "pleased", "delighted", "interested", "concerned", "worried", "tired", "surprised", "disappointed", "excited",
  "based", "located", "qualified", "married", "supposed", "used", "engaged", "involved", "prepared", "satisfied",
  "relieved", "scared", "annoyed", "confused", "bored", "amazed", "shocked", "frustrated", "committed",
  "dedicated", "determined", "experienced", "limited", "related", "detailed", "complicated", "advanced",
  "balanced", "closed", "aged", "entitled", "unprepared", "unsatisfied", "dissatisfied", "unqualified", "alarmed",
  "embarrassed", "exhausted", "horrified", "stressed", "upset", "agreed", "allowed", "assured", "convinced",
  "distressed", "fed", "overwhelmed", "puzzled", "unimpressed", "unsettled", "appalled", "ashamed",
]);

/** Forms of "be" that make a passive with a following participle. */
export const BE_FORMS: ReadonlySet<string> = new Set(["am", "are", "is", "was", "were", "be", "been", "being"]);

/** Words that may sit between "be" and the participle ("was not sent", "is already filed"). */
export const BETWEEN_BE_AND_PARTICIPLE: ReadonlySet<string> = new Set([
  "not", "also", "already", "just", "now", "still", "never", "always", "then", "being", "been", "all", "both", "since",
]);
