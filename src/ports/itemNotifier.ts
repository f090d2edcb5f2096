/**
 * Shows an informational bar on the open item (e.g. "Client waiting 27 h — reply was due 3 h ago").
 * Bars are keyed so a later `show` with the same key replaces the text instead of stacking.
 */
export interface ItemNotifier {
  /** Shows or replaces the bar `key` on the current item. `message` is cut to Outlook's 150 characters. */
  show(key: string, message: string): Promise<void>;
  /** Removes the bar `key`; does nothing when it is not shown. */
  clear(key: string): Promise<void>;
}
