import { FakeOfficeCallError } from "./runtime";
import type { MailboxState } from "./mailboxState";
import type { RecordedNotification } from "./types";

/** Office's limits on notification bars. */
const MAX_NOTIFICATIONS = 5;
const MAX_MESSAGE_CHARS = 150;

interface NotificationDetails {
  type?: string;
  message?: string;
  icon?: string;
  persistent?: boolean;
}

/** item.categories (Mailbox 1.8): getAsync/addAsync/removeAsync on one item's list. */
export function categoriesApi(state: MailboxState, itemKey: string, seed: readonly string[]) {
  const rt = state.runtime;
  return {
    getAsync: (...tail: unknown[]) =>
      rt.respond("categories.getAsync", tail, () =>
        state.categoriesOf(itemKey, seed).map((name) => ({
          displayName: name,
          color: state.masterCategories.find((m) => m.displayName.toLowerCase() === name.toLowerCase())?.color ?? "None",
        })),
      ),
    addAsync: (names: string[], ...tail: unknown[]) => {
      state.categoriesOf(itemKey, seed);
      rt.respond("categories.addAsync", tail, () => state.addCategories(itemKey, names));
    },
    removeAsync: (names: string[], ...tail: unknown[]) => {
      state.categoriesOf(itemKey, seed);
      rt.respond("categories.removeAsync", tail, () => state.removeCategories(itemKey, names));
    },
  };
}

function checkDetails(key: string, details: NotificationDetails): RecordedNotification {
  if (!details.message || details.message.length > MAX_MESSAGE_CHARS) {
    throw new FakeOfficeCallError(
      9041,
      "InvalidNotificationMessage",
      `The notification message must be 1 to ${MAX_MESSAGE_CHARS} characters.`,
    );
  }
  if (details.type === "informationalMessage" && (!details.icon || typeof details.persistent !== "boolean")) {
    throw new FakeOfficeCallError(9042, "InvalidNotificationDetails", "An informational message needs an icon and the persistent flag.");
  }
  return {
    key,
    type: details.type ?? "informationalMessage",
    message: details.message,
    icon: details.icon,
    persistent: details.persistent,
  };
}

/** item.notificationMessages: at most 5 bars per item, each keyed. */
export function notificationsApi(state: MailboxState, itemKey: string) {
  const rt = state.runtime;
  return {
    addAsync: (key: string, details: NotificationDetails, ...tail: unknown[]) =>
      rt.respond("notificationMessages.addAsync", tail, () => {
        const bars = state.notificationsOf(itemKey);
        if (bars.has(key))
          throw new FakeOfficeCallError(9043, "DuplicateNotificationKey", `A notification with the key "${key}" already exists.`);
        if (bars.size >= MAX_NOTIFICATIONS)
          throw new FakeOfficeCallError(9044, "TooManyNotifications", "An item can show at most 5 notifications.");
        bars.set(key, checkDetails(key, details));
      }),
    replaceAsync: (key: string, details: NotificationDetails, ...tail: unknown[]) =>
      rt.respond("notificationMessages.replaceAsync", tail, () => {
        const bars = state.notificationsOf(itemKey);
        if (!bars.has(key) && bars.size >= MAX_NOTIFICATIONS)
          throw new FakeOfficeCallError(9044, "TooManyNotifications", "An item can show at most 5 notifications.");
        bars.set(key, checkDetails(key, details));
      }),
    removeAsync: (key: string, ...tail: unknown[]) =>
      rt.respond("notificationMessages.removeAsync", tail, () => {
        if (!state.notificationsOf(itemKey).delete(key)) {
          throw new FakeOfficeCallError(9040, "KeyNotFound", `No notification with the key "${key}" exists.`);
        }
      }),
    getAllAsync: (...tail: unknown[]) =>
      rt.respond("notificationMessages.getAllAsync", tail, () => [...state.notificationsOf(itemKey).values()].map((n) => ({ ...n }))),
  };
}

/** item.loadCustomPropertiesAsync(callback, userContext): Office's odd (callback-first) signature. */
export function loadCustomPropertiesApi(state: MailboxState, itemKey: () => string) {
  const rt = state.runtime;
  return (callback: (result: unknown) => void, userContext?: unknown) => {
    rt.respond("loadCustomPropertiesAsync", [{ asyncContext: userContext }, callback], () => {
      // Changes stay local until saveAsync, as in Outlook.
      const working: Record<string, unknown> = { ...(state.customProperties.get(itemKey()) ?? {}) };
      return {
        get: (name: string) => working[name],
        set: (name: string, value: unknown) => void (working[name] = value),
        remove: (name: string) => void delete working[name],
        getAll: () => ({ ...working }),
        saveAsync: (cb?: (result: unknown) => void, asyncContext?: unknown) =>
          rt.respond(
            "customProperties.saveAsync",
            [{ asyncContext }, cb],
            () => void state.customProperties.set(itemKey(), { ...working }),
          ),
      };
    });
  };
}
