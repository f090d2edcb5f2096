import type { AuditRecord, LogEntry } from "@domain/matterLog/types";

/**
 * An entry as the firm's shared matter record holds it. What only makes sense in one mailbox (which mailbox, the
 * message's Graph id there) stays on each device.
 */
export type SharedEntry = Omit<LogEntry, "mailbox" | "graphId" | "mailboxMark">;

/** The stored `.eml` of a filed email in the document library. */
export interface StoredFile {
  /** The library's id of the file (it survives moves). */
  readonly driveItemId: string;
  /** Where people open it. */
  readonly webUrl: string;
  /** The matter folder it sits in, by name. */
  readonly folder: string;
  /**
   * The email's attachments stored beside it (when the firm turned that on): absent or null when they were not
   * stored. Kept in a subfolder named after the `.eml`, so a re-filing moves them and an undo removes them at once.
   */
  readonly attachments?: StoredAttachments | null;
}

/** The attachments of a filed email stored in the library, in a subfolder beside its `.eml`. */
export interface StoredAttachments {
  /** The subfolder's id, or null when the email had no file attachment to store. */
  readonly folderId: string | null;
  /** Where people open the subfolder ("" without one). */
  readonly webUrl: string;
  /** Each stored file: its name in the library (made safe and unique) and where people open it. */
  readonly files: readonly { readonly name: string; readonly webUrl: string }[];
  /** What the audit trail says of them: which were stored, which were left out and why. */
  readonly note?: string;
}

/** One version of a filed email in the shared record: the list item, its eTag, its audit trail and its stored file. */
export interface RecordVersion {
  readonly itemId: string;
  /** SharePoint's eTag of the item; an update carrying an older one is refused (412). */
  readonly eTag: string;
  readonly entry: SharedEntry;
  /** Oldest first. */
  readonly audit: readonly AuditRecord[];
  readonly file: StoredFile | null;
}

/** The outbox kind of writes to the shared record. */
export const RECORD_KIND = "record";

/** Outbox key of the record write of one email: the same email's later changes replace a queued write. */
export function recordKey(internetMessageId: string): string {
  return `record:${internetMessageId}`;
}

/**
 * The outbox kind that stores a filed email's message (its `.eml`) in the matter's folder, after its record item is
 * written: the item is the filing ("Filed" means the record has the entry), the stored message follows.
 */
export const RECORD_FILE_KIND = "record-file";

/** Outbox key of the stored-message write of one email (its payload is a {@link RecordPayload}). */
export function recordFileKey(internetMessageId: string): string {
  return `record-file:${internetMessageId}`;
}

/** What a queued record write carries: which email, and where its message lives (to read its MIME). */
export interface RecordPayload {
  readonly internetMessageId: string;
  readonly mailbox: string | null;
  readonly graphId: string | null;
}

/** Checks a payload read back from storage. */
export function isRecordPayload(value: unknown): value is RecordPayload {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.internetMessageId === "string" &&
    (v.mailbox === null || typeof v.mailbox === "string") &&
    (v.graphId === null || typeof v.graphId === "string")
  );
}

/** The firm-wide options of the shared record, the same for every colleague (set by the provisioning command). */
export interface RecordOptions {
  /** Each filing also stores the email's file attachments beside its `.eml`. Off unless the firm turns it on. */
  readonly attachments: boolean;
}

/** The plain message for a matter the user may not see (an ethical wall): it says nothing about the matter. */
export const WALLED_MESSAGE = "You don't have access to this matter's record.";
