import type { WarningFix } from "@domain/sendGuard/types";
import type { SkippedCheck } from "@ports/sendCheckNotes";
import type { DraftCheck, IndexStatus } from "./service";

export type { DraftCheck, IndexStatus, SkippedCheck, WarningFix };
export type { SendWarning, WarningKind } from "@domain/sendGuard/types";

/** What the UI can do about the send-time confidentiality check. */
export interface SendGuardCapability {
  /** Checks the open draft (compose mode) as it would be sent now. */
  check(): Promise<DraftCheck>;
  /** Calls `listener` when the draft's recipients or attachments change; returns unsubscribe. */
  onDraftChanged(listener: () => void): () => void;
  /** One-click fix: remove the recipient, replace it with the suggestion, move it to Bcc, or remove the attachment. */
  applyFix(recipient: string, fix: WarningFix): Promise<void>;
  /** Sent mail the check could not look at (the send handler's notes), oldest first. */
  skipped(): Promise<SkippedCheck[]>;
  dismissSkipped(): Promise<void>;
  /** What the send handler's index covers, or null before any directory is imported. */
  status(): Promise<IndexStatus | null>;
  /** Checking at send time needs OnMessageSend (Mailbox 1.12). */
  readonly onSendSupported: boolean;
  /** Warnings follow the recipients live with RecipientsChanged (Mailbox 1.7). */
  readonly followsRecipients: boolean;
}
