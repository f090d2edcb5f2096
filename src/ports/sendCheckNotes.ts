/** A sent email the send check could not look at, for the pane to tell the user afterwards. */
export interface SkippedCheck {
  /** ISO-8601 UTC, when Send was pressed. */
  readonly at: string;
  readonly subject: string;
  /** Plain words: why the check could not run. */
  readonly reason: string;
}

/** Notes left by the send handler when its check could not run; the pane shows them and then clears them. */
export interface SendCheckNotes {
  record(note: SkippedCheck): Promise<void>;
  list(): Promise<SkippedCheck[]>;
  clear(): Promise<void>;
}
