import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { htmlToText } from "@domain/text/htmlToText";
import { DraftRecipients, type DraftParts, type RecipientLine } from "./DraftRecipients";

/** What Outlook would show around the reading pane: notification bars, an opened reply form, the draft being written. */
export interface SurfaceState {
  readonly notifications: readonly { key: string; type: string; message: string }[];
  readonly replyForm: { kind: string; htmlBody: string } | null;
  readonly draft: { text: string; type: string; parts: DraftParts } | null;
}

/** What the user can do to the draft besides typing: edit its recipient lines, attach a file. */
export interface DraftEditing {
  readonly onRecipients: (line: RecipientLine, emails: readonly string[]) => void;
  readonly onAttach: (name: string) => void;
}

const useStyles = makeStyles({
  form: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    marginBottom: "12px",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  pre: { whiteSpace: "pre-wrap", fontFamily: "inherit", margin: "4px 0 0" },
  notification: { marginBottom: "8px" },
  send: { marginTop: "8px" },
});

/** Notification bars (as Outlook shows them above a message), then any reply form or draft, as plain text. */
export function OutlookSurfaces({
  state,
  onSend,
  sending = false,
  editing,
}: {
  state: SurfaceState;
  onSend?: () => void;
  sending?: boolean;
  editing?: DraftEditing;
}) {
  const styles = useStyles();
  return (
    <>
      {state.notifications.map((n) => (
        <MessageBar
          key={n.key}
          intent={n.type === "errorMessage" ? "error" : "info"}
          data-testid="notification-bar"
          className={styles.notification}
        >
          <MessageBarBody>{n.message}</MessageBarBody>
        </MessageBar>
      ))}
      {state.replyForm ? (
        <section className={styles.form} aria-label="Reply form" data-testid="reply-form">
          <MessageBarTitle>{state.replyForm.kind === "replyAll" ? "Reply all" : "Reply"} form opened (nothing is sent)</MessageBarTitle>
          <pre className={styles.pre} data-testid="reply-form-text">
            {htmlToText(state.replyForm.htmlBody)}
          </pre>
        </section>
      ) : null}
      {state.draft ? (
        <section className={styles.form} aria-label="Draft" data-testid="draft">
          <Subtitle2 as="h3">Draft ({state.draft.type})</Subtitle2>
          {editing ? <DraftRecipients parts={state.draft.parts} onRecipients={editing.onRecipients} onAttach={editing.onAttach} /> : null}
          <Caption1 block>Type in the draft below; the pane reads it as Outlook would.</Caption1>
          <pre className={styles.pre} data-testid="draft-body">
            {state.draft.text}
          </pre>
          {onSend ? (
            <Button appearance="primary" size="small" disabled={sending} onClick={onSend} data-testid="draft-send" className={styles.send}>
              {sending ? "Sending…" : "Send"}
            </Button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
