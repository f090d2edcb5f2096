import { useId, useState } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  more: { alignSelf: "flex-start", minWidth: 0, paddingLeft: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
});

/**
 * Why recognition chose a matter: the strongest `max` reasons, the rest behind "Show all N reasons". Recognition can
 * give a dozen (every keyword it saw); at 320 px a long list pushes the Log button off screen.
 */
export function CandidateReasons({
  reasons,
  max = 3,
  testId = "filing-reasons",
}: {
  reasons: readonly string[];
  max?: number;
  testId?: string;
}) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const listId = useId();
  if (!reasons.length) return null;
  const shown = all ? reasons : reasons.slice(0, max);
  const hidden = reasons.length - max;
  return (
    <div className={styles.root}>
      <ul id={listId} className={styles.list} data-testid={testId} aria-label="Reasons">
        {shown.map((r) => (
          <li key={r}>
            <Caption1>{r}</Caption1>
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <Button
          size="small"
          appearance="transparent"
          className={styles.more}
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll((a) => !a)}
          data-testid="filing-reasons-more"
        >
          {all ? "Show fewer reasons" : `Show all ${reasons.length} reasons`}
        </Button>
      ) : null}
    </div>
  );
}
