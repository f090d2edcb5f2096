import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { buildDirectoryIndex, isFirmAddress } from "@domain/directory/directoryIndex";
import { assignThreads } from "@domain/threading/assignThreads";
import { emptyFilingHistory, recordFiling } from "@domain/recognition/filingHistory";
import { newTextOf } from "@domain/text/newText";
import type { ClockState } from "@domain/clock/responseClock";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import type { FirmCalendar } from "@domain/time/firmCalendar";
import { proposeFollowUpDates } from "@domain/followUps/proposeDates";
import { assessMessages, type Assessment, type AssessmentContext } from "./assess";

/** Options of a triage run (the `npm run triage` flags). */
export interface TriageOptions {
  readonly directory: Directory;
  /** The mailbox owner's address(es), lower-case. */
  readonly me: readonly string[];
  /** ISO-8601 "now" for the response clock. */
  readonly now: string;
  /**
   * The `--sla-hours` option: it plays the user's own reply deadline, so a matter's or client's `slaHours` wins over
   * it (see `slaFor`). Undefined: the directory's, else 24 hours.
   */
  readonly slaHours?: number;
  readonly businessDays: boolean;
}

/** One input file: its parsed message, or why it could not be read. */
export interface TriageInput {
  readonly file: string;
  readonly message?: MailMessage;
  readonly error?: string;
}

/** One output line, exactly the keys of the triage format in docs/command-line.md (plus "error" for unreadable files). */
export interface TriageLine {
  file: string;
  messageId: string | null;
  direction: "inbound" | "outbound" | "internal" | null;
  clientId: string | null;
  matterId: string | null;
  confidence: number | null;
  reasons: string[];
  needsReply: boolean | null;
  intent: string | null;
  negativeTone: boolean | null;
  status: ClockState | null;
  receivedAt: string | null;
  dueAt: string | null;
  answeredAt: string | null;
  followUpDates: string[] | null;
  error?: string;
}

function timeOf(m: MailMessage): number {
  const t = Date.parse(m.receivedAt ?? m.sentAt ?? "");
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** ISO-8601 UTC of a message time, or null when it carries none (message times may hold any offset). */
function utc(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * Runs the assessment pipeline (`assessMessage`: recognize → needs reply → clock) over every message of a folder the
 * way the product would see them arrive: in time order, threaded by headers, each filed message teaching the filing
 * history (its conversation, and the outside addresses it came from or went to) used for the later ones. Then, per
 * message, the intent and tone of its own text and the follow-up dates. Lines come back in input order; unreadable
 * inputs, and messages the pipeline fails on, get a line with `error` and do not stop the others.
 */
export function triageMessages(inputs: readonly TriageInput[], options: TriageOptions): TriageLine[] {
  const index = buildDirectoryIndex(options.directory);
  const calendar = createFirmCalendar(options.directory.firm);
  const parsed = inputs.filter((i): i is TriageInput & { message: MailMessage } => i.message !== undefined);
  const threadIds = assignThreads(parsed.map((p) => p.message));
  const messages = new Map<string, MailMessage>();
  const threads = new Map<string, MailMessage[]>();
  for (const p of parsed) {
    const message = { ...p.message, conversationId: p.message.conversationId ?? threadIds.get(p.message.id) ?? null };
    messages.set(p.file, message);
    const key = message.conversationId ?? message.id;
    const list = threads.get(key);
    if (list) list.push(message);
    else threads.set(key, [message]);
  }
  const history = emptyFilingHistory();
  const ctx: AssessmentContext = {
    index,
    calendar,
    owners: options.me,
    history,
    settings: { slaHours: options.slaHours, businessDays: options.businessDays },
    now: options.now,
  };
  const order = [...messages.entries()].sort((a, b) => timeOf(a[1]) - timeOf(b[1]) || a[0].localeCompare(b[0]));
  const fileOf = new Map(order.map(([file, message]) => [message, file]));
  const assessed = assessMessages(
    order.map(([, message]) => message),
    (message) => threads.get(message.conversationId ?? message.id) ?? [message],
    ctx,
    (message, { recognition: r }) => {
      if (!r.matterId) return;
      const outside =
        r.direction === "inbound"
          ? [message.from?.email ?? ""]
          : [...message.to, ...message.cc].map((a) => a.email).filter((e) => !isFirmAddress(index, e));
      recordFiling(history, { conversationId: message.conversationId, addresses: outside, matterId: r.matterId });
    },
  );
  const byFile = new Map(assessed.map((a) => [fileOf.get(a.message)!, a]));
  return inputs.map((input) => {
    const result = byFile.get(input.file);
    if (!result) return { ...emptyLine(input.file), error: input.error ?? "unreadable message" };
    if (result.error !== null) return { ...emptyLine(input.file), messageId: result.message.internetMessageId, error: result.error };
    try {
      return triageLine(input.file, result.message, result.assessment, calendar);
    } catch (e) {
      return { ...emptyLine(input.file), messageId: result.message.internetMessageId, error: e instanceof Error ? e.message : String(e) };
    }
  });
}

/** Assembles the line of one assessed message, adding the intent, tone and follow-up dates of its own text. */
function triageLine(file: string, message: MailMessage, a: Assessment, calendar: FirmCalendar): TriageLine {
  const r = a.recognition;
  const line = emptyLine(file);
  line.messageId = message.internetMessageId;
  line.direction = r.direction;
  line.clientId = r.clientId;
  line.matterId = r.matterId;
  line.confidence = r.confidence;
  line.reasons = [...r.reasons, ...(r.decideHint ? [`to decide: ${r.decideHint}`] : [])];
  line.receivedAt = utc(message.receivedAt ?? message.sentAt);
  // Only inbound client mail is on the clock; for everyone else "needs a reply" is not the firm's promise.
  line.needsReply = a.reply?.needsReply ?? null;

  // The writer's own words and what they forward: quoted history and signatures are someone else's or boilerplate.
  const text = newTextOf(message.bodyText, message.subject);
  // For outbound mail the intent is what the message is about; the pipeline's one reading gives it.
  line.intent = a.reading.intent;
  // Negative tone is a client unhappy with the firm (DESIGN, "Replies"): the firm's own mail (an apology that repeats
  // the client's words, a colleague's "let them down") is never that, and neither is the other side's solicitors'
  // hostility, a court's notice or a newsletter's wording, however the words read.
  line.negativeTone = a.fromClient ? a.reading.unhappy : false;

  // A client message with no date cannot be timed: the line says so by leaving the clock fields null.
  line.status = a.clock?.state ?? null;
  line.dueAt = a.clock?.dueAt ?? null;
  line.answeredAt = a.clock?.answeredAt ?? null;

  // Relative words ("Friday", "tomorrow") count from the message's Date header, read in the firm's zone.
  const sentAt = message.sentAt ?? message.receivedAt;
  line.followUpDates = sentAt ? firstMentionDates(proposeFollowUpDates({ text, sentAt, calendar }).map((p) => p.date)) : [];
  return line;
}

/** Dates in order of first mention, each once. */
function firstMentionDates(dates: readonly string[]): string[] {
  return [...new Set(dates)];
}

function emptyLine(file: string): TriageLine {
  return {
    file,
    messageId: null,
    direction: null,
    clientId: null,
    matterId: null,
    confidence: null,
    reasons: [],
    needsReply: null,
    intent: null,
    negativeTone: null,
    status: null,
    receivedAt: null,
    dueAt: null,
    answeredAt: null,
    followUpDates: null,
  };
}
