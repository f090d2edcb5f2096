import { DateTime } from "luxon";
import type { Firm } from "@domain/directory/types";
import { MatterlineError } from "@domain/errors";

/**
 * A moment in time as callers hold it: a `Date`, an ISO-8601 string with an offset (message times),
 * or epoch milliseconds.
 */
export type Instant = Date | string | number;

/** The part of the directory's `firm` that defines its calendar. */
export type FirmCalendarConfig = Pick<Firm, "timeZone" | "workingHours" | "holidays">;

/**
 * The firm's working calendar, in its own time zone.
 *
 * What "24 hours" means in each clock mode (decided here once, so every caller agrees):
 * - **calendar mode**: real elapsed time. `received + 24 h` of real time, so across a DST change the due time
 *   shows one hour earlier or later on the wall clock (that is the truth the client lives through).
 * - **business mode** (`addBusinessTime`): real elapsed time that falls inside working days. Each working day
 *   counts from its local 00:00 to the next local 00:00, i.e. 24 real hours normally and 23 or 25 real hours on
 *   a day that contains a DST change. Non-working days (weekend days not in `workingHours.days`, and holidays)
 *   contribute nothing. Mail that arrives on a non-working day starts counting at the working-hours start of
 *   the next working day.
 */
export interface FirmCalendar {
  readonly timeZone: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days. */
  readonly workingDays: ReadonlySet<number>;
  /** Working-hours start and end as minutes after local midnight. */
  readonly startMinutes: number;
  readonly endMinutes: number;
  readonly holidays: ReadonlySet<string>;
  /** True when `day` ("YYYY-MM-DD" in the firm's zone, or any instant, read in the firm's zone) is a working day. */
  isWorkingDay(day: Instant): boolean;
  /** The start of working hours on `day` ("YYYY-MM-DD", or the firm-local day of an instant), whether or not it is a working day. */
  workingStartOn(day: Instant): Date;
  /** The end of working hours on `day`. */
  workingEndOn(day: Instant): Date;
  /** The working-hours start of the first working day strictly after the firm-local day of `instant`. */
  nextWorkingDayStart(instant: Instant): Date;
  /** True when `instant` is on a working day and within working hours (start inclusive, end exclusive). */
  isWithinWorkingHours(instant: Instant): boolean;
  /** Due time of a business-day clock of `hours` started at `start` (see the type's doc for the rule). */
  addBusinessTime(start: Instant, hours: number): Date;
  /** "YYYY-MM-DD" of the firm-local day of an instant. */
  localDate(instant: Instant): string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar that has no working day in ten years is misconfigured; stop rather than loop. */
const MAX_DAYS_SCANNED = 3660;

function parseHhMm(value: string, field: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) throw new MatterlineError("invalid-config", `Working hours ${field} "${value}" is not a time like 09:00.`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || h * 60 + min > 24 * 60) {
    throw new MatterlineError("invalid-config", `Working hours ${field} "${value}" is not a time of day.`);
  }
  return h * 60 + min;
}

/** Reads any accepted instant as a luxon DateTime in `zone`; throws invalid-input when unreadable. */
export function toZoned(instant: Instant, zone: string): DateTime {
  let dt: DateTime;
  if (instant instanceof Date) dt = DateTime.fromJSDate(instant, { zone });
  else if (typeof instant === "number") dt = DateTime.fromMillis(instant, { zone });
  else dt = DateTime.fromISO(instant, { zone, setZone: false });
  if (!dt.isValid) throw new MatterlineError("invalid-input", `"${String(instant)}" is not a date and time.`);
  return dt.setZone(zone);
}

/** A UTC instant as `toISOString` writes it (with or without milliseconds): the form stored times take. */
const UTC_ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

const digits2 = (text: string, at: number) => (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);

/** Month, day, hour, minute and second of a `UTC_ISO_RE` text are a real UTC time (no rollover). */
function utcFieldsInRange(text: string): boolean {
  const year = digits2(text, 0) * 100 + digits2(text, 2);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth && digits2(text, 11) <= 23 && digits2(text, 14) <= 59 && digits2(text, 17) <= 59;
}

/** The largest epoch value a JavaScript Date holds (±100,000,000 days). */
const MAX_EPOCH_MS = 8.64e15;

