import type { Angle } from "./types";

/**
 * The facts a template may use, already in plain words. `about` is how the matter is named in a sentence
 * (" about 2025-0042 (Lease of Unit 4)", " about 2025-0042", or "" when no matter is known): suggestReplies tries the
 * fullest form first and falls back to the number alone when a long matter title would push a draft past the
 * plain-language limits.
 */
export interface Facts {
  /** " about …" or "" (leading space included). */
  readonly about: string;
  /** "Hearing: Friday 12 September." lines for known future dates, possibly none. */
  readonly dateLines: readonly string[];
  /** "Thursday 28 August": the next working day. */
  readonly nextDay: string;
  /** The working day after that. */
  readonly dayAfter: string;
  /** "by 5 pm today" or "by 10 am on Thursday 28 August": the soonest honest promise. */
  readonly soon: string;
  /** Sentence naming the responsible attorney when someone else writes the reply, else "". */
  readonly attorneyLine: string;
}

/** One hand-written reply: its label, angle and body (greeting and sign-off are added around it). */
export interface ResponseTemplate {
  readonly label: string;
  readonly angle: Angle;
  readonly body: (f: Facts) => string;
}

const dates = (f: Facts, intro = "Key dates coming up:"): string => (f.dateLines.length ? `${intro}\n${f.dateLines.join("\n")}` : "");

/**
 * Hand-written response sets, one per intent, three angles each. Every sentence is short and uses
 * everyday words; the quality test runs every one of them against real client mail and the checker.
 * Wording rules kept here: no "it is", "there is", "request", "provide", "however", "failed to", "shall" —
 * the checker would flag them, and a client would stumble on them.
 */
