import { useCallback, useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { FilingCapability, UnloggedSends } from "../api";
import { formatShortDay } from "@shell/dates";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: "18px" },
});

const REASON: Record<UnloggedSends["entries"][number]["reason"], string> = {
  "queue-full": "more sent mail waited than Matterline can hold",
  "not-found": "its sent copy never turned up in Sent Items",
};

function when(sentAt: string | null): string {
  if (!sentAt) return "";
  const day = formatShortDay(sentAt);
  return day ? `, sent ${day}` : "";
}

/**
 * Sent mail chosen for a matter at Send that log on send gave up on: shown until the user dismisses it, so nothing
 * leaves the queue unnoticed. The user logs these by hand from Sent Items.
 */
export function UnloggedSendsNotice({ filing }: { filing: FilingCapability }) {
  const styles = useStyles();
  const [sends, setSends] = useState<UnloggedSends | null>(null);
  useEffect(() => {
    let live = true;
    filing
      .unloggedSends()
      .then((s) => {
        if (live) setSends(s);
      })
      .catch((error: unknown) => console.warn("Matterline: could not read the sent mail not logged:", error));
    return () => {
      live = false;
    };
  }, [filing]);
  const dismiss = useCallback(() => {
    setSends(null);
    filing.dismissUnloggedSends().catch((error: unknown) => console.warn("Matterline: could not clear the list:", error));
  }, [filing]);
  if (!sends || (sends.entries.length === 0 && sends.more === 0)) return null;
  const count = sends.entries.length + sends.more;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="unlogged-sends">
      <MessageBarBody>
        <MessageBarTitle>
          {count === 1 ? "1 sent email was not logged to its matter" : `${count} sent emails were not logged to their matter`}
        </MessageBarTitle>
        <div>Log them by hand from Sent Items.</div>
        <ul className={styles.list}>
          {sends.entries.map((e, i) => (
            <li key={i}>
              “{e.subject || "(no subject)"}”{when(e.sentAt)} → {e.matter}: {REASON[e.reason]}.
            </li>
          ))}
          {sends.more ? <li>and {sends.more} more.</li> : null}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={dismiss}>Dismiss</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
