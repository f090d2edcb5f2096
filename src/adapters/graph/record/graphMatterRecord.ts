import { GraphError } from "@microsoft/microsoft-graph-client";
import { MatterlineError } from "@domain/errors";
import type { AuditRecord } from "@domain/matterLog/types";
import type { RecordOptions, RecordVersion, StoredAttachments, StoredFile } from "@domain/record/types";
import type { MatterRecord, MessageSource, RecordChanges, RecordReach, RecordWrite, RecordWriteOutcome } from "@ports/matterRecord";
import { GraphScopes } from "@ports/tokenProvider";
import type { BatchResult, BatchStep, GraphClient } from "../graphClient";
import type {
  CreateUploadSessionBody,
  Drive,
  DriveItem,
  GraphMessageDto,
  GraphPage,
  List,
  NewFolderBody,
  Site,
  UploadSession,
} from "../graphTypes";
import { mailboxPath, odataString } from "../mailboxPath";
import { fromItem, optionsOf, recordKeyOf, toFields, type RecordItem } from "./recordFields";
import { moveAttachments, storeAttachments, type AttachmentIo } from "./recordAttachments";
import { RECORD_LIBRARY, RECORD_LIST } from "./recordSchema";

/** Where the record lives once resolved: the site, the list and the library's drive. */
export interface RecordLocation {
  readonly siteId: string;
  readonly listId: string;
  readonly driveId: string;
}

/**
 * What this device remembers of the record between pane starts (kept in IndexedDB by the caller): the ids found for
 * the site, its list and library, and the matter folders, so a filing does not look them up again.
 */
export interface RecordIds extends RecordLocation {
  /** The site address the ids belong to (another site: the ids are ignored). */
  readonly siteUrl: string;
  /** Matter folder ids in the library, by folder name. */
  readonly folders: Readonly<Record<string, string>>;
}

/** Where the ids found are kept between pane starts. */
export interface RecordIdCache {
  load(): Promise<RecordIds | null>;
  save(ids: RecordIds): Promise<void>;
}

export interface GraphMatterRecordOptions {
  /** The site's address, e.g. https://<tenant>.sharepoint.com/sites/Matters. */
  readonly siteUrl: string;
  /** Scopes for the site: Sites.Selected (the admin granted this one site), or Sites.ReadWrite.All where that is not possible. */
  readonly scopes?: readonly string[];
  /** Requests in flight at once (Graph allows 4 per app and mailbox; SharePoint throttles the tenant). */
  readonly concurrency?: number;
  /** Keeps the ids found (site, list, library, matter folders) between pane starts; without it, each start looks them up. */
  readonly ids?: RecordIdCache;
}

/** Simple uploads take at most 4 MB; beyond, an upload session. learn.microsoft.com/graph/api/driveitem-put-content */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;
/** Upload session fragments: a multiple of 320 KiB. learn.microsoft.com/graph/api/driveitem-createuploadsession */
export const FRAGMENT_SIZE = 10 * 320 * 1024;
/** A delta page as large as Graph serves, so 5,000 filed emails come in five requests. */
const DELTA_PAGE = 1000;

/** The HTTP status behind a Graph failure (0 when there was none: offline, timeout). */
export function statusOf(error: unknown): number {
  const cause = error instanceof MatterlineError ? error.cause : error;
  return cause instanceof GraphError ? cause.statusCode : 0;
}

type PlaceWrite = Extract<RecordWrite, { kind: "create" | "update" }>;

/**
 * The audit record that says which attachments were stored beside the message, and which were left out: once, by the
 * write that asked for them (a write retried after a 412 links attachments stored before, and still says so).
 */
function storedAudit(w: PlaceWrite, file: StoredFile | null | undefined): AuditRecord[] {
  const note = file?.attachments?.note;
  if (!note || !w.attachments || w.audit.some((a) => a.action === "stored")) return [];
  const { by, at } = w.attachments;
  return [{ internetMessageId: w.entry.internetMessageId, at, by, action: "stored", fromMatterId: null, toMatterId: null, note }];
}

