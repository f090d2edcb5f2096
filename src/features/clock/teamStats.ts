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

/** Clock states of email still waiting for its reply: counted over the list's emails, snoozed ones included. */
const OPEN_STATES = ["overdue", "due-soon", "waiting"] as const;

function rows(
  items: readonly OverdueItem[],
  listed: readonly OverdueItem[],
  keyOf: (i: OverdueItem) => [string, string],
  now: string,
  days: number,
): TeamRow[] {
  const groups = new Map<string, { label: string; items: OverdueItem[]; listed: OverdueItem[] }>();
  const groupOf = (i: OverdueItem) => {
    const [key, label] = keyOf(i);
    const g = groups.get(key) ?? { label, items: [], listed: [] };
    groups.set(key, g);
    return g;
  };
  for (const i of items) groupOf(i).items.push(i);
  for (const i of listed) groupOf(i).listed.push(i);
  return [...groups.entries()]
    .map(([key, g]) => {
      const stats = responseStats(
        g.items.map((i) => i.clock),
        now,
        days,
      );
      // The emails waiting now are the list's (and the digest's): the same emails, whatever the period of the rest.
      const counts = { ...stats.counts };
      for (const state of OPEN_STATES) counts[state] = g.listed.filter((i) => i.clock.state === state).length;
      const tracked = counts.answered + counts.waiting + counts["due-soon"] + counts.overdue;
      return { key, label: g.label, stats: { ...stats, counts, tracked } };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The partner's team view: per watched mailbox and per responsible attorney, counts by state, median response
 * time and the share answered within the SLA over `days` (the items' decisions applied: "no reply needed" counts
 * as such). Overdue, due soon and waiting count `options.listed` (the Overdue list's emails, snoozed ones too), so
 * the team view, the list and the digest give the same number for the same emails.
 */
export function buildTeamView(
  items: readonly OverdueItem[],
  options: { readonly me: string; readonly now: string; readonly days?: number; readonly listed?: readonly OverdueItem[] },
): TeamView {
  const days = options.days ?? TEAM_VIEW_DAYS;
  const listed = options.listed ?? items;
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
    byMailbox: rows(items, listed, (i) => [i.mailbox ?? options.me, i.mailbox ?? `${options.me} (you)`], options.now, days),
    byAttorney: rows(items, listed, (i) => [i.attorneyId ?? "", i.attorneyName ?? "No matter recognized"], options.now, days),
  };
}
