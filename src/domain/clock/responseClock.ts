import type { MailMessage } from "@domain/model/mail";
import { emailDomain, normalizeEmail } from "@domain/model/mail";
import { MatterlineError } from "@domain/errors";
import type { FirmCalendar, Instant } from "@domain/time/firmCalendar";
import { toMillis } from "@domain/time/firmCalendar";

/** Whether a message is on the clock; decided by the caller from recognition (client sender) and needs-reply. */
export type Tracking = "tracked" | "no-reply-needed" | "not-tracked";

/** `calendar`: received + SLA of real time. `business`: SLA counted only on the firm's working days (see FirmCalendar). */
export type ClockMode = "calendar" | "business";

export type ClockState = "answered" | "waiting" | "due-soon" | "overdue" | "no-reply-needed" | "not-tracked";

/** Less than this much time left (real time) makes a waiting message `due-soon`. */
export const DUE_SOON_MINUTES = 4 * 60;

export interface ClockInput {
  /** The client's message. Its `receivedAt` (else `sentAt`) starts the clock. */
  readonly message: MailMessage;
  readonly tracking: Tracking;
  /**
   * The other messages of the same conversation (may include the message itself; it is skipped), or the conversation
   * already read by {@link answerCandidates} for these owners and firm domains (then `owners` and `firmDomains` are
   * not read again).
   */
  readonly thread: readonly MailMessage[] | AnswerCandidates;
  /** Address(es) of the watched mailbox's owner. */
  readonly owners: readonly string[];
  /** The firm's mail domains: a colleague is a sender at one of them. */
  readonly firmDomains: readonly string[];
  /** SLA in hours for this message (the client/matter override, else the firm default). */
  readonly slaHours: number;
  readonly mode: ClockMode;
  readonly calendar: FirmCalendar;
  readonly now: Instant;
}

export interface ClockResult {
  /** The tracked message's `id`. */
  readonly messageId: string;
  readonly state: ClockState;
  readonly mode: ClockMode;
  /** ISO-8601 UTC; null only when the message carries no date. */
  readonly receivedAt: string | null;
  /** Due time in the chosen mode; null when not tracked. */
  readonly dueAt: string | null;
  /** Due time of the calendar clock, which `late` is judged against whatever the mode. */
  readonly calendarDueAt: string | null;
  readonly answeredAt: string | null;
  /** `id` of the answering message. */
  readonly answeredBy: string | null;
  /** Address that sent the answer. */
  readonly answeredByAddress: string | null;
  /** Whole minutes from receipt to answer. */
  readonly responseMinutes: number | null;
  /** Answered after the calendar due time; null unless answered. */
  readonly late: boolean | null;
  /** Minutes from now to dueAt (negative when overdue); null unless still open. */
  readonly minutesLeft: number | null;
  /** Minutes the client has been waiting at now; null unless still open. */
  readonly waitingMinutes: number | null;
}

const MINUTE = 60_000;

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function timeOf(value: string | null | undefined): number | null {
  if (!value) return null;
  try {
    return toMillis(value);
  } catch {
    return null;
  }
}

/** One message of a conversation that can answer a client: its time (sent, else received) read once. */
export interface AnswerCandidate {
  readonly reply: MailMessage;
  readonly at: number;
}

/**
 * A conversation read once for the clock: the messages that can answer — sent by the mailbox owner, or by a colleague
 * (firm domain) with the owner in To or Cc — with their times, earliest first (ties by id). Timing every client
 * message of a long conversation against one of these reads the conversation once instead of once per message.
 */
export interface AnswerCandidates {
  readonly candidates: readonly AnswerCandidate[];
}

/** Whose mail answers a client — the mailbox's owners, and colleagues at the firm's domains who copy them — read once. */
export interface Answerers {
  readonly owners: ReadonlySet<string>;
  readonly firmDomains: ReadonlySet<string>;
}

/** The owners' addresses and the firm's domains as {@link answerCandidates} compares them (lower-case, trimmed). */
export function answerersOf(owners: readonly string[], firmDomains: readonly string[]): Answerers {
  return { owners: new Set(owners.map(normalizeEmail)), firmDomains: new Set(firmDomains.map((d) => d.trim().toLowerCase())) };
}

/** Reads a conversation once for {@link clockFor}: see {@link AnswerCandidates}. */
export function answerCandidates(thread: readonly MailMessage[], answerers: Answerers): AnswerCandidates {
  const { owners: ownerSet, firmDomains: domainSet } = answerers;
  const candidates: AnswerCandidate[] = [];
  for (const other of thread) {
    const at = timeOf(other.sentAt) ?? timeOf(other.receivedAt);
    if (at === null) continue;
    const from = normalizeEmail(other.from?.email);
    if (!from) continue;
    const byOwner = ownerSet.has(from);
    const byCopiedColleague =
      domainSet.has(emailDomain(from)) && [...other.to, ...other.cc].some((a) => ownerSet.has(normalizeEmail(a.email)));
    if (byOwner || byCopiedColleague) candidates.push({ reply: other, at });
  }
  // Stable: of two candidates with the same time and id, the first in the thread stays first.
  candidates.sort((a, b) => a.at - b.at || (a.reply.id < b.reply.id ? -1 : a.reply.id > b.reply.id ? 1 : 0));
  return { candidates };
}

