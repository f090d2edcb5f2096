import type { SentenceInfo } from "./analysis";
import { topicsOf, type Topic } from "./topics";

/** Topics that make a question about the firm's work rather than about the law. */
const SERVICE_TOPICS: readonly Topic[] = ["meeting", "money", "new-work", "sending", "deadline"];

/** The grammar of a question about the law: is it binding, are we entitled, can they do that, what are my rights. */
const LEGAL_QUESTION =
  /\b(?:(?:is|are|was|would|will) (?:[\w'-]+ ){0,4}?(?:binding|enforceable|legal|lawful|unlawful|illegal|valid|allowed|permitted|entitled|obliged|liable|required|normal|usual|standard)|(?:can|could|may) (?:he|she|they|the \w+) (?:legally |actually |really |just )?(?:do|refuse|insist|stop|take|make|sell|change|claim|evict|keep)|(?:am i|are we|is he|is she|are they) (?:legally )?(?:entitled|allowed|obliged|liable|required)|do (?:i|we) (?:legally )?have to|what are (?:my|our|his|her|their) (?:rights|options|obligations)|is it (?:legal|lawful|worth))\b/;

/**
 * Whether the message's first question asks what the law says ("is a verbal agreement binding?", "can he actually do
 * that?") and nothing about the firm's service. A feature of the intent model, not a decision: writers ask such
 * questions on top of a forwarded letter (documents sent) or a bill (a billing question) as well as on their own
 * (a general question, "other"), and the model weighs which (docs/language.md, "A question about the law").
 */
export function firstQuestionIsLegal(sentences: readonly SentenceInfo[]): boolean {
  const first = sentences.find((s) => s.ask !== null);
  return first !== undefined && LEGAL_QUESTION.test(first.text) && !topicsOf(first).some((t) => SERVICE_TOPICS.includes(t));
}
