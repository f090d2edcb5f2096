import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from "@fluentui/react-components";
import type { FakeCompletedOptions } from "@simulators/office";

const useStyles = makeStyles({ message: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } });

/**
 * Outlook's Smart Alerts dialog for an OnMessageSend handler that stopped the mail: the add-in's name as the title,
 * its message, "Don't Send", a "Take Action" button (the handler's cancelLabel) when it named a task pane command,
 * and "Send Anyway" when it overrode the send mode to prompt the user (Mailbox 1.14).
 */
export function SmartAlertDialog({
  alert,
  onSendAnyway,
  onTakeAction,
  onDontSend,
}: {
  alert: FakeCompletedOptions | null;
  onSendAnyway: () => void;
  onTakeAction: () => void;
  onDontSend: () => void;
}) {
  const styles = useStyles();
  return (
    <Dialog open={alert !== null} modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : onDontSend())}>
      <DialogSurface data-testid="smart-alert" aria-describedby="smart-alert-message">
        <DialogBody>
          <DialogTitle>Matterline</DialogTitle>
          <DialogContent id="smart-alert-message" className={styles.message} data-testid="smart-alert-message">
            {alert?.errorMessage ?? "Matterline is preventing this email from being sent."}
          </DialogContent>
          <DialogActions>
            {alert?.commandId ? (
              <Button appearance="primary" onClick={onTakeAction} data-testid="smart-alert-action">
                {alert.cancelLabel ?? "Take Action"}
              </Button>
            ) : null}
            {alert?.sendModeOverride === "promptUser" ? (
              <Button onClick={onSendAnyway} data-testid="smart-alert-send-anyway">
                Send Anyway
              </Button>
            ) : null}
            <Button onClick={onDontSend} data-testid="smart-alert-dont-send">
              Don't Send
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
