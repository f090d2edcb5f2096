import { useEffect, useState } from "react";
import { Badge, Caption1, Spinner, Subtitle2 } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";
import type { CurrentItem } from "../../core/ports/mailSource";
import type { OverdueItem } from "../../core/app/overdue";
import { stateLabel } from "../../core/clock/clockText";
import { ErrorNotice } from "../shell/ErrorNotice";

const COLOUR = { overdue: "danger", "due-soon": "warning", waiting: "informative", answered: "success", "no-reply-needed": "subtle", "not-tracked": "subtle" } as const;

/**
 * The open message's reply clock. For overdue or due-soon client mail it also puts a notification bar on the
 * message itself, and clears it once the message is answered (or decided), so the alert is where the user reads.
 */
export function EmailClockSection({ capabilities, item }: { capabilities: Capabilities; item: CurrentItem }) {
  const overdue = capabilities.overdue;
  const message = item.mode === "read" ? item.message : null;
  const [state, setState] = useState<{ loading: boolean; found: OverdueItem | null; error: unknown }>({ loading: true, found: null, error: null });

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
  return (
    <section aria-label="Reply clock" data-testid="email-clock">
      <Subtitle2 as="h3" block>Reply clock</Subtitle2>
      {state.loading ? <Spinner size="tiny" label="Checking the reply clock…" /> : null}
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {!state.loading && !state.error && !state.found ? <Caption1 block data-testid="clock-state">Not client email: not on the reply clock.</Caption1> : null}
      {state.found ? (
        <div style={{ display: "flex", flexDirection: "column", gap: 2 }}>
          <span>
            <Badge appearance="tint" color={COLOUR[state.found.clock.state]} data-testid="clock-state">{stateLabel(state.found.clock.state)}</Badge>
          </span>
          <Caption1 block data-testid="clock-summary">{state.found.summary}</Caption1>
          {state.found.clock.dueAt && state.found.clock.state !== "answered" && state.found.clock.state !== "no-reply-needed" ? (
            <Caption1 block>Reply due {new Date(state.found.clock.dueAt).toLocaleString()}</Caption1>
          ) : null}
          {state.found.rawClock.state === "no-reply-needed" ? <Caption1 block>Why: {state.found.needsReplyReason}</Caption1> : null}
          {state.found.snoozedUntil ? <Caption1 block>Snoozed until {new Date(state.found.snoozedUntil).toLocaleString()}</Caption1> : null}
        </div>
      ) : null}
    </section>
  );
}
