import type { FirmCalendar, Instant } from "@domain/time/firmCalendar";
import { toMillis } from "@domain/time/firmCalendar";

/** The snooze choices the list offers. */
export type SnoozeChoice = "1h" | "4h" | "tomorrow";

/**
 * End of a snooze: 1 h or 4 h of real time, or "tomorrow" = the start of the firm's next working day (a snooze
 * over a weekend wakes on Monday morning, when someone can act on it).
 */
export function snoozeUntil(choice: SnoozeChoice, now: Instant, calendar: FirmCalendar): string {
  const ms = toMillis(now);
  if (choice === "1h") return new Date(ms + 3_600_000).toISOString();
  if (choice === "4h") return new Date(ms + 4 * 3_600_000).toISOString();
  return calendar.nextWorkingDayStart(ms).toISOString();
}
