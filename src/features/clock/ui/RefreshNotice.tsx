import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { MatterlineError } from "@domain/errors";
import { formatDateTime } from "@shell/dates";

/** Failures a later refresh may get past by itself: the pane keeps the last list and tries again. */
const PASSING: ReadonlySet<string> = new Set(["offline", "timeout", "throttled", "graph-error"]);

/** True when a failed refresh is worth retrying by itself (the network, a busy or failing service, throttling). */
export function passingFailure(error: unknown): error is MatterlineError {
  return error instanceof MatterlineError && PASSING.has(error.code);
}

/** Seconds before the list is refreshed again after a passing failure; longer when Microsoft 365 asked to slow down. */
export function retryDelaySeconds(errors: readonly MatterlineError[]): number {
  return errors.some((e) => e.code === "throttled") ? 30 : 10;
}

/** A mailbox whose last refresh failed, and when its shown results were read. */
export interface StaleMailbox {
  readonly label: string;
  readonly scannedAt: string | null;
  readonly error: MatterlineError;
}

/**
 * One calm notice for refreshes that failed for a passing reason, whatever the number of mailboxes: the list stays
 * as last read, and the pane retries by itself. Throttling is neutral information (Microsoft 365 asked to slow down,
 * nothing is wrong); an outage or a failing service is a warning. Never the red error: nothing was lost.
 */
export function RefreshNotice({ stale, retryInSeconds }: { stale: readonly StaleMailbox[]; retryInSeconds: number }) {
  if (stale.length === 0) return null;
  const throttled = stale.every((s) => s.error.code === "throttled");
  const shown = stale.map((s) =>
    s.scannedAt
      ? `${stale.length > 1 ? `${s.label}: ` : ""}showing the list from ${formatDateTime(s.scannedAt)}.`
      : `${s.label}: no list yet.`,
  );
  return (
    <MessageBar intent={throttled ? "info" : "warning"} layout="multiline" data-testid="overdue-stale">
      <MessageBarBody>
        <MessageBarTitle>{throttled ? "Microsoft 365 asked Matterline to slow down" : "Couldn't refresh — retrying"}</MessageBarTitle>
        {throttled
          ? `Matterline refreshes again in about ${retryInSeconds} seconds. `
          : `${stale.some((s) => s.error.code === "offline") ? "Microsoft 365 cannot be reached. " : "Microsoft 365 did not answer. "}Matterline tries again in about ${retryInSeconds} seconds. `}
        {shown.join(" ")}
      </MessageBarBody>
    </MessageBar>
  );
}
