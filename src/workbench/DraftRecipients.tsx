import { useState } from "react";
import { Button, Caption1, Input, Text, makeStyles, tokens } from "@fluentui/react-components";

export type RecipientLine = "to" | "cc" | "bcc";

/** The recipient lines and attachments of the draft, as the workbench's compose form shows them. */
export interface DraftParts {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly attachments: readonly string[];
}

const LINE_LABEL: Record<RecipientLine, string> = { to: "To", cc: "Cc", bcc: "Bcc" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0` },
  line: { display: "grid", gridTemplateColumns: "48px 1fr", gap: tokens.spacingHorizontalS, alignItems: "start" },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  chip: {
    display: "inline-flex",
    alignItems: "center",
    gap: "2px",
    padding: "0 0 0 6px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: "anywhere",
  },
  add: { display: "flex", gap: tokens.spacingHorizontalXS, flex: "1 1 180px", minWidth: "160px" },
});

/** A line of chips with a remove button each, and a box to add one more (Enter adds). */
function Line({
  label,
  testId,
  values,
  placeholder,
  onRemove,
  onAdd,
}: {
  label: string;
  testId: string;
  values: readonly string[];
  placeholder: string;
  /** Without it the values cannot be removed here (attachments are removed by the add-in's fix or in Outlook). */
  onRemove?: (value: string) => void;
  onAdd: (value: string) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState("");
  return (
    <div className={styles.line}>
      <Caption1>{label}</Caption1>
      <div className={styles.chips} data-testid={`draft-${testId}`}>
        {values.map((v) => (
          <span key={v} className={styles.chip} data-testid={`draft-${testId}-value`} data-value={v}>
            <Text size={200}>{v}</Text>
            {onRemove ? (
              <Button size="small" appearance="transparent" aria-label={`Remove ${v} from ${label}`} onClick={() => onRemove(v)}>
                ×
              </Button>
            ) : null}
          </span>
        ))}
        <form
          className={styles.add}
          onSubmit={(e) => {
            e.preventDefault();
            const v = text.trim();
            if (v) onAdd(v);
            setText("");
          }}
        >
          <Input
            size="small"
            aria-label={`Add to ${label}`}
            placeholder={placeholder}
            value={text}
            onChange={(_, d) => setText(d.value)}
            data-testid={`draft-${testId}-input`}
          />
          <Button size="small" type="submit" data-testid={`draft-${testId}-add`}>
            Add
          </Button>
        </form>
      </div>
    </div>
  );
}

/**
 * Outlook's To, Cc and Bcc lines and attachments for the draft being written: what the user types here goes into the
 * draft through the Office fake, which raises RecipientsChanged / AttachmentsChanged as Outlook does.
 */
export function DraftRecipients({
  parts,
  onRecipients,
  onAttach,
}: {
  parts: DraftParts;
  onRecipients: (line: RecipientLine, emails: readonly string[]) => void;
  onAttach: (name: string) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root} aria-label="Recipients and attachments" role="group">
      {(["to", "cc", "bcc"] as const).map((line) => (
        <Line
          key={line}
          label={LINE_LABEL[line]}
          testId={line}
          values={parts[line]}
          placeholder="name@example.com"
          onRemove={(v) =>
            onRecipients(
              line,
              parts[line].filter((x) => x !== v),
            )
          }
          onAdd={(v) => onRecipients(line, [...parts[line], v])}
        />
      ))}
      <Line label="Files" testId="attachments" values={parts.attachments} placeholder="Attach a file by name" onAdd={onAttach} />
    </div>
  );
}
