/** A category as Outlook knows it: a display name and a preset colour ("Preset0"…"Preset24"). */
export interface ItemCategory {
  readonly name: string;
  readonly color: string;
}

/**
 * Categories on the open item (Mailbox 1.8). Outlook refuses a category missing from the master list,
 * so `add` puts it there first.
 */
export interface ItemCategories {
  /** Names of the categories on the current item. */
  current(): Promise<string[]>;
  /** Ensures `category` is in the master list, then sets it on the current item (no-op when already set). */
  add(category: ItemCategory): Promise<void>;
  /** Takes categories off the current item; names not present are ignored. */
  remove(names: readonly string[]): Promise<void>;
}
