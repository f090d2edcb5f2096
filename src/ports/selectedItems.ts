import type { MailMessage } from "@domain/model/mail";

/** A message of a multi-selection, as Outlook lists it before it is read. */
export interface SelectedItemRef {
  /** Host item id (EWS id in Outlook). */
  readonly itemId: string;
  readonly subject: string;
  readonly conversationId: string | null;
}

/** The messages selected together in Outlook (Mailbox 1.13, at most 100), for bulk tagging. */
export interface SelectedItems {
  /** The current selection, in Outlook's order. */
  list(): Promise<SelectedItemRef[]>;
  /** Reads one selected message fully; rejects with MatterlineError("not-supported") when the host cannot (then use Graph). */
  read(itemId: string): Promise<MailMessage>;
  /** Calls `listener` after the selection changes; returns an unsubscribe function. */
  onChanged(listener: () => void): () => void;
}
