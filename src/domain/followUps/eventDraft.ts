import { DateTime } from "luxon";
import type { Address, MailMessage } from "@domain/model/mail";
import { normalizeEmail } from "@domain/model/mail";
import type { Matter } from "@domain/directory/types";
import type { CalendarEventInput } from "@ports/calendarWriter";
import { MatterlineError } from "@domain/errors";
import type { FirmCalendar, Instant } from "@domain/time/firmCalendar";
import { toZoned } from "@domain/time/firmCalendar";
import { windowsZoneOf } from "@domain/time/windowsZones";
import type { FollowUpKind } from "./proposeDates";
import { matterLabel } from "@domain/directory/matterLabel";

/** Graph `dateTimeTimeZone`: a wall-clock time and the zone it is read in (the firm's IANA zone until `withWindowsZones`). */
export interface GraphDateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

export interface GraphRecurrence {
  readonly pattern: {
    readonly type: "weekly";
    readonly interval: number;
    readonly daysOfWeek: readonly string[];
    readonly firstDayOfWeek: "monday";
  };
  readonly range: { readonly type: "noEnd"; readonly startDate: string; readonly recurrenceTimeZone: string };
}

/**
 * The body of `POST /me/events` in Graph's shape, its times in the firm's IANA zone; `withWindowsZones` gives the zone
 * names Graph's create and update accept.
 */
export interface GraphEventPayload {
  readonly subject: string;
  readonly body: { readonly contentType: "HTML"; readonly content: string };
  readonly start: GraphDateTimeTimeZone;
  readonly end: GraphDateTimeTimeZone;
  readonly isReminderOn: boolean;
  readonly reminderMinutesBeforeStart: number;
  readonly categories: readonly string[];
  readonly showAs: "free" | "busy";
  /**
   * "private": people who share the user's calendar see only that the time is taken. Every follow-up is private; an
   * invited client gets the invitation's own neutral text either way.
   */
  readonly sensitivity: "normal" | "private";
  readonly attendees: readonly { readonly emailAddress: { readonly address: string; readonly name?: string }; readonly type: "required" }[];
  readonly transactionId: string;
  readonly recurrence?: GraphRecurrence;
}

/** A time slot as ISO-8601 UTC instants. */
export interface Slot {
  readonly start: string;
  readonly end: string;
}

export interface FollowUpEventOptions {
  readonly clientName: string;
  readonly matter: Pick<Matter, "id" | "number" | "title">;
  /** The matter's Outlook category name (as used by the matter log). */
  readonly category?: string | null;
  readonly message: Pick<MailMessage, "id" | "subject" | "webLink" | "from" | "sentAt">;
  readonly proposal: { readonly date: string; readonly time?: string; readonly kind: FollowUpKind };
  /** A short summary of what to follow up; defaults to the message's subject. */
  readonly summary?: string;
  readonly calendar: FirmCalendar;
  readonly durationMinutes?: number;
  /** Minutes before start; default 15. */
  readonly reminderMinutes?: number;
  /**
   * The directory contact the user chose to invite to a call, or none. An invitee gets a neutral subject and body (no
   * internal summary, no link into the firm's mailbox), since the invitation leaves the firm.
   */
  readonly invitee?: Address | null;
  /** The firm's name, for an invitation's neutral subject. */
  readonly firmName?: string;
}

export const DEFAULT_REMINDER_MINUTES = 15;
export const DEFAULT_DURATION_MINUTES = 30;

const KIND_WORD: Record<FollowUpKind, string> = {
  deadline: "Deadline",
  hearing: "Hearing",
  meeting: "Meeting",
  action: "Action",
  other: "Date",
};

/** Escapes text for an HTML body. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * A stable idempotency key from its parts (cyrb128-style hash, 128 bits as hex): the same parts always give the
 * same transactionId, so a retried create after a timeout makes no second event, while another date or kind does.
 */
