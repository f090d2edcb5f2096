import type { MailMessage } from "@domain/model/mail";
import { splitMessageText } from "@domain/text/newText";
import { proposedTime, type ProposedTime } from "./proposedTime";
import type { Facts, ResponseTemplate } from "./responseSets";

/** What the client's own words ask of us, read from the new text of their email (quoted history left out). */
export interface Asked {
  /** A time the client proposes ("on Wednesday 27 August at 9.30", "today? I'm free between 2 and 4"); null when none. */
  readonly proposal: ProposedTime | null;
  /** The first yes/no question ("Is the lease signed?"); null when none. */
  readonly question: string | null;
  /** No question and no request: the email needs no reply (an acknowledgement at most). */
  readonly asksNothing: boolean;
}

const MAX_TEXT = 20_000;
const MAX_QUESTION = 200;
const MAX_PROPOSAL = 80;

/** A question answered yes or no: it starts with an auxiliary verb. */
/** ("Could you send …?" is a request, not a yes/no question: "can", "could", "will" and "would" count only with we/I/it.) */
const YES_NO =
  /^(?:is|are|was|were|do|does|did|should|shall|have|has|had|(?:can|could|may|will|would) (?:we|i|it|this|that|they|he|she|the))\b/i;
/** A request without a question mark ("Please send …", "Let me know …"). */
const REQUESTS = /\b(?:please|could you|can you|would you|let me know|kindly|i need|we need|send me|advise|confirm)\b/i;

/** The sentences of `text`, each trimmed, split after ".", "?" or "!" and at line breaks (one pass, no backtracking). */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const end = c === "\n" || ((c === "." || c === "?" || c === "!") && (i + 1 === text.length || /\s/.test(text[i + 1])));
    if (!end) continue;
    const s = text.slice(start, c === "\n" ? i : i + 1).trim();
    if (s) out.push(s);
    start = i + 1;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Drops a greeting stuck in front of the question ("Hi Ann, can we …" → "can we …"). */
function withoutGreeting(s: string): string {
  return s.replace(/^(?:hi|hello|dear|hey|good (?:morning|afternoon|evening))\b[^,]{0,40},\s*/i, "");
}

/** Reads what the client asks: a proposed time, a yes/no question, or nothing at all. */
export function whatWasAsked(message: MailMessage): Asked {
  const text = splitMessageText(message.bodyText.slice(0, MAX_TEXT), message.subject).newText;
  const all = sentences(text).map(withoutGreeting);
  const questions = all.filter((s) => s.endsWith("?"));
  let proposal: ProposedTime | null = null;
  for (let i = 0; i < all.length && !proposal; i++) if (all[i].endsWith("?")) proposal = proposedTime(all, i, MAX_PROPOSAL);
  const yesNo = questions.find((q) => YES_NO.test(q) && q.length <= MAX_QUESTION) ?? null;
  const question = yesNo ? yesNo[0].toUpperCase() + yesNo.slice(1) : null;
  return { proposal, question, asksNothing: questions.length === 0 && !REQUESTS.test(text) };
}

/** The placeholder the attorney replaces with their answer: a draft never answers for them. */
export const ANSWER_PLACEHOLDER = "[Your answer: yes or no, and why]";

/**
 * Drafts for a client who proposes a time: take it, decline it and offer two others, or take it and settle the one
 * detail left (how to meet, or the number to call). A call is answered as a call ("I will call you then"), not "I will
 * see you then".
 */
export function proposalReplies({ words, by }: ProposedTime): readonly ResponseTemplate[] {
  const call = by === "call";
  return [
    {
      label: "Accept the time",
      angle: "answer",
      body: (f: Facts) =>
        [`Thanks for your email${f.about}.`, `Yes, ${words} works for me. ${call ? "I will call you then." : "I will see you then."}`].join(
          "\n\n",
        ),
    },
    {
      label: "Suggest another time",
      angle: "ask",
      body: (f: Facts) =>
        [
          `Thanks for your email${f.about}.`,
          `I am sorry, but ${words} does not work for me. Could we ${call ? "speak" : "meet"} on ${f.nextDay} or ${f.dayAfter} instead?`,
        ].join("\n\n"),
    },
    call
      ? {
          label: "Accept and ask for a number",
          angle: "call",
          body: (f: Facts) =>
            [`Thanks for your email${f.about}.`, `Yes, ${words} works for me. Which number is best to reach you on?`].join("\n\n"),
        }
      : {
          label: "Accept and ask how",
          angle: "call",
          body: (f: Facts) =>
            [`Thanks for your email${f.about}.`, `Yes, ${words} works for me. Should I call you then, or would you rather meet?`].join(
              "\n\n",
            ),
        },
  ];
}

/** A draft that answers a yes/no question, with a placeholder for the attorney's answer. */
export function questionReply(): ResponseTemplate {
  return {
    label: "Answer the question",
    angle: "answer",
    // The question is not quoted back: the client knows what they asked, and a long one would break the draft's limits.
    body: (f: Facts) => [`Thanks for your email${f.about}.`, `To answer your question: ${ANSWER_PLACEHOLDER}`].join("\n\n"),
  };
}
