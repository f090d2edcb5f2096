import type { ItemNotifier } from "@ports/itemNotifier";
import { officeCall, requireItem, type OfficeNamespace } from "./officeCall";

/** Outlook rejects notification text over 150 characters. */
export const NOTIFICATION_MAX_CHARS = 150;

export interface OfficeItemNotifierOptions {
  /** Manifest resource id of the 16×16 icon Outlook shows in the bar. */
  readonly icon?: string;
}

function fit(message: string): string {
  const flat = message.replace(/\s+/g, " ").trim();
  return flat.length <= NOTIFICATION_MAX_CHARS ? flat : `${flat.slice(0, NOTIFICATION_MAX_CHARS - 1)}…`;
}

/** ItemNotifier over item.notificationMessages: informational, non-persistent bars, replaced by key. */
export function createOfficeItemNotifier(office: OfficeNamespace, options: OfficeItemNotifierOptions = {}): ItemNotifier {
  const icon = options.icon ?? "Icon.16x16";
  return {
    async show(key: string, message: string): Promise<void> {
      const bars = requireItem(office).notificationMessages;
      // replaceAsync adds the bar when the key is new, so one call covers both cases.
      await officeCall<void>("show a note on the message", (cb) =>
        bars.replaceAsync(
          key,
          { type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: fit(message), icon, persistent: false },
          cb,
        ),
      );
    },
    async clear(key: string): Promise<void> {
      const bars = requireItem(office).notificationMessages;
      const shown = await officeCall<Office.NotificationMessageDetails[]>("read the notes on the message", (cb) => bars.getAllAsync(cb));
      if (!shown.some((n) => n.key === key)) return;
      await officeCall<void>("remove a note from the message", (cb) => bars.removeAsync(key, cb));
    },
  };
}
