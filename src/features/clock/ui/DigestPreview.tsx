import { useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DIGEST_COLUMNS, type Digest, type DigestGroup, type SentDigest } from "..";
import { ErrorNotice } from "@shell/ErrorNotice";

// Below this pane width the tables become stacked lists: five columns cannot be read at 320 px.
const NARROW = "@media (max-width: 479px)";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalSNudge, minWidth: 0 },
  // The theme's own colours (not the mailed HTML's), so the preview reads in light, dark and high contrast alike.
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
    // Mailbox addresses and long subjects break rather than push the pane wider.
    overflowWrap: "anywhere",
  },
  section: { marginTop: tokens.spacingVerticalS, marginBottom: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  group: { marginTop: tokens.spacingVerticalXS, marginBottom: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    [NARROW]: { display: "block" },
  },
  head: { [NARROW]: { display: "none" } },
  th: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { [NARROW]: { display: "block" } },
  row: {
    [NARROW]: {
      display: "block",
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
  cell: {
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
    [NARROW]: { display: "block", borderBottom: "none", padding: 0 },
  },
  // The column's name before each value, shown only where the table is a list.
  label: { display: "none", fontWeight: tokens.fontWeightSemibold, [NARROW]: { display: "inline" } },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
});

function GroupTable({ group }: { group: DigestGroup }) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={`${group.section}: ${group.name}`}>
      <thead className={styles.head}>
        <tr>
          {DIGEST_COLUMNS.map((c) => (
            <th key={c.key} scope="col" className={styles.th}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={styles.body}>
        {group.rows.map((row, i) => (
          <tr key={i} className={styles.row} data-testid="digest-row">
            {DIGEST_COLUMNS.map((c) => (
              <td key={c.key} className={styles.cell}>
                <span className={styles.label}>{c.label}: </span>
                {row[c.key]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The digest before it is sent, drawn by the pane in its own theme from the digest's plain-text parts (the mailed HTML
 * keeps the inline styles mail needs and is not shown here). Every value is text, never HTML.
 */
export function DigestPreview({ digest, onSend, onClose }: { digest: Digest; onSend: () => Promise<SentDigest>; onClose: () => void }) {
  const styles = useStyles();
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = () => {
    setSending(true);
    setError(null);
    onSend()
      .then((sent) => setSentTo(sent.sentTo))
      .catch((e: unknown) => setError(e))
      .finally(() => setSending(false));
  };
  return (
    <section aria-label="Digest preview" data-testid="digest" className={styles.root}>
      <Text weight="semibold" data-testid="digest-subject">
        {digest.subject}
      </Text>
      <div className={styles.preview} data-testid="digest-preview">
        <Text block>{digest.intro}</Text>
        {digest.empty ? <Text block>{digest.empty}</Text> : null}
        {digest.groups.map((g, i) => {
          // The section's heading before its first group.
          const heading = i === 0 || digest.groups[i - 1].section !== g.section ? g.section : null;
          return (
            <div key={`${g.section}\u0000${g.name}`}>
              {heading ? <h3 className={styles.section}>{heading}</h3> : null}
              <h4 className={styles.group}>
                {g.name} ({g.rows.length})
              </h4>
              <GroupTable group={g} />
            </div>
          );
        })}
      </div>
      <Caption1 block>Sent to you only, from your own mailbox. Outlook may ask you to allow sending mail the first time.</Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={sending || sentTo !== null} onClick={send} data-testid="digest-send">
          Send to me
        </Button>
        <Button onClick={onClose}>Close</Button>
        {sending ? <Spinner size="tiny" label="Sending…" /> : null}
      </div>
      {sentTo !== null ? (
        <MessageBar intent="success" data-testid="digest-sent">
          <MessageBarBody>Sent to {sentTo} — check your inbox. A copy is in your Sent Items.</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
