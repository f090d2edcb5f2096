/**
 * How the pane writes times: short, in the reader's own locale, in the mailbox's time zone (the one Outlook shows its
 * mail times in, which may not be the device's), e.g. "Tue 26 Aug, 16:30" (or "4:30 PM" where the locale uses a 12-hour
 * clock). One place, so every section agrees with each other and with Outlook's message list.
 */

/** The zone set by the host (the mailbox's, else the firm's); undefined: the device's. */
let zone: string | undefined;
/** True between the host saying a zone is on its way and setting it: times wait rather than show the device's. */
let pending = false;
let version = 0;
const listeners = new Set<() => void>();

/** The device's own zone, as this browser reports it. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The IANA zone the pane writes times in. */
export function paneTimeZone(): string {
  return zone ?? deviceTimeZone();
}

/** The zone the host set (the mailbox's or the firm's), or null when the pane falls back on the device's. */
export function chosenTimeZone(): string | null {
  return zone ?? null;
}

/** Says the mailbox's zone is being worked out (before the first render), so no time is written in the device's. */
export function expectPaneTimeZone(): void {
  if (zone === undefined) pending = true;
}

/** True while {@link expectPaneTimeZone} waits for {@link setPaneTimeZone}. */
export function paneTimeZonePending(): boolean {
  return pending;
}

/**
 * Sets the zone every pane time is written in (an IANA name). Null or a name this engine does not know: the device's.
 * Views that subscribed are told, so a time already on screen is rewritten.
 */
export function setPaneTimeZone(next: string | null): void {
  let valid: string | undefined;
  if (next) {
    try {
      valid = new Intl.DateTimeFormat("en-US", { timeZone: next }).resolvedOptions().timeZone;
    } catch {
      valid = undefined;
    }
  }
  const changed = valid !== zone || pending;
  zone = valid;
  pending = false;
  if (!changed) return;
  version += 1;
  formatters.clear();
  listeners.forEach((l) => l());
}

/** For useSyncExternalStore: calls `listener` when the pane's zone changes; returns the unsubscribe. */
export function subscribePaneTimeZone(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Changes whenever the pane's zone does (useSyncExternalStore's snapshot). */
export function paneTimeZoneVersion(): number {
  return version;
}

/**
 * Formatters made on first use and kept until the zone changes: the first Intl formatter of a page costs tens of
 * milliseconds (the browser loads its locale data), which module load would add to the pane's first render.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function format(name: string, options: Intl.DateTimeFormatOptions, d: Date, timeZone: string = paneTimeZone()): string {
  const key = `${name} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(undefined, { ...options, timeZone })));
  return f.format(d);
}

const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" };
const DATE_ONLY: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric" };
const SHORT_DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short" };
const TIME_ONLY: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
const DAY_KEY: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

function parse(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Tue 26 Aug, 16:30" in the pane's zone; "" for nothing or an unreadable value. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  const d = parse(value);
  return d ? format("dateTime", DATE_TIME, d) : "";
}

/** "16:30" (or "4:30 PM") in the pane's zone; "" for nothing or an unreadable value. */
export function formatTime(value: string | number | Date | null | undefined): string {
  const d = parse(value);
  return d ? format("time", TIME_ONLY, d) : "";
}

/** "Tue 26 Aug 2025"; a bare "YYYY-MM-DD" is that calendar day itself (in no zone), not UTC midnight. */
export function formatDay(value: string | number | Date | null | undefined): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number);
    return format("dateOnly", DATE_ONLY, new Date(Date.UTC(y, m - 1, d, 12)), "UTC");
  }
  const d = parse(value);
  return d ? format("dateOnly", DATE_ONLY, d) : "";
}

/** "26 Aug" in the pane's zone; "" for nothing or an unreadable value. */
export function formatShortDay(value: string | number | Date | null | undefined): string {
  const d = parse(value);
  return d ? format("shortDay", SHORT_DAY, d) : "";
}

/** The calendar day of an instant in the pane's zone, for comparing days. */
function dayKey(d: Date): string {
  return format("dayKey", DAY_KEY, d);
}

/** "16:31" when `value` falls on `now`'s day (in the pane's zone), else as {@link formatDateTime}; "" for nothing. */
export function formatWhen(value: string | number | Date | null | undefined, now: Date): string {
  const d = parse(value);
  if (!d) return "";
  return dayKey(d) === dayKey(now) ? format("time", TIME_ONLY, d) : formatDateTime(d);
}
