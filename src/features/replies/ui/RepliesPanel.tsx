import { useState } from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { Draft } from "@domain/replies";

/** Props: the drafts to show and the capability that puts one into Outlook (reply form or cursor). */
export interface RepliesPanelProps {
  readonly drafts: readonly Draft[];
  readonly onInsert: (draft: Draft) => Promise<void>;
  /** "read": opens a reply with the draft; "compose": inserts it at the cursor. Never sends. */
  readonly mode: "read" | "compose";
}

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // pre-wrap keeps the draft's paragraphs while wrapping long words at 320 px
  // a plain bordered block rather than Fluent's Card: Card's focus grouping traps Tab inside the first card
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  text: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 },
  footer: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Three plain-language drafts, each with its grade and an Insert button. Draft text is rendered as text, never HTML. */
export function RepliesPanel({ drafts, onInsert, mode }: RepliesPanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (drafts.length === 0) return <Text>No reply suggestions for this message.</Text>;
  const insert = async (draft: Draft, i: number): Promise<void> => {
    setBusy(i);
    setError(null);
    try {
      await onInsert(draft);
    } catch (e) {
      setError(e ?? new Error("The draft could not be inserted."));
    } finally {
      setBusy(null);
    }
  };
  const action = mode === "read" ? "Reply with this" : "Insert";
  return (
    <section aria-label="Suggested replies" className={styles.list}>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {drafts.map((d, i) => (
        <article key={`${d.angle}-${i}`} aria-label={d.label} className={styles.card} data-testid="reply-draft">
          <Text weight="semibold">{d.label}</Text>
          <p className={styles.text} data-testid="reply-draft-text">
            {d.text}
          </p>
          <div className={styles.footer}>
            <Badge appearance="tint" color={d.grade <= 8 ? "success" : "warning"} aria-label={`Reading grade ${d.grade}`}>
              Grade {d.grade}
            </Badge>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void insert(d, i)} aria-label={`${action}: ${d.label}`}>
              {busy === i ? "Opening…" : action}
            </Button>
          </div>
        </article>
      ))}
    </section>
  );
}
