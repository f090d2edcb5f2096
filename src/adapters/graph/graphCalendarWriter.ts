import { DateTime } from "luxon";
import type { CalendarEvent, CalendarEventInput, CalendarWriter } from "@ports/calendarWriter";
import type { SeriesWriter } from "@features/followUps/followUpTypes";
import { GraphScopes } from "@ports/tokenProvider";
import { MatterlineError } from "@domain/errors";
import { ianaZoneOf, windowsZoneOf } from "@domain/time/windowsZones";
import { withWindowsZones } from "@domain/followUps/eventDraft";
import type { GraphClient } from "./graphClient";
import { mailboxPath } from "./mailboxPath";
import type { DateTimeTimeZone, DayOfWeek, RecurrencePatternType } from "@microsoft/microsoft-graph-types";
import type { Event, GraphEventDto, GraphPage } from "./graphTypes";
import { followPages } from "./graphMessageReader";

// Ask Graph to speak UTC both ways: the domain works in UTC instants and converts for display.
const UTC_PREFER = { Prefer: 'outlook.timezone="UTC"' };

/**
 * An instant as the wall-clock time of `zone` under the zone's Windows name, which Graph's create and update accept
 * (https://learn.microsoft.com/graph/api/resources/datetimetimezone); UTC (a Windows zone too) without a zone.
 */
function toGraphTime(iso: string, zone: string | undefined): DateTimeTimeZone {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new MatterlineError("invalid-input", `Not a valid time: ${iso}`);
  if (!zone) return { dateTime: new Date(ms).toISOString().replace(/Z$/, ""), timeZone: "UTC" };
  return { dateTime: DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL-dd'T'HH:mm:ss"), timeZone: windowsZoneOf(zone) };
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
  if (input.start !== undefined) b.start = toGraphTime(input.start, input.timeZone);
  if (input.end !== undefined) b.end = toGraphTime(input.end, input.timeZone);
  if (input.sensitivity !== undefined) b.sensitivity = input.sensitivity;
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
    : DateTime.fromISO(t.dateTime, { zone: (t.timeZone && ianaZoneOf(t.timeZone)) || "UTC" });
  return dt.isValid ? (dt.toUTC().toISO() ?? t.dateTime) : t.dateTime;
}

/**
 * Recurring events through Graph: the CalendarWriter port has no recurrence, so the payload goes as Graph takes it,
 * in the firm's zone under its Windows name (occurrences keep their wall-clock time across DST). transactionId keeps
 * it idempotent.
 */
export function createGraphSeriesWriter(graph: GraphClient): SeriesWriter {
  return {
    async createSeries(payload) {
      const zoned = withWindowsZones(payload);
      const body: Event = {
        subject: payload.subject,
        body: { contentType: "html", content: payload.body.content },
        start: { ...zoned.start },
        end: { ...zoned.end },
        sensitivity: payload.sensitivity,
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
                range: { ...(zoned.recurrence?.range ?? payload.recurrence.range) },
              },
            }
          : {}),
      };
      const e = await graph.call<GraphEventDto>({
        method: "POST",
        path: "/me/events",
        body,
        headers: UTC_PREFER,
        scopes: GraphScopes.calendar,
      });
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
