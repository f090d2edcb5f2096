import type { MailMessage } from "@domain/model/mail";

/** What the host shows: a message being read, a draft being composed, or nothing selected. */
export type ItemMode = "read" | "compose" | "none";

/** The item currently open in Outlook (or the workbench), as Matterline sees it. */
export interface CurrentItem {
  readonly mode: ItemMode;
  /** Host item id (EWS id in Outlook), used to key per-item state. */
  readonly itemId: string | null;
  readonly message: MailMessage | null;
}

/** Reads the open item and follows selection changes (the pinned pane's ItemChanged). */
export interface MailSource {
  /** The open item; rejects with MatterlineError("office-failed") when the host call fails. */
  currentItem(): Promise<CurrentItem>;
  /**
   * The open item's header (sender, subject, time; no body) read synchronously, so the pane can show what is open
   * before the body arrives. Optional: hosts without synchronous fields omit it.
   */
  peek?(): CurrentItem | null;
  /** Calls `listener` after each selection change; returns an unsubscribe function. */
  onItemChanged(listener: () => void): () => void;
}
