import { responseStats, type ResponseStats } from "@domain/clock/responseStats";
import type { OverdueItem } from "./evaluateSnapshot";

/** One row of the team view: a watched mailbox or an attorney, with its figures. */
export interface TeamRow {
  readonly key: string;
  readonly label: string;
  readonly stats: ResponseStats;
}

/** How many days the team view covers: the partner's month, whatever the list's window. */
export const TEAM_VIEW_DAYS = 30;

export interface TeamView {
  readonly byMailbox: readonly TeamRow[];
  readonly byAttorney: readonly TeamRow[];
  readonly days: number;
  /** The period the figures cover: client email received from `from` up to `to` (ISO-8601 UTC). */
  readonly from: string;
  readonly to: string;
  /** Client messages counted in the period. */
  readonly messages: number;
}

function rows(items: readonly OverdueItem[], keyOf: (i: OverdueItem) => [string, string], now: string, days: number): TeamRow[] {
  const groups = new Map<string, { label: string; items: OverdueItem[] }>();
  for (const i of items) {
    const [key, label] = keyOf(i);
    const g = groups.get(key) ?? { label, items: [] };
    g.items.push(i);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      label: g.label,
      stats: responseStats(
        g.items.map((i) => i.clock),
        now,
        days,
      ),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The partner's team view: per watched mailbox and per responsible attorney, counts by state, median response
 * time and the share answered within the SLA over `days` (the items' decisions applied: "no reply needed" counts
 * as such).
 */
export function buildTeamView(
  items: readonly OverdueItem[],
  options: { readonly me: string; readonly now: string; readonly days?: number },
): TeamView {
  const days = options.days ?? TEAM_VIEW_DAYS;
  const toMs = Date.parse(options.now);
  const fromMs = toMs - days * 86_400_000;
  const inPeriod = items.filter((i) => {
    const at = i.clock.receivedAt ? Date.parse(i.clock.receivedAt) : Number.NaN;
    return at >= fromMs && at <= toMs;
  });
  return {
    days,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    messages: inPeriod.length,
    byMailbox: rows(items, (i) => [i.mailbox ?? options.me, i.mailbox ?? `${options.me} (you)`], options.now, days),
    byAttorney: rows(items, (i) => [i.attorneyId ?? "", i.attorneyName ?? "No matter recognized"], options.now, days),
  };
}
