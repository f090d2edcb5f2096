import { MatterlineError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import type { FolderSyncPage, MailFolderSync } from "@ports/mailFolderSync";
import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";
import { isNeverFromClient, type PackedFacts } from "@domain/assessment/bodyFacts";
import { joinByConversation } from "./conversationJoin";
import { fromRow, isMessageRow, restoreConversations, toRow, type MessageRow, type ScannedMessage } from "./scanRows";
import { idDigest } from "./idDigest";

/** The two folders a scan reads: client mail in, replies out. */
export type ScanFolder = "inbox" | "sentitems";

export interface ScanProgress {
  readonly mailbox: string | null;
  readonly folder: ScanFolder;
  /** "full" on the first pass over the window, "incremental" when only changes since the last scan are read. */
  readonly phase: "full" | "incremental";
  /** Pages read in this run for this folder. */
  readonly pages: number;
  /** Messages now known in this folder's window. */
  readonly messages: number;
  /** True once this folder is up to date. */
  readonly done: boolean;
}

export interface ScanOptions {
  /** null for the signed-in user's own mailbox, else a shared/delegated mailbox id or address. */
  readonly mailbox: string | null;
  /** The present, ISO-8601 (the scan never reads the clock). */
  readonly now: string;
  /** Days back from `now` (default 14). */
  readonly windowDays?: number;
  /** Fetch inbound bodies (needed to decide needs-reply); sent mail never needs its body. Default true. */
  readonly inboundBodies?: boolean;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Reads each new inbound message's body into the facts kept in its place; absent: no facts are kept. */
  readonly facts?: FactsReader;
  /** Hears of a synced message that could not be kept (it is left out; the rest of the page goes on). */
  readonly onRowError?: (message: MailMessage, error: unknown) => void;
}

/** Reads a message's body once, when it is first synced, into what the clock keeps instead of the body. */
export interface FactsReader {
  /**
   * What the facts hold for (the body reading's version, the directory, the owner): rows kept under another stamp are
   * stale, so a scan under a new stamp starts afresh and reads every body again.
   */
  readonly stamp: string;
  /** The mailbox owner's address (lower-case), which rows write short (it is part of the stamp). */
  readonly owner: string;
  /** The facts of an inbound message, or null when the clock needs none (the owner's own mail). */
  read(message: MailMessage): PackedFacts | null;
}

/** What a scan gathered: the window's inbound and sent mail (bodies left out), joined by conversation. */
export interface MailboxSnapshot {
  readonly mailbox: string | null;
  readonly windowStart: string;
  /** The stamp its facts were read under (FactsReader.stamp). */
  readonly stamp: string;
  readonly inbound: readonly ScannedMessage[];
  readonly sent: readonly ScannedMessage[];
  /** Sent mail per conversationId, oldest first: "answered" means a sent message here after the inbound one arrived. */
  readonly sentByConversation: Readonly<Record<string, readonly MailMessage[]>>;
  /**
   * MailMessage.id → the mailbox's own (Graph) id, for writes back to the message: the assessed inbound mail, the only
   * mail the clock writes to (thread-only mail is kept under a digest of its Graph id, see {@link scanKey}).
   */
  readonly graphIds: Readonly<Record<string, string>>;
  /** True when this run read only changes since a previous complete scan. */
  readonly incremental: boolean;
}

/** A folder's cursor row: where its sync goes on, and what its message rows hold. */
interface FolderCursor {
  version: 3;
  /** FactsReader.stamp of every row of the folder. */
  stamp: string;
  /** The start of the window the delta round was opened with. */
  since: string;
  /** Where to continue: a page of an unfinished round, or the delta link of a finished one; null = start afresh. */
  cursor: string | null;
  /** True once a round reached its end (the cursor is then a delta link). */
  roundDone: boolean;
}

/** Raised whenever rows are kept differently: a folder kept under another version starts afresh. */
const CURSOR_VERSION = 3;

const DAY_MS = 24 * 60 * 60 * 1000;
const FOLDERS: readonly ScanFolder[] = ["inbox", "sentitems"];

/**
 * Most pages one run reads per folder (1,000 messages a page). Progress is saved after every page, so a run that
 * stops here loses nothing and the next one continues; a nextLink chain that never ends cannot keep the pane busy.
 */
export const MAX_PAGES_PER_RUN = 200;

/** The store key of a mailbox's scan rows. */
export function scanCheckpointKey(mailbox: string | null): string {
  return mailbox ?? "me";
}

/**
 * The key a row is kept under, from the message's Graph id (delta removals name that id too). Mail the clock assesses
 * keeps the id itself, which writes back to the message need; thread-only mail (sent mail, mail from a sender who can
 * never be a client: see `MessageRow`), never written to, keeps its 64-bit {@link idDigest} (a Graph id is about 150
 * characters).
 */
export function scanKey(graphId: string, threadOnly: boolean): string {
  return threadOnly ? idDigest(graphId) : graphId;
}

function isCursor(v: unknown): v is FolderCursor {
  const c = v as FolderCursor | null;
  return (
    !!c &&
    c.version === CURSOR_VERSION &&
    typeof c.stamp === "string" &&
    typeof c.since === "string" &&
    (c.cursor === null || typeof c.cursor === "string") &&
    typeof c.roundDone === "boolean"
  );
}

/** When a message arrived (sent mail: when it left), in ms; NaN when it has no time. */
function timeOf(m: { readonly receivedAt: string | null; readonly sentAt: string | null }): number {
  return Date.parse(m.receivedAt ?? m.sentAt ?? "");
}

/**
 * Gathers a mailbox's inbound and sent mail in a window with few requests: a delta round per folder (1,000 per
 * page), then only changes. Each message is kept as a row without its body (the body is read once, by `facts`, in the
 * page that brought it); a page writes its own rows and the folder's cursor together, so an interrupted scan resumes
 * where it stopped and a page read twice counts once. Rows that left the window are deleted.
 */
export async function scanMailbox(sync: MailFolderSync, store: ScanCheckpointStore, options: ScanOptions): Promise<MailboxSnapshot> {
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new Error(`scanMailbox: invalid now ${options.now}`);
  const windowStart = new Date(nowMs - (options.windowDays ?? 14) * DAY_MS).toISOString();
  const startMs = Date.parse(windowStart);
  const stamp = options.facts?.stamp ?? "no-facts";
  const key = scanCheckpointKey(options.mailbox);
  const kept = await store.load(key);
  const cursors = FOLDERS.map((f) => kept.cursors[f]);
  // Rows read under another stamp hold stale facts, and a wider window than the stored one needs a full pass (the
  // stored delta never saw the older mail): both start the mailbox afresh.
  const reuse = cursors.every((c) => isCursor(c) && c.stamp === stamp && Date.parse(c.since) <= startMs);
  if (!reuse && (kept.rows.length || Object.keys(kept.cursors).length)) await store.clear(key);
  const state = {} as Record<ScanFolder, { cursor: FolderCursor; rows: Map<string, ScannedMessage> }>;
  for (const folder of FOLDERS) {
    const c = kept.cursors[folder];
    state[folder] = {
      cursor: reuse && isCursor(c) ? c : { version: CURSOR_VERSION, stamp, since: windowStart, cursor: null, roundDone: false },
      rows: new Map(),
    };
  }
  if (reuse) {
    for (const r of kept.rows) {
      const folder = r.folder as ScanFolder;
      if (state[folder] && isMessageRow(r.value)) state[folder].rows.set(r.graphId, fromRow(r.value, options.facts?.owner, r.graphId));
    }
  }
  const wasIncremental = state.inbox.cursor.roundDone && state.sentitems.cursor.roundDone;

  async function syncFolder(folder: ScanFolder): Promise<void> {
    const { rows } = state[folder];
    let phase: ScanProgress["phase"] = state[folder].cursor.roundDone ? "incremental" : "full";
    const includeBody = folder === "inbox" && (options.inboundBodies ?? true);
    let pages = 0;
    let restarted = false;
    for (;;) {
      const current = state[folder].cursor;
      if (pages >= MAX_PAGES_PER_RUN)
        throw new MatterlineError(
          "graph-error",
          `The ${folder === "inbox" ? "inbox" : "sent mail"} is larger than one scan reads (${MAX_PAGES_PER_RUN} pages); the next scan continues where this one stopped.`,
        );
      let page: FolderSyncPage;
      try {
        page = current.cursor
          ? await sync.resume(current.cursor, { includeBody })
          : await sync.start(options.mailbox, folder, current.since, { includeBody });
      } catch (error) {
        // Graph forgot the cursor (expired delta token, resync required): what was kept may miss deletions made
        // since, so the folder starts over from nothing, once per run; a fresh start that fails again is a real failure.
        if (!(error instanceof MatterlineError && error.code === "sync-reset") || !current.cursor || restarted) throw error;
        restarted = true;
        phase = "full";
        await store.clear(key, folder);
        rows.clear();
        state[folder].cursor = { version: CURSOR_VERSION, stamp, since: windowStart, cursor: null, roundDone: false };
        continue;
      }
      pages++;
      const put: { graphId: string; value: MessageRow }[] = [];
      const remove = new Set<string>();
      // An inbox message's row may move between its two keys (its facts once failed to read, say): putting or removing
      // one drops the other.
      const drop = (graphId: string, keep?: string) => {
        for (const rowKey of folder === "sentitems" ? [scanKey(graphId, true)] : [graphId, scanKey(graphId, true)])
          if (rowKey !== keep && rows.delete(rowKey)) remove.add(rowKey);
      };
      for (const { graphId, message } of page.messages) {
        // One message that cannot be kept (a hostile shape) is left out and the page goes on; its facts carry any
        // failure to read its body, reported when the clock assesses it.
        try {
          // Mail the round brings from before the window is not kept: a delta round keeps the query options it was opened
          // with in its nextLink and deltaLink (learn.microsoft.com/graph/delta-query-messages), so an older window's
          // messages still come back when they change. Mail with no time is never in a window.
          if (!(timeOf(message) >= startMs)) {
            drop(graphId);
            continue;
          }
          const facts = includeBody && options.facts ? options.facts.read(message) : null;
          const threadOnly = folder === "sentitems" || (facts !== null && isNeverFromClient(facts));
          const rowKey = scanKey(graphId, threadOnly);
          const row = toRow(message, facts, options.facts?.owner, threadOnly);
          drop(graphId, rowKey);
          rows.set(rowKey, fromRow(row, options.facts?.owner, rowKey));
          remove.delete(rowKey);
          put.push({ graphId: rowKey, value: row });
        } catch (error) {
          options.onRowError?.(message, error);
        }
      }
      for (const removed of page.removedIds) drop(removed);
      const next: FolderCursor = {
        ...current,
        cursor: page.nextCursor ?? page.deltaCursor ?? current.cursor,
        roundDone: page.nextCursor === null && page.deltaCursor !== null,
      };
      const putIds = new Set(put.map((p) => p.graphId));
      await store.write(key, folder, { cursor: next, put, remove: [...remove].filter((id) => !putIds.has(id)) });
      state[folder].cursor = next;
      const done = page.nextCursor === null;
      options.onProgress?.({ mailbox: options.mailbox, folder, phase, pages, messages: rows.size, done });
      if (done) break;
    }
    // The window slides forward between scans: rows that fell out of it are deleted, with the cursor unchanged.
    const left = [...rows].filter(([, m]) => !(timeOf(m) >= startMs)).map(([id]) => id);
    if (left.length) {
      await store.write(key, folder, { cursor: state[folder].cursor, put: [], remove: left });
      for (const id of left) rows.delete(id);
    }
  }

  const results = await Promise.allSettled([syncFolder("inbox"), syncFolder("sentitems")]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;

  const graphIds: Record<string, string> = {};
  const collect = (folder: ScanFolder): ScannedMessage[] =>
    [...state[folder].rows].map(([gid, m]) => {
      if (!m.threadOnly) graphIds[m.id] = gid;
      return m;
    });
  const inboxRows = collect("inbox");
  const inbound = restoreConversations(inboxRows, inboxRows).sort((a, b) => (b.receivedAt ?? "").localeCompare(a.receivedAt ?? ""));
  const sent = restoreConversations(collect("sentitems"), inboxRows).sort((a, b) => (a.sentAt ?? "").localeCompare(b.sentAt ?? ""));
  return {
    mailbox: options.mailbox,
    windowStart,
    stamp,
    inbound,
    sent,
    sentByConversation: joinByConversation(sent),
    graphIds,
    incremental: wasIncremental,
  };
}
