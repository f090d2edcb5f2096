/**
 * The Graph simulator: a faithful stand-in for the slice of Microsoft Graph Matterline uses, exposed as a
 * fetch-compatible function so the real Graph SDK middleware chain runs against it in node tests and in the
 * browser workbench. Pure TypeScript (no Node built-ins): it only needs `Response`, `Headers`, `URL`,
 * `setTimeout`, `btoa`/`atob`, which browsers and Node 20 both have.
 */
import {
  evaluateFilter,
  FilterNode,
  FilterSyntaxError,
  filterPropertyOrder,
  isReceivedSinceOnly,
  parseFilter,
  scalarText,
} from "./odataFilter";
import { clone, decodeToken, encodeToken, graphError, type SimResponse } from "./simResponse";
import { createSharePointSimulator } from "./sharePoint";
import { mimeOf } from "./mime";
import { attachmentRoute, hasListedAttachments, storeAttachments, type StoredAttachment } from "./messageAttachments";
import { DateTime } from "luxon";
import { calendarZone, unsupportedZoneMessage } from "./calendarTimeZones";
import type {
  GraphDateTimeZone,
  GraphEvent,
  GraphMailboxSettings,
  GraphMasterCategory,
  GraphMessage,
  RequestSummary,
  SeedAttachment,
  SeedMessage,
  SimulatedFault,
  SimulatorStats,
} from "./types";

export interface GraphSimulatorOptions {
  /** Delay before every response, so requests really overlap (default 0). */
  latencyMs?: number;
  /** Concurrent requests per mailbox before Graph answers 429 (default 4). */
  maxInFlight?: number;
  /** Requests per mailbox per window before 429 (default 10,000). */
  windowBudget?: number;
  /** Length of the budget window in ms (default 10 minutes). */
  windowMs?: number;
  /** Time source in epoch ms (default Date.now). */
  clock?: () => number;
  /** The user `/me` stands for (default `me@contoso.example`). */
  signedInUser?: string;
  /** Retry-After (seconds) sent with the concurrency 429 (default 1). */
  inFlightRetryAfterSec?: number;
  /** How long a `timeout` fault hangs when the request has no abort signal (default 0 ms). */
  timeoutMs?: number;
}

export type FaultMatcher = (req: RequestSummary) => boolean;

interface StoredMessage {
  msg: GraphMessage;
  folder: string;
  created: number;
  changed: number;
  /** The message's MIME as seeded (`$value`); made from its fields when absent. */
  mime?: string;
  /** Its attachments (`…/attachments`). */
  attachments: StoredAttachment[];
}

interface Mailbox {
  id: string;
  upn: string;
  displayName: string;
  shared: boolean;
  messages: Map<string, StoredMessage>;
  tombstones: { id: string; folder: string; seq: number }[];
  events: Map<string, GraphEvent>;
  eventOrder: number;
  transactions: Map<string, string>;
  categories: GraphMasterCategory[];
  settings: GraphMailboxSettings;
  window: number[];
  inFlight: number;
  /** Delta cursors minted before this generation are forgotten (see expireDeltaTokens). */
  deltaGeneration: number;
  /** How a forgotten cursor is answered. */
  deltaExpiry: DeltaExpiry;
}

/** How Graph answers a delta cursor it no longer knows: 410 Gone, or an error code with 400. */
export type DeltaExpiry = "gone" | "syncStateNotFound" | "resyncRequired";

interface DeltaState {
  f: string;
  since: string | null;
  from: number;
  at: number;
  after: number;
  sel: string | null;
  /** The first request's `$expand` (extended properties), carried by every nextLink and deltaLink as `$select` is. */
  ex?: string | null;
  ps: number;
  /** The mailbox's delta generation when the cursor was minted. */
  g?: number;
}

const GRAPH_HOST = "https://graph.microsoft.com";
/** Concurrency key of every SharePoint request (sites, drives, upload URLs). */
const SHAREPOINT_KEY = "sharepoint";
const WELL_KNOWN_FOLDERS = new Set(["inbox", "sentitems", "drafts", "deleteditems", "archive", "junkemail"]);

/** The `$batch` limit Graph enforces. */
export const BATCH_LIMIT = 20;

/** A message's changeKey after change number `n` (Exchange's are opaque base64; only equality matters). */
function changeKeyOf(n: number): string {
  return `CQAAABYAAA${n.toString(36)}`;
}

/** The `@odata.etag` Graph shows for a changeKey (a weak ETag). */
function etagOf(changeKey: string): string {
  return `W/"${changeKey}"`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function htmlToPlain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Epoch ms of a stored event time (the simulator stores event times in UTC, as Graph answers without a Prefer zone). */
function eventTime(dt: { dateTime: string; timeZone?: string } | undefined): number {
  if (!dt) return NaN;
  const s = dt.dateTime;
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s}Z`);
}

type ZonedTime = { dateTime: string; timeZone?: string };

/** A dateTimeTimeZone a client sent, read in its own zone: epoch ms, or why Graph would refuse it. */
function readZoned(dt: ZonedTime | undefined): { ms: number } | { code: string; message: string } {
  if (!dt || typeof dt.dateTime !== "string") return { code: "ErrorInvalidRequest", message: "An event needs a valid start and end." };
  const zone = calendarZone(dt.timeZone);
  if (!zone) return { code: "TimeZoneNotSupportedException", message: unsupportedZoneMessage(dt.timeZone) };
  const at = DateTime.fromISO(dt.dateTime.replace(/(Z|[+-]\d{2}:\d{2})$/, ""), { zone });
  return at.isValid ? { ms: at.toMillis() } : { code: "ErrorInvalidRequest", message: `"${dt.dateTime}" is not a date and time.` };
}

/** How Graph writes a UTC time: seven fractional digits, no offset. */
function utcText(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}.0000000`;
}

/** An event as Graph answers it: times in the Prefer outlook.timezone zone (a name Graph's calendar takes), else UTC. */
function inPreferredZone(ev: GraphEvent, prefer: Map<string, string>): GraphEvent {
  const name = prefer.get("outlook.timezone");
  const zone = name && name !== "UTC" ? calendarZone(name) : null;
  if (!name || !zone) return clone(ev);
  const shift = (t: GraphDateTimeZone): GraphDateTimeZone => ({
    dateTime: `${DateTime.fromMillis(eventTime(t), { zone }).toFormat("yyyy-LL-dd'T'HH:mm:ss")}.0000000`,
    timeZone: name,
  });
  return { ...clone(ev), start: shift(ev.start), end: shift(ev.end) };
}

function parsePrefer(headers: Headers): Map<string, string> {
  const out = new Map<string, string>();
  const raw = headers.get("prefer");
  if (!raw) return out;
  for (const part of raw.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) out.set(part.trim().toLowerCase(), "");
    else
      out.set(
        part.slice(0, eq).trim().toLowerCase(),
        part
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, ""),
      );
  }
  return out;
}

/**
 * An event body's times checked as Graph checks them (each zone one its calendar takes) and kept in UTC, with the
 * zones the client wrote them in, as Graph keeps originalStartTimeZone; `required` for a create.
 */
