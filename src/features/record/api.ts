/** Where the firm's shared matter record stands on this device. */
export interface RecordStatus {
  /** The SharePoint site the record lives in, or null when none is set up. */
  readonly site: string | null;
  /** Whether the pane reached the site the last time it tried ("unknown" before the first try). */
  readonly reach: "ok" | "failed" | "unknown";
  /** What is wrong, in plain words, when it failed. */
  readonly problem: string | null;
  /** ISO-8601 UTC of the last completed sync, or null. */
  readonly lastSyncedAt: string | null;
  /** Filings (and re-filings, undos, time entries) waiting to reach the record. */
  readonly waiting: number;
  /** Writes the record refused for good (a matter behind an ethical wall …). */
  readonly refused: number;
  readonly syncing: boolean;
  /**
   * The firm stores each filed email's attachments beside its `.eml` (a firm-wide option the administrator sets with
   * the provisioning command; read from the record with each sync, so the same for every colleague).
   */
  readonly attachments: boolean;
}

/** What the UI can do with the shared matter record. */
export interface RecordCapability {
  status(): Promise<RecordStatus>;
  /** Calls `listener` when the status or the local copy changed (a sync, a write); returns unsubscribe. */
  onChanged(listener: () => void): () => void;
  /**
   * The user is working with the record (its tab, its settings, a filing): from the first call on, the local copy is
   * kept up to date (a sync now, then every minute and when back online). The pane does not sync at start, so the
   * site's permission (Sites.Selected) is asked when the record is first used, not when Outlook opens the pane.
   */
  use(): void;
  /** Sends what waits, then brings the local copy up to date. */
  syncNow(): Promise<RecordStatus>;
  /** Sets the site (an https:// SharePoint address), or clears it with null. */
  saveSite(url: string | null): Promise<RecordStatus>;
}