export function deterministicTransactionId(parts: readonly string[]): string {
  const input = parts.map((p) => `${p.length}:${p}`).join("|");
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, "0")).join("");
  return `matterline-${hex}`;
}

function graphTime(dt: DateTime, zone: string): GraphDateTimeTimeZone {
  return { dateTime: dt.setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm:ss"), timeZone: zone };
}

function startOfProposal(date: string, time: string | undefined, calendar: FirmCalendar): DateTime {
  const zone = calendar.timeZone;
  if (time) {
    const dt = DateTime.fromISO(`${date}T${time}`, { zone });
    if (!dt.isValid) throw new MatterlineError("invalid-input", `"${date} ${time}" is not a date and time.`);
    return dt;
  }
  return toZoned(calendar.workingStartOn(date), zone);
}

/**
 * The Graph event for a follow-up on a proposed date: subject "Follow up: <client> — <number> <title>", a body with
 * the summary and a link back to the message, start at the proposal's time (else the working-hours start that day)
 * in the firm's zone, a reminder, the matter's category, private, shown as free, and no attendees. With an invitee
 * (a contact the user chose) it is a real appointment, shown as busy, whose subject and body say only that the firm
 * has set up a call: the invitation goes outside the firm. The transactionId depends only on (message id, matter,
 * date, kind).
 */
export function followUpEvent(options: FollowUpEventOptions): GraphEventPayload {
  const { calendar, matter, message, proposal } = options;
  const zone = calendar.timeZone;
  const start = startOfProposal(proposal.date, proposal.time, calendar);
  const end = start.plus({ minutes: options.durationMinutes ?? DEFAULT_DURATION_MINUTES });
  const reminder = options.reminderMinutes ?? DEFAULT_REMINDER_MINUTES;
  const invitee = options.invitee ?? null;
  const firm = options.firmName?.trim() || "your lawyers";
  let subject: string;
  let content: string;
  if (invitee) {
    subject = `Call with ${firm}`;
    content = `<p>${escapeHtml(firm)} has set up this call. If the time does not suit you, reply to this invitation.</p>`;
  } else {
    const summary = options.summary?.trim() || message.subject || "(no subject)";
    const when = proposal.time ? `${proposal.date} ${proposal.time}` : proposal.date;
    const from = message.from ? `${message.from.name ? `${message.from.name} ` : ""}<${message.from.email}>` : "";
    subject = `Follow up: ${options.clientName} — ${matterLabel(matter)}`;
    content = [
      `<p>${escapeHtml(KIND_WORD[proposal.kind])}: ${escapeHtml(when)} — ${escapeHtml(summary)}</p>`,
      `<p>From the message “${escapeHtml(message.subject || "(no subject)")}”${from ? ` from ${escapeHtml(from)}` : ""}.</p>`,
      message.webLink ? `<p><a href="${escapeHtml(message.webLink)}">Open the message in Outlook</a></p>` : "",
    ]
      .filter(Boolean)
      .join("\n");
  }
  return {
    subject,
    body: { contentType: "HTML", content },
    start: graphTime(start, zone),
    end: graphTime(end, zone),
    isReminderOn: reminder > 0,
    reminderMinutesBeforeStart: Math.max(0, reminder),
    categories: options.category ? [options.category] : [],
    showAs: invitee ? "busy" : "free",
    sensitivity: "private",
    attendees: invitee
      ? [{ emailAddress: { address: normalizeEmail(invitee.email), ...(invitee.name ? { name: invitee.name } : {}) }, type: "required" }]
      : [],
    transactionId: deterministicTransactionId(["follow-up", message.id, matter.id, proposal.date, proposal.kind]),
  };
}

/** The same event in the shape of the `CalendarWriter` port (UTC instants). */
export function toCalendarEventInput(payload: GraphEventPayload): CalendarEventInput {
  const utc = (t: GraphDateTimeTimeZone) => DateTime.fromISO(t.dateTime, { zone: t.timeZone }).toUTC().toISO() ?? t.dateTime;
  return {
    subject: payload.subject,
    bodyHtml: payload.body.content,
    start: utc(payload.start),
    end: utc(payload.end),
    categories: payload.categories,
    reminderMinutes: payload.isReminderOn ? payload.reminderMinutesBeforeStart : null,
    showAs: payload.showAs,
    sensitivity: payload.sensitivity,
    timeZone: payload.start.timeZone,
    attendees: payload.attendees.map((a) => ({
      email: a.emailAddress.address,
      ...(a.emailAddress.name ? { name: a.emailAddress.name } : {}),
    })),
    transactionId: payload.transactionId,
  };
}

/**
 * The payload with its zones named as Graph's create and update take them: the firm's IANA zone becomes its Windows
 * name ("Europe/London" → "GMT Standard Time"), in start, end and a series' recurrence.
 */
export function withWindowsZones(payload: GraphEventPayload): GraphEventPayload {
  const windows = (t: GraphDateTimeTimeZone): GraphDateTimeTimeZone => ({ dateTime: t.dateTime, timeZone: windowsZoneOf(t.timeZone) });
  return {
    ...payload,
    start: windows(payload.start),
    end: windows(payload.end),
    ...(payload.recurrence
      ? {
          recurrence: {
            ...payload.recurrence,
            range: { ...payload.recurrence.range, recurrenceTimeZone: windowsZoneOf(payload.recurrence.range.recurrenceTimeZone) },
          },
        }
      : {}),
  };
}

/** Moves `payload` to `slot` (UTC instants), keeping everything else, for use after `avoidBusy`. */
export function withSlot(payload: GraphEventPayload, slot: Slot): GraphEventPayload {
  const zone = payload.start.timeZone;
  return { ...payload, start: graphTime(toZoned(slot.start, zone), zone), end: graphTime(toZoned(slot.end, zone), zone) };
}

/** Where a Graph payload sits, as UTC instants. */
export function slotOf(payload: GraphEventPayload): Slot {
  const input = toCalendarEventInput(payload);
  return { start: input.start, end: input.end };
}

/**
 * Moves a proposed slot off busy times: unchanged when it overlaps nothing; otherwise the earliest later slot of
 * the same length that overlaps no busy slot and lies within working hours of a working day, searched over
 * `searchDays` (default 14). When none is found, the proposal is returned unchanged with `moved: false` and
 * `conflict: true` so the UI can say so.
 */
export function avoidBusy(
  proposed: Slot,
  busySlots: readonly Slot[],
  calendar: FirmCalendar,
  searchDays = 14,
): Slot & { readonly moved: boolean; readonly conflict: boolean } {
  const ms = (t: Instant) => toZoned(t, "UTC").toMillis();
  const start0 = ms(proposed.start);
  const length = ms(proposed.end) - start0;
  if (length <= 0) throw new MatterlineError("invalid-input", "A slot must end after it starts.");
  const busy = busySlots
    .map((b) => ({ s: ms(b.start), e: ms(b.end) }))
    .filter((b) => b.e > b.s)
    .sort((a, b) => a.s - b.s);
  const overlapping = (s: number) => busy.find((b) => b.s < s + length && b.e > s);
  if (!overlapping(start0)) return { ...proposed, moved: false, conflict: false };
  const limit = start0 + searchDays * 86_400_000;
  let candidate = start0;
  for (let guard = 0; guard < 10_000 && candidate < limit; guard++) {
    const hit = overlapping(candidate);
    if (hit) {
      candidate = hit.e;
      continue;
    }
    const dayStart = calendar.workingStartOn(new Date(candidate).toISOString()).getTime();
    const dayEnd = calendar.workingEndOn(new Date(candidate).toISOString()).getTime();
    if (!calendar.isWorkingDay(new Date(candidate).toISOString()) || candidate + length > dayEnd) {
      candidate = calendar.nextWorkingDayStart(new Date(candidate).toISOString()).getTime();
      continue;
    }
    if (candidate < dayStart) {
      candidate = dayStart;
      continue;
    }
    return { start: new Date(candidate).toISOString(), end: new Date(candidate + length).toISOString(), moved: true, conflict: false };
  }
  return { ...proposed, moved: false, conflict: true };
}

/** "Remind me if the client has not replied in N days" on a sent message. */
export interface NoReplyReminder {
  readonly sentMessageId: string;
  readonly internetMessageId: string | null;
  readonly conversationId: string | null;
  readonly sentAt: string;
  /** Whose reply cancels it: the sent message's To and Cc addresses outside the firm. */
  readonly waitingFor: readonly string[];
  /** When the reminder fires (ISO UTC). */
  readonly remindAt: string;
  readonly event: GraphEventPayload;
}

export interface NoReplyOptions {
  /** Recipients at these domains (the firm's own) are not waited for. */
  readonly firmDomains?: readonly string[];
  readonly reminderMinutes?: number;
  readonly category?: string | null;
}

/**
 * A reminder N working days after a sent message, at the start of working hours (working days, because a client
 * cannot be expected to answer over a weekend or a holiday; the morning, so there is a day to chase). Its event is
 * a private, free 15-minute slot whose transactionId depends on (message, N).
 */
export function noReplyReminder(
  sentMessage: MailMessage,
  days: number,
  calendar: FirmCalendar,
  options: NoReplyOptions = {},
): NoReplyReminder {
  if (!Number.isInteger(days) || days < 1) throw new MatterlineError("invalid-input", "Remind after at least one whole day.");
  const sentAt = sentMessage.sentAt ?? sentMessage.receivedAt;
  if (!sentAt) throw new MatterlineError("invalid-input", "This message has no sent date, so no reminder can be timed.");
  let day: Instant = sentAt;
  for (let i = 0; i < days; i++) day = calendar.nextWorkingDayStart(day);
  const remind = toZoned(day, calendar.timeZone);
  const firm = new Set((options.firmDomains ?? []).map((d) => d.toLowerCase()));
  const waitingFor = [...new Set([...sentMessage.to, ...sentMessage.cc].map((a) => normalizeEmail(a.email)))].filter(
    (e) => e && !firm.has(e.slice(e.lastIndexOf("@") + 1)),
  );
  const reminder = options.reminderMinutes ?? DEFAULT_REMINDER_MINUTES;
  const subject = sentMessage.subject || "(no subject)";
  const event: GraphEventPayload = {
    subject: `No reply yet: ${subject}`,
    body: {
      contentType: "HTML",
      content: [
        `<p>No reply from ${escapeHtml(waitingFor.join(", ") || "the recipient")} ${days === 1 ? "one working day" : `${days} working days`} after you wrote.</p>`,
        sentMessage.webLink ? `<p><a href="${escapeHtml(sentMessage.webLink)}">Open the message in Outlook</a></p>` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    },
    start: graphTime(remind, calendar.timeZone),
    end: graphTime(remind.plus({ minutes: 15 }), calendar.timeZone),
    isReminderOn: reminder > 0,
    reminderMinutesBeforeStart: Math.max(0, reminder),
    categories: options.category ? [options.category] : [],
    showAs: "free",
    sensitivity: "private",
    attendees: [],
    transactionId: deterministicTransactionId(["no-reply", sentMessage.id, String(days)]),
  };
  return {
    sentMessageId: sentMessage.id,
    internetMessageId: sentMessage.internetMessageId,
    conversationId: sentMessage.conversationId,
    sentAt: toZoned(sentAt, "UTC").toISO() ?? sentAt,
    waitingFor,
    remindAt: remind.toUTC().toISO() ?? "",
    event,
  };
}

function isAutomatic(m: MailMessage): boolean {
  const h = m.headers ?? {};
  const auto = (h["auto-submitted"] ?? "").toLowerCase();
  if (auto && auto !== "no") return true;
  if (h["x-autoreply"] || h["x-autorespond"]) return true;
  return /^\s*(automatic reply|auto[- ]?reply|out of (the )?office)\b/i.test(m.subject);
}

/**
 * True when a reply from someone the reminder waits for has arrived in the same conversation after the sent
 * message: linked by conversation id, or by In-Reply-To/References to the sent message. Automatic replies
 * (out-of-office) do not cancel it.
 */
export function shouldCancelReminder(reminder: NoReplyReminder, inboundMessages: readonly MailMessage[]): boolean {
  const sentMs = toZoned(reminder.sentAt, "UTC").toMillis();
  const waiting = new Set(reminder.waitingFor);
  return inboundMessages.some((m) => {
    const sameConversation =
      (reminder.conversationId !== null && m.conversationId === reminder.conversationId) ||
      (reminder.internetMessageId !== null &&
        (m.inReplyTo === reminder.internetMessageId || (m.references ?? []).includes(reminder.internetMessageId)));
    if (!sameConversation) return false;
    if (!waiting.has(normalizeEmail(m.from?.email))) return false;
    const at = m.receivedAt ?? m.sentAt;
    if (!at || toZoned(at, "UTC").toMillis() <= sentMs) return false;
    return !isAutomatic(m);
  });
}

export interface CheckInOptions {
  readonly clientName: string;
  readonly calendar: FirmCalendar;
  readonly category?: string | null;
  readonly durationMinutes?: number;
  readonly reminderMinutes?: number;
}

const WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/**
 * A recurring check-in for a matter (the status update clients expect): weekly or every two weeks on the weekday of
 * `start`, at `start`'s firm-local time, with no end. A `start` off a working day or outside working hours moves to
 * the next working day's start. Idempotent per (matter, cadence, first date).
 */
export function checkInSeries(
  matter: Pick<Matter, "id" | "number" | "title">,
  cadence: "weekly" | "biweekly",
  start: Instant,
  options: CheckInOptions,
): GraphEventPayload {
  const { calendar } = options;
  const zone = calendar.timeZone;
  let first = toZoned(start, zone);
  if (!calendar.isWithinWorkingHours(first.toISO() ?? "")) {
    const todayStart = toZoned(calendar.workingStartOn(first.toISODate() ?? ""), zone);
    first =
      calendar.isWorkingDay(first.toISODate() ?? "") && first < todayStart
        ? todayStart
        : toZoned(calendar.nextWorkingDayStart(first.toISO() ?? ""), zone);
  }
  const reminder = options.reminderMinutes ?? DEFAULT_REMINDER_MINUTES;
  const startDate = first.toISODate() ?? "";
  return {
    subject: `Check-in: ${options.clientName} — ${matterLabel(matter)}`,
    body: {
      contentType: "HTML",
      content: `<p>${cadence === "weekly" ? "Weekly" : "Fortnightly"} status update to the client on ${escapeHtml(matter.number)} ${escapeHtml(matter.title)}.</p>`,
    },
    start: graphTime(first, zone),
    end: graphTime(first.plus({ minutes: options.durationMinutes ?? DEFAULT_DURATION_MINUTES }), zone),
    isReminderOn: reminder > 0,
    reminderMinutesBeforeStart: Math.max(0, reminder),
    categories: options.category ? [options.category] : [],
    showAs: "free",
    sensitivity: "private",
    attendees: [],
    transactionId: deterministicTransactionId(["check-in", matter.id, cadence, startDate]),
    recurrence: {
      pattern: {
        type: "weekly",
        interval: cadence === "weekly" ? 1 : 2,
        daysOfWeek: [WEEKDAY_NAMES[first.weekday - 1]],
        firstDayOfWeek: "monday",
      },
      range: { type: "noEnd", startDate, recurrenceTimeZone: zone },
    },
  };
}
