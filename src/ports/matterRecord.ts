import type { AuditRecord } from "@domain/matterLog/types";
import type { RecordOptions, RecordVersion, SharedEntry, StoredFile } from "@domain/record/types";

/** Everything that changed in the shared record since a cursor. */
export interface RecordChanges {
  /** New or changed items (the latest version of each). */
  readonly upserts: readonly RecordVersion[];
  /** Items taken off the record, by item id. */
  readonly removedItemIds: readonly string[];
  /** Where the next sync starts (the delta link). */
  readonly cursor: string;
  /**
   * True when this was a full enumeration (no cursor, or the record could no longer serve changes since it and
   * started over): anything this device holds that is not among `upserts` is gone.
   */
  readonly complete: boolean;
  /**
   * The firm's options when this read saw their item (new or changed), with that item's id; undefined when it did not.
   * An options item in `removedItemIds` (or missing from a complete read) means the defaults again.
   */
  readonly options?: { readonly itemId: string; readonly options: RecordOptions };
}

/**
 * Store the email's attachments beside its message (the firm turned that on): who files and when, for the audit
 * record that says which attachments were stored and which were left out.
 */
export interface AttachmentsRequest {
  readonly by: string;
  /** ISO-8601 UTC. */
  readonly at: string;
}

/** Where a filed email's message lives, to read its MIME for the stored `.eml`. */
export interface MessageSource {
  readonly mailbox: string | null;
  readonly graphId: string | null;
  readonly internetMessageId: string;
}

/** One write to the shared record. `key` comes back with its outcome. */
export type RecordWrite =
  | {
      readonly kind: "create";
      readonly key: string;
      readonly entry: SharedEntry;
      readonly clientId: string | null;
      readonly audit: readonly AuditRecord[];
      /** The matter's folder in the library, e.g. "2025-0042 Harbour lease". */
      readonly folder: string;
      readonly fileName: string;
      readonly message: MessageSource;
      /** False: the item is written without its stored message, which a later write stores. Default true. */
      readonly storeMessage?: boolean;
      /** Set: the stored message's attachments go beside it. */
      readonly attachments?: AttachmentsRequest | null;
    }
  | {
      readonly kind: "update";
      readonly key: string;
      readonly itemId: string;
      /** The eTag the change was made against: a newer one in the record answers "changed". */
      readonly eTag: string;
      readonly entry: SharedEntry;
      readonly clientId: string | null;
      readonly audit: readonly AuditRecord[];
      readonly folder: string;
      readonly fileName: string;
      /** The stored file as last known; moved to `folder` when it sits elsewhere, uploaded when there is none. */
      readonly file: StoredFile | null;
      readonly message: MessageSource;
      /** False: the item keeps `file` as it is (wherever it sits), and a later write moves or stores it. Default true. */
      readonly storeMessage?: boolean;
      /** Set: the stored message's attachments go beside it (stored when not yet, moved with it when they are). */
      readonly attachments?: AttachmentsRequest | null;
    }
  | { readonly kind: "delete"; readonly key: string; readonly itemId: string; readonly eTag: string; readonly file: StoredFile | null }
  /** Removes a stored file nothing points to (left over when a conflict kept another filing). */
  | { readonly kind: "discard-file"; readonly key: string; readonly file: StoredFile };

/** How one write went. */
export type RecordWriteOutcome =
  | { readonly key: string; readonly status: "ok"; readonly version: RecordVersion | null }
  /** A create met the unique constraint: the email is already in the record (read it and reconcile). */
  | { readonly key: string; readonly status: "exists"; readonly file: StoredFile | null }
  /** The eTag no longer matches (412), or the item is gone (404): read it and reconcile. */
  | { readonly key: string; readonly status: "changed"; readonly file: StoredFile | null }
  /** The matter's folder or item is behind an ethical wall (403/404): nothing was filed, nothing is said about it. */
  | { readonly key: string; readonly status: "walled" }
  | { readonly key: string; readonly status: "failed"; readonly retryable: boolean; readonly error: string };

/** Whether the pane reaches the record: the site, the list and the library. */
export interface RecordReach {
  readonly site: string;
  readonly ok: boolean;
  /** What is wrong, in plain words, when not ok. */
  readonly problem: string | null;
}

/** The firm's shared matter record (a SharePoint list and library through Graph). */
export interface MatterRecord {
  /** Changes since `cursor` (null: everything), following every page. */
  changes(cursor: string | null): Promise<RecordChanges>;
  /** Applies the writes (few requests, at most 4 in flight); never throws for one write's failure. */
  write(writes: readonly RecordWrite[]): Promise<RecordWriteOutcome[]>;
  /** The current version of each email by internetMessageId: null when not in the record (or not visible). */
  read(internetMessageIds: readonly string[]): Promise<Map<string, RecordVersion | null>>;
  /** Checks the site can be reached and is set up. */
  probe(): Promise<RecordReach>;
}
