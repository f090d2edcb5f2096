import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { DraftCheck, IndexStatus, SendGuardCapability, SendWarning, WarningFix } from "../api";
import { KIND_TITLE, fixLabel } from "./warningText";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: "anywhere" },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  fixes: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  // Read by screen readers, not shown.
  announcer: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

function coverage(status: IndexStatus | null): string {
  if (!status) return "";
  const base = `Checked against ${status.contacts.toLocaleString("en")} contacts of ${status.clients.toLocaleString("en")} clients and ${status.matters.toLocaleString("en")} matters.`;
  return status.inMailbox === false
    ? `${base} The directory is too large for the mailbox copy classic Outlook on Windows reads at send time: there, check here before sending.`
    : base;
}

/**
 * Compose mode: the send check's warnings for the draft, live as recipients and attachments change, each with its
 * one-click fixes. The same check runs again when Send is pressed.
 */
export function SendGuardSection({ sendGuard }: { sendGuard: SendGuardCapability }) {
  const styles = useStyles();
  const [result, setResult] = useState<DraftCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [announce, setAnnounce] = useState("");
  const run = useRef(0);

  const check = useCallback(() => {
    const mine = ++run.current;
    setBusy(true);
    sendGuard.check().then(
      (r) => {
        if (mine !== run.current) return;
        setResult(r);
        setError(null);
        setBusy(false);
      },
      (e: unknown) => {
        if (mine !== run.current) return;
        setError(e);
        setBusy(false);
      },
    );
  }, [sendGuard]);

  useEffect(() => {
    const runs = run;
    // The first check starts once the section is on screen, like the ones Outlook's change events start.
    void Promise.resolve().then(check);
    void sendGuard.status().then(setStatus, () => setStatus(null));
    const off = sendGuard.onDraftChanged(check);
    return () => {
      runs.current++; // a check still running answers for a draft no longer shown
      off();
    };
  }, [sendGuard, check]);

  const fix = (w: SendWarning, f: WarningFix) => {
    setBusy(true);
    sendGuard.applyFix(w.recipient, f).then(
      () => {
        setAnnounce(`Done: ${fixLabel(w, f).label}.`);
        check();
      },
      (e: unknown) => {
        setError(e);
        setBusy(false);
      },
    );
  };

  const warnings = result?.warnings ?? [];
  return (
    <section aria-label="Before it leaves" data-testid="send-guard" className={styles.section}>
      <Subtitle2 as="h3">Before it leaves</Subtitle2>
      {!sendGuard.onSendSupported ? (
        <Caption1 block>
          This Outlook cannot check mail as it is sent (that needs Mailbox 1.12): look at the warnings here before sending.
        </Caption1>
      ) : null}
      {error ? <ErrorNotice error={error} onRetry={check} /> : null}
      {!result && !error ? <Spinner size="tiny" label="Checking the recipients…" /> : null}
      {result && warnings.length === 0 ? (
        <Text data-testid="send-guard-clear">No problems found with the recipients or attachments.</Text>
      ) : null}
      {warnings.length > 0 ? (
        <ul className={styles.list} aria-label="Warnings">
          {warnings.map((w) => (
            <li key={`${w.kind}-${w.recipient}-${w.reason}`} data-testid="send-warning" data-kind={w.kind}>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{KIND_TITLE[w.kind]}</MessageBarTitle>
                  <Text block>{w.reason}</Text>
                  <div className={styles.fixes}>
                    {w.fixes.map((f) => {
                      const { text, label } = fixLabel(w, f);
                      return (
                        <Button
                          key={f.kind}
                          size="small"
                          disabled={busy}
                          aria-label={label}
                          onClick={() => fix(w, f)}
                          data-testid={`send-fix-${f.kind}`}
                        >
                          {text}
                        </Button>
                      );
                    })}
                  </div>
                </MessageBarBody>
              </MessageBar>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={styles.actions}>
        <Button size="small" disabled={busy} onClick={check} data-testid="send-guard-recheck">
          Check again
        </Button>
        {busy && result ? <Spinner size="tiny" label="Checking…" /> : null}
      </div>
      {status ? <Caption1 block>{coverage(status)}</Caption1> : null}
      {!sendGuard.followsRecipients ? (
        <Caption1 block>This Outlook does not say when recipients change: press Check again after editing them.</Caption1>
      ) : null}
      <Text role="status" aria-live="polite" className={styles.announcer}>
        {announce}
      </Text>
    </section>
  );
}
