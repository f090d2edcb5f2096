import { DateTime } from "luxon";
import type { CalendarEvent, CalendarEventInput, CalendarWriter } from "@ports/calendarWriter";
import type { SeriesWriter } from "@features/followUps/followUpTypes";
import { GraphScopes } from "@ports/tokenProvider";
import { MatterlineError } from "@domain/errors";
import type { GraphClient } from "./graphClient";
import { mailboxPath } from "./mailboxPath";
import type { DateTimeTimeZone, DayOfWeek, RecurrencePatternType } from "@microsoft/microsoft-graph-types";
import type { Event, GraphEventDto, GraphPage } from "./graphTypes";
import { followPages } from "./graphMessageReader";

// Ask Graph to speak UTC both ways: the domain works in UTC instants and converts for display.
const UTC_PREFER = { Prefer: 'outlook.timezone="UTC"' };

function toGraphTime(iso: string): DateTimeTimeZone {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new MatterlineError("invalid-input", `Not a valid time: ${iso}`);
  return { dateTime: new Date(ms).toISOString().replace(/Z$/, ""), timeZone: "UTC" };
}

function fromGraphTime(t: DateTimeTimeZone | null | undefined): string {
  if (!t?.dateTime) return "";
  const s = /(Z|[+-]\d{2}:\d{2})$/.test(t.dateTime) ? t.dateTime : `${t.dateTime}Z`;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? t.dateTime : new Date(ms).toISOString();
}

function toEvent(e: GraphEventDto): CalendarEvent {
  return {
    id: e.id,
    subject: e.subject ?? "",
    start: fromGraphTime(e.start),
    end: fromGraphTime(e.end),
    categories: e.categories ?? [],
    showAs: e.showAs ?? "busy",
    transactionId: e.transactionId ?? null,
  };
}

function toBody(input: Partial<Omit<CalendarEventInput, "transactionId">>): Event {
  const b: Event = {};
  if (input.subject !== undefined) b.subject = input.subject;
  if (input.bodyHtml !== undefined) b.body = { contentType: "html", content: input.bodyHtml };
  if (input.start !== undefined) b.start = toGraphTime(input.start);
  if (input.end !== undefined) b.end = toGraphTime(input.end);
  if (input.categories !== undefined) b.categories = [...input.categories];
  if (input.reminderMinutes !== undefined) {
    b.isReminderOn = input.reminderMinutes !== null;
    if (input.reminderMinutes !== null) b.reminderMinutesBeforeStart = input.reminderMinutes;
  }
  if (input.showAs !== undefined) b.showAs = input.showAs;
  if (input.attendees !== undefined)
    b.attendees = input.attendees.map((a) => ({
      type: "required",
      emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) },
    }));
  return b;
}

