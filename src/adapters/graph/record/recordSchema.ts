import type { ColumnDefinition } from "../graphTypes";

/** The list that holds one item per filed email. */
export const RECORD_LIST = "Matter email log";
/** The document library with a folder per matter holding each filed email as `.eml`. */
export const RECORD_LIBRARY = "Matter email";

/** A single line of text in SharePoint holds at most 255 characters. */
export const TEXT_MAX = 255;
/** A multiple-lines text column holds at most 63,999 characters. */
export const NOTE_MAX = 63_999;

const text = (name: string, displayName: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({
  name,
  displayName,
  text: { maxLength: TEXT_MAX },
  ...extra,
});
const note = (name: string, displayName: string): ColumnDefinition => ({ name, displayName, text: { allowMultipleLines: true } });
const when = (name: string, displayName: string): ColumnDefinition => ({ name, displayName, dateTime: { format: "dateTime" } });

/**
 * The list's columns. The internetMessageId is the key: indexed, with unique values enforced, so a second filing of
 * the same email by anyone meets the constraint instead of making a second item. Matter, client and conversation are
 * indexed because the record is read by them and, past 5,000 items, SharePoint refuses filters on columns that are not.
 * learn.microsoft.com/graph/api/resources/columndefinition
 */
export const RECORD_COLUMNS: readonly ColumnDefinition[] = [
  text("InternetMessageId", "Internet message id", { indexed: true, enforceUniqueValues: true }),
  note("MessageIdFull", "Internet message id (full, when longer than 255)"),
  text("MatterId", "Matter", { indexed: true }),
  text("ClientId", "Client", { indexed: true }),
  text("ConversationId", "Conversation", { indexed: true }),
  { name: "Direction", displayName: "Direction", choice: { choices: ["inbound", "outbound", "internal"] } },
  text("FromAddress", "From"),
  note("ToAddresses", "To"),
  note("CcAddresses", "Cc"),
  when("SentAt", "Sent"),
  when("ReceivedAt", "Received"),
  note("Snippet", "Snippet"),
  note("AttachmentNames", "Attachments"),
  text("FiledBy", "Filed by"),
  when("FiledAt", "Filed at"),
  { name: "Source", displayName: "How it was filed", choice: { choices: ["manual", "auto", "bulk", "send"] } },
  text("Category", "Mailbox category"),
  { name: "TimeTenths", displayName: "Time (tenths of an hour)", number: { decimalPlaces: "none", minimum: 0, maximum: 240 } },
  note("TimeNarrative", "Time narrative"),
  note("MessageUrl", "Stored message"),
  text("MessageFileId", "Stored message id"),
  text("MessageFolder", "Stored message folder"),
  note("AuditTrail", "Audit trail"),
  note("AttachmentFiles", "Stored attachments"),
  note("RecordOptions", "Firm options (on the options item only)"),
];

/**
 * The key of the one item that holds the firm's options (`RecordOptions`, JSON) rather than a filed email. Every pane
 * reads the list's changes anyway, so an option set there reaches every colleague with their next sync at no extra
 * request, and it lives in the firm's record, not on one device. A real internetMessageId always has an "@"; this
 * key has none, so it can never be an email's.
 */
export const OPTIONS_KEY = "matterline:options";
