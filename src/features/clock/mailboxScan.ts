import { MatterlineError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import type { FolderSyncPage, MailFolderSync } from "@ports/mailFolderSync";
import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";
import { joinByConversation } from "./conversationJoin";

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
}

/** What a scan gathered: the window's inbound and sent mail, joined by conversation. */
export interface MailboxSnapshot {
  readonly mailbox: string | null;
  readonly windowStart: string;
  readonly inbound: readonly MailMessage[];
  readonly sent: readonly MailMessage[];
  /** Sent mail per conversationId, oldest first: "answered" means a sent message here after the inbound one arrived. */
  readonly sentByConversation: Readonly<Record<string, readonly MailMessage[]>>;
  /** MailMessage.id → the mailbox's own (Graph) id, for writes back to the message. */
  readonly graphIds: Readonly<Record<string, string>>;
  /** True when this run read only changes since a previous complete scan. */
  readonly incremental: boolean;
}

interface FolderState {
  /** Where to continue: a page of an unfinished round, or the delta link of a finished one; null = start afresh. */
  cursor: string | null;
  /** True once a round reached its end (the cursor is then a delta link). */
  roundDone: boolean;
  /** Messages by the mailbox's own id: the key that makes resuming and deltas free of double counting. */
  messages: Record<string, MailMessage>;
}

interface Checkpoint {
  version: 1;
  mailbox: string | null;
  windowStart: string;
  folders: Record<ScanFolder, FolderState>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Most pages one run reads per folder (1,000 messages a page). Progress is saved after every page, so a run that
 * stops here loses nothing and the next one continues; a nextLink chain that never ends cannot keep the pane busy.
 */
export const MAX_PAGES_PER_RUN = 200;

/** The store key of a mailbox's scan checkpoint. */
export function scanCheckpointKey(mailbox: string | null): string {
  return `scan:${mailbox ?? "me"}`;
}

function isCheckpoint(v: unknown, mailbox: string | null): v is Checkpoint {
  const c = v as Checkpoint | null;
  return (
    !!c && c.version === 1 && c.mailbox === mailbox && typeof c.windowStart === "string" && !!c.folders?.inbox && !!c.folders?.sentitems
  );
}

function freshFolder(): FolderState {
  return { cursor: null, roundDone: false, messages: {} };
}

/**
 * Gathers a mailbox's inbound and sent mail in a window with few requests: a delta round per folder (1,000 per
 * page), then only changes. Progress is saved after every page, so an interrupted scan resumes where it stopped;
 * messages are keyed by id, so a page read twice counts once. Classification is left to recognition and the clock.
 */
export async function scanMailbox(sync: MailFolderSync, store: ScanCheckpointStore, options: ScanOptions): Promise<MailboxSnapshot> {
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new Error(`scanMailbox: invalid now ${options.now}`);
  const windowStart = new Date(nowMs - (options.windowDays ?? 14) * DAY_MS).toISOString();
  const key = scanCheckpointKey(options.mailbox);
  const stored = await store.get(key);
  // A wider window than the stored one needs a full pass: the stored delta never saw the older mail.
  const reuse = isCheckpoint(stored, options.mailbox) && Date.parse(stored.windowStart) <= Date.parse(windowStart);
  const checkpoint: Checkpoint = reuse
    ? stored
    : { version: 1, mailbox: options.mailbox, windowStart, folders: { inbox: freshFolder(), sentitems: freshFolder() } };
  const wasIncremental = checkpoint.folders.inbox.roundDone && checkpoint.folders.sentitems.roundDone;

  // Both folders write the same checkpoint: serialise the writes so an older snapshot never lands last.
  let writes: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => (writes = writes.then(() => store.put(key, checkpoint)));

  async function syncFolder(folder: ScanFolder): Promise<void> {
    const state = checkpoint.folders[folder];
    let phase: ScanProgress["phase"] = state.roundDone ? "incremental" : "full";
    const includeBody = folder === "inbox" && (options.inboundBodies ?? true);
    let pages = 0;
    let restarted = false;
    for (;;) {
      if (pages >= MAX_PAGES_PER_RUN)
        throw new MatterlineError(
          "graph-error",
          `The ${folder === "inbox" ? "inbox" : "sent mail"} is larger than one scan reads (${MAX_PAGES_PER_RUN} pages); the next scan continues where this one stopped.`,
        );
      let page: FolderSyncPage;
      try {
        page = state.cursor
          ? await sync.resume(state.cursor, { includeBody })
          : await sync.start(options.mailbox, folder, checkpoint.windowStart, { includeBody });
      } catch (error) {
        // Graph forgot the cursor (expired delta token, resync required): what was kept may miss deletions made
        // since, so the folder starts over from nothing, once per run; a fresh start that fails again is a real failure.
        if (!(error instanceof MatterlineError && error.code === "sync-reset") || !state.cursor || restarted) throw error;
        restarted = true;
        phase = "full";
        Object.assign(state, freshFolder());
        await save();
        continue;
      }
      pages++;
      for (const m of page.messages) state.messages[m.graphId] = m.message;
      for (const id of page.removedIds) delete state.messages[id];
      state.cursor = page.nextCursor ?? page.deltaCursor ?? state.cursor;
      state.roundDone = page.nextCursor === null && page.deltaCursor !== null;
      await save();
      const done = page.nextCursor === null;
      options.onProgress?.({ mailbox: options.mailbox, folder, phase, pages, messages: Object.keys(state.messages).length, done });
      if (done) return;
    }
  }

  const results = await Promise.allSettled([syncFolder("inbox"), syncFolder("sentitems")]);
  await writes;
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;

  // The window slides forward between scans: drop what fell out of it.
  const startMs = Date.parse(windowStart);
  const inWindow = (m: MailMessage) => Date.parse(m.receivedAt ?? m.sentAt ?? "") >= startMs;
  const graphIds: Record<string, string> = {};
  const collect = (folder: ScanFolder): MailMessage[] =>
    Object.entries(checkpoint.folders[folder].messages)
      .filter(([, m]) => inWindow(m))
      .map(([gid, m]) => {
        graphIds[m.id] = gid;
        return m;
      });
  const inbound = collect("inbox").sort((a, b) => (b.receivedAt ?? "").localeCompare(a.receivedAt ?? ""));
  const sent = collect("sentitems").sort((a, b) => (a.sentAt ?? "").localeCompare(b.sentAt ?? ""));
  return {
    mailbox: options.mailbox,
    windowStart,
    inbound,
    sent,
    sentByConversation: joinByConversation(sent),
    graphIds,
    incremental: wasIncremental,
  };
}
