import type { MailMessage } from "../../core/model/mail";
import type { CurrentItem } from "../../core/ports/mailSource";
import type { Digest, OverdueItem, OverdueScanProgress, OverdueSettings, OverdueView, SnoozeChoice } from "../../core/app/overdue";

/** What the UI can do about the response clock and overdue alerts (issue 4). */
export interface OverdueCapability {
  loadSettings(): Promise<OverdueSettings>;
  saveSettings(settings: OverdueSettings): Promise<OverdueSettings>;
  /** Scans the user's and every watched mailbox (incremental after the first time). */
  scan(onProgress?: (progress: OverdueScanProgress) => void): Promise<OverdueView>;
  /** Last results at now, or null before the first scan. */
  current(): Promise<OverdueView | null>;
  /** The clock of an open message (scans first if nothing was scanned). */
  itemFor(message: MailMessage): Promise<OverdueItem | null>;
  markNoReplyNeeded(item: OverdueItem, reason: string): Promise<OverdueView | null>;
  snooze(item: OverdueItem, choice: SnoozeChoice): Promise<OverdueView | null>;
  /** Takes back the item's "no reply needed" or snooze (recorded with who and when, like the decision). */
  undo(item: OverdueItem): Promise<OverdueView | null>;
  /** Opens the reply form: directly when `item` is the message being read, else opens the message first. */
  replyNow(item: OverdueItem, open: CurrentItem | null): Promise<"reply-form" | "message-opened">;
  /** Shows (overdue or due soon) or clears the clock's notification bar on the open message. */
  alertOnItem(item: OverdueItem | null): Promise<void>;
  digest(): Promise<Digest>;
  sendDigest(): Promise<Digest>;
  /** Minutes between background rescans while the Overdue tab is open. */
  readonly refreshMinutes: number;
}
