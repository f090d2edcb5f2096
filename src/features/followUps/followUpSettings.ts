import { MatterlineError } from "@domain/errors";
import type { SettingsStore } from "@ports/settingsStore";
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from "./followUpTypes";

export const FOLLOW_UP_SETTINGS_KEY = "followUps.settings";

function intIn(value: unknown, min: number, max: number): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** Checks settings; throws invalid-input naming the bad field (the settings form shows it). */
export function validateFollowUpSettings(s: FollowUpSettings): FollowUpSettings {
  if (intIn(s.reminderMinutes, 0, 10_080) === null)
    throw new MatterlineError("invalid-input", "Reminder must be a whole number of minutes from 0 to 10080 (a week).");
  if (intIn(s.durationMinutes, 5, 480) === null)
    throw new MatterlineError("invalid-input", "Length must be a whole number of minutes from 5 to 480.");
  if (intIn(s.noReplyDays, 1, 30) === null)
    throw new MatterlineError("invalid-input", "No-reply days must be a whole number from 1 to 30.");
  return { reminderMinutes: s.reminderMinutes, durationMinutes: s.durationMinutes, noReplyDays: s.noReplyDays };
}

/** Reads the saved settings, field by field: anything unreadable falls back to its default rather than failing. */
export async function loadFollowUpSettings(store: SettingsStore): Promise<FollowUpSettings> {
  const raw = (await store.get(FOLLOW_UP_SETTINGS_KEY)) as Partial<Record<keyof FollowUpSettings, unknown>> | undefined;
  const d = DEFAULT_FOLLOW_UP_SETTINGS;
  return {
    reminderMinutes: intIn(raw?.reminderMinutes, 0, 10_080) ?? d.reminderMinutes,
    durationMinutes: intIn(raw?.durationMinutes, 5, 480) ?? d.durationMinutes,
    noReplyDays: intIn(raw?.noReplyDays, 1, 30) ?? d.noReplyDays,
  };
}

export async function saveFollowUpSettings(store: SettingsStore, settings: FollowUpSettings): Promise<FollowUpSettings> {
  const valid = validateFollowUpSettings(settings);
  await store.set(FOLLOW_UP_SETTINGS_KEY, { ...valid });
  return valid;
}
