import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import { isFirmAddress } from "@domain/directory/directoryIndex";
import type { Matter } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { emailDomain, normalizeEmail } from "@domain/model/mail";
import type { LogEntry } from "@domain/matterLog/types";
import { compareNewestFirst, entryTime } from "@domain/matterLog/entryOrder";
import { formatDuration } from "@domain/clock/clockText";
import { answerCandidates, answerersOf, type AnswerCandidates, type ClockState } from "@domain/clock/responseClock";
import { timeReply, type ReplyClockSettings } from "@domain/assessment/assess";
import { createFirmCalendar } from "@domain/time/firmCalendar";

/**
 * How a client message on the timeline was answered, timed by the same clock and deadline (`slaFor`, the user's
 * settings) as the Overdue tab, so both say the same of the same email.
 */
export interface TimelineResponse {
  readonly kind: "answered" | "waiting";
  /** The clock's state: "answered", else "waiting", "due-soon" or "overdue". */
  readonly state: ClockState;
  /** When a reply is (or was) due, ISO-8601 UTC. */
  readonly dueAt: string | null;
  /** The reply deadline applied, in hours. */
  readonly slaHours: number;
  /** When the firm first replied; null while waiting. */
  readonly repliedAt: string | null;
  /** Minutes to the reply, or minutes waited so far. */
  readonly minutes: number;
  /** Answered after the deadline, or still waiting past it. */
  readonly late: boolean;
  readonly text: string;
}

/** One logged communication of a matter as the timeline shows it. */
export interface TimelineItem {
  readonly entry: LogEntry;
  /** Received time, else sent time, else logged time (ISO-8601 UTC). */
  readonly at: string;
  /** The other side of the message: the sender for inbound mail, the recipients otherwise. */
  readonly who: string;
  /**
   * True for inbound mail from the matter's client (its contacts, its domains, or an unlisted address — not the
   * matter's opposing parties nor another client's contacts): the messages whose response time counts.
   */
  readonly fromClient: boolean;
  /** Set for client messages with a date only. */
  readonly response: TimelineResponse | null;
}

/** What the timeline needs besides the log: the directory, the matter, the user's reply-clock settings and the time. */
export interface TimelineContext {
  readonly index: DirectoryIndex;
  readonly matter: Matter;
  /** The user's reply deadline and business-day mode (the Overdue settings). */
  readonly settings: ReplyClockSettings;
  readonly now: Date;
}

function display(a: { name?: string; email: string } | null): string {
  return a ? (a.name ? `${a.name} <${a.email}>` : a.email) : "(unknown sender)";
}

/** A log entry as the clock reads a message: its addresses, times and conversation. */
function asMessage(e: LogEntry): MailMessage {
  return {
    id: e.internetMessageId,
    internetMessageId: e.internetMessageId,
    conversationId: e.conversationId,
    subject: e.subject,
    from: e.from,
    to: e.to,
    cc: e.cc,
    sentAt: e.sentAt,
    receivedAt: e.receivedAt,
    bodyText: e.snippet,
    attachmentNames: e.attachmentNames,
  };
}

/**
 * The matter's log as a timeline, newest first, with the response of each client message timed by the response clock
 * (`timeReply`: the deadline `slaFor` gives — matter, client, the user's setting, 24 h — in the user's mode): answered
 * by the first message any of the firm's people sent in the same conversation after it arrived (at or before `now`),
 * else still waiting, due soon or overdue.
 */