/** Epoch milliseconds of an instant (throws invalid-input when unreadable). */
export function toMillis(instant: Instant): number {
  // A valid Date or a finite epoch value is already the answer (luxon would only hand the same number back).
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isFinite(ms)) return ms;
  } else if (typeof instant === "number" && Number.isFinite(instant) && Math.abs(instant) <= MAX_EPOCH_MS) return instant;
  // Fast path for the stored form (a timeline of thousands of entries reads several times each): accepted only when
  // every field is in range, since Date.parse rolls an impossible date (31 February, 24:00) over into the next day;
  // anything else goes to luxon, which refuses it.
  if (typeof instant === "string" && UTC_ISO_RE.test(instant) && utcFieldsInRange(instant)) {
    const ms = Date.parse(instant);
    if (Number.isFinite(ms)) return ms;
  }
  return toZoned(instant, "UTC").toMillis();
}

/**
 * Builds the firm calendar from the directory's `firm`. Throws `invalid-config` for an unknown time zone,
 * unreadable working hours or a week without working days.
 */
export function createFirmCalendar(firm: FirmCalendarConfig): FirmCalendar {
  const zone = firm.timeZone;
  if (!DateTime.fromMillis(0, { zone }).isValid) {
    throw new MatterlineError("invalid-config", `"${zone}" is not a known time zone.`);
  }
  const workingDays = new Set(firm.workingHours.days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  if (workingDays.size === 0) throw new MatterlineError("invalid-config", "The firm's working hours name no working day.");
  const startMinutes = parseHhMm(firm.workingHours.start, "start");
  const endMinutes = parseHhMm(firm.workingHours.end, "end");
  const holidays = new Set(firm.holidays);

  /** Local midnight of the firm-local day named by `day`. */
  const dayStart = (day: Instant): DateTime => {
    if (typeof day === "string" && DAY_RE.test(day)) {
      const dt = DateTime.fromISO(day, { zone });
      if (!dt.isValid) throw new MatterlineError("invalid-input", `"${day}" is not a date.`);
      return dt.startOf("day");
    }
    return toZoned(day, zone).startOf("day");
  };
  const isWorkingLocal = (d: DateTime): boolean => workingDays.has(d.weekday) && !holidays.has(d.toISODate() ?? "");
  // Wall-clock "HH:MM" on a day; luxon moves a time inside a spring-forward gap to just after it.
  const atMinutes = (d: DateTime, minutes: number): DateTime =>
    d
      .startOf("day")
      .set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 })
      .plus({ days: minutes >= 24 * 60 ? 1 : 0 });
  const nextWorkingDay = (d: DateTime): DateTime => {
    let day = d.startOf("day");
    for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
      day = day.plus({ days: 1 }).startOf("day");
      if (isWorkingLocal(day)) return day;
    }
    throw new MatterlineError("invalid-config", "The firm calendar has no working day in ten years.");
  };

  return {
    timeZone: zone,
    workingDays,
    startMinutes,
    endMinutes,
    holidays,
    isWorkingDay: (day) => isWorkingLocal(dayStart(day)),
    workingStartOn: (day) => atMinutes(dayStart(day), startMinutes).toJSDate(),
    workingEndOn: (day) => atMinutes(dayStart(day), endMinutes).toJSDate(),
    nextWorkingDayStart: (instant) => atMinutes(nextWorkingDay(dayStart(instant)), startMinutes).toJSDate(),
    isWithinWorkingHours(instant) {
      const t = toZoned(instant, zone);
      if (!isWorkingLocal(t)) return false;
      const ms = t.toMillis();
      return ms >= atMinutes(t, startMinutes).toMillis() && ms < atMinutes(t, endMinutes).toMillis();
    },
    addBusinessTime(start, hours) {
      if (!Number.isFinite(hours) || hours < 0) {
        throw new MatterlineError("invalid-input", `An SLA of ${hours} hours is not a length of time.`);
      }
      let cursor = toZoned(start, zone);
      if (!isWorkingLocal(cursor)) cursor = atMinutes(nextWorkingDay(cursor), startMinutes);
      let left = Math.round(hours * 3_600_000);
      for (let i = 0; i < MAX_DAYS_SCANNED * 2; i++) {
        // startOf("day") of the next day is local midnight, so a DST day spans 23 or 25 real hours here.
        const midnight = cursor.startOf("day").plus({ days: 1 }).startOf("day");
        if (isWorkingLocal(cursor)) {
          const span = midnight.toMillis() - cursor.toMillis();
          if (left <= span) return new Date(cursor.toMillis() + left);
          left -= span;
        }
        cursor = midnight;
      }
      throw new MatterlineError("invalid-config", "The business-day clock did not reach its due time in ten years.");
    },
    localDate: (instant) => toZoned(instant, zone).toISODate() ?? "",
  };
}
