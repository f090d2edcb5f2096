/**
 * Puts a reply draft in front of the attorney. Never sends: the attorney reviews and sends it themselves.
 */
export interface ReplyComposer {
  /**
   * Read mode: opens Outlook's reply form with `html` as the body.
   * Rejects with MatterlineError("invalid-input") when the body exceeds Outlook's 32 KB limit.
   */
  openReply(html: string): Promise<void>;
  /** Compose mode: inserts plain `text` at the cursor (escaped into HTML when the draft body is HTML). */
  insertAtCursor(text: string): Promise<void>;
}
