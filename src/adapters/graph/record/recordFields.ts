import type { Address } from "@domain/model/mail";
import { normalizeEmail } from "@domain/model/mail";
import type { AuditAction, AuditRecord, Direction, LogSource } from "@domain/matterLog/types";
import { messageTag } from "@domain/record/recordNames";
import type { RecordOptions, RecordVersion, SharedEntry, StoredAttachments, StoredFile } from "@domain/record/types";
import type { TypedListItem } from "../graphTypes";
import { NOTE_MAX, OPTIONS_KEY, TEXT_MAX } from "./recordSchema";

/** The list item's fields as Matterline writes them (see recordSchema.ts for the columns). */
export interface RecordFields {
  Title: string;
  InternetMessageId: string;
  MessageIdFull: string;
  MatterId: string;
  ClientId: string;
  ConversationId: string;
  Direction: Direction;
  FromAddress: string;
  ToAddresses: string;
  CcAddresses: string;
  SentAt: string | null;
  ReceivedAt: string | null;
  Snippet: string;
  AttachmentNames: string;
  FiledBy: string;
  FiledAt: string;
  Source: LogSource;
  Category: string;
  TimeTenths: number | null;
  TimeNarrative: string;
  MessageUrl: string;
  MessageFileId: string;
  MessageFolder: string;
  AuditTrail: string;
  /**
   * JSON of the email's stored attachments ({@link StoredAttachments}); "" once they are gone. Left out of a write
   * that knows nothing of attachments, so a site provisioned before the column existed takes filings as before.
   */
  AttachmentFiles?: string;
  /** JSON of the firm's options, on the options item only. */
  RecordOptions?: string;
}

/** An item of the record's list as Graph returns it with `$expand=fields`. */
export type RecordItem = TypedListItem<Partial<RecordFields>>;

/** The options item's fields. */
export function optionsFields(options: RecordOptions): Pick<RecordFields, "Title" | "InternetMessageId" | "RecordOptions"> {
  return {
    Title: "Matterline options (set with npm run provision)",
    InternetMessageId: OPTIONS_KEY,
    RecordOptions: JSON.stringify(options),
  };
}

/** The firm's options when `item` is the options item (anything unreadable in it counts as off); null otherwise. */
export function optionsOf(item: RecordItem): RecordOptions | null {
  if (item.fields?.InternetMessageId !== OPTIONS_KEY) return null;
  let raw: unknown = null;
  try {
    raw = JSON.parse(String(item.fields.RecordOptions ?? "").slice(0, 10_000));
  } catch {
    raw = null;
  }
  return { attachments: typeof raw === "object" && raw !== null && (raw as Record<string, unknown>).attachments === true };
}

/** The stored attachments' JSON, for the AttachmentFiles column. */
function attachmentsText(a: StoredAttachments | null | undefined): string {
  if (!a) return "";
  const keep = {
    folderId: a.folderId,
    webUrl: a.webUrl,
    files: a.files.map((f) => ({ name: f.name, webUrl: f.webUrl })),
    ...(a.note ? { note: a.note.slice(0, 2000) } : {}),
  };
  const text = JSON.stringify(keep);
  // Fifty links fit easily; a column overflow would fail the whole write, so the list is cut rather than the item.
  return text.length <= NOTE_MAX ? text : JSON.stringify({ ...keep, files: keep.files.slice(0, 20) });
}

function attachmentsField(v: unknown): { attachments?: StoredAttachments | null } {
  const a = parseAttachments(typeof v === "string" ? v : undefined);
  return a === undefined ? {} : { attachments: a };
}

