import { Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CurrentItem } from "../../core/ports/mailSource";
import { formatDateTime } from "./dates";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "2px", padding: "8px 12px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  line: { overflowWrap: "anywhere" },
});


/** Sender, subject and received time of the open item, as plain text (never the message's HTML). */
export function ItemSummary({ item }: { item: CurrentItem }) {
  const styles = useStyles();
  const m = item.message;
  if (!m) return null;
  const sender = m.from ? (m.from.name ? `${m.from.name} <${m.from.email}>` : m.from.email) : "(no sender)";
  return (
    <section className={styles.root} aria-label="Current email" data-testid="item-summary">
      <Caption1 className={styles.line} data-testid="item-sender">
        {item.mode === "compose" ? "Draft" : `From ${sender}`}
      </Caption1>
      <Subtitle2 className={styles.line} as="h2" data-testid="item-subject">
        {m.subject || "(no subject)"}
      </Subtitle2>
      {item.mode === "read" ? (
        <Text size={200} data-testid="item-received">
          Received {formatDateTime(m.receivedAt)}
        </Text>
      ) : null}
    </section>
  );
}
