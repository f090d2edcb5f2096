import type { ClockResult } from "./responseClock";

/**
 * A duration in words a busy reader takes in at a glance: "45 min", "27 h", "3 days 4 h".
 * Hours are floored so "27 h" never overstates the wait; under an hour shows minutes.
 */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.floor(Math.abs(minutes)));
  if (m < 60) return `${m} min`;
  const hours = Math.floor(m / 60);
  if (hours < 72) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} days ${rest} h` : `${days} days`;
}

/**
 * One line for the notification bar and the overdue list, e.g. "Client waiting 27 h — reply was due 3 h ago",
 * "Client waiting 20 h — reply due in 4 h", "Answered in 5 h", "Answered in 30 h — 6 h late".
 */
export function clockSummary(result: ClockResult): string {
  switch (result.state) {
    case "overdue":
      return `Client waiting ${formatDuration(result.waitingMinutes ?? 0)} — reply was due ${formatDuration(-(result.minutesLeft ?? 0))} ago`;
    case "due-soon":
    case "waiting":
      return `Client waiting ${formatDuration(result.waitingMinutes ?? 0)} — reply due in ${formatDuration(result.minutesLeft ?? 0)}`;
    case "answered": {
      const took = `Answered in ${formatDuration(result.responseMinutes ?? 0)}`;
      if (!result.late || !result.answeredAt || !result.calendarDueAt) return took;
      const lateMinutes = (Date.parse(result.answeredAt) - Date.parse(result.calendarDueAt)) / 60_000;
      return `${took} — ${formatDuration(lateMinutes)} late`;
    }
    case "no-reply-needed":
      return "No reply needed";
    case "not-tracked":
      return "Not on the response clock";
  }
}

/** A short label for the state, for badges and lists. */
export function stateLabel(state: ClockResult["state"]): string {
  const labels: Record<ClockResult["state"], string> = {
    answered: "Answered",
    waiting: "Waiting",
    "due-soon": "Due soon",
    overdue: "Overdue",
    "no-reply-needed": "No reply needed",
    "not-tracked": "Not tracked",
  };
  return labels[state];
}
