import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { SendGuardCapability, SkippedCheck } from "../api";
import { formatDateTime } from "@shell/dates";

function when(iso: string): string {
  return formatDateTime(iso) || iso;
}

/**
 * Sent mail the confidentiality check could not look at (the send handler let it go rather than hold it up): said
 * afterwards, so the sender can check its recipients in Sent Items. The notes are read again whenever `refresh`
 * changes: the pane passes its item state, which changes when Outlook switches item after Send.
 */
export function SendCheckNotices({ sendGuard, refresh }: { sendGuard: SendGuardCapability; refresh: unknown }) {
  const [notes, setNotes] = useState<SkippedCheck[]>([]);
  useEffect(() => {
    let alive = true;
    sendGuard.skipped().then(
      (n) => alive && setNotes(n),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [sendGuard, refresh]);
  if (notes.length === 0) return null;
  const dismiss = () => {
    setNotes([]);
    void sendGuard.dismissSkipped().catch(() => undefined);
  };
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="send-check-skipped" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {notes.length === 1 ? "The send check could not run" : `The send check could not run on ${notes.length} emails`}
        </MessageBarTitle>
        {notes.map((n) => (
          <Text block key={`${n.at}-${n.subject}`}>
            “{n.subject || "(no subject)"}”, sent {when(n.at)}: {n.reason}. It was sent without the check; look at its recipients in Sent
            Items.
          </Text>
        ))}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={dismiss} data-testid="send-check-skipped-dismiss">
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
