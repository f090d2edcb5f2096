import { useEffect, useState } from "react";
import { Caption1, Spinner, Subtitle2, Switch } from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { FilingSettings } from "../api";

/** Filing settings: log automatically when recognition is sure. */
export function FilingSettingsSection({ capabilities }: { capabilities: Capabilities }) {
  const filing = capabilities.filing;
  const [settings, setSettings] = useState<FilingSettings | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!filing) return;
    let alive = true;
    filing.settings().then(
      (s) => {
        if (alive) setSettings(s);
      },
      (e: unknown) => {
        if (alive) setError(e);
      },
    );
    return () => {
      alive = false;
    };
  }, [filing]);

  if (!filing) return null;
  const save = (next: FilingSettings) => {
    const before = settings;
    setSettings(next);
    filing.saveSettings(next).catch((e: unknown) => {
      setSettings(before);
      setError(e);
    });
  };
  return (
    <div data-testid="filing-settings">
      <Subtitle2 as="h3">Filing</Subtitle2>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {settings ? (
        <>
          <Switch
            label="Log email to the matter automatically when Matterline is sure"
            checked={settings.autoLog}
            onChange={(_, d) => save({ ...settings, autoLog: d.checked })}
            data-testid="filing-autolog"
          />
          <Caption1 block>
            Only when the matter is certain: a matter reference, a thread already logged, or strong agreeing evidence from a client. Mail
            from opposing counsel, courts or colleagues is logged automatically only by reference or thread. You can undo each one.
          </Caption1>
        </>
      ) : error ? null : (
        <Spinner size="tiny" />
      )}
    </div>
  );
}
