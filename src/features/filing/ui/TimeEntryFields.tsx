import { Checkbox, Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { TimeEntry } from "@domain/matterLog/types";

/** The time-entry form's raw state (what the user typed). */
export interface TimeDraft {
  readonly on: boolean;
  readonly hours: string;
  readonly narrative: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export const EMPTY_TIME: TimeDraft = { on: false, hours: "0.1", narrative: "" };

/**
 * Checks typed hours: firms bill in tenths, so 0.1 to 24 in steps of 0.1. Returns the entry, null when time is off,
 * or a plain error to show under the field (nothing is logged while it is wrong).
 */
export function parseTime(draft: TimeDraft): { entry: TimeEntry | null; error: string | null } {
  if (!draft.on) return { entry: null, error: null };
  const text = draft.hours.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return { entry: null, error: "Enter hours as a number, e.g. 0.3." };
  const hours = Number(text);
  const tenths = Math.round(hours * 10);
  if (Math.abs(hours * 10 - tenths) > 1e-9) return { entry: null, error: "Use tenths of an hour (0.1 h = 6 minutes), e.g. 0.3." };
  if (tenths < 1 || tenths > 240) return { entry: null, error: "Time must be between 0.1 and 24 hours." };
  return { entry: { tenths, narrative: draft.narrative.trim() }, error: null };
}

/** Optional time entry: hours in 0.1 h units with a narrative for the bill. */
export function TimeEntryFields({ value, onChange }: { value: TimeDraft; onChange: (next: TimeDraft) => void }) {
  const styles = useStyles();
  const { error } = parseTime(value);
  return (
    <div data-testid="time-entry" className={styles.root}>
      <Checkbox label="Record time" checked={value.on} onChange={(_, d) => onChange({ ...value, on: d.checked === true })} />
      {value.on ? (
        <>
          <Field label="Hours (0.1 h units)" validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
            <Input
              inputMode="decimal"
              value={value.hours}
              onChange={(_, d) => onChange({ ...value, hours: d.value })}
              data-testid="time-hours"
            />
          </Field>
          <Field label="Narrative">
            <Textarea
              value={value.narrative}
              onChange={(_, d) => onChange({ ...value, narrative: d.value })}
              data-testid="time-narrative"
              resize="vertical"
            />
          </Field>
        </>
      ) : null}
    </div>
  );
}
