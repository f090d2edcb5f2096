import { useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import type { OverdueSettings } from "..";
import { ErrorNotice } from "@shell/ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  mailboxes: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "18px" },
  add: { display: "flex", gap: tokens.spacingHorizontalXS },
  address: { flex: 1, minWidth: 0 },
});

/** Settings of the reply clock: watched mailboxes, reply time, business days, scan window, the Overdue category. */
export function OverdueSettingsSection({ capabilities }: { capabilities: Capabilities }) {
  const styles = useStyles();
  const overdue = capabilities.overdue;
  const [settings, setSettings] = useState<OverdueSettings | null>(null);
  const [address, setAddress] = useState("");
  const [sla, setSla] = useState("");
  const [windowDays, setWindowDays] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!overdue) return;
    let alive = true;
    overdue
      .loadSettings()
      .then((s) => {
        if (!alive) return;
        setSettings(s);
        setSla(String(s.slaHours));
        setWindowDays(String(s.windowDays));
      })
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [overdue]);

  if (!overdue) return null;
  if (!settings) return error ? <ErrorNotice error={error} /> : null;

  const change = (patch: Partial<OverdueSettings>) => {
    setSaved(false);
    setSettings({ ...settings, ...patch });
  };
  const add = () => {
    const a = address.trim().toLowerCase();
    if (!a) return;
    change({ watchedMailboxes: [...settings.watchedMailboxes.filter((m) => m !== a), a] });
    setAddress("");
  };
  const save = () => {
    setSaving(true);
    setError(null);
    overdue
      .saveSettings({ ...settings, slaHours: Number(sla), windowDays: Number(windowDays) })
      .then((s) => {
        setSettings(s);
        setSaved(true);
      })
      .catch((e: unknown) => setError(e))
      .finally(() => setSaving(false));
  };

  return (
    <section aria-label="Reply clock settings" data-testid="overdue-settings" className={styles.root}>
      <Subtitle2 as="h3">Reply clock</Subtitle2>
      <div>
        <Caption1 block>Shared or delegated mailboxes to watch (your own is always watched):</Caption1>
        <ul className={styles.mailboxes} data-testid="watched-mailboxes">
          {settings.watchedMailboxes.map((m) => (
            <li key={m}>
              {m}{" "}
              <Button
                size="small"
                appearance="subtle"
                aria-label={`Stop watching ${m}`}
                onClick={() => change({ watchedMailboxes: settings.watchedMailboxes.filter((x) => x !== m) })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <form
          className={styles.add}
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <Input
            size="small"
            aria-label="Mailbox address to watch"
            placeholder="team@firm.example"
            value={address}
            onChange={(_, d) => setAddress(d.value)}
            className={styles.address}
          />
          <Button size="small" type="submit">
            Add
          </Button>
        </form>
      </div>
      <Field label="Reply time (hours, unless a matter sets its own)">
        <Input
          type="number"
          min={1}
          max={720}
          value={sla}
          onChange={(_, d) => {
            setSaved(false);
            setSla(d.value);
          }}
        />
      </Field>
      <Switch
        label="Count working days only (weekends and firm holidays do not count)"
        checked={settings.businessDays}
        onChange={(_, d) => change({ businessDays: d.checked })}
      />
      <Field label="Scan window (days)">
        <Input
          type="number"
          min={1}
          max={90}
          value={windowDays}
          onChange={(_, d) => {
            setSaved(false);
            setWindowDays(d.value);
          }}
        />
      </Field>
      <Switch
        label={'Mark overdue client email with the "Overdue reply" category (shows on every device)'}
        checked={settings.overdueCategory}
        onChange={(_, d) => change({ overdueCategory: d.checked })}
      />
      <div>
        <Button appearance="primary" onClick={save} disabled={saving} data-testid="overdue-settings-save">
          Save
        </Button>
      </div>
      {saved ? (
        <MessageBar intent="success">
          <MessageBarBody>Saved. The next scan uses these settings.</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
