import type { SendCheckNotes, SkippedCheck } from "@ports/sendCheckNotes";
import type { SendIndexStore, StoredSendIndex } from "@ports/sendIndexStore";
import { officeCall, type OfficeNamespace } from "./officeCall";

/** Roaming-settings keys. */
export const ROAMING_INDEX_KEY = "matterline.sendIndex";
export const ROAMING_NOTES_KEY = "matterline.sendCheckSkipped";
/**
 * Roaming settings hold 32 KB in all, shared with the log-on-send queue
 * (learn.microsoft.com/office/dev/add-ins/outlook/limits-for-activation-and-javascript-api-for-outlook-add-ins):
 * the index takes at most half of it.
 */
export const ROAMING_INDEX_MAX_CHARS = 16 * 1024;
const MAX_NOTES = 10;

function isStoredIndex(v: unknown): v is StoredSendIndex {
  const o = v as Partial<StoredSendIndex> | null;
  return (
    typeof o === "object" && o !== null && typeof o.builtAt === "string" && typeof o.data === "string" && typeof o.gzipBytes === "number"
  );
}

/**
 * The recipient index in the mailbox's roaming settings, for classic Outlook on Windows: its OnMessageSend handler
 * runs in a JavaScript-only runtime without IndexedDB or localStorage, and OfficeRuntime.storage there cannot be
 * written by the task pane (it exists only for event-based activation: learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage).
 * Roaming settings are read by every Outlook, event handlers included (Microsoft's own sample reads them in one:
 * github.com/OfficeDev/Office-Add-in-samples/tree/main/Samples/outlook-set-signature), but hold 32 KB in all,
 * so only a small firm's index fits; a larger one is not kept there at all (never a stale one).
 */
export function createRoamingSendIndexStore(office: OfficeNamespace, maxChars = ROAMING_INDEX_MAX_CHARS): SendIndexStore {
  const settings = () => office.context.roamingSettings;
  const save = () => officeCall<void>("save Matterline's settings in the mailbox", (cb) => settings().saveAsync(cb));
  return {
    load() {
      const v: unknown = settings().get(ROAMING_INDEX_KEY);
      return Promise.resolve(isStoredIndex(v) ? v : null);
    },
    async save(index) {
      if (index.data.length > maxChars) {
        if (settings().get(ROAMING_INDEX_KEY) !== undefined) {
          settings().remove(ROAMING_INDEX_KEY);
          await save();
        }
        return false;
      }
      settings().set(ROAMING_INDEX_KEY, { builtAt: index.builtAt, data: index.data, gzipBytes: index.gzipBytes });
      try {
        await save();
        return true;
      } catch (error) {
        // Full (the log-on-send queue grew): take the index out rather than leave the settings unsaveable.
        settings().remove(ROAMING_INDEX_KEY);
        await save().catch(() => undefined);
        throw error;
      }
    },
  };
}

function isNote(v: unknown): v is SkippedCheck {
  const o = v as Partial<SkippedCheck> | null;
  return typeof o === "object" && o !== null && typeof o.at === "string" && typeof o.subject === "string" && typeof o.reason === "string";
}

/**
 * Notes of unchecked sends in roaming settings: the one place every Outlook's send handler can write. A task pane
 * reads roaming settings when it loads, so an open pane sees a note written since only when it is next opened.
 */
export function createRoamingSendCheckNotes(office: OfficeNamespace): SendCheckNotes {
  const settings = () => office.context.roamingSettings;
  const save = () => officeCall<void>("save Matterline's settings in the mailbox", (cb) => settings().saveAsync(cb));
  const list = (): SkippedCheck[] => {
    const v: unknown = settings().get(ROAMING_NOTES_KEY);
    return Array.isArray(v) ? v.filter(isNote) : [];
  };
  return {
    list: () => Promise.resolve(list()),
    async record(note) {
      settings().set(
        ROAMING_NOTES_KEY,
        [...list(), { ...note, subject: note.subject.slice(0, 120), reason: note.reason.slice(0, 200) }].slice(-MAX_NOTES),
      );
      await save();
    },
    async clear() {
      if (settings().get(ROAMING_NOTES_KEY) === undefined) return;
      settings().remove(ROAMING_NOTES_KEY);
      await save();
    },
  };
}
