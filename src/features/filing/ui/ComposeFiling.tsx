import { useEffect, useRef, useState } from "react";
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CurrentItem } from "@ports/mailSource";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { FilingCapability, FilingView, NamedMatter } from "../api";
import { MatterPicker } from "./MatterPicker";
import { matterText, percent } from "./filingText";
import { CandidateReasons } from "./CandidateReasons";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  recognized: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/**
 * Compose mode: the matter recognized from the recipients and subject, and the attorney's choice of matter to log
 * the mail to when it is sent (kept on the draft, read by the OnMessageSend handler).
 */
export function ComposeFiling({ filing, item }: { filing: FilingCapability; item: CurrentItem }) {
  const styles = useStyles();
  const [view, setView] = useState<FilingView | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    Promise.all([filing.recognize(item, { useMailbox: false }), filing.chosenForSend()]).then(
      ([v, c]) => {
        if (!alive.current) return;
        setView(v);
        setChosen(c);
      },
      (e: unknown) => {
        if (alive.current) setError(e);
      },
    );
    return () => {
      alive.current = false;
    };
  }, [filing, item]);

  const choose = (matterId: string | null, label: string | null) => {
    setBusy(true);
    setError(null);
    filing.chooseForSend(matterId).then(
      () => {
        if (!alive.current) return;
        setChosen(matterId);
        setChosenLabel(label);
        setBusy(false);
        setPicking(false);
      },
      (e: unknown) => {
        if (alive.current) {
          setError(e);
          setBusy(false);
        }
      },
    );
  };

  if (!view) return error ? <ErrorNotice error={error} /> : <Spinner size="tiny" label="Recognizing the matter…" />;
  const r = view.pane.recognition;
  const suggested = !r.abstained && r.matterId ? r.matterId : null;
  const options = suggested ? [suggested] : r.candidates.slice(0, 3).map((c) => c.matterId);
  const labelOf = (id: string) => (view.matters[id] ? matterText(view.matters[id], id) : (chosenLabel ?? id));

  return (
    <div data-testid="filing-compose" className={styles.root}>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {!filing.onSendSupported ? (
        <Caption1 block>This Outlook cannot log mail as it is sent (needs Mailbox 1.12). Log it from Sent Items after sending.</Caption1>
      ) : null}
      {suggested ? (
        <div className={styles.recognized}>
          <Text block data-testid="filing-matter">
            Recognized: <strong>{labelOf(suggested)}</strong> ({percent(r.confidence)} sure)
          </Text>
          <CandidateReasons reasons={r.reasons} max={2} />
        </div>
      ) : options.length ? (
        <Caption1 block>Could be one of these matters; choose one to log the mail on send.</Caption1>
      ) : (
        <Caption1 block>No matter recognized from the recipients and subject.</Caption1>
      )}
      <Text block data-testid="send-choice" role="status" aria-live="polite">
        {chosen ? (
          <>
            Will be logged on send to <strong>{labelOf(chosen)}</strong>.
          </>
        ) : (
          "Not logged on send."
        )}
      </Text>
      <div className={styles.actions}>
        {options
          .filter((id) => id !== chosen)
          .map((id) => (
            <Button
              key={id}
              appearance={id === suggested ? "primary" : "secondary"}
              disabled={busy}
              onClick={() => choose(id, labelOf(id))}
              data-testid="send-choose"
            >
              Log on send to {view.matters[id]?.number ?? id}
            </Button>
          ))}
        {!picking ? (
          <Button disabled={busy} onClick={() => setPicking(true)} data-testid="filing-change">
            Choose another matter
          </Button>
        ) : null}
        {chosen ? (
          <Button disabled={busy} onClick={() => choose(null, null)} data-testid="send-clear">
            Don't log on send
          </Button>
        ) : null}
        {busy ? <Spinner size="tiny" label="Saving…" /> : null}
      </div>
      {picking ? (
        <MatterPicker
          search={(query) => filing.searchMatters(query)}
          label="Log on send to"
          onPick={(m: NamedMatter) => choose(m.id, m.label)}
          onCancel={() => setPicking(false)}
        />
      ) : null}
    </div>
  );
}
