import { MatterlineError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import type { SelectedItemRef, SelectedItems } from "@ports/selectedItems";
import { subscribeMailboxEvent } from "./mailboxEvents";
import { messageFromReadItem } from "./messageFromItem";
import { officeCall, type OfficeNamespace } from "./officeCall";

interface SelectedItemDetails {
  readonly itemId: string;
  readonly subject?: string;
  readonly conversationId?: string;
}

interface LoadedItem extends Office.MessageRead {
  unloadAsync?: (callback: (result: Office.AsyncResult<void>) => void) => void;
}

interface MultiSelectMailbox {
  getSelectedItemsAsync?: (callback: (result: Office.AsyncResult<SelectedItemDetails[]>) => void) => void;
  loadItemByIdAsync?: (itemId: string, callback: (result: Office.AsyncResult<LoadedItem>) => void) => void;
}

/** SelectedItems over getSelectedItemsAsync (Mailbox 1.13) and loadItemByIdAsync (Mailbox 1.15). */
export function createOfficeSelectedItems(
  office: OfficeNamespace,
  options: { onError?: (error: MatterlineError) => void } = {},
): SelectedItems {
  const mailbox = office.context.mailbox as unknown as MultiSelectMailbox;
  const onError = options.onError ?? ((error) => console.warn(error.message));
  return {
    async list(): Promise<SelectedItemRef[]> {
      const get = mailbox.getSelectedItemsAsync;
      if (!get)
        throw new MatterlineError(
          "not-supported",
          "This version of Outlook cannot tag many selected messages at once (it needs Mailbox 1.13).",
        );
      const items = await officeCall<SelectedItemDetails[]>("list the selected messages", (cb) => get.call(mailbox, cb));
      return (items ?? []).map((i) => ({ itemId: i.itemId, subject: i.subject ?? "", conversationId: i.conversationId ?? null }));
    },
    async read(itemId: string): Promise<MailMessage> {
      const load = mailbox.loadItemByIdAsync;
      if (!load)
        throw new MatterlineError(
          "not-supported",
          "This version of Outlook cannot read selected messages one by one (it needs Mailbox 1.15).",
        );
      const item = await officeCall<LoadedItem>("open a selected message", (cb) => load.call(mailbox, itemId, cb));
      try {
        return await messageFromReadItem(office, item);
      } finally {
        // Outlook keeps few items loaded at once; unloading is housekeeping, so its failure is not the caller's.
        const unload = item.unloadAsync;
        if (unload) await officeCall<void>("close a selected message", (cb) => unload.call(item, cb)).catch(() => undefined);
      }
    },
    onChanged(listener: () => void): () => void {
      if (!office.context.requirements.isSetSupported("Mailbox", "1.13")) return () => undefined;
      return subscribeMailboxEvent(office, office.EventType.SelectedItemsChanged, listener, onError);
    },
  };
}
