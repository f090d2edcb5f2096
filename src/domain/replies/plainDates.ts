import { DateTime } from "luxon";

/** Working-day knowledge a draft needs to promise "by the end of Thursday 28 August". */
export interface DayRules {
  readonly timeZone: string;
  readonly workingDays: readonly number[];
  readonly holidays: readonly string[];
}

/** The instant as a zoned DateTime (ISO string or epoch ms). */
export function zoned(instant: string | number, timeZone: string): DateTime {
  const dt = typeof instant === "number" ? DateTime.fromMillis(instant, { zone: timeZone }) : DateTime.fromISO(instant, { zone: timeZone });
  return dt.isValid ? dt : DateTime.fromMillis(0, { zone: timeZone });
}

function isWorkingDay(day: DateTime, rules: DayRules): boolean {
  return rules.workingDays.includes(day.weekday) && !rules.holidays.includes(day.toISODate() ?? "");
}

/** The `n`th working day after `from` (n ≥ 1), at the start of that day. */
export function workingDayAfter(from: DateTime, n: number, rules: DayRules): DateTime {
  let day = from.startOf("day");
  let left = n;
  for (let guard = 0; guard < 60 && left > 0; guard++) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day, rules)) left--;
  }
  return day;
}

/** True when `at` is a working day before 3 pm: a same-day promise is still honest. */
export function canPromiseToday(at: DateTime, rules: DayRules): boolean {
  return isWorkingDay(at, rules) && at.hour < 15;
}

/** "Thursday 28 August", with the year only when it is not the current one. */
export function plainDay(day: DateTime, now: DateTime): string {
  return day.toFormat(day.year === now.year ? "cccc d LLLL" : "cccc d LLLL yyyy");
}

/** "Friday 12 September at 10 am" for a date-time, "Friday 12 September" for a date. */
export function plainDate(iso: string, now: DateTime): string | null {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const dt = DateTime.fromISO(iso, { zone: now.zone });
  if (!dt.isValid) return null;
  const day = plainDay(dt, now);
  if (dateOnly || (dt.hour === 0 && dt.minute === 0)) return day;
  const time = dt.minute === 0 ? dt.toFormat("h a") : dt.toFormat("h:mm a");
  return `${day} at ${time.toLowerCase()}`;
}