export const RESPONSE_SETS: Readonly<Record<string, readonly ResponseTemplate[]>> = {
  status_request: [
    {
      label: "Give an update",
      angle: "answer",
      body: (f) =>
        [
          `Thank you for checking in${f.about}.`,
          `I am looking at the latest position now. I will send you a full update by the end of ${f.nextDay}.`,
          dates(f),
          f.attorneyLine,
        ]
          .filter(Boolean)
          .join("\n\n"),
    },
    {
      label: "Ask what they need",
      angle: "ask",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `So I can give you the right update, what matters most to you right now? For example, is it timing, cost or the next step?`,
          `Once I know, I will reply by the end of ${f.nextDay}.`,
        ].join("\n\n"),
    },
    {
      label: "Offer a call",
      angle: "call",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `It may be quicker to talk it through. Could we have a short call on ${f.nextDay} or ${f.dayAfter}?`,
          `Let me know a time that suits you, and I will call you then.`,
        ].join("\n\n"),
    },
  ],
  documents_sent: [
    {
      label: "Confirm they arrived",
      angle: "answer",
      body: (f) =>
        [
          `Thank you for sending the documents${f.about}. They reached me safely.`,
          `I will read them and tell you by ${f.nextDay} if anything is missing.`,
          f.attorneyLine,
        ]
          .filter(Boolean)
          .join("\n\n"),
    },
    {
      label: "Ask for anything missing",
      angle: "ask",
      body: (f) =>
        [
          `Thank you for the documents${f.about}. I will check them now.`,
          `Do you have any letters or emails from the other side about this? If so, please send those too.`,
          `If I find a gap, I will tell you by the end of ${f.nextDay}.`,
        ].join("\n\n"),
    },
    {
      label: "Offer a call",
      angle: "call",
      body: (f) =>
        [
          `Thanks for sending these${f.about}.`,
          `Once I have read them, it may help to talk them through. Are you free for a short call on ${f.dayAfter}?`,
          `Just tell me a time that works for you.`,
        ].join("\n\n"),
    },
  ],
  document_request: [
    {
      label: "Send what they asked for",
      angle: "answer",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `I will send you the papers you asked for by the end of ${f.nextDay}. If you need them sooner, please tell me.`,
        ].join("\n\n"),
    },
    {
      label: "Ask which papers",
      angle: "ask",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `I want to send you the right papers. Could you tell me which ones you need, and what they are for?`,
          `I will send them as soon as I hear back.`,
        ].join("\n\n"),
    },
    {
      label: "Offer a call",
      angle: "call",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `I can talk you through the papers on a short call. Would ${f.nextDay} or ${f.dayAfter} suit you?`,
          `I will send you copies before we speak.`,
        ].join("\n\n"),
    },
  ],
  scheduling: [
    {
      label: "Offer two times",
      angle: "answer",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          dates(f, "The dates I have are:"),
          `I can meet on ${f.nextDay} or ${f.dayAfter}. Please tell me which day suits you best.`,
        ]
          .filter(Boolean)
          .join("\n\n"),
    },
    {
      label: "Ask for their times",
      angle: "ask",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `To fix a time, could you send me two or three times that work for you?`,
          `Please also say if you would like to meet in person, by phone or by video.`,
        ].join("\n\n"),
    },
    {
      label: "Offer a call",
      angle: "call",
      body: (f) =>
        [
          `Thanks for getting in touch${f.about}.`,
          `Can I call you on ${f.nextDay} at 10 am to agree a date? If that time is no good, just name another.`,
        ].join("\n\n"),
    },
  ],
  billing_question: [
    {
      label: "Explain the bill",
      angle: "answer",
      body: (f) =>
        [
          `Thank you for your question about the bill${f.about}.`,
          `I will check the figures and send you a clear breakdown by the end of ${f.nextDay}. If anything is wrong, we will put it right.`,
        ].join("\n\n"),
    },
    {
      label: "Ask which items",
      angle: "ask",
      body: (f) =>
        [
          `Thanks for your email about the bill${f.about}.`,
          `To help me check it, could you tell me which invoice and which items you mean?`,
          `I will then reply with a full breakdown.`,
        ].join("\n\n"),
    },
    {
      label: "Offer a call",
      angle: "call",
      body: (f) =>
        [
          `Thanks for raising this${f.about}.`,
          `I am happy to go through the bill with you line by line. Would a short call on ${f.nextDay} or ${f.dayAfter} suit you?`,
        ].join("\n\n"),
    },
  ],
  complaint: [
    {
      label: "Own it and fix it",
      angle: "answer",
      body: (f) =>
        [
          `I am sorry. You are right to raise this${f.about}, and I take it seriously.`,
          `We should have done better, and we did not. Today I am finding out what went wrong.`,
          `I will write to you by the end of ${f.nextDay} with a full update and the next steps. From now on, you will hear from us at least once a week.`,
          f.attorneyLine,
        ]
          .filter(Boolean)
          .join("\n\n"),
    },
    {
      label: "Ask what to fix first",
      angle: "ask",
      body: (f) =>
        [
          `Thank you for telling me${f.about}. I am sorry we let you down.`,
          `I want to put this right. Which point should I fix first for you?`,
          `I will send you a plan with dates by the end of ${f.nextDay}.`,
        ].join("\n\n"),
    },
    {
      label: "Call to put it right",
      angle: "call",
      body: (f) =>
        [
          `Thank you for telling me${f.about}. I am sorry for the trouble this has caused you.`,
          `I would like to talk it through with you myself. I will call you on ${f.nextDay} at 10 am, unless another time suits you better.`,
          `After we speak, I will confirm in writing what we will do and by when.`,
        ].join("\n\n"),
    },
  ],
  urgent_deadline: [
    {
      label: "Confirm action",
      angle: "answer",
      body: (f) =>
        [
          `Thanks for flagging this${f.about}. I know this is urgent.`,
          `I am dealing with it now and will update you ${f.soon}.`,
          dates(f),
          f.attorneyLine,
        ]
          .filter(Boolean)
          .join("\n\n"),
    },
    {
      label: "Ask for the deadline",
      angle: "ask",
      body: (f) =>
        [
          `Thanks for flagging this${f.about}. I want to act fast.`,
          `What is the exact deadline, and who set it? Please send me any letter or email that mentions it.`,
        ].join("\n\n"),
    },
    {
      label: "Offer a call now",
      angle: "call",
      body: (f) =>
        [
          `Thanks for letting me know${f.about}.`,
          `As this is urgent, a quick call may be best. I can call you ${f.soon}.`,
          `Please send me the best number to reach you.`,
        ].join("\n\n"),
    },
  ],
  new_matter_inquiry: [
    {
      label: "Say yes, next steps",
      angle: "answer",
      body: (f) =>
        [
          `Thank you for getting in touch about this new matter. We would be glad to help.`,
          `I will look at what you have sent and reply by the end of ${f.nextDay}. I will set out the next steps and likely costs.`,
        ].join("\n\n"),
    },
    {
      label: "Ask for the facts",
      angle: "ask",
      body: () =>
        [
          `Thank you for your email.`,
          `To see how we can help, could you send a short summary of what happened and the key dates?`,
          `Please also send copies of any letters or contracts you have.`,
        ].join("\n\n"),
    },
    {
      label: "Offer a first call",
      angle: "call",
      body: (f) =>
        [
          `Thank you for getting in touch.`,
          `The quickest way to start is a short call. Would ${f.nextDay} or ${f.dayAfter} suit you?`,
          `On the call, I will ask what happened and explain how we can help.`,
        ].join("\n\n"),
    },
  ],
  other: [
    {
      label: "Reply in full",
      angle: "answer",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `I have read it and will look into the points you raise. I will reply in full by the end of ${f.nextDay}.`,
          dates(f),
        ]
          .filter(Boolean)
          .join("\n\n"),
    },
    {
      label: "Ask what they need",
      angle: "ask",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `So I get this right, what would you like us to do next? Once I know, I will reply by the end of ${f.nextDay}.`,
        ].join("\n\n"),
    },
    {
      label: "Offer a call",
      angle: "call",
      body: (f) =>
        [
          `Thanks for your email${f.about}.`,
          `It may be easier to talk this through. Would a short call on ${f.nextDay} or ${f.dayAfter} suit you?`,
        ].join("\n\n"),
    },
  ],
  thanks_ack: [
    {
      label: "Short note (optional)",
      angle: "note",
      body: () => `Thanks for letting me know. I will be in touch as soon as I have news.`,
    },
  ],
};

/** Opening line added to every draft when the client is unhappy with us, before anything else. */
export const SORRY_LINE = "I am sorry you have had to wait, and I understand your frustration.";