/** CalendarWriter over Graph events. Creation is idempotent through `transactionId`, so it is retried safely. */
export function createGraphCalendarWriter(
  graph: GraphClient,
  options: { createRetries?: number; retryDelayMs?: number } = {},
): CalendarWriter {
  const retries = options.createRetries ?? 2;
  const delay = options.retryDelayMs ?? 250;
  const scopes = (mailbox: string | null | undefined) =>
    // learn.microsoft.com/graph/permissions-reference: a shared or delegated calendar needs Calendars.ReadWrite.Shared
    mailbox ? [...GraphScopes.calendar, ...GraphScopes.sharedCalendar] : GraphScopes.calendar;
  return {
    async create(input, mailbox) {
      const body: Event = { ...toBody(input), transactionId: input.transactionId };
      for (let attempt = 0; ; attempt++) {
        try {
          return toEvent(
            await graph.call<GraphEventDto>({
              method: "POST",
              path: `${mailboxPath(mailbox)}/events`,
              body,
              headers: UTC_PREFER,
              scopes: scopes(mailbox),
            }),
          );
        } catch (e) {
          const err = e as MatterlineError;
          // The same transactionId makes a repeat return the first event, so an unknown outcome is safe to retry.
          if (!(err.code === "offline" || err.code === "timeout") || attempt >= retries) throw err;
          await new Promise((r) => setTimeout(r, delay * (attempt + 1)));
        }
      }
    },
    async listView(start, end, mailbox) {
      const rows = await followPages<GraphEventDto>(
        `${mailboxPath(mailbox)}/calendarView?startDateTime=${encodeURIComponent(start)}&endDateTime=${encodeURIComponent(end)}&$select=subject,start,end,categories,showAs,transactionId&$top=1000`,
        (path) => graph.call<GraphPage<GraphEventDto>>({ method: "GET", path, headers: UTC_PREFER, scopes: scopes(mailbox) }),
      );
      return rows.map(toEvent);
    },
    async update(id, patch, mailbox) {
      return toEvent(
        await graph.call<GraphEventDto>({
          method: "PATCH",
          path: `${mailboxPath(mailbox)}/events/${encodeURIComponent(id)}`,
          body: toBody(patch),
          headers: UTC_PREFER,
          scopes: scopes(mailbox),
        }),
      );
    },
    async remove(id, mailbox) {
      try {
        await graph.call({ method: "DELETE", path: `${mailboxPath(mailbox)}/events/${encodeURIComponent(id)}`, scopes: scopes(mailbox) });
      } catch (e) {
        if ((e as MatterlineError).code !== "not-found") throw e;
      }
    },
  };
}

/** A Graph time in its own zone (a series is written in the firm's zone) as a UTC instant. */
function zonedToUtc(t: DateTimeTimeZone | null | undefined): string {
  if (!t?.dateTime) return "";
  const dt = /(Z|[+-]\d{2}:\d{2})$/.test(t.dateTime)
    ? DateTime.fromISO(t.dateTime)
    : DateTime.fromISO(t.dateTime, { zone: t.timeZone || "UTC" });
  return dt.isValid ? (dt.toUTC().toISO() ?? t.dateTime) : t.dateTime;
}

/**
 * Recurring events through Graph: the CalendarWriter port has no recurrence, so the payload goes as Graph takes it,
 * in the firm's zone (occurrences keep their wall-clock time across DST). transactionId keeps it idempotent.
 */
export function createGraphSeriesWriter(graph: GraphClient): SeriesWriter {
  return {
    async createSeries(payload) {
      const body: Event = {
        subject: payload.subject,
        body: { contentType: "html", content: payload.body.content },
        start: { ...payload.start },
        end: { ...payload.end },
        isReminderOn: payload.isReminderOn,
        reminderMinutesBeforeStart: payload.reminderMinutesBeforeStart,
        categories: [...payload.categories],
        showAs: payload.showAs,
        attendees: payload.attendees.map((a) => ({ type: a.type, emailAddress: { ...a.emailAddress } })),
        transactionId: payload.transactionId,
        ...(payload.recurrence
          ? {
              recurrence: {
                pattern: {
                  type: payload.recurrence.pattern.type as RecurrencePatternType,
                  interval: payload.recurrence.pattern.interval,
                  daysOfWeek: payload.recurrence.pattern.daysOfWeek.map((d) => d as DayOfWeek),
                  firstDayOfWeek: payload.recurrence.pattern.firstDayOfWeek,
                },
                range: { ...payload.recurrence.range },
              },
            }
          : {}),
      };
      const e = await graph.call<GraphEventDto>({ method: "POST", path: "/me/events", body, scopes: GraphScopes.calendar });
      const event: CalendarEvent = {
        id: e.id,
        subject: e.subject ?? payload.subject,
        start: zonedToUtc(e.start ?? payload.start),
        end: zonedToUtc(e.end ?? payload.end),
        categories: e.categories ?? [],
        showAs: e.showAs ?? payload.showAs,
        transactionId: e.transactionId ?? payload.transactionId,
      };
      return event;
    },
  };
}