function eventTimes(b: Partial<GraphEvent>, required: boolean): { set: Partial<GraphEvent> } | { error: SimResponse } {
  const set: Partial<GraphEvent> = {};
  for (const key of ["start", "end"] as const) {
    const given = b[key];
    if (given === undefined && !required) continue;
    const read = readZoned(given);
    if (!("ms" in read)) return { error: graphError(400, read.code, read.message) };
    set[key] = { dateTime: utcText(read.ms), timeZone: "UTC" };
    set[key === "start" ? "originalStartTimeZone" : "originalEndTimeZone"] = given!.timeZone;
  }
  const recurrence = b.recurrence as { range?: { recurrenceTimeZone?: string } } | undefined;
  const seriesZone = recurrence?.range?.recurrenceTimeZone;
  if (seriesZone !== undefined && !calendarZone(seriesZone))
    return { error: graphError(400, "TimeZoneNotSupportedException", unsupportedZoneMessage(seriesZone)) };
  return { set };
}

/** Creates a fresh simulator with its own state. */
export function createGraphSimulator(options: GraphSimulatorOptions = {}) {
  const latencyMs = options.latencyMs ?? 0;
  const maxInFlight = options.maxInFlight ?? 4;
  const windowBudget = options.windowBudget ?? 10_000;
  const windowMs = options.windowMs ?? 10 * 60 * 1000;
  const clock = options.clock ?? (() => Date.now());
  const inFlightRetryAfter = options.inFlightRetryAfterSec ?? 1;
  const timeoutMs = options.timeoutMs ?? 0;

  const mailboxes = new Map<string, Mailbox>(); // by lower-case upn
  const sharedFiles = new Map<string, string>();
  let signedIn = (options.signedInUser ?? "me@contoso.example").toLowerCase();
  let seq = 0;
  let idCounter = 0;
  let offline = false;
  let throttleQueue: { remaining: number; retryAfterSec: number } | null = null;
  const faults: { remaining: number; fault: SimulatedFault; matcher?: FaultMatcher }[] = [];
  let inFlightTotal = 0;
  const arriving = new Map<string, number>();
  let storm: { rate: number; mix: SimulatedFault[]; random: () => number; injected: number } | null = null;
  /** Requests in flight per non-mailbox key (SharePoint). */
  const keyInFlight = new Map<string, number>();
  let stats: SimulatorStats = emptyStats();

  function emptyStats(): SimulatorStats {
    return {
      totalRequests: 0,
      maxInFlight: 0,
      maxInFlightByMailbox: {},
      maxConcurrentByMailbox: {},
      requestsByPath: {},
      batchSubRequests: 0,
      throttled: 0,
      log: [],
    };
  }

  function nextId(prefix: string): string {
    idCounter++;
    return `${prefix}${idCounter.toString(36).padStart(8, "0")}`;
  }

  function defaultSettings(): GraphMailboxSettings {
    return {
      timeZone: "UTC",
      workingHours: {
        daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
        startTime: "09:00:00.0000000",
        endTime: "17:00:00.0000000",
        timeZone: { name: "UTC" },
      },
    };
  }

  function addUser(
    upn: string,
    opts: { id?: string; displayName?: string; shared?: boolean; mailboxSettings?: GraphMailboxSettings } = {},
  ): string {
    const key = upn.toLowerCase();
    const existing = mailboxes.get(key);
    if (existing) {
      if (opts.shared !== undefined) existing.shared = opts.shared;
      if (opts.displayName) existing.displayName = opts.displayName;
      if (opts.mailboxSettings) existing.settings = opts.mailboxSettings;
      return existing.id;
    }
    const mb: Mailbox = {
      id: opts.id ?? nextId("user-"),
      upn: key,
      displayName: opts.displayName ?? key,
      shared: opts.shared ?? false,
      messages: new Map(),
      tombstones: [],
      events: new Map(),
      eventOrder: 0,
      transactions: new Map(),
      categories: [],
      settings: opts.mailboxSettings ?? defaultSettings(),
      window: [],
      inFlight: 0,
      deltaGeneration: 0,
      deltaExpiry: "gone",
    };
    mailboxes.set(key, mb);
    return mb.id;
  }

  function findMailbox(ref: string): Mailbox | undefined {
    const r = ref.toLowerCase();
    if (r === "me") return mailboxes.get(signedIn) ?? mailboxes.get(signedIn);
    const byUpn = mailboxes.get(r);
    if (byUpn) return byUpn;
    for (const mb of mailboxes.values()) if (mb.id.toLowerCase() === r) return mb;
    return undefined;
  }

  function seedMailbox(ref: string): Mailbox {
    const found = findMailbox(ref);
    if (found) return found;
    addUser(ref.toLowerCase() === "me" ? signedIn : ref);
    return findMailbox(ref)!;
  }

  addUser(signedIn);
  const sharePoint = createSharePointSimulator({
    clock,
    nextId,
    signedIn: () => signedIn,
    displayNameOf: (upn) => mailboxes.get(upn.toLowerCase())?.displayName ?? upn,
  });

  function storeMessage(
    mb: Mailbox,
    folder: string,
    seed: SeedMessage,
    mime?: string,
    attachments: readonly SeedAttachment[] = [],
  ): GraphMessage {
    const id = seed.id ?? nextId("AAkALgAA");
    const now = new Date(clock()).toISOString();
    const msg: GraphMessage = {
      id,
      internetMessageId: `<${id}@sim.graph.example>`,
      conversationId: nextId("AAQkAD"),
      subject: "",
      receivedDateTime: now,
      sentDateTime: seed.receivedDateTime ?? now,
      body: { contentType: "text", content: "" },
      categories: [],
      hasAttachments: false,
      isRead: false,
      toRecipients: [],
      ccRecipients: [],
      webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
      ...clone(seed),
    };
    msg.id = id;
    // Exchange keeps the time of every change to an item; delta and lists return it when selected.
    if (msg.lastModifiedDateTime === undefined) msg.lastModifiedDateTime = msg.receivedDateTime ?? new Date(clock()).toISOString();
    if (msg.bodyPreview === undefined) msg.bodyPreview = htmlToPlain(msg.body?.content ?? "").slice(0, 255);
    if (!msg.sender && msg.from) msg.sender = clone(msg.from);
    msg.parentFolderId = folder;
    seq++;
    msg.changeKey = changeKeyOf(seq);
    const stored = storeAttachments(attachments, nextId, msg.receivedDateTime ?? now);
    if (stored.length) msg.hasAttachments = hasListedAttachments(stored);
    mb.messages.set(id, { msg, folder, created: seq, changed: seq, mime, attachments: stored });
    return msg;
  }

  // ---------- projection helpers ----------

  function parseExpand(expand: string | null): { props: boolean; filter: FilterNode | null } {
    if (!expand) return { props: false, filter: null };
    const m = /^singleValueExtendedProperties(?:\(\$filter=(.*)\))?$/i.exec(expand.trim());
    if (!m) throw new FilterSyntaxError(`Unsupported $expand: ${expand}`);
    return { props: true, filter: m[1] ? parseFilter(m[1]) : null };
  }

  function project(
    src: Record<string, unknown>,
    select: string[] | null,
    expand: { props: boolean; filter: FilterNode | null },
    textBodies: boolean,
  ): Record<string, unknown> {
    const full = clone(src);
    const props = full.singleValueExtendedProperties as { id: string; value: string }[] | undefined;
    delete full.singleValueExtendedProperties;
    if (textBodies && full.body && typeof full.body === "object") {
      const b = full.body as { contentType: string; content: string };
      if (b.contentType === "html") full.body = { contentType: "text", content: htmlToPlain(b.content) };
    }
    let out: Record<string, unknown> = full;
    if (select) {
      out = { id: full.id };
      for (const f of select) if (f in full) out[f] = full[f];
    }
    // Graph answers every Outlook item with its version, selected or not; PATCH takes it back in If-Match.
    if (typeof full.changeKey === "string") out["@odata.etag"] = etagOf(full.changeKey);
    if (expand.props && props) {
      const kept = expand.filter ? props.filter((p) => evaluateFilter(expand.filter!, p)) : props;
      if (kept.length > 0) out.singleValueExtendedProperties = kept;
    }
    return out;
  }

  function parseSelect(q: URLSearchParams): string[] | null {
    const s = q.get("$select");
    return s
      ? s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean)
      : null;
  }

  function pageSize(q: URLSearchParams, prefer: Map<string, string>): number {
    const top = q.get("$top") ?? prefer.get("odata.maxpagesize");
    const n = top === null || top === undefined ? 10 : Number(top);
    if (!Number.isFinite(n) || n < 1) return 10;
    return Math.min(1000, Math.floor(n));
  }

  function withQuery(version: string, path: string, q: URLSearchParams): string {
    const parts: string[] = [];
    q.forEach((v, k) => parts.push(`${k}=${encodeURIComponent(v)}`));
    return `${GRAPH_HOST}/${version}${path}${parts.length ? "?" + parts.join("&") : ""}`;
  }

  /** Shared listing logic for messages and events: filter, InefficientFilter rule, order, page, project. */
  function listCollection(
    items: { rec: Record<string, unknown>; created: number }[],
    q: URLSearchParams,
    prefer: Map<string, string>,
    version: string,
    path: string,
    defaultOrder: string,
  ): SimResponse {
    let filter: FilterNode | null = null;
    let expand: { props: boolean; filter: FilterNode | null };
    try {
      filter = q.get("$filter") ? parseFilter(q.get("$filter")!) : null;
      expand = parseExpand(q.get("$expand"));
    } catch (e) {
      return graphError(400, "BadRequest", (e as Error).message);
    }
    const orderby = q.get("$orderby");
    const orderTerms = (orderby ?? defaultOrder)
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => {
        const [prop, dir] = t.split(/\s+/);
        return { prop, desc: (dir ?? "asc").toLowerCase() === "desc" };
      });
    if (filter && orderby) {
      const filterProps = filterPropertyOrder(filter);
      const ok = orderTerms.every((t, i) => filterProps[i] === t.prop);
      if (!ok) return graphError(400, "InefficientFilter", "The restriction or sort order is too complex for this operation.");
    }
    let rows = filter ? items.filter((it) => evaluateFilter(filter, it.rec)) : items.slice();
    rows.sort((a, b) => {
      for (const t of orderTerms) {
        const x = scalarText(resolve(a.rec, t.prop));
        const y = scalarText(resolve(b.rec, t.prop));
        if (x !== y) return (x < y ? -1 : 1) * (t.desc ? -1 : 1);
      }
      return a.created - b.created;
    });
    const top = pageSize(q, new Map());
    const skip = Math.max(0, Number(q.get("$skip") ?? 0) || 0);
    const page = rows.slice(skip, skip + top);
    const select = parseSelect(q);
    const textBodies = prefer.get("outlook.body-content-type") === "text";
    const body: Record<string, unknown> = { value: page.map((r) => project(r.rec, select, expand, textBodies)) };
    if (skip + top < rows.length) {
      const nq = new URLSearchParams(q);
      nq.set("$skip", String(skip + top));
      body["@odata.nextLink"] = withQuery(version, path, nq);
    }
    rows = [];
    return { status: 200, body };
  }

  function resolve(rec: Record<string, unknown>, path: string): unknown {
    let cur: unknown = rec;
    for (const seg of path.split("/")) {
      if (cur === null || typeof cur !== "object") return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
    return cur;
  }

  function folderMatches(stored: StoredMessage, folder: string): boolean {
    return stored.folder.toLowerCase() === folder.toLowerCase();
  }

  // ---------- routes ----------

  function messagesList(
    mb: Mailbox,
    folder: string | null,
    q: URLSearchParams,
    prefer: Map<string, string>,
    version: string,
    path: string,
  ): SimResponse {
    const items = [...mb.messages.values()]
      .filter((s) => folder === null || folderMatches(s, folder))
      .map((s) => ({ rec: s.msg, created: s.created }));
    return listCollection(items, q, prefer, version, path, "receivedDateTime desc");
  }

  function delta(mb: Mailbox, folder: string, q: URLSearchParams, prefer: Map<string, string>, version: string, path: string): SimResponse {
    let state: DeltaState;
    const dt = q.get("$deltatoken");
    const st = q.get("$skiptoken");
    if (dt || st) {
      const decoded = decodeToken<DeltaState>((dt ?? st)!);
      if (!decoded || decoded.f.toLowerCase() !== folder.toLowerCase())
        return graphError(400, "SyncStateInvalid", "The sync state is invalid or does not match this folder.");
      if ((decoded.g ?? 0) < mb.deltaGeneration) {
        if (mb.deltaExpiry === "gone") return graphError(410, "Gone", "The delta token has expired; start a full synchronization.");
        if (mb.deltaExpiry === "syncStateNotFound")
          return graphError(400, "syncStateNotFound", "The sync state generation is not found. The delta token is expired.");
        return graphError(400, "resyncRequired", "A resync is required: start the synchronization again.");
      }
      state = dt ? { ...decoded, at: seq, after: 0 } : decoded;
    } else {
      if (q.get("$orderby")) return graphError(400, "BadRequest", "$orderby is not supported on delta queries.");
      let since: string | null = null;
      const f = q.get("$filter");
      if (f) {
        let node: FilterNode;
        try {
          node = parseFilter(f);
        } catch (e) {
          return graphError(400, "BadRequest", (e as Error).message);
        }
        if (!isReceivedSinceOnly(node))
          return graphError(400, "BadRequest", "Delta on messages supports only a receivedDateTime ge filter.");
        since = String((node as { right: { value: unknown } }).right.value);
      }
      // Delta on messages takes $expand (learn.microsoft.com/graph/api/message-delta, "OData query parameters"): here
      // only extended properties, as on lists; anything else is refused.
      try {
        parseExpand(q.get("$expand"));
      } catch (e) {
        return graphError(400, "BadRequest", (e as Error).message);
      }
      state = {
        f: folder,
        since,
        from: 0,
        at: seq,
        after: 0,
        sel: q.get("$select"),
        ex: q.get("$expand"),
        ps: pageSize(q, prefer),
        g: mb.deltaGeneration,
      };
    }
    const sinceMs = state.since ? Date.parse(state.since) : null;
    const candidates = [...mb.messages.values()]
      .filter(
        (s) =>
          folderMatches(s, state.f) &&
          s.created > state.after &&
          s.changed > state.from &&
          (sinceMs === null || Date.parse(s.msg.receivedDateTime ?? "") >= sinceMs),
      )
      .sort((a, b) => a.created - b.created);
    const page = candidates.slice(0, state.ps);
    const select = state.sel ? state.sel.split(",").map((s) => s.trim()) : null;
    const textBodies = prefer.get("outlook.body-content-type") === "text";
    const expand = parseExpand(state.ex ?? null);
    const value: Record<string, unknown>[] = page.map((s) => project(s.msg as Record<string, unknown>, select, expand, textBodies));
    const body: Record<string, unknown> = { value };
    if (candidates.length > page.length) {
      const next = new URLSearchParams();
      next.set("$skiptoken", encodeToken({ ...state, after: page[page.length - 1].created }));
      body["@odata.nextLink"] = withQuery(version, path, next);
    } else {
      for (const t of mb.tombstones) {
        if (t.seq > state.from && t.folder.toLowerCase() === state.f.toLowerCase())
          value.push({ "@odata.type": "#microsoft.graph.message", id: t.id, "@removed": { reason: "deleted" } });
      }
      const next = new URLSearchParams();
      next.set(
        "$deltatoken",
        encodeToken({
          f: state.f,
          since: state.since,
          from: state.at,
          at: state.at,
          after: 0,
          sel: state.sel,
          ex: state.ex,
          ps: state.ps,
          g: state.g,
        }),
      );
      body["@odata.deltaLink"] = withQuery(version, path, next);
    }
    return { status: 200, body };
  }

  function patchMessage(
    mb: Mailbox,
    id: string,
    patch: Record<string, unknown>,
    select: string[] | null,
    ifMatch: string | null = null,
  ): SimResponse {
    const stored = mb.messages.get(id);
    if (!stored) return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    if (ifMatch !== null && ifMatch !== "*" && ifMatch !== etagOf(String(stored.msg.changeKey)))
      return graphError(412, "PreconditionFailed", "The item was changed since the version given in If-Match.");
    for (const [k, v] of Object.entries(patch ?? {})) {
      if (k === "id") continue;
      if (k === "singleValueExtendedProperties") {
        const list = (stored.msg.singleValueExtendedProperties ??= []);
        for (const p of (v as { id: string; value: string }[]) ?? []) {
          const at = list.findIndex((x) => x.id.toLowerCase() === p.id.toLowerCase());
          if (at >= 0) list[at] = { id: list[at].id, value: p.value };
          else list.push({ id: p.id, value: p.value });
        }
      } else if (k === "categories") {
        if (!Array.isArray(v) || v.some((c) => typeof c !== "string"))
          return graphError(400, "ErrorInvalidProperty", "categories must be an array of strings.");
        stored.msg.categories = [...(v as string[])];
      } else {
        stored.msg[k] = clone(v);
      }
    }
    seq++;
    stored.changed = seq;
    stored.msg.changeKey = changeKeyOf(seq);
    if (!("lastModifiedDateTime" in (patch ?? {}))) stored.msg.lastModifiedDateTime = new Date(clock()).toISOString();
    return { status: 200, body: project(stored.msg, select, { props: false, filter: null }, false) };
  }

  function sendMessage(mb: Mailbox, message: Record<string, unknown>, conversationId?: string): GraphMessage {
    const now = new Date(clock()).toISOString();
    const me = { emailAddress: { name: mb.displayName, address: mb.upn } };
    return storeMessage(mb, "sentitems", {
      ...(message as SeedMessage),
      from: me,
      sender: me,
      sentDateTime: now,
      receivedDateTime: now,
      isRead: true,
      ...(conversationId ? { conversationId } : {}),
    });
  }

  function eventsInRange(mb: Mailbox, startMs: number, endMs: number): GraphEvent[] {
    return [...mb.events.values()]
      .filter((e) => eventTime(e.start) < endMs && eventTime(e.end) > startMs)
      .sort((a, b) => eventTime(a.start) - eventTime(b.start));
  }

  function route(
    method: string,
    path: string,
    q: URLSearchParams,
    headers: Headers,
    body: unknown,
    version: string,
    bytes: Uint8Array | null = null,
  ): SimResponse {
    if (/^\/(sites|drives)(\/|$)/.test(path)) return sharePoint.route({ method, path, query: q, headers, body, bytes, version });
    const segs = path
      .split("/")
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
    const prefer = parsePrefer(headers);
    if (segs[0] === "shares") {
      if (segs[2] !== "driveItem" || segs[3] !== "content" || method !== "GET")
        return graphError(400, "BadRequest", "Unsupported shares request.");
      const enc = segs[1];
      if (!enc.startsWith("u!")) return graphError(400, "BadRequest", "Sharing id must start with u!.");
      const url = safeAtob(enc.slice(2));
      const content = url !== null ? sharedFiles.get(url) : undefined;
      if (content === undefined)
        return graphError(404, "itemNotFound", "The sharing link no longer exists, or you do not have permission to access it.");
      return { status: 200, raw: content, headers: { "content-type": "application/octet-stream" } };
    }
    let mb: Mailbox | undefined;
    let rest: string[];
    if (segs[0] === "me") {
      mb = findMailbox("me");
      rest = segs.slice(1);
    } else if (segs[0] === "users" && segs[1]) {
      mb = findMailbox(segs[1]);
      if (!mb) return graphError(404, "ErrorInvalidUser", `The requested user '${segs[1]}' is invalid.`);
      rest = segs.slice(2);
    } else {
      return graphError(400, "BadRequest", `Resource not found for the segment '${segs[0] ?? ""}'.`);
    }
    if (!mb) return graphError(404, "ErrorInvalidUser", "The signed-in user has no mailbox.");
    const select = parseSelect(q);
    const r0 = rest[0];
    const notFound = (): SimResponse => graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    if (r0 === "messages") {
      if (rest.length === 1 && method === "GET") return messagesList(mb, null, q, prefer, version, path);
      if (rest.length === 2) {
        const stored = mb.messages.get(rest[1]);
        if (method === "GET") {
          if (!stored) return notFound();
          let expand;
          try {
            expand = parseExpand(q.get("$expand"));
          } catch (e) {
            return graphError(400, "BadRequest", (e as Error).message);
          }
          return {
            status: 200,
            body: project(stored.msg, select, expand, prefer.get("outlook.body-content-type") === "text"),
          };
        }
        if (method === "PATCH") return patchMessage(mb, rest[1], body as Record<string, unknown>, null, headers.get("if-match"));
        if (method === "DELETE") {
          if (!stored) return notFound();
          removeStored(mb, rest[1]);
          return { status: 204 };
        }
      }
      // The message's MIME: learn.microsoft.com/graph/outlook-get-mime-message
      if (rest.length === 3 && rest[2] === "$value" && method === "GET") {
        const stored = mb.messages.get(rest[1]);
        if (!stored) return notFound();
        return { status: 200, raw: stored.mime ?? mimeOf(stored.msg), headers: { "content-type": "text/plain" } };
      }
      if (rest.length >= 3 && rest[2] === "attachments") {
        const stored = mb.messages.get(rest[1]);
        if (!stored) return notFound();
        return attachmentRoute(stored.attachments, rest.slice(3), method, q);
      }
      if (rest.length === 3 && rest[2] === "reply" && method === "POST") {
        const stored = mb.messages.get(rest[1]);
        if (!stored) return notFound();
        const b = (body ?? {}) as { comment?: string; message?: Record<string, unknown> };
        sendMessage(
          mb,
          {
            subject: `RE: ${stored.msg.subject ?? ""}`,
            toRecipients: stored.msg.from ? [stored.msg.from] : [],
            body: { contentType: "text", content: b.comment ?? "" },
            ...(b.message ?? {}),
          },
          stored.msg.conversationId,
        );
        return { status: 202 };
      }
    }
    if (r0 === "mailFolders" && rest[2] === "messages") {
      const folder = rest[1];
      if (rest.length === 3 && method === "GET") return messagesList(mb, folder, q, prefer, version, path);
      if (rest.length === 4 && rest[3] === "delta" && method === "GET") return delta(mb, folder, q, prefer, version, path);
      if (rest.length === 4 && method === "GET") {
        const stored = mb.messages.get(rest[3]);
        if (!stored || !folderMatches(stored, folder)) return notFound();
        return { status: 200, body: project(stored.msg, select, { props: false, filter: null }, false) };
      }
      if (rest.length === 3 && method === "POST") {
        const msg = storeMessage(mb, folder, body as SeedMessage);
        return { status: 201, body: msg };
      }
    }
    if (r0 === "sendMail" && method === "POST") {
      const b = body as { message?: Record<string, unknown>; saveToSentItems?: boolean } | null;
      if (!b?.message) return graphError(400, "ErrorInvalidRequest", "The message is missing.");
      const to = (b.message.toRecipients as unknown[] | undefined) ?? [];
      if (to.length === 0) return graphError(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
      if (b.saveToSentItems !== false) sendMessage(mb, b.message);
      return { status: 202 };
    }
    if (r0 === "outlook" && rest[1] === "masterCategories") {
      if (rest.length === 2 && method === "GET") return { status: 200, body: { value: clone(mb.categories) } };
      if (rest.length === 2 && method === "POST") {
        const b = (body ?? {}) as { displayName?: string; color?: string };
        if (!b.displayName) return graphError(400, "ErrorInvalidRequest", "displayName is required.");
        if (mb.categories.some((c) => c.displayName.toLowerCase() === b.displayName!.toLowerCase()))
          return graphError(409, "ErrorItemAlreadyExists", "A category with that name already exists.");
        const cat = { id: nextId("cat-"), displayName: b.displayName, color: b.color ?? "preset0" };
        mb.categories.push(cat);
        return { status: 201, body: clone(cat) };
      }
      if (rest.length === 3 && method === "DELETE") {
        const at = mb.categories.findIndex((c) => c.id === rest[2]);
        if (at < 0) return notFound();
        mb.categories.splice(at, 1);
        return { status: 204 };
      }
    }
    const eventsRoot = r0 === "events" ? 1 : r0 === "calendar" && rest[1] === "events" ? 2 : -1;
    if (eventsRoot > 0) {
      const eventId = rest[eventsRoot];
      if (!eventId) {
        if (method === "GET") {
          const items = [...mb.events.values()].map((e, i) => ({ rec: inPreferredZone(e, prefer), created: i }));
          return listCollection(items, q, prefer, version, path, "start/dateTime asc");
        }
        if (method === "POST") {
          const b = (body ?? {}) as Partial<GraphEvent>;
          const times = eventTimes(b, true);
          if ("error" in times) return times.error;
          if (b.transactionId) {
            const existing = mb.transactions.get(b.transactionId);
            if (existing && mb.events.has(existing)) return { status: 201, body: inPreferredZone(mb.events.get(existing)!, prefer) };
          }
          const ev: GraphEvent = {
            showAs: "busy",
            sensitivity: "normal",
            isReminderOn: true,
            reminderMinutesBeforeStart: 15,
            categories: [],
            attendees: [],
            ...clone(b),
            ...times.set,
            id: nextId("AAMkEv"),
          } as GraphEvent;
          mb.events.set(ev.id, ev);
          if (b.transactionId) mb.transactions.set(b.transactionId, ev.id);
          return { status: 201, body: inPreferredZone(ev, prefer) };
        }
      } else {
        const ev = mb.events.get(eventId);
        if (!ev) return notFound();
        if (method === "GET")
          return { status: 200, body: project(inPreferredZone(ev, prefer), select, { props: false, filter: null }, false) };
        if (method === "PATCH") {
          const patch = (body ?? {}) as Partial<GraphEvent>;
          const times = eventTimes(patch, false);
          if ("error" in times) return times.error;
          Object.assign(ev, clone(patch), times.set, { id: ev.id });
          return { status: 200, body: inPreferredZone(ev, prefer) };
        }
        if (method === "DELETE") {
          mb.events.delete(eventId);
          return { status: 204 };
        }
      }
    }
    if (r0 === "calendarView" && method === "GET") {
      const s = Date.parse(q.get("startDateTime") ?? "");
      const e = Date.parse(q.get("endDateTime") ?? "");
      if (Number.isNaN(s) || Number.isNaN(e))
        return graphError(
          400,
          "ErrorInvalidParameters",
          "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.",
        );
      const items = eventsInRange(mb, s, e).map((ev, i) => ({ rec: inPreferredZone(ev, prefer), created: i }));
      return listCollection(items, q, prefer, version, path, "start/dateTime asc");
    }
    if (r0 === "calendar" && rest[1] === "getSchedule" && method === "POST") {
      const b = (body ?? {}) as {
        schedules?: string[];
        startTime?: { dateTime: string; timeZone: string };
        endTime?: { dateTime: string; timeZone: string };
      };
      if (!b.schedules?.length || !b.startTime || !b.endTime)
        return graphError(400, "ErrorInvalidParameters", "schedules, startTime and endTime are required.");
      const from = readZoned(b.startTime);
      const to = readZoned(b.endTime);
      if (!("ms" in from)) return graphError(400, from.code, from.message);
      if (!("ms" in to)) return graphError(400, to.code, to.message);
      const s = from.ms;
      const e = to.ms;
      const value = b.schedules.map((addr) => {
        const target = findMailbox(addr);
        const items = target ? eventsInRange(target, s, e).filter((ev) => ev.showAs !== "free") : [];
        return {
          scheduleId: addr,
          scheduleItems: items.map((ev) => ({ status: ev.showAs ?? "busy", subject: ev.subject, start: ev.start, end: ev.end })),
        };
      });
      return { status: 200, body: { value } };
    }
    if (r0 === "mailboxSettings" && method === "GET") {
      if (mb.shared) return graphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
      const settings = clone(mb.settings) as unknown as Record<string, unknown>;
      if (rest[1]) return { status: 200, body: settings[rest[1]] };
      return { status: 200, body: select ? Object.fromEntries(select.map((k) => [k, settings[k]])) : settings };
    }
    return graphError(400, "BadRequest", `Unsupported request: ${method} ${path}`);
  }

  function safeAtob(b64url: string): string | null {
    try {
      const b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
      return decodeURIComponent(escape(atob(b64 + "===".slice((b64.length + 3) % 4))));
    } catch {
      return null;
    }
  }

  function removeStored(mb: Mailbox, id: string): void {
    const stored = mb.messages.get(id);
    if (!stored) return;
    mb.messages.delete(id);
    seq++;
    mb.tombstones.push({ id, folder: stored.folder, seq });
  }

  // ---------- request plumbing ----------

  function splitUrl(url: string): { version: string; path: string; query: string } | null {
    let rest = url;
    if (rest.startsWith(GRAPH_HOST)) rest = rest.slice(GRAPH_HOST.length);
    const m = /^\/(v1\.0|beta)(\/[^?]*)?(?:\?(.*))?$/.exec(rest);
    if (m) return { version: m[1], path: m[2] ?? "/", query: m[3] ?? "" };
    // $batch sub-request URLs are relative to the version
    const rel = /^\/?([^?]*)(?:\?(.*))?$/.exec(url);
    if (rel && !url.startsWith("http")) return { version: "", path: `/${rel[1]}`, query: rel[2] ?? "" };
    return null;
  }

  function mailboxKeyOf(path: string): string {
    const segs = path.split("/").filter(Boolean);
    if (segs[0] === "me") return signedIn;
    // SharePoint throttles per tenant, not per mailbox: its requests share one key.
    if (segs[0] === "sites" || segs[0] === "drives") return SHAREPOINT_KEY;
    if (segs[0] === "users" && segs[1]) return findMailbox(decodeURIComponent(segs[1]))?.upn ?? decodeURIComponent(segs[1]).toLowerCase();
    return segs[0] ?? "";
  }

  function takeFault(req: RequestSummary): SimulatedFault | null {
    for (let i = 0; i < faults.length; i++) {
      const f = faults[i];
      if (req.inBatch && (!f.matcher || typeof f.fault === "string")) continue;
      if (f.matcher && !f.matcher(req)) continue;
      f.remaining--;
      if (f.remaining <= 0) faults.splice(i, 1);
      return f.fault;
    }
    if (storm && !req.inBatch && storm.random() < storm.rate) {
      storm.injected++;
      return storm.mix[Math.floor(storm.random() * storm.mix.length)];
    }
    return null;
  }

  function budgetRetryAfter(key: string): number | null {
    const mb = mailboxes.get(key);
    if (!mb) return null;
    const now = clock();
    while (mb.window.length && mb.window[0] <= now - windowMs) mb.window.shift();
    if (mb.window.length >= windowBudget) return Math.max(1, Math.ceil((mb.window[0] + windowMs - now) / 1000));
    mb.window.push(now);
    return null;
  }

  function throttled(retryAfterSec: number, message: string): SimResponse {
    stats.throttled++;
    return graphError(429, "ApplicationThrottled", message, { "Retry-After": String(retryAfterSec) });
  }

  function count(method: string, path: string): void {
    const k = `${method} ${path}`;
    stats.requestsByPath[k] = (stats.requestsByPath[k] ?? 0) + 1;
  }

  function statusFault(f: { status: number; retryAfterSec?: number }): SimResponse {
    const codes: Record<number, string> = {
      400: "BadRequest",
      413: "RequestEntityTooLarge",
      429: "TooManyRequests",
      500: "InternalServerError",
      502: "BadGateway",
      503: "ServiceUnavailable",
      504: "GatewayTimeout",
    };
    return graphError(
      f.status,
      codes[f.status] ?? "InternalServerError",
      f.status < 500 ? "The request was refused." : "The service is temporarily unavailable.",
      f.retryAfterSec !== undefined ? { "Retry-After": String(f.retryAfterSec) } : undefined,
    );
  }

  function runBatch(body: unknown, version: string): SimResponse {
    const reqs = (body as { requests?: unknown })?.requests;
    if (!Array.isArray(reqs) || reqs.length === 0) return graphError(400, "BadRequest", "Invalid batch payload format.");
    if (reqs.length > BATCH_LIMIT) return graphError(400, "BadRequest", `Number of batch requests exceeds the limit of ${BATCH_LIMIT}.`);
    const ids = new Set<string>();
    for (const r of reqs as { id?: unknown }[]) {
      if (typeof r.id !== "string" || ids.has(r.id)) return graphError(400, "BadRequest", "Each batch request needs a unique id.");
      ids.add(r.id);
    }
    const results = new Map<string, SimResponse>();
    const responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] = [];
    for (const r of reqs as {
      id: string;
      method: string;
      url: string;
      headers?: Record<string, string>;
      body?: unknown;
      dependsOn?: string[];
    }[]) {
      stats.batchSubRequests++;
      let res: SimResponse;
      const parts = splitUrl(r.url);
      const method = (r.method ?? "GET").toUpperCase();
      const failedDep = (r.dependsOn ?? []).find((d) => !results.has(d) || results.get(d)!.status >= 400);
      if (!parts || parts.path === "/$batch") res = graphError(400, "BadRequest", "Invalid request URL in batch.");
      else if (failedDep !== undefined) res = graphError(424, "FailedDependency", `Depends on request ${failedDep}, which failed.`);
      else {
        count(method, parts.path);
        const fault = takeFault({ method, path: parts.path, query: parts.query, body: r.body, inBatch: true });
        const retryAfter = budgetRetryAfter(mailboxKeyOf(parts.path));
        if (fault && typeof fault === "object") res = statusFault(fault);
        else if (retryAfter !== null) res = throttled(retryAfter, "The mailbox request budget is spent.");
        else res = route(method, parts.path, new URLSearchParams(parts.query), new Headers(r.headers ?? {}), r.body, version);
      }
      results.set(r.id, res);
      const headers: Record<string, string> = { "Content-Type": "application/json", ...(res.headers ?? {}) };
      responses.push({
        id: r.id,
        status: res.status,
        headers,
        ...(res.body !== undefined ? { body: res.body } : res.raw !== undefined ? { body: res.raw } : {}),
      });
    }
    return { status: 200, body: { responses } };
  }

  function toResponse(res: SimResponse): Response {
    const headers = new Headers(res.headers ?? {});
    if (res.status === 204 || (res.body === undefined && res.raw === undefined && res.bytes === undefined))
      return new Response(null, { status: res.status, headers });
    if (res.raw !== undefined) return new Response(res.raw, { status: res.status, headers });
    if (res.bytes !== undefined) return new Response(res.bytes.slice(), { status: res.status, headers });
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify(res.body), { status: res.status, headers });
  }

  async function readRequest(
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<{ method: string; url: string; headers: Headers; body: unknown; bytes: Uint8Array | null; signal: AbortSignal | null }> {
    let url: string;
    let method = init?.method;
    const headers = new Headers();
    let bodyText: string | null = null;
    let bytes: Uint8Array | null = null;
    let signal: AbortSignal | null = init?.signal ?? null;
    if (typeof input === "string") url = input;
    else if (input instanceof URL) url = input.toString();
    else {
      url = input.url;
      method ??= input.method;
      input.headers.forEach((v, k) => headers.set(k, v));
      signal ??= input.signal;
      if (init?.body === undefined && input.method !== "GET" && input.method !== "HEAD") {
        bytes = new Uint8Array(await input.clone().arrayBuffer());
        bodyText = new TextDecoder().decode(bytes);
      }
    }
    new Headers(init?.headers ?? {}).forEach((v, k) => headers.set(k, v));
    if (init?.body !== undefined && init.body !== null) {
      if (typeof init.body === "string") {
        bodyText = init.body;
        bytes = new TextEncoder().encode(init.body);
      } else {
        bytes = new Uint8Array(await new Response(init.body as BodyInit).arrayBuffer());
        bodyText = new TextDecoder().decode(bytes);
      }
    }
    let body: unknown = undefined;
    const contentType = headers.get("content-type");
    if (bodyText && (!contentType || /json/i.test(contentType))) {
      try {
        body = JSON.parse(bodyText);
      } catch {
        body = bodyText;
      }
    } else if (bodyText) body = bodyText;
    return { method: (method ?? "GET").toUpperCase(), url, headers, body, bytes, signal };
  }

  function timeoutError(): Error {
    return typeof DOMException === "function"
      ? new DOMException("The operation timed out.", "TimeoutError")
      : Object.assign(new Error("The operation timed out."), { name: "TimeoutError" });
  }

  async function hang(signal: AbortSignal | null): Promise<never> {
    if (signal) {
      if (signal.aborted) throw signal.reason ?? timeoutError();
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(timeoutMs, 60_000));
        signal.addEventListener("abort", () => {
          clearTimeout(t);
          resolve();
        });
      });
      throw signal.reason ?? timeoutError();
    }
    await sleep(timeoutMs);
    throw timeoutError();
  }

  /** The fetch-compatible entry point. */
  async function fetchImpl(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const req = await readRequest(input, init);
    // Every top-level request counts from its arrival to its answer, refused and faulted ones too: what the client
    // really had in flight, which the 429 for the fifth concurrent request would otherwise hide.
    const parts = req.url.startsWith(GRAPH_HOST) ? splitUrl(req.url) : null;
    const firstSub = parts?.path === "/$batch" ? ((req.body as { requests?: { url?: string }[] })?.requests?.[0]?.url ?? "") : "";
    const arrivalKey = !parts
      ? SHAREPOINT_KEY
      : parts.path === "/$batch"
        ? mailboxKeyOf(splitUrl(firstSub)?.path ?? "")
        : mailboxKeyOf(parts.path);
    const statKey = findMailbox(arrivalKey)?.upn ?? arrivalKey;
    const concurrent = (arriving.get(statKey) ?? 0) + 1;
    arriving.set(statKey, concurrent);
    stats.maxConcurrentByMailbox[statKey] = Math.max(stats.maxConcurrentByMailbox[statKey] ?? 0, concurrent);
    try {
      return await answer(req);
    } finally {
      arriving.set(statKey, (arriving.get(statKey) ?? 1) - 1);
    }
  }

  async function answer(req: Awaited<ReturnType<typeof readRequest>>): Promise<Response> {
    stats.totalRequests++;
    const logEntry = { method: req.method, url: req.url, status: 0, prefer: req.headers.get("prefer") ?? "" };
    stats.log.push(logEntry);
    const parts = req.url.startsWith(GRAPH_HOST) ? splitUrl(req.url) : null;
    if (offline) {
      await sleep(0);
      throw new TypeError("Failed to fetch (the simulator is offline)");
    }
    if (!parts && sharePoint.isUploadUrl(req.url)) return uploadFetch(req, logEntry);
    if (!parts) {
      logEntry.status = 400;
      return toResponse(graphError(400, "BadRequest", `Not a Graph URL: ${req.url}`));
    }
    count(req.method, parts.path);
    const isBatch = parts.path === "/$batch";
    const firstSub = isBatch ? ((req.body as { requests?: { url?: string }[] })?.requests?.[0]?.url ?? "") : "";
    const key = isBatch ? mailboxKeyOf(splitUrl(firstSub)?.path ?? "") : mailboxKeyOf(parts.path);
    const fault = takeFault({ method: req.method, path: parts.path, query: parts.query, body: req.body, inBatch: false });
    if (fault === "drop") {
      await sleep(latencyMs);
      throw new TypeError("Failed to fetch (connection dropped)");
    }
    if (fault === "timeout") return hang(req.signal);
    let early: SimResponse | null = null;
    if (throttleQueue && throttleQueue.remaining > 0) {
      throttleQueue.remaining--;
      early = throttled(throttleQueue.retryAfterSec, "Too many requests.");
    } else if (fault && typeof fault === "object") {
      early = statusFault(fault);
    }
    const mb = mailboxes.get(key);
    if (!early && !isBatch) {
      const retryAfter = budgetRetryAfter(key);
      if (retryAfter !== null) early = throttled(retryAfter, "The mailbox request budget is spent.");
    }
    if (!early && mb && mb.inFlight >= maxInFlight)
      early = throttled(inFlightRetryAfter, "Application is over its MailboxConcurrency limit.");
    if (!early && !mb && (keyInFlight.get(key) ?? 0) >= maxInFlight) early = throttled(inFlightRetryAfter, "Too many requests in flight.");
    if (early) {
      await sleep(latencyMs);
      logEntry.status = early.status;
      return toResponse(early);
    }
    if (mb) mb.inFlight++;
    else keyInFlight.set(key, (keyInFlight.get(key) ?? 0) + 1);
    inFlightTotal++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlightTotal);
    const statKey = mb?.upn ?? key;
    stats.maxInFlightByMailbox[statKey] = Math.max(stats.maxInFlightByMailbox[statKey] ?? 0, mb ? mb.inFlight : keyInFlight.get(key)!);
    try {
      await sleep(latencyMs);
      const res = isBatch
        ? req.method === "POST"
          ? runBatch(req.body, parts.version)
          : graphError(405, "BadRequest", "Use POST for $batch.")
        : route(req.method, parts.path, new URLSearchParams(parts.query), req.headers, req.body, parts.version, req.bytes);
      logEntry.status = res.status;
      if (fault === "drop-after-commit") throw new TypeError("Failed to fetch (connection dropped after the server applied the request)");
      return toResponse(res);
    } finally {
      if (mb) mb.inFlight--;
      else keyInFlight.set(key, (keyInFlight.get(key) ?? 1) - 1);
      inFlightTotal--;
    }
  }

  /**
   * A PUT/GET/DELETE on an upload session's URL (SharePoint's host, pre-authorized). Faults apply as to Graph requests;
   * a dropped fragment is not stored, so the client asks the session what it has and resumes.
   */
  async function uploadFetch(req: Awaited<ReturnType<typeof readRequest>>, logEntry: { status: number }): Promise<Response> {
    const path = "/_api/v2.0/uploadSession";
    count(req.method, path);
    const fault = takeFault({ method: req.method, path, query: new URL(req.url).search.slice(1), body: null, inBatch: false });
    if (fault === "drop") {
      await sleep(latencyMs);
      throw new TypeError("Failed to fetch (connection dropped)");
    }
    if (fault === "timeout") return hang(req.signal);
    if (fault && typeof fault === "object") {
      await sleep(latencyMs);
      logEntry.status = fault.status;
      return toResponse(statusFault(fault));
    }
    keyInFlight.set(SHAREPOINT_KEY, (keyInFlight.get(SHAREPOINT_KEY) ?? 0) + 1);
    inFlightTotal++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlightTotal);
    try {
      await sleep(latencyMs);
      const res = sharePoint.uploadRoute(req.method, req.url, req.headers, req.bytes);
      logEntry.status = res.status;
      if (fault === "drop-after-commit") throw new TypeError("Failed to fetch (connection dropped after the server applied the request)");
      return toResponse(res);
    } finally {
      keyInFlight.set(SHAREPOINT_KEY, (keyInFlight.get(SHAREPOINT_KEY) ?? 1) - 1);
      inFlightTotal--;
    }
  }

  const requireMailbox = (ref: string): Mailbox => {
    const mb = findMailbox(ref);
    if (!mb) throw new Error(`No mailbox ${ref} in the simulator`);
    return mb;
  };

  return {
    fetch: fetchImpl,
    /** Adds a user (or a shared mailbox with `shared: true`); returns its id. */
    addUser,
    /** Adds a shared mailbox: `/users/{id|upn}` works, `/mailboxSettings` answers 403. */
    addSharedMailbox(upn: string, opts: { id?: string; displayName?: string } = {}): string {
      return addUser(upn, { ...opts, shared: true });
    },
    /** Changes who `/me` is. */
    setSignedInUser(upn: string): void {
      signedIn = upn.toLowerCase();
      addUser(signedIn);
    },
    get signedInUser(): string {
      return signedIn;
    },
    /**
     * Seeds a message into a folder ('inbox', 'sentitems' or any folder id); returns it with its generated fields.
     * `mime` is what its `$value` gives (made from its fields when absent); `attachments` what `…/attachments` lists.
     */
    addMessage(
      mailbox: string,
      folder: string,
      msg: SeedMessage = {},
      options: { mime?: string; attachments?: readonly SeedAttachment[] } = {},
    ): GraphMessage {
      return clone(
        storeMessage(
          seedMailbox(mailbox),
          WELL_KNOWN_FOLDERS.has(folder.toLowerCase()) ? folder.toLowerCase() : folder,
          msg,
          options.mime,
          options.attachments,
        ),
      );
    },
    /** SharePoint: sites, lists, libraries, walls (see sharePoint.ts). */
    sharePoint,
    /** Changes a message as another client would (shows in delta as changed). */
    updateMessage(mailbox: string, id: string, patch: SeedMessage): void {
      const res = patchMessage(requireMailbox(mailbox), id, patch, null);
      if (res.status !== 200) throw new Error(`No message ${id}`);
    },
    /** Sets what a message's `$value` gives (e.g. a large MIME for a bench). */
    setMessageMime(mailbox: string, id: string, mime: string): void {
      const stored = requireMailbox(mailbox).messages.get(id);
      if (!stored) throw new Error(`No message ${id}`);
      stored.mime = mime;
    },
    /** Deletes a message (shows in delta as @removed). */
    removeMessage(mailbox: string, id: string): void {
      removeStored(requireMailbox(mailbox), id);
    },
    /** Moves a message to another folder (removed from the old folder's delta, new in the other). */
    moveMessage(mailbox: string, id: string, folder: string): void {
      const mb = requireMailbox(mailbox);
      const stored = mb.messages.get(id);
      if (!stored) throw new Error(`No message ${id}`);
      seq++;
      mb.tombstones.push({ id, folder: stored.folder, seq });
      stored.folder = folder;
      stored.msg.parentFolderId = folder;
      seq++;
      stored.changed = seq;
    },
    /** Makes a file reachable through `/shares/{u!base64url(url)}/driveItem/content`. */
    addSharedFile(sharingUrl: string, content: string): void {
      sharedFiles.set(sharingUrl, content);
    },
    setMailboxSettings(mailbox: string, settings: GraphMailboxSettings): void {
      seedMailbox(mailbox).settings = clone(settings);
    },
    /** Messages of a mailbox (optionally one folder), as stored (extended properties included). */
    messages(mailbox: string, folder?: string): GraphMessage[] {
      const mb = findMailbox(mailbox);
      if (!mb) return [];
      return [...mb.messages.values()]
        .filter((s) => !folder || folderMatches(s, folder))
        .sort((a, b) => a.created - b.created)
        .map((s) => clone(s.msg));
    },
    message(mailbox: string, id: string): GraphMessage | undefined {
      return clone(findMailbox(mailbox)?.messages.get(id)?.msg);
    },
    sentMail(mailbox: string): GraphMessage[] {
      return this.messages(mailbox, "sentitems");
    },
    events(mailbox: string): GraphEvent[] {
      return clone([...(findMailbox(mailbox)?.events.values() ?? [])]);
    },
    masterCategories(mailbox: string): GraphMasterCategory[] {
      return clone(findMailbox(mailbox)?.categories ?? []);
    },
    /**
     * A fault storm: from now on, each top-level request (uploads included) meets a fault with probability `rate`,
     * drawn from a seeded generator so a failing run can be replayed: 429 and 503 with `Retry-After`, a timeout (the
     * request hangs until the client gives up), a connection dropped before the server saw the request, and one
     * dropped after the server applied it (the answer is lost: the client cannot tell it landed). Null ends it.
     */
    storm(options: { rate: number; seed: number; retryAfterSec?: number } | null): void {
      if (!options) {
        storm = null;
        return;
      }
      const retryAfterSec = options.retryAfterSec ?? 1;
      storm = {
        rate: options.rate,
        random: mulberry32(options.seed),
        injected: 0,
        mix: [{ status: 429, retryAfterSec }, { status: 503, retryAfterSec }, "timeout", "drop", "drop-after-commit"],
      };
    },
    /** Faults the storm has injected so far. */
    stormFaults(): number {
      return storm?.injected ?? 0;
    },
    /** Injects `fault` into the next `n` requests that `matcher` accepts (all requests when omitted). */
    failNext(n: number, fault: SimulatedFault, matcher?: FaultMatcher): void {
      if (n > 0) faults.push({ remaining: n, fault, matcher });
    },
    /** Offline: every request rejects with a TypeError, as fetch does without a network. */
    setOffline(value: boolean): void {
      offline = value;
    },
    /** The next `n` requests answer 429 with `Retry-After: retryAfterSec`. */
    throttle429(n: number, retryAfterSec: number): void {
      throttleQueue = { remaining: n, retryAfterSec };
    },
    get stats(): SimulatorStats {
      return stats;
    },
    resetStats(): void {
      stats = emptyStats();
    },
    /**
     * Forgets every delta cursor handed out so far for `mailbox`, as Graph does when its token cache drops them: the
     * next request with an old nextLink or deltaLink gets `answer` (410 Gone, or 400 syncStateNotFound/resyncRequired).
     */
    expireDeltaTokens(mailbox: string, answer: DeltaExpiry = "gone"): void {
      const mb = findMailbox(mailbox);
      if (!mb) throw new Error(`expireDeltaTokens: no mailbox ${mailbox}`);
      mb.deltaGeneration++;
      mb.deltaExpiry = answer;
    },
    /** Faults still queued (for tests that must see every injected fault consumed). */
    pendingFaults(): number {
      return faults.reduce((s, f) => s + f.remaining, 0) + (throttleQueue?.remaining ?? 0);
    },
  };
}

/** The simulator's public surface. */
export type GraphSimulator = ReturnType<typeof createGraphSimulator>;

/** Encodes a sharing URL the way Graph's `/shares/{id}` expects: `u!` + unpadded base64url. */
export function encodeSharingUrl(url: string): string {
  return (
    "u!" +
    btoa(unescape(encodeURIComponent(url)))
      .replace(/=+$/, "")
      .replace(/\//g, "_")
      .replace(/\+/g, "-")
  );
}

/** A small seeded generator (mulberry32): the same seed gives the same storm, or the same bench mailbox. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
