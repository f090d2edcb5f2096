/** The reply deadline when neither the matter, the client nor the user sets one: 24 hours. */
export const DEFAULT_SLA_HOURS = 24;

/** Where a reply deadline can come from, most specific first. */
export interface SlaSources {
  /** The matter the message belongs to, when recognized (the directory's `slaHours`). */
  readonly matter?: { readonly slaHours?: number } | null;
  /** The client it came from (the directory's `slaHours`). */
  readonly client?: { readonly slaHours?: number } | null;
  /** The user's own setting: the pane's Overdue settings, or the `--sla-hours` option of `triage`. */
  readonly userSlaHours?: number | null;
}

/** True for a deadline the clock can run: a positive, finite number of hours (the directory's rule for `slaHours`). */
export function isSlaHours(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

/**
 * The reply deadline of one client message, in hours: the matter's own, else the client's, else the user's setting,
 * else {@link DEFAULT_SLA_HOURS}. A value the clock cannot run (zero, negative, not a number) is passed over as if
 * unset, so a damaged record never stops the clock. Every view that times a reply (the Overdue tab, the matter
 * timeline, the digest, the team view and `triage`) asks this function, so they agree on the same email.
 */
export function slaFor(sources: SlaSources): number {
  for (const hours of [sources.matter?.slaHours, sources.client?.slaHours, sources.userSlaHours]) {
    if (isSlaHours(hours)) return hours;
  }
  return DEFAULT_SLA_HOURS;
}
