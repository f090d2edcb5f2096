import { GraphError } from "@microsoft/microsoft-graph-client";
import { MatterlineError } from "@domain/errors";
import { attachmentFileNames, attachmentFolderName } from "@domain/record/recordNames";
import type { StoredAttachments } from "@domain/record/types";
import type { GraphClient } from "../graphClient";
import type { DriveItem, GraphAttachmentDto, GraphPage, NewFolderBody } from "../graphTypes";

/** At most this many attachments of one email are stored; the rest are named in the audit trail as not stored. */
export const MAX_ATTACHMENTS = 50;
/** An attachment larger than Exchange lets a message be (150 MB) is not something the mailbox can hand over whole. */
export const MAX_ATTACHMENT_BYTES = 150 * 1024 * 1024;
/** An audit note stays short enough for the record's audit trail (which keeps notes up to 2,000 characters). */
const NOTE_MAX = 1900;

/** What storing one email's attachments needs from the record's adapter. */
export interface AttachmentIo {
  readonly graph: GraphClient;
  /** The scopes for the site (Sites.Selected …). */
  readonly siteScopes: readonly string[];
  /** The scopes for the mailbox the message is in. */
  readonly mailScopes: readonly string[];
  readonly driveId: string;
  /** Uploads one file into a folder (a small upload up to 4 MB, an upload session beyond), replacing one of its name. */
  upload(parentId: string, name: string, blob: Blob, contentType: string): Promise<DriveItem>;
}

const FILE_TYPE = "#microsoft.graph.fileAttachment";
const ITEM_TYPE = "#microsoft.graph.itemAttachment";

/** Why an attachment is not stored, in the audit trail's words; null when it is stored. */
function leftOutBecause(a: GraphAttachmentDto): string | null {
  const type = a["@odata.type"] ?? "";
  if (type === ITEM_TYPE) return "an attached email or event";
  if (type !== FILE_TYPE) return "a link to a file stored elsewhere";
  if (a.isInline) return "an image in the message body";
  if ((a.size ?? 0) > MAX_ATTACHMENT_BYTES) return "too large";
  return null;
}

function noteOf(stored: readonly string[], leftOut: readonly string[]): { note?: string } {
  const parts: string[] = [];
  if (stored.length) parts.push(`Attachments stored beside the message: ${stored.join(", ")}.`);
  if (leftOut.length) parts.push(`Not stored: ${leftOut.join(", ")}.`);
  const note = parts.join(" ");
  return note ? { note: note.length > NOTE_MAX ? `${note.slice(0, NOTE_MAX - 1)}…` : note } : {};
}

async function subfolder(io: AttachmentIo, parentId: string, name: string): Promise<DriveItem> {
  const call = <T>(c: Parameters<GraphClient["call"]>[0]) => io.graph.call<T>({ scopes: io.siteScopes, ...c });
  try {
    // learn.microsoft.com/graph/api/driveitem-post-children ("fail": a retry finds the folder it made before)
    const body: NewFolderBody = { name, folder: {}, "@microsoft.graph.conflictBehavior": "fail" };
    return await call<DriveItem>({ method: "POST", path: `/drives/${io.driveId}/items/${encodeURIComponent(parentId)}/children`, body });
  } catch (e) {
    if (!isStatus(e, 409)) throw e;
    return call<DriveItem>({
      method: "GET",
      path: `/drives/${io.driveId}/items/${encodeURIComponent(parentId)}:/${encodeURIComponent(name)}?$select=id,webUrl`,
    });
  }
}

function isStatus(e: unknown, status: number): boolean {
  const cause = e instanceof MatterlineError ? e.cause : e;
  return cause instanceof GraphError && cause.statusCode === status;
}

/**
 * Stores the file attachments of one message in a subfolder beside its `.eml` (named after it), each under a name
 * safe for SharePoint and unique in the folder. Inline images of the body, attached emails or events and links to
 * cloud files are left out and named in the audit note. Storing again replaces the same files (same names), so a
 * retried filing never makes a second copy.
 *
 * The list asks only for the attachments' descriptions (`$select` without contentBytes); each file's bytes come from
 * its `$value`, which serves an attachment of any size where a list with contentBytes would carry them all at once.
 * learn.microsoft.com/graph/api/message-list-attachments, learn.microsoft.com/graph/api/attachment-get
 */
