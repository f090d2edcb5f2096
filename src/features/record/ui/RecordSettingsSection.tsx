import { useState } from "react";
import { Button, Caption1, Field, Input, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import { ErrorNotice } from "@shell/ErrorNotice";
import { syncedText, useRecordStatus, waitingText } from "./useRecordStatus";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "180px" },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** Settings: which SharePoint site holds the firm's matter record, whether the pane reaches it, when it last synced. */
export function RecordSettingsSection({ capabilities }: { capabilities: Capabilities }) {
  const styles = useStyles();
  const record = capabilities.record;
  const { status, error, busy, act, clearError } = useRecordStatus(record);
  const [draft, setDraft] = useState("");
  // The saved site changed (loaded, saved, cleared): the box shows it (state adjusted while rendering, not in an effect).
  const [shownSite, setShownSite] = useState<string | null | undefined>(undefined);
  if (status && status.site !== shownSite) {
    setShownSite(status.site);
    setDraft(status.site ?? "");
  }
  if (!record) return null;
  const now = capabilities.clock.now();
  const waiting = status ? waitingText(status) : null;
  return (
    <section aria-label="Matter record" data-testid="record-settings" className={styles.root}>
      <Subtitle2 as="h3">Matter record</Subtitle2>
      <Caption1 block>
        Filed email is kept in a SharePoint site of your firm, so everyone on a matter sees the same record: a list of filed emails and a
        library with each email in its matter&apos;s folder.
      </Caption1>
      {status ? (
        <>
          <div className={styles.row}>
            <Field label="SharePoint site" className={styles.grow}>
              <Input
                value={draft}
                placeholder="https://<your firm>.sharepoint.com/sites/Matters"
                onChange={(_, d) => setDraft(d.value)}
                data-testid="record-site-input"
              />
            </Field>
            <Button
              disabled={busy || draft.trim() === (status.site ?? "")}
              onClick={() => void act(() => record.saveSite(draft.trim() || null))}
              data-testid="record-site-save"
            >
              Save
            </Button>
          </div>
          <Caption1 block data-testid="record-reach">
            {!status.site ? (
              "No site is set up: filings stay on this device and wait to be shared."
            ) : status.reach === "ok" ? (
              <span className={styles.ok}>Reached {status.site}</span>
            ) : status.reach === "failed" ? (
              <span className={styles.bad}>Cannot reach the record: {status.problem}</span>
            ) : (
              "Not reached yet."
            )}
          </Caption1>
          <Caption1 block data-testid="record-last-sync">
            Last synced: {syncedText(status.lastSyncedAt, now)}
            {waiting ? ` · ${waiting}` : ""}
            {status.refused ? ` · ${status.refused} refused (no access to that matter's record)` : ""}
          </Caption1>
          {status.site ? (
            <Caption1 block data-testid="record-attachments" data-state={status.attachments ? "on" : "off"}>
              {status.attachments
                ? "Attachments: stored beside each filed email in its matter's folder (set by your firm for everyone)."
                : "Attachments: not stored in the record; they stay with the email (your administrator can turn this on for the firm)."}
            </Caption1>
          ) : null}
          {status.site ? (
            <div>
              <Button
                size="small"
                disabled={busy}
                onClick={() => void act(() => record.syncNow())}
                icon={busy ? <Spinner size="extra-tiny" /> : undefined}
                data-testid="record-settings-sync"
              >
                Sync now
              </Button>
            </div>
          ) : null}
        </>
      ) : error ? null : (
        <Spinner size="tiny" />
      )}
      {error ? <ErrorNotice error={error} onDismiss={clearError} /> : null}
    </section>
  );
}
