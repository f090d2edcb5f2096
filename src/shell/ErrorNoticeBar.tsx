import { MessageBar, MessageBarBody, MessageBarTitle, MessageBarActions, Button, makeStyles, tokens } from "@fluentui/react-components";
import { plainMessage } from "./errorMessages";

const useStyles = makeStyles({
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: "18px" },
});

/** A Fluent MessageBar for an error: plain title, the specific detail, and every listed problem. */
export function ErrorNoticeBar({ error, onDismiss, onRetry }: { error: unknown; onDismiss?: () => void; onRetry?: () => void }) {
  const styles = useStyles();
  const { title, detail, details } = plainMessage(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {detail ? <div>{detail}</div> : null}
        {details.length ? (
          <ul className={styles.details}>
            {details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      {onRetry || onDismiss ? (
        <MessageBarActions>
          {onRetry ? <Button onClick={onRetry}>Try again</Button> : null}
          {onDismiss ? <Button onClick={onDismiss}>Dismiss</Button> : null}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
