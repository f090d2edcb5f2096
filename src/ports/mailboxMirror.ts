/**
 * Mirrors matter filing into the mailbox (a master category named for the matter, set on the message, plus our
 * `MatterId` extended property) so every device and colleague sees it. Implemented over Graph with `$batch`.
 */
export interface MirrorCategory {
  /** Display name, short and recognisable, e.g. "2025-0042 Harbour lease". */
  readonly name: string;
  /** Outlook preset colour, e.g. "preset7". */
  readonly color: string;
}

export interface MirrorItem {
  /** Idempotency key of the outbox operation; results come back under it. */
  readonly key: string;
  /** Graph (REST, immutable) id when known; otherwise the message is found by internetMessageId. */
  readonly graphId: string | null;
  readonly internetMessageId: string;
  /** Mailbox to write in: null for the signed-in user's own, else a user id / address (shared mailbox). */
  readonly mailbox: string | null;
  /** The matter's category to add (created in the master list when missing); null adds none (an undo). */
  readonly category: MirrorCategory | null;
  /** Categories to take off (e.g. the previous matter's when re-filing). */
  readonly removeCategories: readonly string[];
  /** Written to the MatterId extended property; null clears it. */
  readonly matterId: string | null;
}

export type MirrorOutcome =
  | { readonly key: string; readonly ok: true; readonly graphId: string }
  | {
      readonly key: string;
      readonly ok: false;
      readonly retryable: boolean;
      readonly error: string;
      /** The message was not found in the mailbox (yet): nothing there to change. */
      readonly notFound?: boolean;
    };

export interface MailboxMirror {
  /** Applies many items in as few Graph requests as possible; never throws for one item's failure. */
  apply(items: readonly MirrorItem[]): Promise<MirrorOutcome[]>;
}
