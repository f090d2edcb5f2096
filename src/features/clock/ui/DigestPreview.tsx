import { useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Digest } from "..";
import { ErrorNotice } from "@shell/ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalSNudge },
  preview: {
    width: "100%",
    height: "240px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
});

/**
 * The digest before it is sent. The HTML (built by digest.ts, every value escaped) is shown in a sandboxed frame
 * with scripts off, so nothing in it can run in the pane.
 */
export function DigestPreview({ digest, onSend, onClose }: { digest: Digest; onSend: () => Promise<Digest>; onClose: () => void }) {
  const styles = useStyles();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = () => {
    setSending(true);
    setError(null);
    onSend()
      .then(() => setSent(true))
      .catch((e: unknown) => setError(e))
      .finally(() => setSending(false));
  };
  return (
    <section aria-label="Digest preview" data-testid="digest" className={styles.root}>
      <Text weight="semibold" data-testid="digest-subject">
        {digest.subject}
      </Text>
      <iframe title="Digest preview" sandbox="" srcDoc={digest.html} data-testid="digest-preview" className={styles.preview} />
      <Caption1 block>Sent to you only, from your own mailbox. Outlook may ask you to allow sending mail the first time.</Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={sending || sent} onClick={send} data-testid="digest-send">
          Send to me
        </Button>
        <Button onClick={onClose}>Close</Button>
        {sending ? <Spinner size="tiny" label="Sending…" /> : null}
      </div>
      {sent ? (
        <MessageBar intent="success" data-testid="digest-sent">
          <MessageBarBody>Digest sent. It is in your Sent Items and on its way to your inbox.</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