export function buildTimeline(entries: readonly LogEntry[], context: TimelineContext): TimelineItem[] {
  const { index, matter } = context;
  const client = index.clientById.get(matter.clientId) ?? null;
  const clientDomains = new Set((client?.domains ?? []).map((d) => d.toLowerCase()));
  const opposingEmails = new Set((matter.opposing ?? []).flatMap((o) => o.emails ?? []).map(normalizeEmail));
  const opposingDomains = new Set((matter.opposing ?? []).flatMap((o) => o.domains ?? []).map((d) => d.toLowerCase()));
  // A client's people often write from personal addresses the directory does not list; mail the firm filed to the
  // client's matter from such an address is the client's. The other side and other clients' contacts are not.
  const isClient = (email: string) => {
    const e = normalizeEmail(email);
    const contactOf = index.contactByEmail.get(e)?.clientId;
    if (contactOf) return contactOf === matter.clientId;
    if (clientDomains.has(emailDomain(e))) return true;
    if (opposingEmails.has(e) || opposingDomains.has(emailDomain(e))) return false;
    return !isFirmAddress(index, e);
  };
  // The log is the team's: a reply from any of the firm's people answers, so each of them counts as an owner.
  const firmSenders = [
    ...new Set(entries.map((e) => normalizeEmail(e.from?.email)).filter((email) => email && isFirmAddress(index, email))),
  ];
  // Each entry is read as a message once, and each conversation once for its answers (by any of the firm's people),
  // so a matter with thousands of client messages does not re-read its threads for every one of them.
  const messages = entries.map(asMessage);
  const threads = new Map<string, MailMessage[]>();
  entries.forEach((e, i) => {
    if (!e.conversationId) return;
    const thread = threads.get(e.conversationId);
    if (thread) thread.push(messages[i]);
    else threads.set(e.conversationId, [messages[i]]);
  });
  const answerers = answerersOf(firmSenders, index.directory.firm.domains);
  const noAnswers = answerCandidates([], answerers);
  const answersByThread = new Map<string, AnswerCandidates>();
  const answersFor = (conversationId: string | null): AnswerCandidates => {
    if (!conversationId) return noAnswers;
    let answers = answersByThread.get(conversationId);
    if (!answers) {
      answers = answerCandidates(threads.get(conversationId) ?? [], answerers);
      answersByThread.set(conversationId, answers);
    }
    return answers;
  };
  const clockContext = {
    firmDomains: index.directory.firm.domains,
    calendar: createFirmCalendar(index.directory.firm),
    settings: context.settings,
    now: context.now,
  };

  const items = entries.map((entry, i): TimelineItem => {
    const at = entryTime(entry);
    const fromClient = entry.direction === "inbound" && entry.from !== null && isClient(entry.from.email);
    const who =
      entry.direction === "inbound" ? display(entry.from) : [...entry.to, ...entry.cc].map(display).join(", ") || display(entry.from);
    if (!fromClient) return { entry, at, who, fromClient, response: null };
    const { slaHours, clock } = timeReply(
      {
        message: messages[i],
        tracking: "tracked",
        thread: answersFor(entry.conversationId),
        owners: firmSenders,
        matter,
        client,
      },
      clockContext,
    );
    if (!clock) return { entry, at, who, fromClient, response: null };
    if (clock.state === "answered") {
      const minutes = clock.responseMinutes ?? 0;
      const late = clock.late === true;
      return {
        entry,
        at,
        who,
        fromClient,
        response: {
          kind: "answered",
          state: clock.state,
          dueAt: clock.dueAt,
          slaHours,
          repliedAt: clock.answeredAt,
          minutes,
          late,
          text: `Answered in ${formatDuration(minutes)}${late ? " (late)" : ""}`,
        },
      };
    }
    const minutes = clock.waitingMinutes ?? 0;
    return {
      entry,
      at,
      who,
      fromClient,
      response: {
        kind: "waiting",
        state: clock.state,
        dueAt: clock.dueAt,
        slaHours,
        repliedAt: null,
        minutes,
        late: clock.state === "overdue",
        text: `No reply logged yet — waiting ${formatDuration(minutes)}${clock.state === "overdue" ? " (overdue)" : ""}`,
      },
    };
  });
  // The storage's order (entryOrder.ts), so the newest read from storage and the rows shown agree.
  return items.sort((a, b) => compareNewestFirst(a.entry, b.entry));
}