/** Thrown inside a write when the matter's folder or item is behind a wall. */
class Walled extends Error {}

/** A request at ids kept from an earlier start found nothing there (404 where the record must be). */
class StaleIds extends Error {
  constructor(readonly original: unknown) {
    super("The record's kept ids are stale.");
  }
}

/** Runs `fn` over `items` with at most `limit` at once, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function parseSiteUrl(siteUrl: string): { host: string; path: string } {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new MatterlineError(
      "invalid-config",
      `"${siteUrl}" is not a site address. Use one like https://<your firm>.sharepoint.com/sites/Matters.`,
    );
  }
  if (url.protocol !== "https:") throw new MatterlineError("invalid-config", "The matter record's site address must start with https://.");
  return { host: url.hostname, path: decodeURIComponent(url.pathname).replace(/\/+$/, "") || "/" };
}

const itemPath = (loc: RecordLocation) => `/sites/${loc.siteId}/lists/${loc.listId}/items`;

/**
 * The firm's matter record over Graph: a SharePoint list (one item per filed email) and a library (a folder per
 * matter with each email's `.eml`). Reads with the list's delta query; writes with `$batch` where it saves requests,
 * at most `concurrency` requests in flight, eTags on every update, and ethical walls respected (a 403/404 on a matter's
 * folder or item files nothing and says nothing).
 */
