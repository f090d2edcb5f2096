import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import type { Client, Matter } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { recognize, type RecognitionText } from "@domain/recognition/recognize";
import { readingFromFacts, type BodyFacts } from "./bodyFacts";
import type { FilingHistory, Recognition } from "@domain/recognition/types";
import type { NeedsReplyResult } from "@domain/language/needsReply";
import { readMail, readingOnOpenMatter, type MailReading } from "@domain/language/reading";
import { answersNewWork } from "@domain/language/newWork";
import { threadContextOf } from "@domain/language/threadContext";
import type { ThreadContext } from "@domain/language/unhappySignals";
import { isFirmAddress } from "@domain/directory/directoryIndex";
import { normalizeEmail } from "@domain/model/mail";
import { clockFor, type AnswerCandidates, type ClockResult, type Tracking } from "@domain/clock/responseClock";
import { slaFor } from "@domain/clock/sla";
import { MatterlineError } from "@domain/errors";
import type { FirmCalendar, Instant } from "@domain/time/firmCalendar";

/** The user's choices for the reply clock: the same two for the pane (Overdue settings) and for `triage` (its options). */
export interface ReplyClockSettings {
  /** The user's reply deadline in hours; a matter's or client's own `slaHours` wins over it. Absent: 24 h. */
  readonly slaHours?: number;
  /** Count only the firm's working days (weekends and holidays do not count). */
  readonly businessDays: boolean;
}

/** Everything besides the message that decides its assessment. The pane and `triage` differ only in these inputs. */
export interface AssessmentContext {
  readonly index: DirectoryIndex;
  readonly calendar: FirmCalendar;
  /** The watched mailbox's owner address(es), lower-case: whose mail is "mine", whose replies answer. */
  readonly owners: readonly string[];
  /** What the firm filed before: the pane's filing history, or the one `triage` learns as it reads the folder. */
  readonly history?: FilingHistory;
  readonly settings: ReplyClockSettings;
  readonly now: Instant;
}

/** What the pipeline found out about one message. */
export interface Assessment {
  readonly recognition: Recognition;
  /** The recognized matter, or null when recognition named none. */
  readonly matter: Matter | null;
  /** The recognized client (or the matter's client). */
  readonly client: Client | null;
  /** Inbound mail from a client contact: the only mail the response clock is about. */
  readonly fromClient: boolean;
  /** What the conversation said to the language reading: this sender's earlier messages still unanswered. */
  readonly thread: ThreadContext;
  /** The language reading of the writer's words: intent, unhappiness with the firm and needs-reply, with reasons. */
  readonly reading: MailReading;
  /** Needs-reply's verdict and reason, for client mail only (null for everyone else). */
  readonly reply: NeedsReplyResult | null;
  readonly tracking: Tracking;
  /** The reply deadline `slaFor` gave this message. */
  readonly slaHours: number;
  /** The response clock; null when a client message carries no date, so its reply cannot be timed. */
  readonly clock: ClockResult | null;
}

/** One message put through {@link assessMessages}: its assessment, or what went wrong with it. */
export type AssessedMessage =
  | { readonly message: MailMessage; readonly assessment: Assessment; readonly error: null }
  | { readonly message: MailMessage; readonly assessment: null; readonly error: string };

/** What {@link timeReply} needs to time one message. */
export interface ReplyTimingInput {
  readonly message: MailMessage;
  readonly tracking: Tracking;
  /** The other messages of its conversation (may include the message itself), or the conversation read once by `answerCandidates`. */
  readonly thread: readonly MailMessage[] | AnswerCandidates;
  /** Whose sent mail answers it. */
  readonly owners: readonly string[];
  readonly matter: { readonly slaHours?: number } | null;
  readonly client: { readonly slaHours?: number } | null;
}

/**
 * The response clock of one message under the deadline {@link slaFor} gives it (matter, client, the user's setting,
 * 24 h) in the user's mode. The clock is null when a client message carries no date: it cannot be timed, and the
 * caller shows that instead of failing.
 */
export function timeReply(
  input: ReplyTimingInput,
  ctx: {
    readonly firmDomains: readonly string[];
    readonly calendar: FirmCalendar;
    readonly settings: ReplyClockSettings;
    readonly now: Instant;
  },
): { readonly slaHours: number; readonly clock: ClockResult | null } {
  const slaHours = slaFor({ matter: input.matter, client: input.client, userSlaHours: ctx.settings.slaHours });
  try {
    const clock = clockFor({
      message: input.message,
      tracking: input.tracking,
      thread: input.thread,
      owners: input.owners,
      firmDomains: ctx.firmDomains,
      slaHours,
      mode: ctx.settings.businessDays ? "business" : "calendar",
      calendar: ctx.calendar,
      now: ctx.now,
    });
    return { slaHours, clock };
  } catch (e) {
    if (e instanceof MatterlineError && e.code === "invalid-input") return { slaHours, clock: null };
    throw e;
  }
}

/**
 * The assessment pipeline, the one the pane's overdue scan, `triage` and the bench all run: recognize the client and
 * matter, read the writer's words once (intent, unhappiness with the firm, needs-reply — see `readMail`; quoted
 * history is not the client's, forwarded third-party text is not the client's question), with what the conversation
 * says (earlier unanswered messages from the same sender), then run the response clock against its thread under the
 * deadline {@link slaFor} gives. Only inbound mail from a client contact is on the clock.
 */
