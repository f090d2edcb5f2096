import { useEffect, useSyncExternalStore } from "react";
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { CurrentItem } from "@ports/mailSource";
import { formatDateTime, paneTimeZonePending, paneTimeZoneVersion, subscribePaneTimeZone } from "./dates";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  // Fluent's caption, subtitle and small body type on plain elements: the first script then carries no Text component
  // (its classes for every size, weight and variant), only these three.
  sender: { ...typographyStyles.caption1, overflowWrap: "anywhere" },
  // An h2 for the outline, without the browser's em margins.
  heading: { ...typographyStyles.subtitle2, overflowWrap: "anywhere", marginTop: 0, marginBottom: 0 },
  received: { ...typographyStyles.caption1 },
});

// The page's first date formatter is slow to make (the browser loads its locale data), once per page: the first summary
// is painted without its received time, which is written just after. A page-wide store, as the cost is the page's.
let timesShown = false;
const timesListeners = new Set<() => void>();
const subscribeTimes = (listener: () => void) => {
  timesListeners.add(listener);
  return () => void timesListeners.delete(listener);
};
const timesReady = () => timesShown;
function showTimes(): void {
  if (timesShown) return;
  timesShown = true;
  timesListeners.forEach((listener) => listener());
}

/** Sender, subject and received time of the open item, as plain text (never the message's HTML). */
export function ItemSummary({ item }: { item: CurrentItem }) {
  const styles = useStyles();
  // Who wrote and what about are not held up by the time: it is written once this first paint is done.
  const timeReady = useSyncExternalStore(subscribeTimes, timesReady);
  useEffect(showTimes, []);
  // Written in the mailbox's zone, which the host works out just after the first paint: rewritten when it is set.
  useSyncExternalStore(subscribePaneTimeZone, paneTimeZoneVersion);
  const zonePending = paneTimeZonePending();
  const m = item.message;
  if (!m) return null;
  const sender = m.from ? (m.from.name ? `${m.from.name} <${m.from.email}>` : m.from.email) : "(no sender)";
  return (
    <section className={styles.root} aria-label="Current email" data-testid="item-summary">
      <span className={styles.sender} data-testid="item-sender">
        {item.mode === "compose" ? "Draft" : `From ${sender}`}
      </span>
      <h2 className={styles.heading} data-testid="item-subject">
        {m.subject || "(no subject)"}
      </h2>
      {item.mode === "read" ? (
        <span className={styles.received} data-testid="item-received">
          {/* A non-breaking space keeps the line's height until the time is written. */}
          Received {timeReady && !zonePending ? formatDateTime(m.receivedAt) : "\u00a0"}
        </span>
      ) : null}
    </section>
  );
}
