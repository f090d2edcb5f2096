import type { ClockResult, ClockState } from "./responseClock";
import type { Instant } from "@domain/time/firmCalendar";
import { toMillis } from "@domain/time/firmCalendar";

/** The team view's figures for one mailbox or attorney over a window. */
export interface ResponseStats {
  readonly days: number;
  /** Messages received in the window, by clock state. */
  readonly counts: Readonly<Record<ClockState, number>>;
  /** Tracked messages in the window (answered + waiting + due-soon + overdue). */
  readonly tracked: number;
  /** Median minutes from receipt to answer over answered messages; null when none was answered. */
  readonly medianResponseMinutes: number | null;
  readonly answeredOnTime: number;
  /**
   * Answered within the SLA (calendar due time) ÷ messages whose outcome is known (answered, or already overdue).
   * Waiting and due-soon messages may still be answered on time, so they are left out; null when none is known.
   */
  readonly shareWithinSla: number | null;
}

/** Counts and response figures over the messages received in the last `days` days before `now`. */
export function responseStats(results: readonly ClockResult[], now: Instant, days = 30): ResponseStats {
  const nowMs = toMillis(now);
  const fromMs = nowMs - days * 86_400_000;
  const counts: Record<ClockState, number> = {
    answered: 0,
    waiting: 0,
    "due-soon": 0,
    overdue: 0,
    "no-reply-needed": 0,
    "not-tracked": 0,
  };
  const responseTimes: number[] = [];
  let onTime = 0;
  for (const r of results) {
    if (!r.receivedAt) continue;
    const at = toMillis(r.receivedAt);
    if (at < fromMs || at > nowMs) continue;
    counts[r.state] += 1;
    if (r.state === "answered" && r.responseMinutes !== null) {
      responseTimes.push(r.responseMinutes);
      if (r.late === false) onTime += 1;
    }
  }
  const known = counts.answered + counts.overdue;
  return {
    days,
    counts,
    tracked: counts.answered + counts.waiting + counts["due-soon"] + counts.overdue,
    medianResponseMinutes: medianOf(responseTimes),
    answeredOnTime: onTime,
    shareWithinSla: known ? onTime / known : null,
  };
}

function medianOf(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