export function assessMessage(message: MailMessage, thread: readonly MailMessage[], ctx: AssessmentContext): Assessment {
  return assessWith(message, thread, ctx, undefined, (threadContext) => readMail(message, { thread: threadContext }));
}

/**
 * {@link assessMessage} over what was read from the body earlier ({@link BodyFacts}): the same assessment without the
 * body (its reading gives no intent reasons), for a message whose facts were read with the same directory and owners.
 */
export function assessMessageFromFacts(
  message: MailMessage,
  facts: BodyFacts,
  thread: readonly MailMessage[],
  ctx: AssessmentContext,
): Assessment {
  if ("error" in facts) throw new Error(facts.error);
  return assessWith(message, thread, ctx, facts.text, (threadContext) => readingFromFacts(facts, threadContext));
}

function assessWith(
  message: MailMessage,
  thread: readonly MailMessage[],
  ctx: AssessmentContext,
  text: RecognitionText | undefined,
  read: (thread: ThreadContext) => MailReading,
): Assessment {
  // Earlier unanswered messages from the same sender in this conversation: chasing a third time is unhappiness even
  // when polite. A message from the firm (its domains or the mailbox's owners) answers them.
  const firmDomains = ctx.index.directory.firm.domains;
  const fromFirm = (m: MailMessage) => {
    const from = normalizeEmail(m.from?.email);
    return from !== "" && (ctx.owners.includes(from) || isFirmAddress(ctx.index, from));
  };
  const threadContext = threadContextOf(message, thread, fromFirm);
  // The writer's words are read first: recognition needs to know whether they ask for new work, or, for the firm's own
  // mail, whether the message it answers did (never the case from kept facts: only a client's mail is kept).
  const words = read(threadContext);
  const answers = text === undefined && fromFirm(message) && answersNewWork(message);
  const recognition = recognize(
    message,
    { index: ctx.index, me: ctx.owners, history: ctx.history, newWork: words.newWork, answersNewWork: answers },
    text,
  );
  // Mail put on a matter the firm already has is about that matter: a new enquiry the words only suggested is not one.
  const reading = recognition.matterId ? readingOnOpenMatter(words) : words;
  const matter = recognition.matterId ? (ctx.index.matterById.get(recognition.matterId) ?? null) : null;
  const clientId = recognition.clientId ?? matter?.clientId ?? null;
  const client = clientId ? (ctx.index.clientById.get(clientId) ?? null) : null;
  const fromClient = recognition.direction === "inbound" && recognition.senderRole === "client";
  const addressee = fromClient ? addressedElsewhere(message, (e) => ctx.owners.includes(e) || isFirmAddress(ctx.index, e)) : null;
  const reply = !fromClient
    ? null
    : addressee !== null
      ? { needsReply: false, reason: `addressed to ${addressee}: the firm is only copied` }
      : { needsReply: reading.needsReply, reason: reading.needsReplyReason };
  const tracking: Tracking = reply === null ? "not-tracked" : reply.needsReply ? "tracked" : "no-reply-needed";
  const { slaHours, clock } = timeReply(
    { message, tracking, thread, owners: ctx.owners, matter, client },
    { firmDomains, calendar: ctx.calendar, settings: ctx.settings, now: ctx.now },
  );
  return { recognition, matter, client, fromClient, thread: threadContext, reading, reply, tracking, slaHours, clock };
}

/**
 * Who the message is addressed to when the firm is only copied: its To line holds someone and no one of the firm, and
 * its Cc line holds the firm. A client writing to a colleague of theirs or to the other side, with the lawyer copied,
 * asks the lawyer nothing ("Kelvin, please see Vanessa's note below. Can you get the brokers to issue the
 * endorsement?"), however many requests its words make. Null when the firm is in To, or not copied at all.
 */
export function addressedElsewhere(message: MailMessage, isFirm: (email: string) => boolean): string | null {
  const to = message.to.filter((a) => normalizeEmail(a.email) !== "");
  if (to.length === 0 || to.some((a) => isFirm(normalizeEmail(a.email)))) return null;
  if (!message.cc.some((a) => isFirm(normalizeEmail(a.email)))) return null;
  return to[0].name?.trim() || normalizeEmail(to[0].email);
}

/**
 * Assesses messages one by one, in the order given, each in isolation: a message that makes any step throw is
 * returned with its error and the others go on. `afterEach` sees every assessed message before the next one is
 * assessed (`triage` teaches its filing history there, as filing would in the pane). `factsOf` gives what was read
 * earlier from a message's body (see {@link assessMessageFromFacts}); a message without facts is read now.
 */
export function assessMessages(
  messages: readonly MailMessage[],
  threadOf: (message: MailMessage) => readonly MailMessage[],
  ctx: AssessmentContext,
  afterEach?: (message: MailMessage, assessment: Assessment) => void,
  factsOf?: (message: MailMessage) => BodyFacts | undefined,
): AssessedMessage[] {
  return messages.map((message): AssessedMessage => {
    try {
      const facts = factsOf?.(message);
      const thread = threadOf(message);
      const assessment = facts ? assessMessageFromFacts(message, facts, thread, ctx) : assessMessage(message, thread, ctx);
      afterEach?.(message, assessment);
      return { message, assessment, error: null };
    } catch (e) {
      return { message, assessment: null, error: e instanceof Error ? e.message : String(e) };
    }
  });
}
