import type { MailMessage } from "@domain/model/mail";

/** A message as synced: the domain's message plus the mailbox's own id for it (what removals and writes refer to). */
export interface SyncedMessage {
  readonly graphId: string;
  readonly message: MailMessage;
}

/** One page of a folder sync: messages new or changed, ids removed, and where to go next. */
export interface FolderSyncPage {
  readonly messages: readonly SyncedMessage[];
  /** Graph ids of messages that left the folder (deleted or moved). */
  readonly removedIds: readonly string[];
  /** Opaque cursor to fetch the next page of this round; null when the round is done. */
  readonly nextCursor: string | null;
  /** Opaque cursor for the next incremental round; set on the round's last page. */
  readonly deltaCursor: string | null;
}

/**
 * Incremental sync of a mail folder (Graph delta queries): start once for a window, then continue from cursors.
 * Cursors are plain strings so a scan can persist them and resume after an interruption.
 */
export interface MailFolderSync {
  /** First page of a full sync of `folder` for messages received at or after `since`. */
  start(
    mailbox: string | null,
    folder: "inbox" | "sentitems",
    since: string,
    options?: { readonly includeBody?: boolean },
  ): Promise<FolderSyncPage>;
  /** Next page from a cursor returned earlier (nextCursor or deltaCursor). */
  resume(cursor: string, options?: { readonly includeBody?: boolean }): Promise<FolderSyncPage>;
}
