import type { MirrorOutcome } from "./mailboxMirror";

/** A message to flag, found by Graph id when known, else by internetMessageId. */
export interface CategoryFlagItem {
  readonly key: string;
  readonly mailbox: string | null;
  readonly graphId: string | null;
  readonly internetMessageId: string;
}

/**
 * Sets or clears one category (the writer's own: "Overdue reply", or the shared "No reply needed") on messages, so
 * the message list on every device and every colleague's shows it.
 */
export interface CategoryFlagWriter {
  setCategory(items: readonly CategoryFlagItem[], on: boolean): Promise<MirrorOutcome[]>;
}