export function createGraphMatterRecord(
  graph: GraphClient,
  options: GraphMatterRecordOptions,
): MatterRecord & { location(): Promise<RecordLocation> } {
  const scopes = options.scopes ?? GraphScopes.sites;
  const concurrency = options.concurrency ?? 4;
  let located: Promise<RecordLocation> | null = null;
  const folders = new Map<string, Promise<string>>();

  const call = <T>(c: Parameters<GraphClient["call"]>[0]) => graph.call<T>({ scopes, ...c });

  /**
   * Finds the site, its list and its library's drive in one `$batch` (one round trip): the site is addressed by its
   * path in each step (learn.microsoft.com/graph/api/site-getbypath), its lists and drives below it
   * (learn.microsoft.com/graph/api/list-list, learn.microsoft.com/graph/api/drive-list).
   */
  async function resolve(): Promise<RecordLocation> {
    const { host, path } = parseSiteUrl(options.siteUrl);
    const site = `/sites/${host}:${path.split("/").map(encodeURIComponent).join("/")}`;
    const results = await graph.batch(
      [
        { id: "site", method: "GET", url: `${site}?$select=id` },
        { id: "lists", method: "GET", url: `${site}:/lists?$select=id,displayName,list&$top=500` },
        { id: "drives", method: "GET", url: `${site}:/drives?$select=id,name` },
      ],
      scopes,
    );
    for (const r of results.values()) if (r.error) throw r.error;
    const siteId = (results.get("site")?.body as Site | null)?.id;
    const lists = (results.get("lists")?.body as GraphPage<List> | null)?.value ?? [];
    const drives = (results.get("drives")?.body as GraphPage<Drive> | null)?.value ?? [];
    const named = (name: string | null | undefined, wanted: string) => (name ?? "").toLowerCase() === wanted.toLowerCase();
    const list = lists.find((l) => named(l.displayName, RECORD_LIST));
    const drive = drives.find((d) => named(d.name, RECORD_LIBRARY));
    if (!siteId || !list?.id || !drive?.id)
      throw new MatterlineError(
        "invalid-config",
        `The matter record is not set up on ${options.siteUrl} yet. Your administrator runs "npm run provision -- --site ${options.siteUrl}" once.`,
      );
    return { siteId, listId: list.id, driveId: drive.id };
  }

  /** The ids as last saved, when they are this site's. */
  async function remembered(): Promise<RecordIds | null> {
    try {
      const ids = await options.ids?.load();
      return ids && ids.siteUrl === options.siteUrl ? ids : null;
    } catch {
      return null; // an unreadable cache only costs a lookup
    }
  }

  const remember = (loc: RecordLocation) =>
    options.ids
      ?.save({ ...loc, siteUrl: options.siteUrl, folders: Object.fromEntries(knownFolders) })
      .catch((e: unknown) => console.warn("Matterline: the record's ids could not be kept:", e));

  /** Folder ids found so far (saved with the location). */
  const knownFolders = new Map<string, string>();
  /** The location in use came from the cache and has not been confirmed by a request yet. */
  let fromCache = false;

  function location(): Promise<RecordLocation> {
    located ??= (async () => {
      const ids = await remembered();
      if (ids) {
        fromCache = true;
        for (const [name, id] of Object.entries(ids.folders)) if (!knownFolders.has(name)) knownFolders.set(name, id);
        return { siteId: ids.siteId, listId: ids.listId, driveId: ids.driveId };
      }
      fromCache = false;
      const loc = await resolve();
      await remember(loc);
      return loc;
    })().catch((e: unknown) => {
      located = null;
      throw e;
    });
    return located;
  }

  /**
   * Runs `work` at the record's location. Ids kept from an earlier start may have gone stale (the list or library was
   * made again): a 404 on them looks everything up afresh, once, and runs `work` again.
   */
  async function atLocation<T>(work: (loc: RecordLocation) => Promise<T>): Promise<T> {
    const loc = await location();
    const cached = fromCache;
    try {
      return await work(loc);
    } catch (e) {
      if (!cached || !(e instanceof StaleIds || statusOf(e) === 404)) throw e instanceof StaleIds ? e.original : e;
      forget();
      return work(await location());
    }
  }

  /** Drops the kept ids: the next request looks them up again. */
  function forget(): void {
    located = null;
    fromCache = false;
    knownFolders.clear();
    folders.clear();
    void options.ids
      ?.save({ siteUrl: "", siteId: "", listId: "", driveId: "", folders: {} })
      .catch((e: unknown) => console.warn("Matterline: the record's ids could not be cleared:", e));
  }

  // ---------- the library ----------

  async function folderId(loc: RecordLocation, name: string): Promise<string> {
    const pathOf = `/drives/${loc.driveId}/root:/${encodeURIComponent(name)}`;
    try {
      return (await call<DriveItem>({ method: "GET", path: `${pathOf}?$select=id` })).id!;
    } catch (e) {
      if (statusOf(e) === 403) throw new Walled();
      if (statusOf(e) !== 404) throw e;
    }
    try {
      const body: NewFolderBody = { name, folder: {}, "@microsoft.graph.conflictBehavior": "fail" };
      return (await call<DriveItem>({ method: "POST", path: `/drives/${loc.driveId}/root/children`, body })).id!;
    } catch (e) {
      const status = statusOf(e);
      if (status === 403) throw new Walled();
      // The library itself is not there: the drive id is stale.
      if (status === 404) throw new StaleIds(e);
      if (status !== 409) throw e;
      // Someone made it meanwhile; if it still cannot be read, it is hidden from this user.
      try {
        return (await call<DriveItem>({ method: "GET", path: `${pathOf}?$select=id` })).id!;
      } catch (again) {
        if (statusOf(again) === 404 || statusOf(again) === 403) throw new Walled();
        throw again;
      }
    }
  }

  /** The matter folder's id: kept from before, found, or made. */
  function ensureFolder(loc: RecordLocation, name: string): Promise<string> {
    let p = folders.get(name);
    if (!p) {
      const known = knownFolders.get(name);
      p = known
        ? Promise.resolve(known)
        : folderId(loc, name).then((id) => {
            knownFolders.set(name, id);
            void remember(loc);
            return id;
          });
      folders.set(name, p);
      p.catch(() => folders.delete(name));
    }
    return p;
  }

  /** A kept folder id led nowhere (the folder was deleted or made again): look it up afresh next time. */
  function forgetFolder(name: string): void {
    folders.delete(name);
    knownFolders.delete(name);
  }

  const mailScopesOf = (mailbox: string | null) => (mailbox ? [...GraphScopes.mail, ...GraphScopes.sharedMail] : GraphScopes.mail);

  /**
   * Graph ids of messages known only by internetMessageId, found in few requests: ten ids per filter, twenty
   * filters per `$batch` (a bulk filing of 100 emails costs one request, not 100).
   */
  async function findGraphIds(messages: readonly MessageSource[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const byMailbox = new Map<string, MessageSource[]>();
    for (const m of messages) if (!m.graphId) byMailbox.set(m.mailbox ?? "", [...(byMailbox.get(m.mailbox ?? "") ?? []), m]);
    for (const [key, list] of byMailbox) {
      const mailbox = key || null;
      const imids = [...new Set(list.map((m) => m.internetMessageId))];
      const steps: BatchStep[] = [];
      for (let i = 0; i < imids.length; i += 10) {
        const filter = imids
          .slice(i, i + 10)
          .map((id) => `internetMessageId eq ${odataString(id)}`)
          .join(" or ");
        steps.push({
          id: `find${i}`,
          method: "GET",
          url: `${mailboxPath(mailbox)}/messages?$filter=${encodeURIComponent(filter)}&$select=id,internetMessageId&$top=50`,
        });
      }
      const results = await graph.batch(steps, mailScopesOf(mailbox));
      for (const r of results.values())
        for (const m of (r.body as GraphPage<GraphMessageDto> | null)?.value ?? [])
          if (m.internetMessageId && !found.has(`${key}|${m.internetMessageId}`)) found.set(`${key}|${m.internetMessageId}`, m.id);
    }
    return found;
  }

  /** The message's Graph id in its mailbox (found by internetMessageId when not known), or null when not there. */
  async function messageIdOf(message: MessageSource): Promise<string | null> {
    if (message.graphId) return message.graphId;
    const filter = encodeURIComponent(`internetMessageId eq ${odataString(message.internetMessageId)}`);
    const page = await graph.call<GraphPage<GraphMessageDto>>({
      method: "GET",
      path: `${mailboxPath(message.mailbox)}/messages?$filter=${filter}&$select=id&$top=1`,
      scopes: mailScopesOf(message.mailbox),
    });
    return page.value?.[0]?.id ?? null;
  }

  /** The message's MIME (`$value`), or null when the mailbox no longer holds it. */
  async function mime(message: MessageSource, id: string): Promise<Blob | null> {
    const base = mailboxPath(message.mailbox);
    const mailScopes = mailScopesOf(message.mailbox);
    try {
      // learn.microsoft.com/graph/outlook-get-mime-message
      const bytes = await graph.call<ArrayBuffer>({
        method: "GET",
        path: `${base}/messages/${encodeURIComponent(id)}/$value`,
        scopes: mailScopes,
        responseType: "arraybuffer",
      });
      return new Blob([bytes], { type: "message/rfc822" });
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  const storedFile = (item: DriveItem, folder: string): StoredFile => ({ driveItemId: item.id!, webUrl: item.webUrl ?? "", folder });

  async function uploadSession(loc: RecordLocation, parent: string, name: string, blob: Blob): Promise<DriveItem> {
    const body: CreateUploadSessionBody = { item: { "@microsoft.graph.conflictBehavior": "replace" } };
    const session = await call<UploadSession>({
      method: "POST",
      path: `/drives/${loc.driveId}/items/${parent}:/${encodeURIComponent(name)}:/createUploadSession`,
      body,
    });
    const url = session.uploadUrl!;
    let start = 0;
    for (let failures = 0; ;) {
      const end = Math.min(start + FRAGMENT_SIZE, blob.size) - 1;
      try {
        const res = await graph.call<UploadSession & DriveItem>({
          method: "PUT",
          path: url,
          anonymous: true,
          body: blob.slice(start, end + 1),
          headers: { "Content-Range": `bytes ${start}-${end}/${blob.size}`, "Content-Type": "application/octet-stream" },
        });
        if (res.id) return res;
        start = end + 1;
      } catch (e) {
        // A dropped fragment is not kept: ask the session where to go on (the documented resumption).
        if (++failures > 3) throw e;
        const status = await graph.call<UploadSession>({ method: "GET", path: url, anonymous: true });
        const next = Number(/^(\d+)-/.exec(status.nextExpectedRanges?.[0] ?? "")?.[1] ?? Number.NaN);
        if (!Number.isFinite(next)) throw e;
        start = next;
      }
    }
  }

  /** Uploads a file into a folder, replacing one of its name: in one request up to 4 MB, in an upload session beyond. */
  async function uploadItem(loc: RecordLocation, parent: string, name: string, blob: Blob, contentType: string): Promise<DriveItem> {
    try {
      return blob.size <= SIMPLE_UPLOAD_MAX
        ? await call<DriveItem>({
            method: "PUT",
            path: `/drives/${loc.driveId}/items/${parent}:/${encodeURIComponent(name)}:/content`,
            body: blob,
            headers: { "Content-Type": contentType },
          })
        : await uploadSession(loc, parent, name, blob);
    } catch (e) {
      if (statusOf(e) === 403) throw new Walled();
      throw e;
    }
  }

  async function upload(loc: RecordLocation, folder: string, parent: string, name: string, blob: Blob): Promise<StoredFile> {
    return storedFile(await uploadItem(loc, parent, name, blob, "message/rfc822"), folder);
  }

  function attachmentIo(loc: RecordLocation, message: MessageSource): AttachmentIo {
    return {
      graph,
      siteScopes: scopes,
      mailScopes: mailScopesOf(message.mailbox),
      driveId: loc.driveId,
      upload: (parent, name, blob, contentType) => uploadItem(loc, parent, name, blob, contentType),
    };
  }

  /** A 403 on the matter's folder while storing attachments is the same wall as on the message. */
  async function walledToo<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (statusOf(e) === 403) throw new Walled();
      throw e;
    }
  }

  /** Stores the attachments of a message whose `.eml` sits in `parent` (see recordAttachments.ts). */
  function attachmentsOf(loc: RecordLocation, w: PlaceWrite, id: string, parent: string) {
    return walledToo(() =>
      storeAttachments(attachmentIo(loc, w.message), { base: mailboxPath(w.message.mailbox), id }, parent, w.fileName),
    );
  }

  async function move(loc: RecordLocation, file: StoredFile, folder: string, parent: string, name: string): Promise<StoredFile> {
    try {
      // learn.microsoft.com/graph/api/driveitem-move
      const item = await call<DriveItem>({
        method: "PATCH",
        path: `/drives/${loc.driveId}/items/${encodeURIComponent(file.driveItemId)}?@microsoft.graph.conflictBehavior=replace`,
        body: { parentReference: { id: parent }, name } satisfies DriveItem,
      });
      return storedFile(item, folder);
    } catch (e) {
      if (statusOf(e) === 403) throw new Walled();
      if (statusOf(e) === 404) return Promise.reject(new MatterlineError("not-found", "gone"));
      throw e;
    }
  }

  /**
   * Puts the stored message in the matter's folder: moves the one there is (its attachments' subfolder with it), or
   * uploads it; and, when the write asks for them, stores its attachments beside it if they are not there yet.
   */
  async function placeFile(loc: RecordLocation, w: PlaceWrite): Promise<StoredFile | null> {
    const existing = w.kind === "update" ? w.file : null;
    const keptFolder = knownFolders.has(w.folder);
    // The MIME is read after the folder, not beside it: with the record's own four requests that would make more than
    // four in flight at once.
    let parent = await ensureFolder(loc, w.folder);
    let placed: StoredFile | null = null;
    if (existing && existing.folder === w.folder) placed = existing;
    else if (existing) {
      try {
        const moved = await move(loc, existing, w.folder, parent, w.fileName);
        // The attachments follow their message; gone (null), they are stored again below when asked for.
        const was = existing.attachments;
        const attachments: StoredAttachments | null | undefined = was
          ? await walledToo(() => moveAttachments(attachmentIo(loc, w.message), was, parent, w.fileName))
          : was;
        placed = attachments === undefined ? moved : { ...moved, attachments };
      } catch (e) {
        if (!(e instanceof MatterlineError && e.code === "not-found")) throw e;
        // The stored file is gone (or the kept folder is): store the message again.
      }
    }
    if (placed && (!w.attachments || placed.attachments)) return placed;
    const id = await messageIdOf(w.message);
    if (!placed) {
      const blob = id ? await mime(w.message, id) : null;
      if (!blob) return null;
      try {
        placed = await upload(loc, w.folder, parent, w.fileName, blob);
      } catch (e) {
        // A folder id kept from before that leads nowhere: find (or make) the folder again, once.
        if (!keptFolder || statusOf(e) !== 404) throw e;
        forgetFolder(w.folder);
        parent = await ensureFolder(loc, w.folder);
        placed = await upload(loc, w.folder, parent, w.fileName, blob);
      }
      if (!w.attachments) return placed;
    }
    if (!id) {
      // The message is no longer in this mailbox: its attachments cannot be read; the audit trail says so, once.
      const note = "Attachments not stored: the message is no longer in the mailbox it was filed from.";
      return { ...placed, attachments: { folderId: null, webUrl: "", files: [], note } };
    }
    return { ...placed, attachments: await attachmentsOf(loc, w, id, parent) };
  }

  function failure(key: string, error: unknown): RecordWriteOutcome {
    const err =
      error instanceof MatterlineError ? error : new MatterlineError("graph-error", error instanceof Error ? error.message : String(error));
    return { key, status: "failed", retryable: err.retryable, error: err.message };
  }

  // ---------- the port ----------

  return {
    location,

    changes: (cursor) => atLocation((loc) => changesAt(loc, cursor)),
    write: (writes) => atLocation((loc) => writeAt(loc, writes)),
    read: (internetMessageIds) => atLocation((loc) => readAt(loc, internetMessageIds)),
    probe,
  };

  async function changesAt(loc: RecordLocation, cursor: string | null): Promise<RecordChanges> {
    const fresh = `${itemPath(loc)}/delta?$expand=fields&$top=${DELTA_PAGE}`;
    // A cursor of another list (the record's list was made again) cannot serve this one: start over.
    const usable = cursor !== null && cursor.includes(loc.listId) ? cursor : null;
    let url = usable ?? fresh;
    let complete = usable === null;
    let restarted = false;
    const seen = new Map<string, RecordVersion | null>();
    let options: { itemId: string; options: RecordOptions } | undefined;
    for (;;) {
      let page: GraphPage<RecordItem>;
      try {
        page = await call<GraphPage<RecordItem>>({ method: "GET", path: url });
      } catch (e) {
        // 410 Gone: the record cannot serve changes since this token; start over with a full enumeration.
        // learn.microsoft.com/graph/api/listitem-delta
        if (statusOf(e) === 410 && !restarted) {
          restarted = true;
          complete = true;
          seen.clear();
          options = undefined;
          url = fresh;
          continue;
        }
        throw e;
      }
      for (const item of page.value ?? []) {
        if (!item.id) continue;
        if (item.deleted) seen.set(item.id, null);
        else if (optionsOf(item)) options = { itemId: item.id, options: optionsOf(item)! };
        else {
          // One damaged item never stops the sync.
          const v = fromItem(item);
          if (v) seen.set(item.id, v);
        }
      }
      if (page["@odata.nextLink"]) url = page["@odata.nextLink"];
      else {
        const upserts = [...seen.values()].filter((v): v is RecordVersion => v !== null);
        const removedItemIds = [...seen].filter(([, v]) => v === null).map(([id]) => id);
        return { upserts, removedItemIds, cursor: page["@odata.deltaLink"] ?? url, complete, ...(options ? { options } : {}) };
      }
    }
  }

  async function writeAt(loc: RecordLocation, writes: readonly RecordWrite[]): Promise<RecordWriteOutcome[]> {
    const outcomes = new Map<string, RecordWriteOutcome>();
    const files = new Map<string, StoredFile | null>();
    const stale: StaleIds[] = [];
    const placing = writes.filter((w): w is PlaceWrite => (w.kind === "create" || w.kind === "update") && w.storeMessage !== false);
    const known = await findGraphIds(placing.filter((w) => w.kind === "create" || !w.file).map((w) => w.message)).catch(
      () => new Map<string, string>(),
    );
    const withId = (w: (typeof placing)[number]) => {
      const graphId = w.message.graphId ?? known.get(`${w.message.mailbox ?? ""}|${w.message.internetMessageId}`) ?? null;
      return graphId === w.message.graphId ? w : { ...w, message: { ...w.message, graphId } };
    };
    // 1. the stored messages, at most `concurrency` at once
    await mapLimit(placing, concurrency, async (w) => {
      try {
        files.set(w.key, await placeFile(loc, withId(w)));
      } catch (e) {
        if (e instanceof StaleIds) stale.push(e);
        outcomes.set(w.key, e instanceof Walled ? { key: w.key, status: "walled" } : failure(w.key, e));
      }
    });
    if (stale.length) throw stale[0];
    // 2. the list items (and stray files), in $batches of 20
    const steps: BatchStep[] = [];
    for (const w of writes) {
      if (outcomes.has(w.key)) continue;
      if (w.kind === "create") {
        const file = files.get(w.key) ?? null;
        const fields = toFields(w.entry, w.clientId, [...w.audit, ...storedAudit(w, file)], file);
        steps.push({ id: w.key, method: "POST", url: itemPath(loc), body: { fields } });
      } else if (w.kind === "update") {
        const file = files.get(w.key) ?? w.file;
        const fields = toFields(w.entry, w.clientId, [...w.audit, ...storedAudit(w, file)], file);
        steps.push({
          id: w.key,
          method: "PATCH",
          url: `${itemPath(loc)}/${w.itemId}/fields`,
          body: fields,
          headers: { "If-Match": w.eTag },
        });
      } else if (w.kind === "delete") {
        steps.push({ id: w.key, method: "DELETE", url: `${itemPath(loc)}/${w.itemId}`, headers: { "If-Match": w.eTag } });
      } else {
        steps.push({ id: w.key, method: "DELETE", url: `/drives/${loc.driveId}/items/${encodeURIComponent(w.file.driveItemId)}` });
        // A stray message's attachments go with it.
        const folderId = w.file.attachments?.folderId;
        if (folderId)
          steps.push({
            id: `${w.key}#attachments`,
            method: "DELETE",
            url: `/drives/${loc.driveId}/items/${encodeURIComponent(folderId)}`,
          });
      }
    }
    const results = steps.length ? await graph.batch(steps, scopes) : new Map<string, BatchResult>();
    const strayFiles: StoredFile[] = [];
    for (const w of writes) {
      if (outcomes.has(w.key)) continue;
      const r = results.get(w.key);
      // A new item can only be "not found" when the list itself is not there.
      if (w.kind === "create" && r?.status === 404) throw new StaleIds(r.error);
      if (!r || r.error) {
        const status = r?.status ?? 0;
        const file = files.get(w.key) ?? null;
        if (status === 403) outcomes.set(w.key, { key: w.key, status: "walled" });
        else if (w.kind === "create" && status === 409) outcomes.set(w.key, { key: w.key, status: "exists", file });
        else if (w.kind === "update" && (status === 412 || status === 404)) outcomes.set(w.key, { key: w.key, status: "changed", file });
        else if (w.kind === "delete" && status === 412) outcomes.set(w.key, { key: w.key, status: "changed", file: null });
        else if ((w.kind === "delete" || w.kind === "discard-file") && status === 404)
          outcomes.set(w.key, { key: w.key, status: "ok", version: null });
        else outcomes.set(w.key, failure(w.key, r?.error ?? new MatterlineError("graph-error", "No answer came back for this write.")));
        continue;
      }
      if (w.kind === "delete") {
        if (w.file) strayFiles.push(w.file);
        outcomes.set(w.key, { key: w.key, status: "ok", version: null });
      } else if (w.kind === "discard-file") outcomes.set(w.key, { key: w.key, status: "ok", version: null });
      else {
        // A create answers with the item; a fields update with the fields (and their new eTag).
        const body = r.body as RecordItem | (RecordItem["fields"] & object);
        const item: RecordItem = w.kind === "create" ? (body as RecordItem) : { id: w.itemId, fields: body as RecordItem["fields"] };
        const version = fromItem(item);
        outcomes.set(
          w.key,
          version
            ? { key: w.key, status: "ok", version }
            : failure(w.key, new MatterlineError("graph-error", "The record answered with an item Matterline cannot read.")),
        );
      }
    }
    // 3. an undone filing's stored message goes too, and its attachments' subfolder
    const strayIds = strayFiles.flatMap((f) => [f.driveItemId, ...(f.attachments?.folderId ? [f.attachments.folderId] : [])]);
    if (strayIds.length)
      await graph.batch(
        strayIds.map((id, i) => ({
          id: `file${i}`,
          method: "DELETE" as const,
          url: `/drives/${loc.driveId}/items/${encodeURIComponent(id)}`,
        })),
        scopes,
      );
    return writes.map((w) => outcomes.get(w.key)!);
  }

  async function readAt(loc: RecordLocation, internetMessageIds: readonly string[]): Promise<Map<string, RecordVersion | null>> {
    const out = new Map<string, RecordVersion | null>();
    const steps = internetMessageIds.map((imid, i) => ({
      id: String(i),
      method: "GET" as const,
      url: `${itemPath(loc)}?$expand=fields&$top=2&$filter=${encodeURIComponent(`fields/InternetMessageId eq ${odataString(recordKeyOf(imid))}`)}`,
    }));
    const results = steps.length ? await graph.batch(steps, scopes) : new Map<string, BatchResult>();
    internetMessageIds.forEach((imid, i) => {
      const r = results.get(String(i));
      // A filter on the list answers "not found" only when the list itself is not there.
      if (r?.status === 404) throw new StaleIds(r.error);
      if (!r || r.error) throw r?.error ?? new MatterlineError("graph-error", "The matter record did not answer.");
      const first = (r.body as GraphPage<RecordItem> | null)?.value?.[0];
      out.set(imid, first ? fromItem(first) : null);
    });
    return out;
  }

  async function probe(): Promise<RecordReach> {
    try {
      await atLocation((loc) => call<GraphPage<RecordItem>>({ method: "GET", path: `${itemPath(loc)}?$top=1&$select=id` }));
      return { site: options.siteUrl, ok: true, problem: null };
    } catch (e) {
      const status = statusOf(e);
      const problem =
        status === 403 || status === 401
          ? "Matterline has no access to this site yet: your administrator grants it (Sites.Selected) to the site."
          : status === 404
            ? "The site was not found. Check its address."
            : e instanceof MatterlineError
              ? e.message
              : String(e);
      return { site: options.siteUrl, ok: false, problem };
    }
  }
}