/** The stored attachments; undefined when the item says nothing of them, null when they are gone. */
function parseAttachments(text: string | undefined): StoredAttachments | null | undefined {
  if (text === undefined || text === null) return undefined;
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(0, NOTE_MAX));
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const files = Array.isArray(r.files) ? (r.files as unknown[]) : [];
  return {
    folderId: typeof r.folderId === "string" && r.folderId ? r.folderId : null,
    webUrl: typeof r.webUrl === "string" ? r.webUrl : "",
    files: files
      .filter(
        (f): f is Record<string, unknown> => typeof f === "object" && f !== null && typeof (f as Record<string, unknown>).name === "string",
      )
      .slice(0, 200)
      .map((f) => ({ name: String(f.name).slice(0, 400), webUrl: typeof f.webUrl === "string" ? f.webUrl : "" })),
    ...(typeof r.note === "string" && r.note ? { note: r.note.slice(0, 2000) } : {}),
  };
}

/** The most audit records kept on one item (newest kept): the trail must fit in one text column. */
const AUDIT_MAX = 200;

/**
 * The key column's value: the internetMessageId itself, or, for the rare id longer than a SharePoint line holds, a
 * prefix and a tag of the whole (the full id then goes in MessageIdFull).
 */
export function recordKeyOf(internetMessageId: string): string {
  if (internetMessageId.length <= TEXT_MAX) return internetMessageId;
  return `${internetMessageId.slice(0, TEXT_MAX - 16)}#${messageTag(internetMessageId)}`;
}

const line = (text: string) => text.replace(/[\r\n]+/g, " ").slice(0, TEXT_MAX);
const block = (text: string) => text.slice(0, NOTE_MAX);

function addressText(a: Address): string {
  const name = a.name?.replace(/[\r\n<>]+/g, " ").trim();
  return name ? `${name} <${a.email}>` : a.email;
}

/** One address per line ("Name <address>"); a line that is not an address is dropped. */
function parseAddress(text: string): Address | null {
  const t = text.trim();
  if (!t) return null;
  const lt = t.lastIndexOf("<");
  if (lt >= 0 && t.endsWith(">")) {
    const email = normalizeEmail(t.slice(lt + 1, -1));
    const name = t.slice(0, lt).trim();
    return email ? (name ? { name, email } : { email }) : null;
  }
  const email = normalizeEmail(t);
  return email.includes("@") ? { email } : null;
}

const addresses = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map(parseAddress)
    .filter((a): a is Address => a !== null);

/** The fields of one filed email. */
export function toFields(
  entry: SharedEntry,
  clientId: string | null,
  audit: readonly AuditRecord[],
  file: StoredFile | null,
): RecordFields {
  const trail = audit.slice(-AUDIT_MAX);
  let auditText = JSON.stringify(trail);
  // A trail too long for the column keeps its newest records.
  for (let keep = trail.length - 1; auditText.length > NOTE_MAX && keep > 0; keep = Math.floor(keep / 2))
    auditText = JSON.stringify(trail.slice(-keep));
  const key = recordKeyOf(entry.internetMessageId);
  return {
    Title: line(entry.subject || "(no subject)"),
    InternetMessageId: key,
    MessageIdFull: key === entry.internetMessageId ? "" : block(entry.internetMessageId),
    MatterId: line(entry.matterId),
    ClientId: line(clientId ?? ""),
    ConversationId: line(entry.conversationId ?? ""),
    Direction: entry.direction,
    FromAddress: line(entry.from ? addressText(entry.from) : ""),
    ToAddresses: block(entry.to.map(addressText).join("\n")),
    CcAddresses: block(entry.cc.map(addressText).join("\n")),
    SentAt: entry.sentAt,
    ReceivedAt: entry.receivedAt,
    Snippet: block(entry.snippet),
    // The email's attachment names as the mailbox listed them; when it listed none (mail filed through Graph), the
    // names of the attachments stored beside it.
    AttachmentNames: block(
      (entry.attachmentNames.length ? entry.attachmentNames : (file?.attachments?.files.map((f) => f.name) ?? []))
        .map((n) => n.replace(/[\r\n]+/g, " "))
        .join("\n"),
    ),
    FiledBy: line(entry.loggedBy),
    FiledAt: entry.loggedAt,
    Source: entry.source,
    Category: line(entry.category),
    TimeTenths: entry.timeEntry ? entry.timeEntry.tenths : null,
    TimeNarrative: block(entry.timeEntry?.narrative ?? ""),
    MessageUrl: block(file?.webUrl ?? ""),
    MessageFileId: line(file?.driveItemId ?? ""),
    MessageFolder: line(file?.folder ?? ""),
    AuditTrail: auditText,
    ...(file?.attachments !== undefined ? { AttachmentFiles: attachmentsText(file.attachments) } : {}),
  };
}

