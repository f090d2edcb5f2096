import type { Address } from "@domain/model/mail";
import { normalizeEmail } from "@domain/model/mail";
import type { AuditAction, AuditRecord, Direction, LogSource } from "@domain/matterLog/types";
import { messageTag } from "@domain/record/recordNames";
import type { RecordVersion, SharedEntry, StoredFile } from "@domain/record/types";
import type { TypedListItem } from "../graphTypes";
import { NOTE_MAX, TEXT_MAX } from "./recordSchema";

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
}

/** An item of the record's list as Graph returns it with `$expand=fields`. */
export type RecordItem = TypedListItem<Partial<RecordFields>>;

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
    AttachmentNames: block(entry.attachmentNames.map((n) => n.replace(/[\r\n]+/g, " ")).join("\n")),
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
  };
}

const str = (v: unknown) => (typeof v === "string" ? v : "");
const iso = (v: unknown): string | null => {
  if (typeof v !== "string" || !v) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};
const ACTIONS = new Set<AuditAction>(["logged", "refiled", "unlogged", "conflict"]);
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
    file: fileId ? { driveItemId: fileId, webUrl: str(f.MessageUrl), folder: str(f.MessageFolder) } : null,
  };
}
