/**
 * Which words of the draft to change: the `occurrence`-th (0-based) appearance of `phrase` in the draft's text.
 * Counted rather than given as offsets because the host's HTML and plain-text views of one body differ in
 * length, while the order of the words in them does not.
 */
export interface DraftEdit {
  readonly phrase: string;
  readonly occurrence: number;
}

/** The draft being composed (compose mode): read its text, and change words in it keeping its format. */
export interface DraftEditor {
  /** The whole body as plain text. */
  getText(): Promise<string>;
  /**
   * Replaces the words `edit` names with `replacement` ("" deletes them), keeping the body's type (HTML or text).
   * Rejects with MatterlineError("not-found") when the words are no longer in the draft (it changed since it was read).
   */
  replace(edit: DraftEdit, replacement: string): Promise<void>;
}
