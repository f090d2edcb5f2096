/**
 * Plain words for a model feature, for the pane's reasons ("asks about: documents", "the word 'invoice'"). `surface` is
 * the message's own word or words behind a stemmed word feature (see surfaceOf); without it the stem is named.
 */
export function describeFeature(feature: string, surface: string | null = null): string {
  const colon = feature.indexOf(":");
  const kind = feature.slice(0, colon);
  const value = feature.slice(colon + 1);
  switch (kind) {
    case "w":
      return `the word "${surface ?? plainClasses(value)}"`;
    case "b":
      return `the words "${surface ?? plainClasses(value.replace("_", " "))}"`;
    case "a":
      return `asks with the word "${surface ?? plainClasses(value)}"`;
    case "s":
      return `subject word "${plainClasses(value)}"`;
    case "t":
      return `mentions ${TOPIC_WORDS[value] ?? value}`;
    case "f":
      return `opens about ${TOPIC_WORDS[value] ?? value}`;
    case "q":
    case "q1":
      return `asks about ${TOPIC_WORDS[value] ?? value}`;
    case "st":
      return `subject about ${TOPIC_WORDS[value] ?? value}`;
    case "c":
      return value.slice(value.indexOf(":") + 1);
    case "r":
      return `the phrase rules say ${value.replace(/_/g, " ")}`;
    case "h":
      return ASK_WORDS[value] ?? `asks (${value})`;
    case "u":
      return value === "any" ? "unhappy with the firm" : value;
    case "x":
      return SHAPE_WORDS[value] ?? value;
    default:
      return feature;
  }
}

/** The classes numbers, amounts and dates are folded into (featureWord), in plain words. */
const CLASS_WORDS: Record<string, string> = {
  "<money>": "[an amount]",
  "<num>": "[a number]",
  "<nth>": "[a date]",
  "<day>": "[a day]",
  "<month>": "[a month]",
  "<clock>": "[a time]",
};

function plainClasses(value: string): string {
  return value.replace(/<[a-z]{1,8}>/g, (c) => CLASS_WORDS[c] ?? c);
}

const TOPIC_WORDS: Record<string, string> = {
  status: "progress",
  document: "documents",
  meeting: "a meeting or call",
  when: "a day or time",
  money: "fees or money",
  deadline: "a deadline",
  "new-work": "new work",
  sending: "sending documents",
  thanks: "thanks",
  advice: "advice",
  instruction: "an instruction",
};

const ASK_WORDS: Record<string, string> = {
  question: "asks a question",
  "question-no-mark": "asks a question without a question mark",
  indirect: "asks indirectly",
  modal: "asks with a modal wish or request",
  imperative: "gives an instruction",
  proposal: "makes a proposal",
  learned: "makes a request",
  request: "makes a request",
};

const SHAPE_WORDS: Record<string, string> = {
  "legal-question": "asks what the law says",
  "names-firm": "speaks to the firm",
  "no-firm": "does not address the firm",
  "other-party": "about someone else",
  "mostly-first-person": "about the writer",
  asks: "asks something",
  "no-ask": "asks nothing",
  "asks-more": "asks more than one thing",
  question: "asks a question",
  short: "a short message",
  long: "a long message",
  negative: "negative words",
  shouting: "words in capitals",
  "names-a-day": "names a day or date",
  "names-a-time": "names a time",
  attachments: "has attachments",
  reply: "a reply",
  forward: "a forward",
};
