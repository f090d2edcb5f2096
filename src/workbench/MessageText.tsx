import { Caption1, Subtitle1, Badge, makeStyles } from "@fluentui/react-components";
import type { MailMessage } from "@domain/model/mail";

const useStyles = makeStyles({
  body: { whiteSpace: "pre-wrap", fontFamily: "inherit", marginTop: "12px" },
});

/** The reading pane: headers and the body as plain text (mail HTML is never rendered); `sent` is the date as the list writes it. */
export function MessageText({ message, categories, sent }: { message: MailMessage; categories: readonly string[]; sent: string }) {
  const styles = useStyles();
  const names = (list: readonly { name?: string; email: string }[]) =>
    list.map((a) => (a.name ? `${a.name} <${a.email}>` : a.email)).join(", ");
  return (
    <>
      <Subtitle1 as="h2" block>
        {message.subject}
      </Subtitle1>
      <Caption1 block>From: {message.from ? names([message.from]) : ""}</Caption1>
      <Caption1 block>To: {names(message.to)}</Caption1>
      {message.cc.length ? <Caption1 block>Cc: {names(message.cc)}</Caption1> : null}
      <Caption1 block>Date: {sent}</Caption1>
      {categories.length ? (
        <div>
          {categories.map((c) => (
            <Badge key={c} appearance="tint">
              {c}
            </Badge>
          ))}
        </div>
      ) : null}
      {message.attachmentNames.length ? <Caption1 block>Attachments: {message.attachmentNames.join(", ")}</Caption1> : null}
      <pre className={styles.body}>{message.bodyText}</pre>
    </>
  );
}
