import type { OutgoingMail, WarningFix } from "@domain/sendGuard/types";

/** The draft being written, as the send check reads it. */
export interface DraftForCheck {
  readonly mail: OutgoingMail;
  readonly conversationId: string | null;
}

/** The open draft for the send check: read it, follow its recipients, apply a one-click fix. */
export interface SendDraft {
  read(): Promise<DraftForCheck>;
  /** Calls `listener` when recipients or attachments change (Outlook's RecipientsChanged / AttachmentsChanged); returns unsubscribe. */
  onChanged(listener: () => void): () => void;
  /** Applies a fix to the recipient (remove, replace with the suggestion, move to Bcc) or to an attachment. */
  apply(recipient: string, fix: WarningFix): Promise<void>;
}
