import { useEffect, useState } from "react";
import { Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { FollowUpCapability } from "../api";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalSNudge },
  number: { width: "100px" },
});

/** Follow-up settings: reminder minutes, default length, default N of no-reply reminders. */
export function FollowUpSettingsSection({ capabilities }: { capabilities: Capabilities }) {
  const cap = capabilities.followUps;
  if (!cap) return null;
  return <Settings cap={cap} />;
}

type Form = { reminderMinutes: string; durationMinutes: string; noReplyDays: string };

function Settings({ cap }: { cap: FollowUpCapability }) {
  const styles = useStyles();
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    cap.settings().then(
      (s) =>
        setForm({
          reminderMinutes: String(s.reminderMinutes),
          durationMinutes: String(s.durationMinutes),
          noReplyDays: String(s.noReplyDays),
        }),
      setError,
    );
  }, [cap]);
  if (!form) return error ? <ErrorNotice error={error} /> : null;
  const field = (key: keyof Form, label: string, testId: string) => (
    <Field label={label} size="small">
      <Input
        type="number"
        data-testid={testId}
        value={form[key]}
        onChange={(_, d) => (setSaved(false), setForm({ ...form, [key]: d.value }))}
        className={styles.number}
      />
    </Field>
  );
  const save = () => {
    setError(null);
    cap
      .saveSettings({
        reminderMinutes: Number(form.reminderMinutes),
        durationMinutes: Number(form.durationMinutes),
        noReplyDays: Number(form.noReplyDays),
      })
      .then(() => setSaved(true), setError);
  };
  return (
    <section aria-label="Follow-up settings" data-testid="followup-settings" className={styles.root}>
      <Subtitle2 as="h3">Follow-ups</Subtitle2>
      {field("reminderMinutes", "Reminder (minutes before; 0 for none)", "followup-setting-reminder")}
      {field("durationMinutes", "Length of a follow-up (minutes)", "followup-setting-duration")}
      {field("noReplyDays", "Remind me if no reply in (working days)", "followup-setting-noreply")}
      <div>
        <Button data-testid="followup-settings-save" onClick={save}>
          Save
        </Button>
      </div>
      {saved ? <Caption1 data-testid="followup-settings-saved">Saved.</Caption1> : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
