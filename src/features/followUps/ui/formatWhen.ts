import { formatDateTime, formatDay as formatShellDay, paneTimeZone } from "@shell/dates";

/** The reader's zone: the mailbox's, as every time in the pane is written (see @shell/dates). */
export function readerTimeZone(): string {
  return paneTimeZone();
}

/** Firm-local date and time parts of an instant, for date/time inputs. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** True when the firm's wall clock at this instant is not the reader's (another zone, or another offset then). */
export function zoneDiffers(iso: string, firmZone: string, readerZone: string = readerTimeZone()): boolean {
  if (!firmZone || firmZone === readerZone) return false;
  try {
    const a = localParts(iso, firmZone);
    const b = localParts(iso, readerZone);
    return a.date !== b.date || a.time !== b.time;
  } catch {
    return false;
  }
}

/**
 * An instant in the pane's one format ("Wed 27 Aug, 08:14", the mailbox's zone, as Outlook shows times), followed by
 * the firm's own wall-clock time when that differs, e.g. "Wed 27 Aug, 03:14 (08:14 Europe/London time)": follow-ups
 * are proposed and kept in the firm's zone, so a reader elsewhere sees both.
 */
export function formatWhen(iso: string, firmZone: string, readerZone: string = readerTimeZone()): string {
  const base = formatDateTime(iso);
  if (!base) return iso;
  if (!zoneDiffers(iso, firmZone, readerZone)) return base;
  const firm = localParts(iso, firmZone);
  const sameDay = firm.date === localParts(iso, readerZone).date;
  return `${base} (${sameDay ? "" : `${formatShellDay(firm.date)}, `}${firm.time} ${firmZone} time)`;
}

/** A firm-local "YYYY-MM-DD" in the pane's day format ("Fri 13 Mar 2026"): the calendar day itself, in no zone. */
export function formatDay(date: string): string {
  return formatShellDay(date) || date;
}

/**
 * A firm-local day and optional "HH:MM" (as proposals and the inputs hold them), naming the firm's zone when the
 * reader is elsewhere, so "10:00" is never read in the wrong zone.
 */
export function formatFirmDayTime(date: string, time: string | undefined, firmZone: string, readerZone: string = readerTimeZone()): string {
  const day = formatDay(date);
  if (!time) return day;
  const differs = firmZone && firmZone !== readerZone && zoneDiffers(`${date}T12:00:00Z`, firmZone, readerZone);
  return `${day} ${time}${differs ? ` ${firmZone} time` : ""}`;
}
