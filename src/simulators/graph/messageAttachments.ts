import { graphError, type SimResponse } from "./simResponse";
import type { SeedAttachment } from "./types";

/** An attachment as the simulated mailbox keeps it. */
export interface StoredAttachment {
  readonly id: string;
  readonly kind: "file" | "item" | "reference";
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly isInline: boolean;
  readonly contentId: string | null;
  readonly lastModifiedDateTime: string;
}

const ODATA_TYPE = {
  file: "#microsoft.graph.fileAttachment",
  item: "#microsoft.graph.itemAttachment",
  reference: "#microsoft.graph.referenceAttachment",
} as const;

/** Properties every attachment type has (learn.microsoft.com/graph/api/resources/attachment). */
const BASE_PROPS = ["id", "name", "contentType", "size", "isInline", "lastModifiedDateTime"];
/** What only a file attachment adds (learn.microsoft.com/graph/api/resources/fileattachment). */
const FILE_PROPS = ["contentBytes", "contentId", "contentLocation"];

export function storeAttachments(seeds: readonly SeedAttachment[], nextId: (prefix: string) => string, at: string): StoredAttachment[] {
  return seeds.map((a) => {
    const kind = a.kind ?? "file";
    const bytes = typeof a.content === "string" ? new TextEncoder().encode(a.content) : (a.content ?? new Uint8Array(0));
    return {
      id: nextId("AAMkAtt"),
      kind,
      name: a.name,
      contentType: a.contentType ?? (kind === "item" ? "message/rfc822" : "application/octet-stream"),
      bytes: kind === "reference" ? new Uint8Array(0) : bytes.slice(),
      // Only a file can sit inline in the body.
      isInline: kind === "file" && a.isInline === true,
      contentId: a.contentId ?? null,
      lastModifiedDateTime: at,
    };
  });
}

/**
 * True when the message has an attachment Outlook lists as one: Graph's hasAttachments leaves inline attachments out
 * (a message with only inline images says false). learn.microsoft.com/graph/api/resources/message
 */
export function hasListedAttachments(list: readonly StoredAttachment[]): boolean {
  return list.some((a) => !a.isInline);
}

function base64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** An attachment's JSON: `@odata.type` always, the rest as `$select` asks (a property the type lacks is refused). */
function shape(a: StoredAttachment, select: readonly string[] | null): SimResponse | Record<string, unknown> {
  const all: Record<string, unknown> = {
    "@odata.type": ODATA_TYPE[a.kind],
    id: a.id,
    name: a.name,
    contentType: a.contentType,
    // The size Exchange reports is the attachment's in the store: its content and a little more.
    size: a.bytes.length + 200,
    isInline: a.isInline,
    lastModifiedDateTime: a.lastModifiedDateTime,
    ...(a.kind === "file" ? { contentId: a.contentId, contentLocation: null, contentBytes: base64(a.bytes) } : {}),
    ...(a.kind === "reference" ? { sourceUrl: `https://firm-my.sharepoint.example/personal/${encodeURIComponent(a.name)}` } : {}),
  };
  if (!select) return all;
  const out: Record<string, unknown> = { "@odata.type": all["@odata.type"], id: a.id };
  for (const p of select) if (p in all) out[p] = all[p];
  return out;
}

/**
 * The attachment routes of one message, as strict as Graph: list (`GET …/attachments`, `$select` honoured, at most
 * the known properties), get one (`GET …/attachments/{id}`), and the raw contents (`GET …/attachments/{id}/$value`:
 * a file's bytes, an attached item's MIME; a reference attachment has none in the mailbox).
 * learn.microsoft.com/graph/api/message-list-attachments, learn.microsoft.com/graph/api/attachment-get
 */
export function attachmentRoute(
  list: readonly StoredAttachment[],
  rest: readonly string[],
  method: string,
  q: URLSearchParams,
): SimResponse {
  if (method !== "GET") return graphError(405, "ErrorInvalidRequest", "The OData request is not supported.");
  const selectText = q.get("$select");
  const select = selectText ? selectText.split(",").map((s) => s.trim()) : null;
  if (select) {
    const unknown = select.find((p) => ![...BASE_PROPS, ...FILE_PROPS, "sourceUrl"].includes(p));
    if (unknown)
      return graphError(
        400,
        "RequestBroker--ParseUri",
        `Could not find a property named '${unknown}' on type 'microsoft.graph.attachment'.`,
      );
  }
  if (rest.length === 0) {
    const value = list.map((a) => shape(a, select));
    return { status: 200, body: { value } };
  }
  const found = list.find((a) => a.id === rest[0]);
  if (!found) return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  if (rest.length === 1) return { status: 200, body: shape(found, select) };
  if (rest.length === 2 && rest[1] === "$value") {
    if (found.kind === "reference")
      return graphError(400, "ErrorInvalidRequest", "The raw contents of a reference attachment cannot be read from the mailbox.");
    return { status: 200, bytes: found.bytes, headers: { "content-type": found.kind === "item" ? "message/rfc822" : found.contentType } };
  }
  return graphError(400, "BadRequest", "Unsupported attachment request.");
}
