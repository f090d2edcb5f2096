import type { SendCheckNotes, SkippedCheck } from "@ports/sendCheckNotes";
import type { SendIndexStore, StoredSendIndex } from "@ports/sendIndexStore";
import type { SettingsStore } from "@ports/settingsStore";

/** Settings keys (IndexedDB's settings store, shared by the pane and a send handler running in a browser runtime). */
export const SEND_INDEX_KEY = "sendGuard.index";
export const SEND_NOTES_KEY = "sendGuard.skipped";
/** Oldest notes are dropped beyond this. */
export const MAX_SEND_NOTES = 20;

function isStoredIndex(v: unknown): v is StoredSendIndex {
  const o = v as Partial<StoredSendIndex> | null;
  return (
    typeof o === "object" && o !== null && typeof o.builtAt === "string" && typeof o.data === "string" && typeof o.gzipBytes === "number"
  );
}

function isNote(v: unknown): v is SkippedCheck {
  const o = v as Partial<SkippedCheck> | null;
  return typeof o === "object" && o !== null && typeof o.at === "string" && typeof o.subject === "string" && typeof o.reason === "string";
}

/**
 * The recipient index in this device's IndexedDB. Outlook on the web, new Outlook on Windows and Outlook on Mac run
 * the OnMessageSend handler in a browser runtime on the add-in's origin, so it reads the same database as the pane
 * (learn.microsoft.com/office/dev/add-ins/testing/runtimes).
 */
export function createSettingsSendIndexStore(settings: SettingsStore): SendIndexStore {
  return {
    async load() {
      const v = await settings.get(SEND_INDEX_KEY);
      return isStoredIndex(v) ? v : null;
    },
    async save(index) {
      await settings.set(SEND_INDEX_KEY, { builtAt: index.builtAt, data: index.data, gzipBytes: index.gzipBytes });
      return true;
    },
  };
}

/** Notes of unchecked sends in this device's IndexedDB: the pane sees them at once, without reloading. */
export function createSettingsSendCheckNotes(settings: SettingsStore): SendCheckNotes {
  const list = async (): Promise<SkippedCheck[]> => {
    const v = await settings.get(SEND_NOTES_KEY);
    return Array.isArray(v) ? v.filter(isNote) : [];
  };
  return {
    list,
    async record(note) {
      await settings.set(SEND_NOTES_KEY, [...(await list()), note].slice(-MAX_SEND_NOTES));
    },
    clear: () => settings.remove(SEND_NOTES_KEY),
  };
}
