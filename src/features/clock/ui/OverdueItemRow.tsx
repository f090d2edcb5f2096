import { useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { OverdueItem, SnoozeChoice } from "..";

const useStyles = makeStyles({
  row: { listStyle: "none", padding: "6px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  // The summary's colour says how urgent the email is (the words say it too).
  overdue: { color: tokens.colorPaletteRedForeground1 },
  "due-soon": { color: tokens.colorPaletteDarkOrangeForeground1 },
  waiting: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  reason: { display: "flex", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  reasonInput: { flex: 1, minWidth: 0 },
  // An unhappy client's mark and its reasons sit under the subject, wrapping at 320 px.
  unhappy: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalXS },
});

/** One waiting client email with its actions. Every action is a button, so the row is keyboard reachable. */
export function OverdueItemRow(props: {
  item: OverdueItem;
  busy: boolean;
  onReply: (item: OverdueItem) => void;
  onNoReply: (item: OverdueItem, reason: string) => void;
  onSnooze: (item: OverdueItem, choice: SnoozeChoice) => void;
}) {
  const styles = useStyles();
  const { item, busy } = props;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const who = [item.clientName ?? item.fromName, item.matterLabel ?? "matter not recognized", item.attorneyName]
    .filter(Boolean)
    .join(" · ");
  const urgency = item.clock.state === "overdue" || item.clock.state === "due-soon" ? styles[item.clock.state] : styles.waiting;
  return (
    <li data-testid="overdue-item" data-state={item.clock.state} className={styles.row}>
      <Text weight="semibold" block data-testid="overdue-subject">
        {item.subject || "(no subject)"}
      </Text>
      {item.unhappy ? (
        <div className={styles.unhappy}>
          <Badge appearance="tint" color="danger" data-testid="overdue-unhappy">
            Unhappy
          </Badge>
          {item.unhappyReasons.length > 0 ? (
            <Caption1 data-testid="overdue-unhappy-reason">{item.unhappyReasons.join("; ")}</Caption1>
          ) : null}
        </div>
      ) : null}
      <Caption1 block>{who}</Caption1>
      {item.mailbox ? <Caption1 block>Mailbox: {item.mailbox}</Caption1> : null}
      {item.noReplyHint ? (
        <Caption1 block data-testid="overdue-no-reply-hint">
          {item.noReplyHint}
        </Caption1>
      ) : null}
      <Caption1 block className={urgency} data-testid="overdue-summary">
        {item.summary}
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" appearance="primary" disabled={busy} onClick={() => props.onReply(item)}>
          Reply now
        </Button>
        <Button size="small" disabled={busy} onClick={() => setAsking(!asking)} aria-expanded={asking}>
          No reply needed
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button size="small" disabled={busy}>
              Snooze
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => props.onSnooze(item, "1h")}>1 hour</MenuItem>
              <MenuItem onClick={() => props.onSnooze(item, "4h")}>4 hours</MenuItem>
              <MenuItem onClick={() => props.onSnooze(item, "tomorrow")}>Tomorrow morning</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      {asking ? (
        <form
          className={styles.reason}
          onSubmit={(e) => {
            e.preventDefault();
            props.onNoReply(item, reason);
          }}
        >
          <Input
            size="small"
            aria-label="Why no reply is needed"
            placeholder="Why? (kept for the audit)"
            value={reason}
            onChange={(_, d) => setReason(d.value)}
            className={styles.reasonInput}
          />
          <Button size="small" type="submit" disabled={busy || !reason.trim()}>
            Save
          </Button>
        </form>
      ) : null}
    </li>
  );
}
