import type { MailMessage } from "@domain/model/mail";

/** A folder of a mailbox over a time window (ISO-8601 UTC bounds). `mailbox` null is the signed-in user's own. */
export interface MessageWindow {
  readonly mailbox: string | null;
  /** Well-known folder name ("inbox", "sentitems") or a folder id. */
  readonly folder: string;
  /** Inclusive lower bound on receivedDateTime. */
  readonly since: string;
  /** Exclusive upper bound on receivedDateTime, when given. */
  readonly until?: string;
}

/** What our mirror left on a message, read back on any device. */
export interface MessageMark {
  /** Graph (immutable) id of the message. */
  readonly graphId: string;
  /** Our MatterId extended property, null when not set. */
  readonly matterId: string | null;
  readonly categories: readonly string[];
}

/** Reads mail from a mailbox with as few requests as possible. */
export interface MessageReader {
  /** Messages of a folder in a window, newest first; bodies only when asked (they dominate the payload). */
  listWindow(window: MessageWindow, options?: { readonly includeBody?: boolean }): Promise<MailMessage[]>;
  /** The mark (matter id, categories) of one message found by its internetMessageId, or null when not in the mailbox. */
  readMark(mailbox: string | null, internetMessageId: string): Promise<MessageMark | null>;
  /** Every message of a conversation in the mailbox (all folders), oldest first. */
  listConversation(mailbox: string | null, conversationId: string): Promise<MailMessage[]>;
}