const str = (v: unknown) => (typeof v === "string" ? v : "");
const iso = (v: unknown): string | null => {
  if (typeof v !== "string" || !v) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};
const ACTIONS = new Set<AuditAction>(["logged", "refiled", "unlogged", "conflict", "stored"]);
const DIRECTIONS = new Set<Direction>(["inbound", "outbound", "internal"]);
const SOURCES = new Set<LogSource>(["manual", "auto", "bulk", "send"]);

function parseAudit(text: string, internetMessageId: string): AuditRecord[] {
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(0, NOTE_MAX));
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: AuditRecord[] = [];
  for (const r of raw.slice(-AUDIT_MAX) as unknown[]) {
    if (typeof r !== "object" || r === null) continue;
    const a = r as Record<string, unknown>;
    const action = a.action as AuditAction;
    const at = iso(a.at);
    if (!ACTIONS.has(action) || !at || typeof a.by !== "string") continue;
    const id = (v: unknown) => (typeof v === "string" && v ? v : null);
    out.push({
      internetMessageId,
      at,
      by: a.by,
      action,
      fromMatterId: id(a.fromMatterId),
      toMatterId: id(a.toMatterId),
      ...(typeof a.note === "string" && a.note ? { note: a.note.slice(0, 2000) } : {}),
    });
  }
  return out;
}

/**
 * One item of the record as a version Matterline works with; null for an item that is not a filed email (no key
 * or no matter), which is skipped rather than trusted.
 */
export function fromItem(item: RecordItem): RecordVersion | null {
  const f = item.fields;
  if (!f || !item.id) return null;
  const internetMessageId = str(f.MessageIdFull) || str(f.InternetMessageId);
  const matterId = str(f.MatterId);
  if (!internetMessageId || !matterId) return null;
  const eTag = str(f["@odata.etag"]) || str(item.eTag);
  const tenths = typeof f.TimeTenths === "number" && Number.isInteger(f.TimeTenths) && f.TimeTenths > 0 ? f.TimeTenths : null;
  const fileId = str(f.MessageFileId);
  const entry: SharedEntry = {
    internetMessageId,
    conversationId: str(f.ConversationId) || null,
    direction: DIRECTIONS.has(f.Direction as Direction) ? (f.Direction as Direction) : "inbound",
    from: parseAddress(str(f.FromAddress)),
    to: addresses(f.ToAddresses),
    cc: addresses(f.CcAddresses),
    subject: str(f.Title) === "(no subject)" ? "" : str(f.Title),
    sentAt: iso(f.SentAt),
    receivedAt: iso(f.ReceivedAt),
    snippet: str(f.Snippet),
    attachmentNames: str(f.AttachmentNames).split("\n").filter(Boolean),
    matterId,
    category: str(f.Category),
    loggedBy: str(f.FiledBy),
    loggedAt: iso(f.FiledAt) ?? iso(item.createdDateTime) ?? new Date(0).toISOString(),
    source: SOURCES.has(f.Source as LogSource) ? (f.Source as LogSource) : "manual",
    timeEntry: tenths ? { tenths, narrative: str(f.TimeNarrative) } : null,
  };
  return {
    itemId: item.id,
    eTag,
    entry,
    audit: parseAudit(str(f.AuditTrail), internetMessageId),
    file: fileId
      ? { driveItemId: fileId, webUrl: str(f.MessageUrl), folder: str(f.MessageFolder), ...attachmentsField(f.AttachmentFiles) }
      : null,
  };
}
