import { useEffect, useState } from "react";
import { Badge, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import type { CurrentItem } from "@ports/mailSource";
import type { OverdueItem } from "..";
import { stateLabel } from "@domain/clock/clockText";
import { ErrorNotice } from "@shell/ErrorNotice";
import { formatDateTime } from "@shell/dates";
import { decisionText } from "./SetAsideList";

const useStyles = makeStyles({
  clock: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  decision: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
});

const COLOUR = {
  overdue: "danger",
  "due-soon": "warning",
  waiting: "informative",
  answered: "success",
  "no-reply-needed": "subtle",
  "not-tracked": "subtle",
} as const;

/**
 * Whether the pane says why the reading put the message on the clock or not: hidden once someone decided otherwise
 * (the decision line says who and why), and once the message is answered.
 */
function readingReasonShown(found: OverdueItem): boolean {
  if (found.needsReplyReason === "") return false;
  if (found.rawClock.state === "no-reply-needed") return true;
  return found.clock.state === found.rawClock.state && found.clock.state !== "answered";
}

/**
 * The open message's reply clock. For overdue or due-soon client mail it also puts a notification bar on the
 * message itself, and clears it once the message is answered (or decided), so the alert is where the user reads.
 * A decision ("no reply needed", a snooze) can be undone here too; the bar comes back with the clock.
 */
export function EmailClockSection({ capabilities, item }: { capabilities: Capabilities; item: CurrentItem }) {
  const styles = useStyles();
  const overdue = capabilities.overdue;
  const message = item.mode === "read" ? item.message : null;
  const [state, setState] = useState<{ loading: boolean; found: OverdueItem | null; error: unknown }>({
    loading: true,
    found: null,
    error: null,
  });
  const [undoing, setUndoing] = useState(false);

  useEffect(() => {
    if (!overdue || !message) return;
    let alive = true;
    overdue
      .itemFor(message)
      .then(async (found) => {
        if (!alive) return;
        setState({ loading: false, found, error: null });
        await overdue.alertOnItem(found);
      })
      .catch((error: unknown) => alive && setState((s) => ({ ...s, loading: false, error })));
    return () => {
      alive = false;
    };
  }, [overdue, message]);

  if (!overdue || !message) return null;
  const found = state.found;
  const undo = () => {
    if (!found) return;
    setUndoing(true);
    overdue
      .undo(found)
      .then(async () => {
        const again = await overdue.itemFor(message);
        setState({ loading: false, found: again, error: null });
        await overdue.alertOnItem(again);
      })
      .catch((error: unknown) => setState((s) => ({ ...s, error })))
      .finally(() => setUndoing(false));
  };
  return (
    <section aria-label="Reply clock" data-testid="email-clock">
      <Subtitle2 as="h3" block>
        Reply clock
      </Subtitle2>
      {state.loading ? <Spinner size="tiny" label="Checking the reply clock…" /> : null}
      {state.error ? <ErrorNotice error={state.error} onDismiss={() => setState((s) => ({ ...s, error: null }))} /> : null}
      {!state.loading && !state.error && !found ? (
        <Caption1 block data-testid="clock-state">
          Not client email: not on the reply clock.
        </Caption1>
      ) : null}
      {found ? (
        <div className={styles.clock}>
          <span>
            <Badge appearance="tint" color={COLOUR[found.clock.state]} data-testid="clock-state">
              {stateLabel(found.clock.state)}
            </Badge>
          </span>
          {/* The badge already says the state; the summary adds to it only when it says more. */}
          {found.summary.trim().toLowerCase() !== stateLabel(found.clock.state).trim().toLowerCase() ? (
            <Caption1 block data-testid="clock-summary">
              {found.summary}
            </Caption1>
          ) : null}
          {found.clock.dueAt && found.clock.state !== "answered" && found.clock.state !== "no-reply-needed" ? (
            <Caption1 block data-testid="clock-due">
              Reply due {formatDateTime(found.clock.dueAt)}
            </Caption1>
          ) : null}
          {readingReasonShown(found) ? (
            <Caption1 block data-testid="clock-why">
              Why: {found.needsReplyReason}
            </Caption1>
          ) : null}
          {found.undoable ? (
            <div className={styles.decision}>
              <Caption1 data-testid="clock-decision">{decisionText(found)}</Caption1>
              <Button size="small" disabled={undoing} onClick={undo} data-testid="clock-undo">
                Undo
              </Button>
              {undoing ? <Spinner size="tiny" label="Undoing…" /> : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
