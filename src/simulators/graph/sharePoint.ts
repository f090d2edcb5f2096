/**
 * The SharePoint slice of the Graph simulator: sites, lists with columns (indexed, unique), list items (eTags,
 * `$filter` on indexed columns only, delta with 410), document libraries (folders, small uploads, upload sessions,
 * moves) and ethical walls (items and folders behind broken inheritance). Pure TypeScript, like the rest of the
 * simulator, so the workbench runs it in the browser.
 *
 * The behaviours it copies, with Microsoft's pages:
 * - sites by path `/sites/{hostname}:/{server-relative-path}`: learn.microsoft.com/graph/api/site-getbypath
 * - lists, columns (`indexed`, `enforceUniqueValues`): learn.microsoft.com/graph/api/list-create,
 *   learn.microsoft.com/graph/api/resources/columndefinition
 * - list items, `PATCH …/fields` with `If-Match` (412 when the eTag no longer matches):
 *   learn.microsoft.com/graph/api/listitem-create, learn.microsoft.com/graph/api/listitem-update,
 *   learn.microsoft.com/graph/api/listitem-delete
 * - delta (`@odata.nextLink` until `@odata.deltaLink`, deleted items with `deleted`, `410 Gone` when a token cannot be
 *   served): learn.microsoft.com/graph/api/listitem-delta, error codes learn.microsoft.com/graph/errors
 * - a duplicate in a column with enforced unique values: 409 `nameAlreadyExists`, "The list item could not be added or
 *   updated because duplicate values were found in the following field(s) in the list: [Column]." (SharePoint's
 *   SPDuplicateValuesFoundException, as Graph passes it on)
 * - a `$filter` on a column that is not indexed: 400 unless `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`,
 *   and past 5,000 items even then SharePoint refuses with "The attempted operation is prohibited because it exceeds
 *   the list view threshold." (learn.microsoft.com/sharepoint/troubleshoot/lists-and-libraries/items-exceeds-list-view-threshold)
 * - small uploads `PUT …:/{name}:/content` up to 4 MB: learn.microsoft.com/graph/api/driveitem-put-content
 * - upload sessions, byte ranges in multiples of 320 KiB, `nextExpectedRanges`, resumption after a dropped fragment,
 *   no Authorization header on the upload URL: learn.microsoft.com/graph/api/driveitem-createuploadsession
 * - move by `PATCH parentReference`: learn.microsoft.com/graph/api/driveitem-move
 * - file and folder names and the 400-character path: see spNames.ts
 */
import { evaluateFilter, FilterSyntaxError, filterPropertyOrder, parseFilter, type FilterNode } from "./odataFilter";
import { clone, decodeToken, encodeToken, graphError, type SimResponse } from "./simResponse";
import { nameProblem, SP_PATH_MAX } from "./spNames";

export const GRAPH_ROOT = "https://graph.microsoft.com";

/** SharePoint's list view threshold: past it, queries that are not served by an index are refused. */
export const LIST_VIEW_THRESHOLD = 5000;
/** Largest body `PUT …/content` accepts; beyond it an upload session is needed. */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;
/** Byte ranges of an upload session must be multiples of 320 KiB (except the last), each under 60 MiB. */
export const UPLOAD_FRAGMENT_UNIT = 320 * 1024;
const UPLOAD_FRAGMENT_MAX = 60 * 1024 * 1024;
const PAGE_DEFAULT = 200;
const PAGE_MAX = 1000;
const NON_INDEXED_OPT_IN = "honornonindexedquerieswarningmayfailrandomly";

export interface SpRequest {
  method: string;
  /** Path after the version segment. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** The raw body, for uploads. */
  bytes: Uint8Array | null;
  version: string;
}

interface Column {
  id: string;
  name: string;
  displayName: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  readOnly: boolean;
  /** The definition as Graph returns it (type facet included). */
  def: Record<string, unknown>;
}

interface Item {
  id: string;
  guid: string;
  version: number;
  seq: number;
  created: string;
  modified: string;
  createdBy: string;
  modifiedBy: string;
  fields: Record<string, unknown>;
}

interface List {
  id: string;
  name: string;
  displayName: string;
  template: "genericList" | "documentLibrary";
  columns: Column[];
  items: Map<string, Item>;
  nextItemId: number;
  seq: number;
  tombstones: { id: string; seq: number }[];
  /** Bumped to invalidate every delta token of the list (the service "can't provide a list of changes"). */
  epoch: number;
  driveId: string | null;
}

interface Site {
  id: string;
  hostname: string;
  path: string;
  displayName: string;
  lists: Map<string, List>;
}

interface DriveItem {
  id: string;
  name: string;
  parentId: string | null;
  folder: boolean;
  content: Uint8Array | null;
  version: number;
  created: string;
  modified: string;
  modifiedBy: string;
}

interface Drive {
  id: string;
  siteId: string;
  listId: string;
  rootId: string;
  items: Map<string, DriveItem>;
}

interface UploadSession {
  id: string;
  driveId: string;
  parentId: string;
  name: string;
  total: number | null;
  chunks: Uint8Array[];
  next: number;
  expires: number;
  replace: boolean;
}

interface Wall {
  siteId: string;
  /** Library folder path from the drive root ("2025-0042 Harbour lease"); the folder and all under it. */
  folder: string | null;
  /** List items whose column holds the value. */
  items: { listId: string; column: string; value: string } | null;
  allowed: Set<string>;
}

interface DeltaToken {
  l: string;
  e: number;
  s: number;
  a: number;
  after: number;
  top: number;
  x: string | null;
}

/** What the simulator needs from the rest of Graph: time, ids, and who is signed in. */
export interface SharePointDeps {
  clock: () => number;
  nextId: (prefix: string) => string;
  signedIn: () => string;
  displayNameOf: (upn: string) => string;
}

/** A folder of the document library as the workbench's folder tree shows it. */
export interface LibraryNode {
  readonly id: string;
  readonly name: string;
  readonly folder: boolean;
  readonly size: number;
  readonly children: LibraryNode[];
}

const TEXT_MAX = 255;
const NOTE_MAX = 63_999;

