import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { buildDirectoryIndex, isFirmAddress } from "@domain/directory/directoryIndex";
import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import { assignThreads } from "@domain/threading/assignThreads";
import { recognize } from "@domain/recognition/recognize";
import type { Recognition } from "@domain/recognition/types";
import { emptyFilingHistory, recordFiling } from "@domain/recognition/filingHistory";
import type { MutableFilingHistory } from "@domain/recognition/filingHistory";
import { newTextOf } from "@domain/text/newText";
import { needsReply } from "@domain/language/needsReply";
import { classifyIntent } from "@domain/language/intent";
import { negativeTone } from "@domain/language/tone";
import { clockFor } from "@domain/clock/responseClock";
import type { ClockInput, ClockResult, ClockState, Tracking } from "@domain/clock/responseClock";
import { MatterlineError } from "@domain/errors";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import type { FirmCalendar } from "@domain/time/firmCalendar";
import { proposeFollowUpDates } from "@domain/followUps/proposeDates";

/** The firm-wide default response time when neither the command line nor the matter says otherwise. */
export const DEFAULT_SLA_HOURS = 24;

/** Options of a triage run (the `npm run triage` flags). */
export interface TriageOptions {
  readonly directory: Directory;
  /** The mailbox owner's address(es), lower-case. */
  readonly me: readonly string[];
  /** ISO-8601 "now" for the response clock. */
  readonly now: string;
  /**
   * SLA in hours given on the command line: it overrides every matter's `slaHours`. Leave undefined to use
   * the matter's `slaHours`, else {@link DEFAULT_SLA_HOURS}.
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

/** One output line, exactly the keys of the DESIGN triage format (plus "error" for unreadable files). */
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

/** ISO-8601 UTC of a message time, or null when it carries none (core times may hold any offset). */
function utc(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

interface Shared {
  readonly options: TriageOptions;
  readonly calendar: FirmCalendar;
  /** Thread id → its messages, for the clock's answer search. */
  readonly threads: ReadonlyMap<string, readonly MailMessage[]>;
}

/**
 * Recognizes every message of a folder the way the product would see them arrive: in time order,
 * threaded by headers, each filed message teaching the filing history (its conversation, and the
 * outside addresses it came from or went to) used for the later ones. Then, per message, reply need
 * (inbound client mail only), intent and tone of its own text, the response clock against its thread,
 * and follow-up dates. Lines come back in input order; unreadable inputs get a line with `error`.
 */
export function triageMessages(inputs: readonly TriageInput[], options: TriageOptions): TriageLine[] {
  const index: DirectoryIndex = buildDirectoryIndex(options.directory);
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
  const history: MutableFilingHistory = emptyFilingHistory();
  const recognitions = new Map<string, Recognition>();
  const order = [...messages.entries()].sort((a, b) => timeOf(a[1]) - timeOf(b[1]) || a[0].localeCompare(b[0]));
  for (const [file, message] of order) {
    const r = recognize(message, { index, me: options.me, history });
    recognitions.set(file, r);
    if (r.matterId) {
      const outside =
        r.direction === "inbound"
          ? [message.from?.email ?? ""]
          : [...message.to, ...message.cc].map((a) => a.email).filter((e) => !isFirmAddress(index, e));
      recordFiling(history, { conversationId: message.conversationId, addresses: outside, matterId: r.matterId });
    }
  }

  const shared: Shared = { options, calendar, threads };
  return inputs.map((input) => {
    const message = messages.get(input.file);
    const r = recognitions.get(input.file);
    if (!message || !r) return { ...emptyLine(input.file), error: input.error ?? "unreadable message" };
    return triageLine(input.file, message, r, shared);
  });
}

/** Assembles the line of one readable message from its recognition and the language, clock and follow-up engines. */
function triageLine(file: string, message: MailMessage, r: Recognition, shared: Shared): TriageLine {
  const { options, calendar } = shared;
  const line = emptyLine(file);
  line.messageId = message.internetMessageId;
  line.direction = r.direction;
  line.clientId = r.clientId;
  line.matterId = r.matterId;
  line.confidence = r.confidence;
  line.reasons = [...r.reasons, ...(r.decideHint ? [`to decide: ${r.decideHint}`] : [])];
  line.receivedAt = utc(message.receivedAt ?? message.sentAt);

  // The writer's own words and what they forward: quoted history and signatures are someone else's or boilerplate.
  const text = newTextOf(message.bodyText, message.subject);
  // Only inbound client mail is on the clock; for everyone else "needs a reply" is not the firm's promise.
  const fromClient = r.direction === "inbound" && r.senderRole === "client";
  const replyNeeded = fromClient ? needsReply(message, text).needsReply : null;
  line.needsReply = replyNeeded;
  // For outbound mail the intent is what the message is about; the same classifier reads it.
  line.intent = classifyIntent(text, message.subject, message).intent;
  // Negative tone is someone outside unhappy with the firm; the firm's own mail (an apology that repeats the
  // client's words, a colleague's "let them down") is never that.
  line.negativeTone = r.direction === "inbound" ? negativeTone(text).negative : false;

  const tracking: Tracking = fromClient ? (replyNeeded ? "tracked" : "no-reply-needed") : "not-tracked";
  const matter = r.matterId ? options.directory.matters.find((m) => m.id === r.matterId) : undefined;
  const clock = clockOrNull({
    message,
    tracking,
    thread: shared.threads.get(message.conversationId ?? message.id) ?? [message],
    owners: options.me,
    firmDomains: options.directory.firm.domains,
    slaHours: options.slaHours ?? matter?.slaHours ?? DEFAULT_SLA_HOURS,
    mode: options.businessDays ? "business" : "calendar",
    calendar,
    now: options.now,
  });
  // A client message with no date cannot be timed: the line says so by leaving the clock fields null.
  line.status = clock?.state ?? null;
  line.dueAt = clock?.dueAt ?? null;
  line.answeredAt = clock?.answeredAt ?? null;

  // Relative words ("Friday", "tomorrow") count from the message's Date header, read in the firm's zone.
  const sentAt = message.sentAt ?? message.receivedAt;
  line.followUpDates = sentAt ? firstMentionDates(proposeFollowUpDates({ text, sentAt, calendar }).map((p) => p.date)) : [];
  return line;
}

function clockOrNull(input: ClockInput): ClockResult | null {
  try {
    return clockFor(input);
  } catch (e) {
    if (e instanceof MatterlineError && e.code === "invalid-input") return null;
    throw e;
  }
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
