import { isValidEmail } from "@domain/directory/parseDirectory";
import { MatterlineError } from "@domain/errors";
import { DEFAULT_SLA_HOURS } from "./sla";

/**
 * The response clock's per-device settings (Settings tab). The Overdue tab and the matter timeline both read them, so
 * the user's reply deadline and business-day mode are the same in both.
 */
export interface OverdueSettings {
  /** Shared or delegated mailboxes scanned besides the user's own, lower-case addresses. */
  readonly watchedMailboxes: readonly string[];
  /** The user's reply deadline in hours; a matter's or client's own `slaHours` wins over it (see `slaFor`). */
  readonly slaHours: number;
  /** Count only the firm's working days (weekends and holidays do not count). */
  readonly businessDays: boolean;
  /** How many days back the scan reads. */
  readonly windowDays: number;
  /** Set the "Overdue reply" category on overdue messages so every device's message list shows it. */
  readonly overdueCategory: boolean;
}

/** The key the settings live under in the per-device settings store. */
export const OVERDUE_SETTINGS_KEY = "overdue.settings";

/** Settings before the user changes any. */
export const DEFAULT_OVERDUE_SETTINGS: OverdueSettings = {
  watchedMailboxes: [],
  slaHours: DEFAULT_SLA_HOURS,
  businessDays: false,
  windowDays: 14,
  overdueCategory: false,
};

function positive(value: unknown, fallback: number, max: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 && value <= max ? value : fallback;
}

/**
 * Reads stored settings back tolerantly: a missing or damaged field falls back to its default, so an old or
 * hand-edited record never stops the scan.
 */
export function readOverdueSettings(raw: unknown): OverdueSettings {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const watched = Array.isArray(r.watchedMailboxes)
    ? [
        ...new Set(
          r.watchedMailboxes
            .filter((m): m is string => typeof m === "string")
            .map((m) => m.trim().toLowerCase())
            .filter(isValidEmail),
        ),
      ]
    : [];
  return {
    watchedMailboxes: watched,
    slaHours: positive(r.slaHours, DEFAULT_OVERDUE_SETTINGS.slaHours, 24 * 30),
    businessDays: typeof r.businessDays === "boolean" ? r.businessDays : DEFAULT_OVERDUE_SETTINGS.businessDays,
    windowDays: Math.round(positive(r.windowDays, DEFAULT_OVERDUE_SETTINGS.windowDays, 90)),
    overdueCategory: typeof r.overdueCategory === "boolean" ? r.overdueCategory : DEFAULT_OVERDUE_SETTINGS.overdueCategory,
  };
}

/** Checks settings the user typed; throws `invalid-input` with every problem listed. */
export function validateOverdueSettings(settings: OverdueSettings, me: string): OverdueSettings {
  const problems: string[] = [];
  const watched: string[] = [];
  for (const raw of settings.watchedMailboxes) {
    const m = raw.trim().toLowerCase();
    if (!isValidEmail(m)) problems.push(`"${raw}" is not an email address.`);
    else if (m === me.toLowerCase()) problems.push(`${m} is your own mailbox; it is always scanned.`);
    else if (!watched.includes(m)) watched.push(m);
  }
  if (!(settings.slaHours > 0 && settings.slaHours <= 24 * 30)) problems.push("The reply time must be between 1 and 720 hours.");
  if (!(Number.isInteger(settings.windowDays) && settings.windowDays >= 1 && settings.windowDays <= 90))
    problems.push("The scan window must be 1 to 90 days.");
  if (problems.length) throw new MatterlineError("invalid-input", "Some overdue settings need fixing.", { details: problems });
  return { ...settings, watchedMailboxes: watched };
}
