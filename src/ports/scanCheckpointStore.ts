/** One message a scan keeps: its folder, the mailbox's own id for it, and the scan's JSON-safe row. */
export interface ScanMessageRow {
  readonly folder: string;
  readonly graphId: string;
  readonly value: unknown;
}

/** What one page of a folder's sync changes: rows put (new or changed), rows removed, and the folder's new cursor. */
export interface ScanPageChange {
  readonly cursor: unknown;
  readonly put: readonly { readonly graphId: string; readonly value: unknown }[];
  readonly remove: readonly string[];
}

/**
 * Persists a scan's progress per message, so an interrupted scan resumes where it stopped and a page costs only its
 * own rows. `mailbox` is the scan's mailbox key; values are JSON-safe.
 */
export interface ScanCheckpointStore {
  /** Every folder cursor and message row kept for `mailbox`. */
  load(mailbox: string): Promise<{ readonly cursors: Readonly<Record<string, unknown>>; readonly rows: readonly ScanMessageRow[] }>;
  /** Applies one page's change to `folder` of `mailbox` all at once: rows and cursor never disagree after a crash. */
  write(mailbox: string, folder: string, change: ScanPageChange): Promise<void>;
  /** Forgets `folder` of `mailbox` (cursor and rows), or the whole mailbox when no folder is given. */
  clear(mailbox: string, folder?: string): Promise<void>;
}
