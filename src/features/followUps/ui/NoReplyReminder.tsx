import { useEffect, useState } from "react";
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { CurrentItem } from "@ports/mailSource";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { FollowUpCapability, FollowUpEntry } from "../api";
import { formatWhen } from "./formatWhen";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalSNudge },
  form: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  days: { width: "80px" },
});

/** "Remind me if no reply in N days" for mail the user sends (a sent item or the draft being written). */
export function NoReplyReminder({ cap, item, waitingFor }: { cap: FollowUpCapability; item: CurrentItem; waitingFor: readonly string[] }) {
  const styles = useStyles();
  const [days, setDays] = useState("");
  const [existing, setExisting] = useState<FollowUpEntry | null>(null);
  const [queued, setQueued] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    cap.settings().then(
      (s) => live && setDays((d) => d || String(s.noReplyDays)),
      () => live && setDays((d) => d || "3"),
    );
    cap.reminderFor(item).then(
      (e) => live && setExisting(e),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [cap, item]);

  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= 30;
  const create = () => {
    setBusy(true);
    setError(null);
    cap
      .remindNoReply(item, n)
      .then((r) => {
        setExisting(r.entry);
        setQueued(r.outcome === "queued");
      }, setError)
      .finally(() => setBusy(false));
  };

  return (
    <div data-testid="followup-noreply" className={styles.root}>
      <Caption1 block>Waiting for: {waitingFor.join(", ")}</Caption1>
      {existing && existing.status !== "cancelled" ? (
        <MessageBar intent={existing.status === "replied" ? "success" : "info"} data-testid="followup-noreply-status">
          <MessageBarBody>
            {existing.status === "replied"
              ? "The client replied, so the reminder was removed from your calendar."
              : `Reminder set for ${formatWhen(existing.start, existing.payload.start.timeZone || "UTC")}. It is removed when the client replies.${queued ? " (Offline: it will be added when you are back online.)" : ""}`}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.form}>
          <Field label="Remind me if no reply in (working days)" size="small" validationMessage={valid || !days ? undefined : "1 to 30"}>
            <Input
              type="number"
              min={1}
              max={30}
              data-testid="followup-noreply-days"
              value={days}
              onChange={(_, d) => setDays(d.value)}
              className={styles.days}
            />
          </Field>
          <Button data-testid="followup-noreply-create" disabled={!valid || busy} onClick={create}>
            Remind me
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      )}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </div>
  );
}
