import type { CurrentItem } from "@ports/mailSource";
import type { OverdueItem, OverdueService, OverdueView, SnoozeChoice } from "./";

/**
 * What the UI can do about the response clock and overdue alerts: the overdue service, with snoozes chosen
 * as "1 h / 4 h / tomorrow" and the Outlook actions (reply form, notification bar) the pane needs.
 */
export interface OverdueCapability extends Omit<OverdueService, "snooze"> {
  snooze(item: OverdueItem, choice: SnoozeChoice): Promise<OverdueView | null>;
  /** Opens the reply form: directly when `item` is the message being read, else opens the message first. */
  replyNow(item: OverdueItem, open: CurrentItem | null): Promise<"reply-form" | "message-opened">;
  /** Shows (overdue or due soon) or clears the clock's notification bar on the open message. */
  alertOnItem(item: OverdueItem | null): Promise<void>;
  /** Minutes between background rescans while the Overdue tab is open. */
  readonly refreshMinutes: number;
}
