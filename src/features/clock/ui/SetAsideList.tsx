import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { OverdueItem } from "..";
import { formatDateTime } from "@shell/dates";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0 },
  item: { listStyle: "none", padding: "6px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** What a decision did to the item, in words, with who took it and when. */
export function decisionText(item: OverdueItem): string {
  const decision = item.decision;
  if (!decision) return "";
  // A decision read from the mailbox says who and when nowhere: only where it came from.
  const by = item.decidedBy ?? decision.by;
  const who = decision.source === "mailbox" ? by : `${by}, ${formatDateTime(decision.at)}`;
  if (item.snoozedUntil) return `Snoozed until ${formatDateTime(item.snoozedUntil)} (${who})`;
  return `No reply needed: ${decision.reason ?? "decided"} (${who})`;
}

/**
 * Client email a decision keeps off the list ("no reply needed", or snoozed now), so a wrong click can be taken back.
 * The undo is recorded like the decision.
 */
export function SetAsideList({
  items,
  busy,
  onUndo,
}: {
  items: readonly OverdueItem[];
  busy: boolean;
  onUndo: (item: OverdueItem) => void;
}) {
  const styles = useStyles();
  if (!items.length) return null;
  return (
    <section aria-label="Set aside" data-testid="set-aside-group">
      <Subtitle2 as="h3" block>
        Set aside ({items.length})
      </Subtitle2>
      <ul className={styles.list}>
        {items.map((i) => (
          <li key={i.key} data-testid="set-aside-item" className={styles.item}>
            <Text block data-testid="set-aside-subject">
              {i.subject || "(no subject)"}
            </Text>
            <Caption1 block data-testid="set-aside-decision">
              {decisionText(i)}
            </Caption1>
            <Button
              size="small"
              disabled={busy}
              onClick={() => onUndo(i)}
              data-testid="overdue-undo"
              aria-label={`Undo: ${i.subject || "(no subject)"}`}
            >
              Undo
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
