import type { MatterlineError } from "@domain/errors";
import type { CurrentItem, MailSource } from "@ports/mailSource";
import { subscribeMailboxEvent } from "./mailboxEvents";
import { headerFromReadItem, isComposeItem, messageFromComposeItem, messageFromReadItem } from "./messageFromItem";
import type { OfficeNamespace } from "./officeCall";

export interface OfficeMailSourceOptions {
  /** Where a failure to subscribe to ItemChanged is reported (the pane shows it); defaults to console.warn. */
  readonly onError?: (error: MatterlineError) => void;
}

/** MailSource over Office.context.mailbox: the open item as a MailMessage, and ItemChanged for the pinned pane. */
export function createOfficeMailSource(office: OfficeNamespace, options: OfficeMailSourceOptions = {}): MailSource {
  const onError = options.onError ?? ((error) => console.warn(error.message));
  return {
    async currentItem(): Promise<CurrentItem> {
      // The item is null while Outlook switches selection, or when a folder or several messages are selected.
      const item = office.context.mailbox?.item;
      if (!item) return { mode: "none", itemId: null, message: null };
      if (isComposeItem(item)) {
        return { mode: "compose", itemId: item.itemId || null, message: await messageFromComposeItem(office, item) };
      }
      const read = item as Office.MessageRead;
      return { mode: "read", itemId: read.itemId, message: await messageFromReadItem(office, read) };
    },
    peek(): CurrentItem | null {
      const item = office.context.mailbox?.item;
      if (!item || isComposeItem(item)) return null;
      const read = item as Office.MessageRead;
      return { mode: "read", itemId: read.itemId, message: headerFromReadItem(read) };
    },
    onItemChanged(listener: () => void): () => void {
      // Hosts below Mailbox 1.5 cannot pin the pane, so the item never changes under it.
      if (!office.context.requirements.isSetSupported("Mailbox", "1.5")) return () => undefined;
      return subscribeMailboxEvent(office, office.EventType.ItemChanged, listener, onError);
    },
  };
}