export async function storeAttachments(
  io: AttachmentIo,
  message: { readonly base: string; readonly id: string },
  emlParentId: string,
  emlFileName: string,
): Promise<StoredAttachments> {
  const at = `${message.base}/messages/${encodeURIComponent(message.id)}/attachments`;
  const page = await io.graph.call<GraphPage<GraphAttachmentDto>>({
    method: "GET",
    path: `${at}?$select=id,name,contentType,size,isInline`,
    scopes: io.mailScopes,
  });
  const all = page.value ?? [];
  const leftOut: string[] = [];
  const files: GraphAttachmentDto[] = [];
  for (const a of all) {
    const why = leftOutBecause(a);
    if (why) leftOut.push(`${a.name ?? "(no name)"} (${why})`);
    else if (files.length >= MAX_ATTACHMENTS) leftOut.push(`${a.name ?? "(no name)"} (more than ${MAX_ATTACHMENTS} attachments)`);
    else files.push(a);
  }
  if (!files.length) return { folderId: null, webUrl: "", files: [], ...noteOf([], leftOut) };
  const folder = await subfolder(io, emlParentId, attachmentFolderName(emlFileName));
  const names = attachmentFileNames(files.map((a) => a.name ?? "attachment"));
  const stored: { name: string; webUrl: string }[] = [];
  // One at a time: the record's writes already keep up to four requests in flight, one per email.
  for (let i = 0; i < files.length; i++) {
    const a = files[i];
    const bytes = await io.graph.call<ArrayBuffer>({
      method: "GET",
      path: `${at}/${encodeURIComponent(a.id)}/$value`,
      scopes: io.mailScopes,
      responseType: "arraybuffer",
    });
    const contentType = a.contentType || "application/octet-stream";
    const item = await io.upload(folder.id!, names[i], new Blob([bytes], { type: contentType }), contentType);
    stored.push({ name: names[i], webUrl: item.webUrl ?? "" });
  }
  return {
    folderId: folder.id!,
    webUrl: folder.webUrl ?? "",
    files: stored,
    ...noteOf(
      stored.map((s) => s.name),
      leftOut,
    ),
  };
}

/**
 * Moves a filed email's attachments (their subfolder) beside its `.eml` in another matter's folder, and reads their
 * new addresses. Null when the subfolder is gone (someone deleted it): the caller stores them again.
 * learn.microsoft.com/graph/api/driveitem-move
 */
export async function moveAttachments(
  io: AttachmentIo,
  stored: StoredAttachments,
  emlParentId: string,
  emlFileName: string,
): Promise<StoredAttachments | null> {
  if (!stored.folderId) return stored;
  const call = <T>(c: Parameters<GraphClient["call"]>[0]) => io.graph.call<T>({ scopes: io.siteScopes, ...c });
  const path = `/drives/${io.driveId}/items/${encodeURIComponent(stored.folderId)}`;
  let folder: DriveItem;
  try {
    folder = await call<DriveItem>({
      method: "PATCH",
      path: `${path}?@microsoft.graph.conflictBehavior=replace`,
      body: { parentReference: { id: emlParentId }, name: attachmentFolderName(emlFileName) } satisfies DriveItem,
    });
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
  const kids = await call<GraphPage<DriveItem>>({ method: "GET", path: `${path}/children?$select=name,webUrl&$top=200` });
  const urls = new Map((kids.value ?? []).map((k) => [(k.name ?? "").toLowerCase(), k.webUrl ?? ""]));
  return {
    ...stored,
    folderId: folder.id ?? stored.folderId,
    webUrl: folder.webUrl ?? "",
    files: stored.files.map((f) => ({ name: f.name, webUrl: urls.get(f.name.toLowerCase()) ?? f.webUrl })),
  };
}
