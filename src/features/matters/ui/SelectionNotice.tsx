import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { MattersCapability } from "../api";

/**
 * Shown above "This email" while several emails are selected in Outlook: the sections below are about one of them
 * only, and filing them all is the bulk panel's job (Matters tab), which this links to.
 */
export function SelectionNotice({ matters, onOpenBulk }: { matters: MattersCapability | undefined; onOpenBulk: () => void }) {
  const bulk = matters?.bulk;
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!bulk?.supported) return;
    let live = true;
    const read = () =>
      bulk.selection().then(
        (refs) => live && setCount(refs.length),
        () => live && setCount(0),
      );
    void read();
    const off = bulk.onSelectionChanged(() => void read());
    return () => {
      live = false;
      off();
    };
  }, [bulk]);
  if (count < 2) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="selection-notice">
      <MessageBarBody>
        {count} emails are selected. What follows is about one of them only. To file all {count} at once, use bulk tagging.
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" data-testid="selection-open-bulk" onClick={onOpenBulk}>
          Tag {count} emails
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
