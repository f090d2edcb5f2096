/**
 * The matter the attorney picked in the pane for the draft being written, kept on the draft itself so the
 * OnMessageSend handler (a separate runtime) can log the sent mail to it.
 */
export interface SendMatterChoice {
  /** Remembers `matterId` for the current draft; null forgets it (do not log on send). */
  choose(matterId: string | null): Promise<void>;
  /** The matter chosen for the current draft, or null. */
  chosen(): Promise<string | null>;
}
