import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FilingView } from "../api";
import { matterText, whenText } from "./filingText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  mirrored: { color: tokens.colorPaletteGreenForeground1 },
  failed: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  failedText: { color: tokens.colorPaletteRedForeground1 },
  audit: { margin: 0, paddingLeft: "18px" },
});

/** "Logged to … — by you, 16:31", the mailbox copy's state, and the audit trail when the email was moved. */
export function LoggedStatus({
  view,
  me,
  now,
  onUndo,
  onRetry,
  busy,
}: {
  view: FilingView;
  me: string;
  now: Date;
  onUndo: () => void;
  onRetry: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const logged = view.pane.logged;
  if (!logged) return null;
  const { entry } = logged;
  const name = (address: string) => (address.toLowerCase() === me.toLowerCase() ? "you" : (view.people[address] ?? address));
  const who = name(entry.loggedBy);
  const auto = entry.source === "auto";
  return (
    <div data-testid="filing-logged" className={styles.root}>
      <Text weight="semibold" data-testid="filing-logged-line">
        {auto ? "Logged automatically to " : "Logged to "}
        {matterText(view.matters[entry.matterId], entry.matterId)} — by {who}, {whenText(entry.loggedAt, now)}
      </Text>
      {entry.timeEntry ? (
        <Caption1>
          Time: {(entry.timeEntry.tenths / 10).toFixed(1)} h{entry.timeEntry.narrative ? ` — ${entry.timeEntry.narrative}` : ""}
        </Caption1>
      ) : null}
      <div data-testid="record-status" data-state={logged.record} aria-live="polite">
        {logged.record === "filed" ? (
          <Caption1 className={styles.mirrored}>
            Filed in the matter record ✓
            {logged.recordMessage === "waiting" ? (
              <span data-testid="record-message-waiting"> — the email itself is being stored in the matter folder.</span>
            ) : logged.recordMessage === "failed" ? (
              <span data-testid="record-message-failed"> — the email itself could not be stored in the matter folder.</span>
            ) : null}
          </Caption1>
        ) : logged.record === "waiting" ? (
          <Caption1>
            Waiting to reach the matter record — sent automatically
            {logged.recordError ? ` (last try: ${logged.recordError})` : ""}.
          </Caption1>
        ) : (
          <Caption1 className={styles.failedText}>
            The matter record refused it{logged.recordError ? `: ${logged.recordError}` : "."}
          </Caption1>
        )}
      </div>
      <div data-testid="mirror-status" data-state={logged.mirror} aria-live="polite">
        {logged.mirror === "mirrored" ? (
          <Caption1 className={styles.mirrored}>In the mailbox ✓ (category “{entry.category}”)</Caption1>
        ) : logged.mirror === "unconfirmed" ? (
          <span className={styles.failed}>
            <Caption1>Not confirmed in this mailbox — Outlook may not show the matter&apos;s category on it.</Caption1>
            <Button size="small" onClick={onRetry} disabled={busy} data-testid="mirror-retry">
              Mark in mailbox
            </Button>
          </span>
        ) : logged.mirror === "waiting" ? (
          <Caption1>
            Mailbox copy waiting to sync — retried automatically.
            {view.categoriesSupported ? "" : " This Outlook cannot show categories on the item (needs Mailbox 1.8); the log is kept here."}
          </Caption1>
        ) : (
          <span className={styles.failed}>
            <Caption1 className={styles.failedText}>Mailbox copy failed{logged.mirrorError ? `: ${logged.mirrorError}` : ""}.</Caption1>
            <Button size="small" onClick={onRetry} disabled={busy} data-testid="mirror-retry">
              Retry
            </Button>
          </span>
        )}
      </div>
      <div>
        <Button size="small" onClick={onUndo} disabled={busy} data-testid="filing-undo">
          {auto ? "Undo" : "Undo filing"}
        </Button>
      </div>
      {logged.audit.length > 1 || logged.audit.some((a) => a.action === "conflict") ? (
        <details data-testid="filing-audit">
          <summary>History ({logged.audit.length})</summary>
          <ul className={styles.audit}>
            {logged.audit.map((a, i) => (
              <li key={i}>
                <Caption1>
                  {whenText(a.at, now)} · {name(a.by)}: {a.action}
                  {a.fromMatterId ? ` from ${view.matters[a.fromMatterId]?.number ?? a.fromMatterId}` : ""}
                  {a.toMatterId ? ` to ${view.matters[a.toMatterId]?.number ?? a.toMatterId}` : ""}
                  {a.note ? ` — ${a.note}` : ""}
                </Caption1>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
