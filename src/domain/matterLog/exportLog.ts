import Papa from "papaparse";
import type { Address } from "@domain/model/mail";
import type { LogEntry } from "./types";

/**
 * CSV columns, in order, for import into a practice-management system:
 * matterId, internetMessageId, conversationId, direction, sentAt, receivedAt (ISO-8601 UTC), from, to, cc
 * ("Name <address>", several joined with "; "), subject, snippet, attachments ("; "-joined), loggedBy, loggedAt,
 * source (manual|auto|bulk|send), hours (e.g. "0.3", empty without a time entry), narrative, category.
 */
export const CSV_COLUMNS = [
  "matterId",
  "internetMessageId",
  "conversationId",
  "direction",
  "sentAt",
  "receivedAt",
  "from",
  "to",
  "cc",
  "subject",
  "snippet",
  "attachments",
  "loggedBy",
  "loggedAt",
  "source",
  "hours",
  "narrative",
  "category",
] as const;

function formatAddress(a: Address | null): string {
  if (!a) return "";
  return a.name ? `${a.name} <${a.email}>` : a.email;
}

function row(e: LogEntry): string[] {
  return [
    e.matterId,
    e.internetMessageId,
    e.conversationId ?? "",
    e.direction,
    e.sentAt ?? "",
    e.receivedAt ?? "",
    formatAddress(e.from),
    e.to.map(formatAddress).join("; "),
    e.cc.map(formatAddress).join("; "),
    e.subject,
    e.snippet,
    e.attachmentNames.join("; "),
    e.loggedBy,
    e.loggedAt,
    e.source,
    e.timeEntry ? (e.timeEntry.tenths / 10).toFixed(1) : "",
    e.timeEntry?.narrative ?? "",
    e.category,
  ];
}

/**
 * The entries as CSV (RFC 4180: header row, CRLF after every row, fields with commas, quotes or newlines quoted, quotes doubled).
 * Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs an email subject as a formula.
 */
export function exportCsv(entries: readonly LogEntry[]): string {
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: entries.map(row) },
    { newline: "\r\n", quotes: false, escapeFormulae: true, header: true },
  );
  // papaparse ends an empty table with a newline but a full one without: always end with exactly one CRLF.
  return `${csv.replace(/\r\n$/, "")}\r\n`;
}

/** The entries as pretty-printed JSON: `{ "entries": [LogEntry, …] }`, fields exactly as stored. */
export function exportJson(entries: readonly LogEntry[]): string {
  return JSON.stringify({ entries }, null, 2);
}
