import type { MirrorOutcome } from "./mailboxMirror";

/** A message to flag, found by Graph id when known, else by internetMessageId. */
export interface OverdueFlagItem {
  readonly key: string;
  readonly mailbox: string | null;
  readonly graphId: string | null;
  readonly internetMessageId: string;
}

/** Sets or clears the "Overdue reply" category so the message list on every device shows it. */
export interface OverdueFlagWriter {
  setOverdue(items: readonly OverdueFlagItem[], overdue: boolean): Promise<MirrorOutcome[]>;
}
