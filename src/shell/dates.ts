/**
 * How the pane writes times: short, in the reader's own locale and time zone (as Outlook shows mail times),
 * e.g. "Tue 26 Aug, 16:30" (or "4:30 PM" where the locale uses a 12-hour clock). One place, so every section agrees.
 */
/**
 * A formatter made on first use: the first Intl formatter of a page costs tens of milliseconds (the browser loads
 * its locale data), which module load would add to the pane's first render.
 */
function lazyFormat(options: Intl.DateTimeFormatOptions): (d: Date) => string {
  let formatter: Intl.DateTimeFormat | null = null;
  return (d) => (formatter ??= new Intl.DateTimeFormat(undefined, options)).format(d);
}

const dateTime = lazyFormat({ weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
const dateOnly = lazyFormat({ weekday: "short", day: "numeric", month: "short", year: "numeric" });
const timeOnly = lazyFormat({ hour: "numeric", minute: "2-digit" });

function parse(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Tue 26 Aug, 16:30"; "" for nothing or an unreadable value. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  const d = parse(value);
  return d ? dateTime(d) : "";
}

/** "Tue 26 Aug 2025"; a bare "YYYY-MM-DD" is read as that calendar day, not as UTC midnight. */
export function formatDay(value: string | number | Date | null | undefined): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number);
    return dateOnly(new Date(y, m - 1, d));
  }
  const d = parse(value);
  return d ? dateOnly(d) : "";
}

/** "16:31" when `value` falls on `now`'s day (local time), else as {@link formatDateTime}; "" for nothing. */
export function formatWhen(value: string | number | Date | null | undefined, now: Date): string {
  const d = parse(value);
  if (!d) return "";
  return d.toDateString() === now.toDateString() ? timeOnly(d) : dateTime(d);
}