function guidFrom(n: number, salt: string): string {
  const hex = (v: number, len: number) => (v >>> 0).toString(16).padStart(len, "0").slice(-len);
  let h = 0x811c9dc5;
  for (const ch of `${salt}:${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return `${hex(h, 8)}-${hex(n, 4)}-4${hex(h >>> 8, 3)}-a${hex(n >>> 4, 3)}-${hex(h, 8)}${hex(n, 4)}`.toUpperCase();
}

/** A field value as SharePoint compares it (text, numbers and booleans; anything else compares as empty). */
function textOf(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

function stripQuotes(tag: string): string {
  return tag.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function createSharePointSimulator(deps: SharePointDeps) {
  const sites = new Map<string, Site>();
  const drives = new Map<string, Drive>();
  const sessions = new Map<string, UploadSession>();
  const walls: Wall[] = [];
  let counter = 0;
  const nowIso = () => new Date(deps.clock()).toISOString();
  const me = () => deps.signedIn().toLowerCase();

  // ---------- the people's view of walls ----------

  function itemWalled(siteId: string, list: List, item: Item): boolean {
    return walls.some(
      (w) =>
        w.siteId === siteId &&
        w.items?.listId === list.id &&
        textOf(item.fields[w.items.column]).toLowerCase() === w.items.value.toLowerCase() &&
        !w.allowed.has(me()),
    );
  }

  function fieldsWalled(siteId: string, list: List, fields: Record<string, unknown>): boolean {
    return walls.some(
      (w) =>
        w.siteId === siteId &&
        w.items?.listId === list.id &&
        textOf(fields[w.items.column]).toLowerCase() === w.items.value.toLowerCase() &&
        !w.allowed.has(me()),
    );
  }

  function pathWalled(drive: Drive, path: string): boolean {
    const p = path.toLowerCase();
    return walls.some((w) => {
      if (w.siteId !== drive.siteId || w.folder === null || w.allowed.has(me())) return false;
      const f = w.folder.toLowerCase();
      return p === f || p.startsWith(`${f}/`);
    });
  }

  // ---------- sites, lists, columns ----------

  function site(id: string): Site | undefined {
    const byId = sites.get(id.toLowerCase());
    if (byId) return byId;
    for (const s of sites.values()) if (s.id.split(",")[1]?.toLowerCase() === id.toLowerCase()) return s;
    return undefined;
  }

  function siteJson(s: Site) {
    return {
      id: s.id,
      name: s.path.split("/").pop() ?? "",
      displayName: s.displayName,
      webUrl: `https://${s.hostname}${s.path}`,
      siteCollection: { hostname: s.hostname },
    };
  }

  function addSite(hostname: string, path: string, displayName?: string): string {
    const host = hostname.toLowerCase();
    const p = `/${path.replace(/^\/+|\/+$/g, "")}`;
    for (const s of sites.values()) if (s.hostname === host && s.path.toLowerCase() === p.toLowerCase()) return s.id;
    counter++;
    const id = `${host},${guidFrom(counter, host)},${guidFrom(counter + 7, p)}`.toLowerCase();
    sites.set(id, { id, hostname: host, path: p, displayName: displayName ?? p.split("/").pop() ?? host, lists: new Map() });
    return id;
  }

  function builtInColumns(template: List["template"]): Column[] {
    const col = (name: string, def: Record<string, unknown>, readOnly = false, indexed = false): Column => ({
      id: deps.nextId("col-"),
      name,
      displayName: name,
      indexed,
      enforceUniqueValues: false,
      readOnly,
      def,
    });
    const common = [
      col("ID", { number: {} }, true, true),
      col("Created", { dateTime: { format: "dateTime" } }, true),
      col("Modified", { dateTime: { format: "dateTime" } }, true),
      col("ContentType", { text: {} }, true),
    ];
    return template === "documentLibrary"
      ? [col("FileLeafRef", { text: {} }, true), col("Title", { text: { maxLength: TEXT_MAX } }), ...common]
      : [col("Title", { text: { maxLength: TEXT_MAX } }), ...common];
  }

  function listJson(s: Site, l: List) {
    return {
      id: l.id,
      name: l.name,
      displayName: l.displayName,
      webUrl: `https://${s.hostname}${s.path}/${l.template === "documentLibrary" ? "" : "Lists/"}${encodeURIComponent(l.name)}`,
      list: { template: l.template, hidden: false, contentTypesEnabled: false },
      parentReference: { siteId: s.id },
    };
  }

  function columnJson(c: Column) {
    return {
      id: c.id,
      name: c.name,
      displayName: c.displayName,
      indexed: c.indexed,
      enforceUniqueValues: c.enforceUniqueValues,
      readOnly: c.readOnly,
      ...clone(c.def),
    };
  }

  function columnFrom(body: Record<string, unknown>): Column | string {
    const name = typeof body.name === "string" ? body.name : "";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return "A column needs a name of letters, digits and underscores.";
    const facets = ["text", "number", "dateTime", "boolean", "choice", "personOrGroup", "hyperlinkOrPicture"].filter((k) => k in body);
    if (facets.length !== 1) return "A column needs exactly one type facet (text, number, dateTime, boolean, choice …).";
    const def: Record<string, unknown> = { [facets[0]]: clone(body[facets[0]]) };
    const unique = body.enforceUniqueValues === true;
    const indexed = body.indexed === true;
    // SharePoint only enforces unique values on an indexed column.
    if (unique && !indexed) return "Enforcing unique values requires the column to be indexed.";
    return {
      id: deps.nextId("col-"),
      name,
      displayName: typeof body.displayName === "string" ? body.displayName : name,
      indexed,
      enforceUniqueValues: unique,
      readOnly: false,
      def,
    };
  }

  function createList(s: Site, body: Record<string, unknown>): SimResponse {
    const displayName = typeof body.displayName === "string" ? body.displayName.trim() : "";
    if (!displayName) return graphError(400, "invalidRequest", "A list needs a displayName.");
    for (const l of s.lists.values())
      if (l.displayName.toLowerCase() === displayName.toLowerCase())
        return graphError(
          409,
          "nameAlreadyExists",
          "A list, survey, discussion board, or document library with the specified title already exists.",
        );
    const template = (body.list as { template?: string } | undefined)?.template === "documentLibrary" ? "documentLibrary" : "genericList";
    const list: List = {
      id: guidFrom(++counter, s.id).toLowerCase(),
      name: displayName.replace(/[^A-Za-z0-9 _-]/g, "").trim() || `List${counter}`,
      displayName,
      template,
      columns: builtInColumns(template),
      items: new Map(),
      nextItemId: 1,
      seq: 0,
      tombstones: [],
      epoch: 0,
      driveId: null,
    };
    for (const raw of (body.columns as Record<string, unknown>[] | undefined) ?? []) {
      const c = columnFrom(raw);
      if (typeof c === "string") return graphError(400, "invalidRequest", c);
      if (list.columns.some((x) => x.name.toLowerCase() === c.name.toLowerCase()))
        return graphError(409, "nameAlreadyExists", `A column named ${c.name} already exists.`);
      list.columns.push(c);
    }
    if (template === "documentLibrary") {
      const driveId = `b!${deps.nextId("drv")}`;
      const rootId = deps.nextId("01ROOT");
      const root: DriveItem = {
        id: rootId,
        name: "root",
        parentId: null,
        folder: true,
        content: null,
        version: 1,
        created: nowIso(),
        modified: nowIso(),
        modifiedBy: me(),
      };
      drives.set(driveId, { id: driveId, siteId: s.id, listId: list.id, rootId, items: new Map([[rootId, root]]) });
      list.driveId = driveId;
    }
    s.lists.set(list.id, list);
    return { status: 201, body: listJson(s, list) };
  }

  function findList(s: Site, ref: string): List | undefined {
    const r = ref.toLowerCase();
    return s.lists.get(r) ?? [...s.lists.values()].find((l) => l.displayName.toLowerCase() === r || l.name.toLowerCase() === r);
  }

  // ---------- list items ----------

  const etagOf = (i: Item) => `"{${i.guid}},${i.version}"`;

  function itemJson(s: Site, l: List, i: Item, expandFields: boolean, fieldSelect: string[] | null) {
    const out: Record<string, unknown> = {
      "@odata.etag": etagOf(i),
      id: i.id,
      eTag: etagOf(i),
      createdDateTime: i.created,
      lastModifiedDateTime: i.modified,
      webUrl: `https://${s.hostname}${s.path}/Lists/${encodeURIComponent(l.name)}/DispForm.aspx?ID=${i.id}`,
      createdBy: { user: { email: i.createdBy, displayName: deps.displayNameOf(i.createdBy) } },
      lastModifiedBy: { user: { email: i.modifiedBy, displayName: deps.displayNameOf(i.modifiedBy) } },
      parentReference: { id: l.id, siteId: s.id },
      contentType: { id: "0x01", name: "Item" },
    };
    if (expandFields) out.fields = fieldsJson(i, fieldSelect);
    return out;
  }

  function fieldsJson(i: Item, select: string[] | null) {
    const all: Record<string, unknown> = {
      "@odata.etag": etagOf(i),
      id: i.id,
      ContentType: "Item",
      Created: i.created,
      Modified: i.modified,
      ...clone(i.fields),
    };
    if (!select) return all;
    const out: Record<string, unknown> = { "@odata.etag": etagOf(i) };
    for (const k of select) if (k in all) out[k] = all[k];
    return out;
  }

  /** Checks and converts field values against the list's columns; a string is the problem. */
  function checkFields(l: List, fields: Record<string, unknown>): string | null {
    for (const [key, value] of Object.entries(fields)) {
      if (key.startsWith("@odata")) continue;
      const c = l.columns.find((x) => x.name === key);
      if (!c) return `Field '${key}' is not recognized`;
      if (c.readOnly) return `Field '${key}' is read-only`;
      if (value === null) continue;
      const def = c.def;
      if ("text" in def) {
        if (typeof value !== "string") return `Field '${key}' expects text.`;
        const t = def.text as { allowMultipleLines?: boolean; maxLength?: number };
        const max = t.allowMultipleLines ? NOTE_MAX : Math.min(t.maxLength ?? TEXT_MAX, TEXT_MAX);
        if (value.length > max) return `The value of field '${key}' is longer than ${max} characters.`;
      } else if ("number" in def) {
        if (typeof value !== "number" || !Number.isFinite(value)) return `Field '${key}' expects a number.`;
      } else if ("dateTime" in def) {
        if (typeof value !== "string" || Number.isNaN(Date.parse(value))) return `Field '${key}' expects a date and time.`;
      } else if ("boolean" in def) {
        if (typeof value !== "boolean") return `Field '${key}' expects true or false.`;
      } else if ("choice" in def) {
        const choices = (def.choice as { choices?: string[] }).choices ?? [];
        if (typeof value !== "string" || (choices.length > 0 && !choices.includes(value)))
          return `Field '${key}' expects one of: ${choices.join(", ")}.`;
      }
    }
    return null;
  }

  /** The first column with enforced unique values that `fields` would duplicate (any item, walled or not). */
  function duplicateColumn(l: List, fields: Record<string, unknown>, exceptId: string | null): Column | null {
    for (const c of l.columns) {
      if (!c.enforceUniqueValues || !(c.name in fields) || fields[c.name] === null || fields[c.name] === "") continue;
      const holder = uniqueIndex(l, c).get(textOf(fields[c.name]).toLowerCase());
      if (holder !== undefined && holder !== exceptId) return c;
    }
    return null;
  }

  /** value → item id of a unique column, built on demand (the index SharePoint keeps for it). */
  const uniqueIndexes = new WeakMap<List, Map<string, Map<string, string>>>();
  function uniqueIndex(l: List, c: Column): Map<string, string> {
    let perList = uniqueIndexes.get(l);
    if (!perList) uniqueIndexes.set(l, (perList = new Map<string, Map<string, string>>()));
    let index = perList.get(c.name);
    if (!index) {
      index = new Map();
      for (const i of l.items.values()) {
        const v = textOf(i.fields[c.name]).toLowerCase();
        if (v) index.set(v, i.id);
      }
      perList.set(c.name, index);
    }
    return index;
  }
  /** Drops the list's unique indexes after a change; they are rebuilt on the next check. */
  function forgetIndexes(l: List): void {
    uniqueIndexes.delete(l);
  }

  const duplicateError = (c: Column) =>
    graphError(
      409,
      "nameAlreadyExists",
      `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${c.name}].`,
    );

  const notFound = () => graphError(404, "itemNotFound", "The resource could not be found.");
  const accessDenied = () =>
    graphError(403, "accessDenied", "Access denied. You do not have permission to perform this action or access this resource.");

  function touch(l: List, i: Item): void {
    l.seq++;
    i.seq = l.seq;
    i.version++;
    i.modified = nowIso();
    i.modifiedBy = me();
  }

  function ifMatchFails(headers: Headers, tag: string): boolean {
    const want = headers.get("if-match");
    if (!want) return false;
    // SharePoint eTags hold a comma ("{GUID},3"), so the list is split on quoted strings, not on commas.
    const tags = want.match(/W\/"[^"]*"|"[^"]*"|\*/g) ?? [want];
    return !tags.some((w) => w.trim() === "*" || stripQuotes(w) === stripQuotes(tag));
  }

  function expandOf(q: URLSearchParams): { fields: boolean; select: string[] | null } | string {
    const e = q.get("$expand");
    if (!e) return { fields: false, select: null };
    const m = /^fields(?:\((?:\$)?select=([^)]*)\))?$/i.exec(e.trim());
    if (!m) return `Unsupported $expand: ${e}`;
    return { fields: true, select: m[1] ? m[1].split(",").map((x) => x.trim()) : null };
  }

  function pageSize(q: URLSearchParams): number {
    const n = Number(q.get("$top") ?? PAGE_DEFAULT);
    return Number.isFinite(n) && n >= 1 ? Math.min(PAGE_MAX, Math.floor(n)) : PAGE_DEFAULT;
  }

  function listItems(s: Site, l: List, req: SpRequest): SimResponse {
    const expand = expandOf(req.query);
    if (typeof expand === "string") return graphError(400, "invalidRequest", expand);
    let filter: FilterNode | null = null;
    try {
      filter = req.query.get("$filter") ? parseFilter(req.query.get("$filter")!) : null;
    } catch (e) {
      return graphError(400, "invalidRequest", (e as Error).message);
    }
    if (filter) {
      const optIn = (req.headers.get("prefer") ?? "").toLowerCase().includes(NON_INDEXED_OPT_IN);
      for (const path of filterPropertyOrder(filter)) {
        const [head, name] = path.split("/");
        if (head !== "fields" || !name) continue;
        const c = l.columns.find((x) => x.name === name);
        if (!c) return graphError(400, "invalidRequest", `Field '${name}' is not recognized`);
        if (c.indexed) continue;
        if (!optIn)
          return graphError(
            400,
            "invalidRequest",
            `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
          );
        if (l.items.size > LIST_VIEW_THRESHOLD)
          return graphError(500, "generalException", "The attempted operation is prohibited because it exceeds the list view threshold.");
      }
    }
    const visible = [...l.items.values()].filter((i) => !itemWalled(s.id, l, i)).sort((a, b) => Number(a.id) - Number(b.id));
    const rows = filter ? visible.filter((i) => evaluateFilter(filter, { id: i.id, fields: i.fields })) : visible;
    const top = pageSize(req.query);
    const skip = Math.max(0, Number(req.query.get("$skiptoken") ?? 0) || 0);
    const page = rows.slice(skip, skip + top);
    const body: Record<string, unknown> = { value: page.map((i) => itemJson(s, l, i, expand.fields, expand.select)) };
    if (skip + top < rows.length) {
      const nq = new URLSearchParams(req.query);
      nq.set("$skiptoken", String(skip + top));
      body["@odata.nextLink"] = `${GRAPH_ROOT}/${req.version || "v1.0"}${req.path}?${nq.toString()}`;
    }
    return { status: 200, body };
  }

  function createItem(s: Site, l: List, req: SpRequest): SimResponse {
    const fields = (req.body as { fields?: Record<string, unknown> } | null)?.fields ?? {};
    const problem = checkFields(l, fields);
    if (problem) return graphError(400, "invalidRequest", problem);
    if (fieldsWalled(s.id, l, fields)) return accessDenied();
    const dup = duplicateColumn(l, fields, null);
    if (dup) return duplicateError(dup);
    const id = String(l.nextItemId++);
    const item: Item = {
      id,
      guid: guidFrom(Number(id), l.id),
      version: 0,
      seq: 0,
      created: nowIso(),
      modified: nowIso(),
      createdBy: me(),
      modifiedBy: me(),
      fields: clone(fields),
    };
    touch(l, item);
    l.items.set(id, item);
    for (const c of l.columns) {
      const v = textOf(item.fields[c.name]).toLowerCase();
      if (c.enforceUniqueValues && v) uniqueIndex(l, c).set(v, id);
    }
    return { status: 201, body: itemJson(s, l, item, true, null) };
  }

  function itemRoute(s: Site, l: List, itemId: string, sub: string | undefined, req: SpRequest): SimResponse {
    const item = l.items.get(itemId);
    if (!item || itemWalled(s.id, l, item)) return notFound();
    if (sub === undefined && req.method === "GET") {
      const expand = expandOf(req.query);
      if (typeof expand === "string") return graphError(400, "invalidRequest", expand);
      return { status: 200, body: itemJson(s, l, item, expand.fields, expand.select) };
    }
    if (sub === "fields" && req.method === "GET") return { status: 200, body: fieldsJson(item, null) };
    if ((sub === "fields" || sub === undefined) && req.method === "PATCH") {
      if (ifMatchFails(req.headers, etagOf(item)))
        return graphError(412, "resourceModified", "The resource has changed since the caller last read it; usually an eTag mismatch.");
      const patch = (sub === "fields" ? req.body : (req.body as { fields?: unknown } | null)?.fields) as Record<string, unknown> | null;
      const fields = patch ?? {};
      const problem = checkFields(l, fields);
      if (problem) return graphError(400, "invalidRequest", problem);
      const next = { ...item.fields, ...clone(fields) };
      if (fieldsWalled(s.id, l, next)) return accessDenied();
      const dup = duplicateColumn(l, next, item.id);
      if (dup) return duplicateError(dup);
      item.fields = next;
      touch(l, item);
      forgetIndexes(l);
      return { status: 200, body: sub === "fields" ? fieldsJson(item, null) : itemJson(s, l, item, true, null) };
    }
    if (sub === undefined && req.method === "DELETE") {
      if (ifMatchFails(req.headers, etagOf(item)))
        return graphError(412, "resourceModified", "The resource has changed since the caller last read it; usually an eTag mismatch.");
      l.items.delete(item.id);
      forgetIndexes(l);
      l.seq++;
      l.tombstones.push({ id: item.id, seq: l.seq });
      return { status: 204 };
    }
    return graphError(405, "invalidRequest", `Unsupported request: ${req.method} ${req.path}`);
  }

  function delta(s: Site, l: List, req: SpRequest): SimResponse {
    const expand = expandOf(req.query);
    if (typeof expand === "string") return graphError(400, "invalidRequest", expand);
    const raw = req.query.get("token");
    const freshLink = () => `${GRAPH_ROOT}/${req.version || "v1.0"}/sites/${s.id}/lists/${l.id}/items/delta`;
    let state: DeltaToken;
    if (raw === "latest") {
      const t = encodeToken({ l: l.id, e: l.epoch, s: l.seq, a: l.seq, after: 0, top: pageSize(req.query), x: req.query.get("$expand") });
      return { status: 200, body: { value: [], "@odata.deltaLink": `${freshLink()}?token=${t}` } };
    }
    if (raw) {
      const t = decodeToken<DeltaToken>(raw);
      if (!t || t.l !== l.id) return graphError(400, "invalidRequest", "The delta token is not valid for this list.");
      // The service can no longer serve changes since this token: start over (the Location header holds a fresh enumeration).
      if (t.e !== l.epoch)
        return graphError(
          410,
          "resyncRequired",
          "The delta token is no longer valid, and the app must reset the sync state.",
          { Location: freshLink() },
          "resyncChangesApplyDifferences",
        );
      state = t.after === 0 && t.s === t.a ? { ...t, a: l.seq } : t;
    } else {
      state = { l: l.id, e: l.epoch, s: 0, a: l.seq, after: 0, top: pageSize(req.query), x: req.query.get("$expand") };
    }
    const x = state.x ? expandOf(new URLSearchParams({ $expand: state.x })) : expand;
    const ex = typeof x === "string" ? expand : x;
    const changed = [...l.items.values()]
      .filter((i) => i.seq > state.s && i.seq <= state.a && i.seq > state.after && !itemWalled(s.id, l, i))
      .sort((a, b) => a.seq - b.seq);
    const page = changed.slice(0, state.top);
    const value: Record<string, unknown>[] = page.map((i) => itemJson(s, l, i, ex.fields, ex.select));
    const body: Record<string, unknown> = { value };
    if (changed.length > page.length) {
      const next = encodeToken({ ...state, after: page[page.length - 1].seq });
      body["@odata.nextLink"] = `${freshLink()}?token=${next}`;
    } else {
      if (state.s > 0)
        for (const t of l.tombstones) if (t.seq > state.s && t.seq <= state.a) value.push({ id: t.id, deleted: { state: "deleted" } });
      const next = encodeToken({ l: l.id, e: l.epoch, s: state.a, a: state.a, after: 0, top: state.top, x: state.x });
      body["@odata.deltaLink"] = `${freshLink()}?token=${next}`;
    }
    return { status: 200, body };
  }

  // ---------- drives ----------

  function pathOf(d: Drive, item: DriveItem): string {
    const names: string[] = [];
    let cur: DriveItem | undefined = item;
    while (cur && cur.parentId !== null) {
      names.unshift(cur.name);
      cur = d.items.get(cur.parentId);
    }
    return names.join("/");
  }

  function libraryOf(d: Drive): { s: Site; l: List } {
    const s = sites.get(d.siteId)!;
    return { s, l: s.lists.get(d.listId)! };
  }

  function driveItemJson(d: Drive, i: DriveItem) {
    const { s, l } = libraryOf(d);
    const path = pathOf(d, i);
    const parent = i.parentId ? d.items.get(i.parentId) : undefined;
    const children = i.folder ? [...d.items.values()].filter((c) => c.parentId === i.id).length : 0;
    return {
      id: i.id,
      name: i.name,
      eTag: `"{${guidFrom(i.version, i.id)}},${i.version}"`,
      cTag: `"c:{${guidFrom(i.version, i.id)}},${i.version}"`,
      size: i.content?.length ?? 0,
      createdDateTime: i.created,
      lastModifiedDateTime: i.modified,
      lastModifiedBy: { user: { email: i.modifiedBy, displayName: deps.displayNameOf(i.modifiedBy) } },
      webUrl: `https://${s.hostname}${s.path}/${encodeURIComponent(l.name)}${path ? `/${path.split("/").map(encodeURIComponent).join("/")}` : ""}`,
      parentReference: parent
        ? {
            driveId: d.id,
            driveType: "documentLibrary",
            id: parent.id,
            path: `/drives/${d.id}/root:${parent.parentId ? `/${pathOf(d, parent)}` : ""}`,
          }
        : { driveId: d.id, driveType: "documentLibrary" },
      ...(i.folder
        ? { folder: { childCount: children } }
        : { file: { mimeType: i.name.endsWith(".eml") ? "message/rfc822" : "application/octet-stream" } }),
      ...(i.parentId === null ? { root: {} } : {}),
    };
  }

  function resolvePath(d: Drive, from: DriveItem, relPath: string): DriveItem | undefined {
    let cur: DriveItem | undefined = from;
    for (const name of relPath.split("/").filter(Boolean)) {
      if (!cur) return undefined;
      const parentId: string = cur.id;
      cur = [...d.items.values()].find((c) => c.parentId === parentId && c.name.toLowerCase() === name.toLowerCase());
    }
    return cur;
  }

  function fullPathLength(d: Drive, path: string): number {
    const { s, l } = libraryOf(d);
    return `${s.path}/${l.name}/${path}`.replace(/^\//, "").length;
  }

  /** Checks a new child's name and place; a response is the refusal. */
  function childRefusal(d: Drive, parent: DriveItem, name: string): SimResponse | null {
    const problem = nameProblem(name);
    if (problem) return graphError(400, "invalidRequest", problem, undefined, "invalidPath");
    const path = [pathOf(d, parent), name].filter(Boolean).join("/");
    if (fullPathLength(d, path) > SP_PATH_MAX)
      return graphError(400, "invalidRequest", `The path is longer than ${SP_PATH_MAX} characters.`, undefined, "pathIsTooLong");
    if (pathWalled(d, pathOf(d, parent)) || pathWalled(d, path)) return accessDenied();
    return null;
  }

  function childNamed(d: Drive, parent: DriveItem, name: string): DriveItem | undefined {
    return [...d.items.values()].find((c) => c.parentId === parent.id && c.name.toLowerCase() === name.toLowerCase());
  }

  function putFile(d: Drive, parent: DriveItem, name: string, bytes: Uint8Array, replace: boolean): SimResponse {
    const refusal = childRefusal(d, parent, name);
    if (refusal) return refusal;
    const existing = childNamed(d, parent, name);
    if (existing?.folder) return graphError(409, "nameAlreadyExists", "A folder with that name already exists.");
    if (existing) {
      if (!replace) return graphError(409, "nameAlreadyExists", "The specified item name already exists.");
      existing.content = bytes;
      existing.version++;
      existing.modified = nowIso();
      existing.modifiedBy = me();
      return { status: 200, body: driveItemJson(d, existing) };
    }
    const item: DriveItem = {
      id: deps.nextId("01FILE"),
      name,
      parentId: parent.id,
      folder: false,
      content: bytes,
      version: 1,
      created: nowIso(),
      modified: nowIso(),
      modifiedBy: me(),
    };
    d.items.set(item.id, item);
    return { status: 201, body: driveItemJson(d, item) };
  }

  function removeTree(d: Drive, item: DriveItem): void {
    for (const c of [...d.items.values()]) if (c.parentId === item.id) removeTree(d, c);
    d.items.delete(item.id);
  }

  function driveRoute(d: Drive, rest: string, req: SpRequest): SimResponse {
    const root = d.items.get(d.rootId)!;
    // Address forms: root, root:/path[:], items/{id}, items/{id}:/path[:], then an optional /sub (children, content …)
    const m = /^(root|items\/([^/:]+))(?::\/([^:]*)(?::)?)?(?:\/(children|content|createUploadSession))?$/.exec(rest);
    if (!m) return graphError(400, "invalidRequest", `Unsupported drive request: ${rest}`);
    const base = m[1] === "root" ? root : d.items.get(decodeURIComponent(m[2]));
    const relPath = m[3] !== undefined ? decodeURIComponent(m[3]).replace(/\/+$/, "") : null;
    const sub = m[4];
    if (!base || (base.parentId !== null && pathWalled(d, pathOf(d, base)))) return notFound();

    // Creating by path: PUT …:/name:/content and POST …:/name:/createUploadSession address a child that may not exist.
    if (relPath !== null && (sub === "content" || sub === "createUploadSession") && req.method !== "GET") {
      const parts = relPath.split("/").filter(Boolean);
      const name = parts.pop() ?? "";
      const parent = parts.length ? resolvePath(d, base, parts.join("/")) : base;
      if (!parent || !parent.folder) {
        if (parent === undefined && pathWalled(d, [pathOf(d, base), ...parts].filter(Boolean).join("/"))) return accessDenied();
        return graphError(404, "itemNotFound", "The parent folder does not exist.");
      }
      if (sub === "content") {
        if (req.method !== "PUT") return graphError(405, "invalidRequest", "Use PUT to upload content.");
        const bytes = req.bytes ?? new Uint8Array();
        if (bytes.length > SIMPLE_UPLOAD_MAX)
          return graphError(
            413,
            "invalidRequest",
            "The file is larger than 4 MB: upload it with an upload session.",
            undefined,
            "maxFileSizeExceeded",
          );
        const behavior = req.query.get("@microsoft.graph.conflictBehavior") ?? "replace";
        return putFile(d, parent, name, bytes, behavior === "replace");
      }
      if (req.method !== "POST") return graphError(405, "invalidRequest", "Use POST to create an upload session.");
      const refusal = childRefusal(d, parent, name);
      if (refusal) return refusal;
      const item = (req.body as { item?: Record<string, unknown> } | null)?.item ?? {};
      const behavior = (item["@microsoft.graph.conflictBehavior"] as string | undefined) ?? "fail";
      const existing = childNamed(d, parent, name);
      if (existing && behavior === "fail") return graphError(409, "nameAlreadyExists", "The specified item name already exists.");
      const { s } = libraryOf(d);
      const id = deps.nextId("up");
      const expires = deps.clock() + 24 * 3600_000;
      sessions.set(id, {
        id,
        driveId: d.id,
        parentId: parent.id,
        name,
        total: null,
        chunks: [],
        next: 0,
        expires,
        replace: behavior === "replace",
      });
      return {
        status: 200,
        body: {
          uploadUrl: `https://${s.hostname}/_api/v2.0/drives/${d.id}/uploadSession?guid=${id}`,
          expirationDateTime: new Date(expires).toISOString(),
          nextExpectedRanges: ["0-"],
        },
      };
    }

    const target = relPath !== null ? resolvePath(d, base, relPath) : base;
    if (!target || (target.parentId !== null && pathWalled(d, pathOf(d, target)))) return notFound();

    if (sub === "children") {
      if (!target.folder) return graphError(400, "invalidRequest", "The item is not a folder.");
      if (req.method === "GET") {
        const kids = [...d.items.values()].filter((c) => c.parentId === target.id && !pathWalled(d, pathOf(d, c)));
        return { status: 200, body: { value: kids.map((c) => driveItemJson(d, c)) } };
      }
      if (req.method === "POST") {
        const b = (req.body ?? {}) as { name?: string; folder?: unknown; "@microsoft.graph.conflictBehavior"?: string };
        if (typeof b.name !== "string" || b.folder === undefined)
          return graphError(400, "invalidRequest", "A new folder needs a name and a folder facet.");
        const refusal = childRefusal(d, target, b.name);
        if (refusal) return refusal;
        const existing = childNamed(d, target, b.name);
        const behavior = b["@microsoft.graph.conflictBehavior"] ?? "fail";
        if (existing) {
          if (behavior === "replace" && existing.folder) return { status: 201, body: driveItemJson(d, existing) };
          return graphError(409, "nameAlreadyExists", "The specified item name already exists.");
        }
        const folder: DriveItem = {
          id: deps.nextId("01DIR"),
          name: b.name,
          parentId: target.id,
          folder: true,
          content: null,
          version: 1,
          created: nowIso(),
          modified: nowIso(),
          modifiedBy: me(),
        };
        d.items.set(folder.id, folder);
        return { status: 201, body: driveItemJson(d, folder) };
      }
    }
    if (sub === "content") {
      if (target.folder) return graphError(400, "invalidRequest", "A folder has no content.");
      if (req.method === "GET")
        return { status: 200, bytes: target.content ?? new Uint8Array(), headers: { "content-type": "application/octet-stream" } };
      if (req.method === "PUT") {
        const bytes = req.bytes ?? new Uint8Array();
        if (bytes.length > SIMPLE_UPLOAD_MAX)
          return graphError(413, "invalidRequest", "The file is larger than 4 MB: upload it with an upload session.");
        target.content = bytes;
        target.version++;
        target.modified = nowIso();
        return { status: 200, body: driveItemJson(d, target) };
      }
    }
    if (sub === undefined) {
      if (req.method === "GET") return { status: 200, body: driveItemJson(d, target) };
      if (target.parentId === null) return graphError(400, "invalidRequest", "The root folder cannot be changed.");
      if (req.method === "DELETE") {
        const tag = driveItemJson(d, target).eTag;
        if (ifMatchFails(req.headers, tag)) return graphError(412, "resourceModified", "ETag does not match the current item's value.");
        removeTree(d, target);
        return { status: 204 };
      }
      if (req.method === "PATCH") {
        const b = (req.body ?? {}) as { name?: string; parentReference?: { id?: string; path?: string } };
        let parent = d.items.get(target.parentId)!;
        if (b.parentReference?.id) {
          const p = d.items.get(b.parentReference.id);
          if (!p || !p.folder) return graphError(400, "invalidRequest", "The destination folder does not exist.");
          parent = p;
        }
        const name = b.name ?? target.name;
        if (parent.id !== target.parentId || name !== target.name) {
          const refusal = childRefusal(d, parent, name);
          if (refusal) return refusal;
          const clash = childNamed(d, parent, name);
          if (clash && clash.id !== target.id) {
            if (req.query.get("@microsoft.graph.conflictBehavior") !== "replace")
              return graphError(409, "nameAlreadyExists", "The specified item name already exists.");
            removeTree(d, clash);
          }
        }
        target.parentId = parent.id;
        target.name = name;
        target.version++;
        target.modified = nowIso();
        target.modifiedBy = me();
        return { status: 200, body: driveItemJson(d, target) };
      }
    }
    return graphError(405, "invalidRequest", `Unsupported request: ${req.method} ${req.path}`);
  }

  // ---------- upload sessions (the upload URL is not a Graph URL) ----------

  function uploadRoute(method: string, url: string, headers: Headers, bytes: Uint8Array | null): SimResponse {
    const id = /[?&]guid=([^&]+)/.exec(url)?.[1];
    const session = id ? sessions.get(decodeURIComponent(id)) : undefined;
    if (!session || session.expires < deps.clock())
      return graphError(404, "itemNotFound", "The upload session was not found or has expired.", undefined, "uploadSessionNotFound");
    // The upload URL is pre-authorized: a bearer token on it is refused.
    if (headers.get("authorization")) return graphError(401, "unauthenticated", "Do not send an Authorization header to the upload URL.");
    const status = () => ({ expirationDateTime: new Date(session.expires).toISOString(), nextExpectedRanges: [`${session.next}-`] });
    if (method === "GET") return { status: 200, body: status() };
    if (method === "DELETE") {
      sessions.delete(session.id);
      return { status: 204 };
    }
    if (method !== "PUT") return graphError(405, "invalidRequest", "Upload fragments with PUT.");
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(headers.get("content-range") ?? "");
    if (!range) return graphError(400, "invalidRequest", "A fragment needs a Content-Range header: bytes start-end/total.");
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const body = bytes ?? new Uint8Array();
    if (end < start || body.length !== end - start + 1)
      return graphError(
        400,
        "invalidRequest",
        "The fragment's length does not match its Content-Range.",
        undefined,
        "fragmentLengthMismatch",
      );
    if (session.total !== null && session.total !== total)
      return graphError(
        400,
        "invalidRequest",
        "The declared total size differs from the upload session's.",
        undefined,
        "fragmentLengthMismatch",
      );
    if (body.length > UPLOAD_FRAGMENT_MAX)
      return graphError(413, "invalidRequest", "A fragment must be under 60 MiB.", undefined, "maxFragmentLengthExceeded");
    if (start < session.next)
      return graphError(416, "invalidRange", "The fragment overlaps with data already received.", undefined, "fragmentOverlap");
    if (start > session.next) return graphError(416, "invalidRange", "The fragment is out of order.", undefined, "fragmentOutOfOrder");
    const last = end === total - 1;
    if (!last && body.length % UPLOAD_FRAGMENT_UNIT !== 0)
      return graphError(400, "invalidRequest", "Fragments other than the last must be a multiple of 320 KiB.", undefined, "invalidRange");
    session.total = total;
    session.chunks.push(body);
    session.next = end + 1;
    if (!last) return { status: 202, body: status() };
    const d = drives.get(session.driveId);
    const parent = d?.items.get(session.parentId);
    if (!d || !parent) return graphError(404, "itemNotFound", "The destination folder no longer exists.");
    const done = putFile(d, parent, session.name, concat(session.chunks), session.replace);
    sessions.delete(session.id);
    return done;
  }

  // ---------- routing ----------

  function route(req: SpRequest): SimResponse {
    const p = req.path;
    if (p.startsWith("/drives/")) {
      const m = /^\/drives\/([^/]+)(?:\/(.*))?$/.exec(p);
      const d = m ? drives.get(decodeURIComponent(m[1])) : undefined;
      if (!d) return notFound();
      if (!m![2])
        return req.method === "GET"
          ? { status: 200, body: { id: d.id, driveType: "documentLibrary", name: libraryOf(d).l.displayName } }
          : notFound();
      return driveRoute(d, m![2], req);
    }
    // /sites/{hostname}:/{path}[:/rest]
    const byPath = /^\/sites\/([^/:]+):(\/[^:]*?)(?::(\/.*))?:?$/.exec(p);
    let s: Site | undefined;
    let rest: string;
    if (byPath) {
      const host = decodeURIComponent(byPath[1]).toLowerCase();
      const path = decodeURIComponent(byPath[2]).replace(/\/+$/, "").toLowerCase();
      s = [...sites.values()].find((x) => x.hostname === host && x.path.toLowerCase() === path);
      rest = byPath[3] ?? "";
    } else {
      const m = /^\/sites\/([^/]+)(\/.*)?$/.exec(p);
      s = m ? site(decodeURIComponent(m[1])) : undefined;
      rest = m?.[2] ?? "";
    }
    if (!s) return graphError(404, "itemNotFound", "Requested site could not be found");
    if (!rest)
      return req.method === "GET" ? { status: 200, body: siteJson(s) } : graphError(405, "invalidRequest", "Unsupported site request.");
    const segs = rest.split("/").filter(Boolean).map(decodeURIComponent);
    if (segs[0] === "drives" && segs.length === 1 && req.method === "GET") {
      const value = [...s.lists.values()]
        .filter((l) => l.driveId)
        .map((l) => ({ id: l.driveId, name: l.displayName, driveType: "documentLibrary" }));
      return { status: 200, body: { value } };
    }
    if (segs[0] !== "lists") return graphError(400, "invalidRequest", `Unsupported site request: ${rest}`);
    if (segs.length === 1) {
      if (req.method === "GET") return { status: 200, body: { value: [...s.lists.values()].map((l) => listJson(s, l)) } };
      if (req.method === "POST") return createList(s, (req.body ?? {}) as Record<string, unknown>);
    }
    const l = findList(s, segs[1]);
    if (!l) return graphError(404, "itemNotFound", "List not found.");
    if (segs.length === 2 && req.method === "GET") {
      const body: Record<string, unknown> = listJson(s, l);
      if (/columns/.test(req.query.get("$expand") ?? "")) body.columns = l.columns.map(columnJson);
      return { status: 200, body };
    }
    if (segs[2] === "drive" && segs.length === 3 && req.method === "GET") {
      if (!l.driveId) return graphError(404, "itemNotFound", "This list is not a document library.");
      return { status: 200, body: { id: l.driveId, driveType: "documentLibrary", name: l.displayName } };
    }
    if (segs[2] === "columns") {
      if (segs.length === 3 && req.method === "GET") return { status: 200, body: { value: l.columns.map(columnJson) } };
      if (segs.length === 3 && req.method === "POST") {
        const c = columnFrom((req.body ?? {}) as Record<string, unknown>);
        if (typeof c === "string") return graphError(400, "invalidRequest", c);
        if (l.columns.some((x) => x.name.toLowerCase() === c.name.toLowerCase()))
          return graphError(409, "nameAlreadyExists", `A column named ${c.name} already exists.`);
        l.columns.push(c);
        return { status: 201, body: columnJson(c) };
      }
      const c = l.columns.find((x) => x.id === segs[3] || x.name === segs[3]);
      if (!c) return notFound();
      if (segs.length === 4 && req.method === "GET") return { status: 200, body: columnJson(c) };
      if (segs.length === 4 && req.method === "PATCH") {
        if (c.readOnly) return graphError(400, "invalidRequest", `Column ${c.name} cannot be changed.`);
        const b = (req.body ?? {}) as { indexed?: boolean; enforceUniqueValues?: boolean; displayName?: string };
        const indexed = b.indexed ?? c.indexed;
        const unique = b.enforceUniqueValues ?? c.enforceUniqueValues;
        if (unique && !indexed) return graphError(400, "invalidRequest", "Enforcing unique values requires the column to be indexed.");
        if (unique && !c.enforceUniqueValues) {
          const seen = new Set<string>();
          for (const i of l.items.values()) {
            const v = textOf(i.fields[c.name]).toLowerCase();
            if (v && seen.has(v)) return graphError(400, "invalidRequest", `Column ${c.name} already holds duplicate values.`);
            seen.add(v);
          }
        }
        c.indexed = indexed;
        c.enforceUniqueValues = unique;
        forgetIndexes(l);
        if (b.displayName) c.displayName = b.displayName;
        return { status: 200, body: columnJson(c) };
      }
    }
    if (segs[2] === "items") {
      if (segs.length === 3 && req.method === "GET") return listItems(s, l, req);
      if (segs.length === 3 && req.method === "POST") return createItem(s, l, req);
      if (segs.length === 4 && segs[3] === "delta" && req.method === "GET") return delta(s, l, req);
      if (segs.length >= 4) return itemRoute(s, l, segs[3], segs[4], req);
    }
    return graphError(400, "invalidRequest", `Unsupported list request: ${req.method} ${rest}`);
  }

  function libraryTree(d: Drive, item: DriveItem): LibraryNode {
    const children = [...d.items.values()]
      .filter((c) => c.parentId === item.id)
      .sort((a, b) => Number(b.folder) - Number(a.folder) || a.name.localeCompare(b.name))
      .map((c) => libraryTree(d, c));
    return { id: item.id, name: item.name, folder: item.folder, size: item.content?.length ?? 0, children };
  }

  function requireSite(ref: string): Site {
    const s = site(ref) ?? [...sites.values()].find((x) => `https://${x.hostname}${x.path}`.toLowerCase() === ref.toLowerCase());
    if (!s) throw new Error(`No site ${ref} in the simulator`);
    return s;
  }

  return {
    route,
    /** True for an upload session's URL (SharePoint's host, not Graph's). */
    isUploadUrl: (url: string) => /^https:\/\/[^/]+\/_api\/v2\.0\/drives\/[^/]+\/uploadSession\?/.test(url),
    uploadRoute,
    /** Adds a site (e.g. "contoso.sharepoint.com", "/sites/Matters"); returns its id. Idempotent. */
    addSite,
    siteIdOf: (url: string) => requireSite(url).id,
    /** A list's items as stored (walls ignored), for tests. */
    listItems(siteRef: string, listName: string): { id: string; eTag: string; fields: Record<string, unknown> }[] {
      const s = requireSite(siteRef);
      const l = findList(s, listName);
      return l ? [...l.items.values()].map((i) => ({ id: i.id, eTag: etagOf(i), fields: clone(i.fields) })) : [];
    },
    /** Columns of a list as Graph describes them. */
    columns(siteRef: string, listName: string): ReturnType<typeof columnJson>[] {
      const l = findList(requireSite(siteRef), listName);
      return l ? l.columns.map(columnJson) : [];
    },
    listNames: (siteRef: string) => [...requireSite(siteRef).lists.values()].map((l) => l.displayName),
    /** Seeds items in bulk (as if filed over the years), unchecked: for benches and big-list tests. */
    addItems(siteRef: string, listName: string, rows: readonly Record<string, unknown>[], by = "someone@else.example"): void {
      const s = requireSite(siteRef);
      const l = findList(s, listName);
      if (!l) throw new Error(`No list ${listName}`);
      for (const fields of rows) {
        const id = String(l.nextItemId++);
        const item: Item = {
          id,
          guid: guidFrom(Number(id), l.id),
          version: 0,
          seq: 0,
          created: nowIso(),
          modified: nowIso(),
          createdBy: by,
          modifiedBy: by,
          fields: clone(fields),
        };
        touch(l, item);
        item.modifiedBy = by;
        l.items.set(id, item);
      }
      forgetIndexes(l);
    },
    /** Changes an item as another person would (a new eTag, seen by delta). */
    updateItem(siteRef: string, listName: string, itemId: string, fields: Record<string, unknown>, by = "someone@else.example"): void {
      const l = findList(requireSite(siteRef), listName);
      const item = l?.items.get(itemId);
      if (!l || !item) throw new Error(`No item ${itemId}`);
      item.fields = { ...item.fields, ...clone(fields) };
      touch(l, item);
      forgetIndexes(l);
      item.modifiedBy = by;
    },
    /** A library as a folder tree (walls ignored): what the workbench shows. */
    library(siteRef: string, libraryName: string): LibraryNode | null {
      const l = findList(requireSite(siteRef), libraryName);
      const d = l?.driveId ? drives.get(l.driveId) : undefined;
      return d ? libraryTree(d, d.items.get(d.rootId)!) : null;
    },
    /** A stored file's text by its library path ("2025-0042 Harbour lease/x.eml"), or null. */
    fileText(siteRef: string, libraryName: string, path: string): string | null {
      const l = findList(requireSite(siteRef), libraryName);
      const d = l?.driveId ? drives.get(l.driveId) : undefined;
      const f = d ? resolvePath(d, d.items.get(d.rootId)!, path) : undefined;
      return f?.content ? new TextDecoder().decode(f.content) : null;
    },
    /**
     * An ethical wall: the library folder (and all under it) and the list items whose column holds the value are
     * hidden from everyone but `allowed` (broken inheritance): 404 to read, 403 to create there.
     */
    addEthicalWall(wall: {
      site: string;
      folder?: string;
      items?: { list: string; column: string; value: string };
      allowed: readonly string[];
    }): void {
      const s = requireSite(wall.site);
      const list = wall.items ? findList(s, wall.items.list) : undefined;
      walls.push({
        siteId: s.id,
        folder: wall.folder ?? null,
        items: wall.items && list ? { listId: list.id, column: wall.items.column, value: wall.items.value } : null,
        allowed: new Set(wall.allowed.map((a) => a.toLowerCase())),
      });
    },
    /** The service can no longer serve changes for existing delta tokens of the list: they answer 410. */
    expireDeltaTokens(siteRef: string, listName: string): void {
      const l = findList(requireSite(siteRef), listName);
      if (l) l.epoch++;
    },
  };
}

export type SharePointSimulator = ReturnType<typeof createSharePointSimulator>;

export { FilterSyntaxError };
