import { useState } from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";
import type { CurrentItem } from "@ports/mailSource";
import { ErrorBoundary } from "../ErrorBoundary";
import { EmailFilingSection } from "@features/filing/ui/EmailFilingSection";
import { EmailClockSection } from "@features/clock/ui/EmailClockSection";
import { EmailRepliesSection } from "@features/replies/ui/EmailRepliesSection";
import { EmailFollowUpSection } from "@features/followUps/ui/EmailFollowUpSection";
import { SendGuardSection } from "@features/sendGuard/ui/SendGuardSection";
import { SelectionNotice } from "@features/matters/ui/SelectionNotice";

const useStyles = makeStyles({
  // One rhythm for every section of the tab: a larger gap between sections than inside them (spacingVerticalS).
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, minWidth: 0 },
  facts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
});

/**
 * The open email: client and matter (and logging), its reply clock, plain-language replies, follow-ups; in compose
 * mode the send check's warnings come first.
 * Each section has its own error boundary so one failing feature never blanks the others. Sections are keyed by
 * item so no state of one email leaks into the next.
 */
export function ThisEmailTab({
  capabilities,
  item,
  onOpenBulk = () => undefined,
}: {
  capabilities: Capabilities;
  item: CurrentItem;
  /** Opens the Matters tab's bulk panel (several emails selected). */
  onOpenBulk?: () => void;
}) {
  const styles = useStyles();
  // Bumped when the user files, moves or unfiles the email: replies and follow-ups start again with its new matter.
  const [filed, setFiled] = useState(0);
  const m = item.message;
  if (!m) return null;
  const key = item.itemId ?? m.id;
  const people = [...m.to, ...m.cc].map((a) => a.name ?? a.email).join(", ");
  return (
    <section aria-label="This email" data-testid="this-email" className={styles.root}>
      {item.mode === "read" ? (
        <ErrorBoundary key={`selection-${key}`}>
          <SelectionNotice matters={capabilities.matters} onOpenBulk={onOpenBulk} />
        </ErrorBoundary>
      ) : null}
      {people || m.attachmentNames.length ? (
        <div className={styles.facts}>
          {people ? <Caption1 block>To/Cc: {people}</Caption1> : null}
          {m.attachmentNames.length ? <Caption1 block>Attachments: {m.attachmentNames.join(", ")}</Caption1> : null}
        </div>
      ) : null}
      {item.mode === "compose" && capabilities.sendGuard ? (
        <ErrorBoundary key={`send-guard-${key}`}>
          <SendGuardSection sendGuard={capabilities.sendGuard} />
        </ErrorBoundary>
      ) : null}
      <ErrorBoundary key={`filing-${key}`}>
        <EmailFilingSection capabilities={capabilities} item={item} onFiled={() => setFiled((n) => n + 1)} />
      </ErrorBoundary>
      <ErrorBoundary key={`clock-${key}`}>
        <EmailClockSection capabilities={capabilities} item={item} />
      </ErrorBoundary>
      <ErrorBoundary key={`replies-${key}-${filed}`}>
        <EmailRepliesSection capabilities={capabilities} item={item} />
      </ErrorBoundary>
      <ErrorBoundary key={`followups-${key}-${filed}`}>
        <EmailFollowUpSection capabilities={capabilities} item={item} />
      </ErrorBoundary>
    </section>
  );
}
