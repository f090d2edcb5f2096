/**
 * A decision someone took on one client message's clock: "no reply needed" (with why) or a snooze. The record is
 * the audit: who decided, when, and why. One note per message; a later decision replaces an earlier one.
 */
export interface ClockNote {
  readonly internetMessageId: string;
  readonly kind: "no-reply-needed" | "snooze";
  readonly reason: string | null;
  /** Address of whoever decided. */
  readonly by: string;
  /** ISO-8601 UTC of the decision. */
  readonly at: string;
  /** ISO-8601 UTC end of a snooze; null for "no reply needed". */
  readonly until: string | null;
}

/** Where clock notes live (IndexedDB in the pane). Keyed by internetMessageId. */
export interface ClockNoteStore {
  get(internetMessageId: string): Promise<ClockNote | undefined>;
  put(note: ClockNote): Promise<void>;
  all(): Promise<ClockNote[]>;
}

/** An in-memory ClockNoteStore, for tests and for hosts without storage. */
export function memoryClockNoteStore(initial: readonly ClockNote[] = []): ClockNoteStore {
  const notes = new Map(initial.map((n) => [n.internetMessageId, n]));
  return {
    get: async (id) => notes.get(id),
    put: async (note) => void notes.set(note.internetMessageId, note),
    all: async () => [...notes.values()],
  };
}