/** The earliest candidate after `receivedMs` and at or before `nowMs` that answers `message` (see {@link findAnswer}). */
function firstAnswer(message: MailMessage, answers: AnswerCandidates, receivedMs: number, nowMs: number): AnswerCandidate | null {
  const list = answers.candidates;
  // Binary search for the first candidate later than the message; the rest are in time order.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].at <= receivedMs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) {
    const c = list[i];
    if (c.at > nowMs) break;
    const other = c.reply;
    if (other === message || other.id === message.id) continue;
    if (message.conversationId && other.conversationId && message.conversationId !== other.conversationId) continue;
    return c;
  }
  return null;
}

/**
 * Finds the answer to `message` among `thread`: the earliest message after it and at or before `now` sent by the
 * mailbox owner, or by a colleague (firm domain) with the owner in To or Cc. Messages of another conversation
 * (both conversation ids known and different) never count; subjects are not looked at, so edited subjects do not
 * break a thread.
 */
export function findAnswer(
  message: MailMessage,
  thread: readonly MailMessage[],
  owners: readonly string[],
  firmDomains: readonly string[],
  receivedMs: number,
  nowMs: number,
): AnswerCandidate | null {
  return firstAnswer(message, answerCandidates(thread, answerersOf(owners, firmDomains)), receivedMs, nowMs);
}

/** Runs the response clock for one message at `now`. Throws `invalid-input` for a tracked message with no date. */
export function clockFor(input: ClockInput): ClockResult {
  const { message, tracking, mode, calendar } = input;
  const receivedMs = timeOf(message.receivedAt) ?? timeOf(message.sentAt);
  const receivedAt = iso(receivedMs);
  // Each result is written out whole (no spread of a shared base): a timeline times thousands of messages at once.
  if (tracking !== "tracked") {
    return {
      messageId: message.id,
      state: tracking,
      mode,
      receivedAt,
      dueAt: null,
      calendarDueAt: null,
      answeredAt: null,
      answeredBy: null,
      answeredByAddress: null,
      responseMinutes: null,
      late: null,
      minutesLeft: null,
      waitingMinutes: null,
    };
  }
  if (receivedMs === null) {
    throw new MatterlineError("invalid-input", "This client message has no date, so its reply cannot be timed.");
  }
  if (!Number.isFinite(input.slaHours) || input.slaHours < 0) {
    throw new MatterlineError("invalid-config", `An SLA of ${input.slaHours} hours is not a length of time.`);
  }
  const nowMs = toMillis(input.now);
  const calendarDue = receivedMs + Math.round(input.slaHours * 3_600_000);
  const due = mode === "business" ? calendar.addBusinessTime(receivedMs, input.slaHours).getTime() : calendarDue;
  const calendarDueAt = iso(calendarDue);
  const dueAt = due === calendarDue ? calendarDueAt : iso(due);
  const answers =
    "candidates" in input.thread ? input.thread : answerCandidates(input.thread, answerersOf(input.owners, input.firmDomains));
  const answer = firstAnswer(message, answers, receivedMs, nowMs);
  if (answer) {
    return {
      messageId: message.id,
      state: "answered",
      mode,
      receivedAt,
      dueAt,
      calendarDueAt,
      answeredAt: iso(answer.at),
      answeredBy: answer.reply.id,
      answeredByAddress: normalizeEmail(answer.reply.from?.email),
      responseMinutes: Math.floor((answer.at - receivedMs) / MINUTE),
      late: answer.at > calendarDue,
      minutesLeft: null,
      waitingMinutes: null,
    };
  }
  const state: ClockState = nowMs > due ? "overdue" : due - nowMs < DUE_SOON_MINUTES * MINUTE ? "due-soon" : "waiting";
  return {
    messageId: message.id,
    state,
    mode,
    receivedAt,
    dueAt,
    calendarDueAt,
    answeredAt: null,
    answeredBy: null,
    answeredByAddress: null,
    responseMinutes: null,
    late: null,
    minutesLeft: Math.floor((due - nowMs) / MINUTE),
    waitingMinutes: Math.max(0, Math.floor((nowMs - receivedMs) / MINUTE)),
  };
}

const OPEN_STATES: ReadonlySet<ClockState> = new Set(["overdue", "due-soon", "waiting"]);

/** True for the states where a client still waits for a reply. */
export function isOpen(result: ClockResult): boolean {
  return OPEN_STATES.has(result.state);
}

/**
 * The messages still waiting for a reply, most urgent first: earliest due time first (so overdue before due-soon
 * before waiting, and the longest overdue on top); ties go to the one received first. Closed states are left out.
 */
export function rankUrgent(results: readonly ClockResult[], now: Instant): ClockResult[] {
  const nowMs = toMillis(now);
  const dueMs = (r: ClockResult) => (r.dueAt ? toMillis(r.dueAt) : nowMs);
  const recMs = (r: ClockResult) => (r.receivedAt ? toMillis(r.receivedAt) : nowMs);
  return results.filter(isOpen).sort((a, b) => dueMs(a) - dueMs(b) || recMs(a) - recMs(b) || a.messageId.localeCompare(b.messageId));
}
