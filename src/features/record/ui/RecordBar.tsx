import { Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { RecordCapability } from "../api";
import { ErrorNotice } from "@shell/ErrorNotice";
import { syncedText, useRecordStatus, waitingText } from "./useRecordStatus";

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap", minWidth: 0 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** One line about the shared matter record: when it last synced, what waits, and "Sync now". */
export function RecordBar({ record, now }: { record: RecordCapability | undefined; now: () => Date }) {
  const styles = useStyles();
  const { status, error, busy, act, clearError } = useRecordStatus(record);
  if (!record || !status) return null;
  const waiting = waitingText(status);
  return (
    <div data-testid="record-bar" aria-live="polite">
      <div className={styles.bar}>
        <Caption1 data-testid="record-synced">
          {status.site ? `Matter record synced ${syncedText(status.lastSyncedAt, now())}` : "No shared matter record is set up (Settings)."}
        </Caption1>
        {waiting ? (
          <Caption1 className={styles.warn} data-testid="record-waiting">
            {waiting}
          </Caption1>
        ) : null}
        {status.site ? (
          <Button
            size="small"
            appearance="subtle"
            icon={busy || status.syncing ? <Spinner size="extra-tiny" /> : undefined}
            disabled={busy}
            onClick={() => void act(() => record.syncNow())}
            data-testid="record-sync-now"
          >
            Sync now
          </Button>
        ) : null}
      </div>
      {status.reach === "failed" && status.problem ? (
        <Caption1 className={styles.warn} data-testid="record-problem">
          {status.problem}
        </Caption1>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={clearError} /> : null}
    </div>
  );
}
