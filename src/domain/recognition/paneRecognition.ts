import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import type { LoadedDirectory } from "@domain/directory/directoryProvider";
import type { Directory } from "@domain/directory/types";
import { noDirectoryError } from "@domain/errors";
import { categoryNameFor } from "@domain/matterLog/categoryName";
import { filingHistoryFromSnapshot } from "@domain/matterLog/recognitionHistory";
import type { AuditRecord, LogEntry } from "@domain/matterLog/types";
import { recordFileKey, recordKey, type RecordVersion } from "@domain/record/types";
import type { MailMessage } from "@domain/model/mail";
import type { OutboxOperation } from "@domain/outbox/types";
import type { FilingHistorySnapshot, FilingHistoryStore } from "@ports/filingHistoryStore";
import type { MessageMark } from "@ports/messageReader";
import { recognize } from "./recognize";
import { directionOf } from "./senderRole";
import { marksFromMessages } from "./windowMarks";
import type { FilingHistory, Recognition } from "./types";

/** What the mailbox says about one message of a thread: our MatterId property and its categories. */
export interface ThreadMark {
  readonly internetMessageId: string | null;
  readonly matterId: string | null;
  readonly categories: readonly string[];
}

/**
 * The mailbox as recognition reads it back (Graph in the pane): what a colleague or another device left on the
 * message and its thread. Implementations may reject or time out; recognition then goes on with local evidence.
 */
export interface MailboxMarks {
  /** The mark on the message itself, or null when the mailbox does not hold it (yet). */
  markOf(internetMessageId: string): Promise<MessageMark | null>;
  /** Marks of every message of the conversation in the mailbox. */
  threadMarks(conversationId: string): Promise<readonly ThreadMark[]>;
}

/** The local matter log as the pane reads it: the entry, its audit trail, and its thread's entries. */
export interface PaneLogReader {
  get(internetMessageId: string): Promise<LogEntry | null>;
  auditFor(internetMessageId: string): Promise<AuditRecord[]>;
  /** Entries of one conversation; optional because not every store indexes conversations. */
  listByConversation?(conversationId: string): Promise<LogEntry[]>;
}

/**
 * The local copy of the shared matter record, read only to tell whether the record holds a filing: the version of the
 * email the record itself last answered with (its list item id, eTag and stored file), written by sync and by the
 * record's writes.
 */
export interface RecordShadowReader {
  shadow(internetMessageId: string): Promise<RecordVersion | null>;
}

/** The outbox, read only to tell whether a filing reached the mailbox yet. */
export interface OutboxReader {
  list(): Promise<OutboxOperation[]>;
}

/**
 * Where the mailbox copy of a filing stands: in the mailbox (confirmed by a finished mirror or read back from the
 * mailbox), waiting to sync (retried automatically), failed for good, or unconfirmed (no work queued and nothing shows
 * the mark: a crash between the log write and the enqueue, a filing from before marks were recorded, or a colleague's
 * filing this mailbox has not been marked for).
 */
export type MirrorState = "mirrored" | "waiting" | "failed" | "unconfirmed";

/** Where a filing stands in the firm's shared matter record: there, waiting in the outbox, or refused for good. */
export type RecordState = "filed" | "waiting" | "failed";

/** An email already in the matter log: the entry, who moved it where, and whether the mailbox has it. */
export interface LoggedState {
  readonly entry: LogEntry;
  /** Oldest first. */
  readonly audit: readonly AuditRecord[];
  readonly mirror: MirrorState;
  /** The last error of a waiting or failed mirror write, in plain words. */
  readonly mirrorError: string | null;
  /** Whether the shared matter record has this filing yet. */
  readonly record: RecordState;
  readonly recordError: string | null;
  /** Whether the email itself (its `.eml`) is stored in the matter's folder yet: it follows the record's entry. */
  readonly recordMessage: RecordState;
}

/** What reading the mailbox gave: "read" (evidence below is real), "skipped" (not asked), or "unavailable" (it failed). */
export interface MailboxEvidence {
  readonly status: "read" | "skipped" | "unavailable";
  /** Matter id of our MatterId property on the message itself, e.g. logged by a colleague or another device. */
  readonly selfMatterId: string | null;
  /**
   * A matter a category on the message names while our MatterId property does not say so: any delegate can set a
   * category and inbound mail can arrive with one, so it is only a hint shown to the user, never a filing.
   */
  readonly categoryHint: string | null;
  /** Graph id of the message when the mailbox read found it; lets the mirror skip a lookup. */
  readonly graphId: string | null;
  /** Matter ids of our MatterId property on other messages of the thread. */
  readonly threadMatterIds: readonly string[];
  /** Why it was unavailable, when it was. */
  readonly error: string | null;
}

/** Recognition as the pane shows it: the engine's result plus every place the thread and the message were filed. */
export interface PaneRecognition {
  readonly recognition: Recognition;
  /** Thread matters from the local log (other messages of the conversation). */
  readonly localThreadMatterIds: readonly string[];
  readonly mailbox: MailboxEvidence;
  /** The local log entry for this message, when it is logged. */
  readonly logged: LoggedState | null;
  /** The message's audit trail, oldest first, even when it is not logged now (an undone filing shows here). */
  readonly audit: readonly AuditRecord[];
  /**
   * Why the shared record refused this email's last filing for good (e.g. "You don't have access to this matter's
   * record"), or null. Such a filing was taken back off this device.
   */
  readonly recordRefusal?: string | null;
}

export interface PaneRecognitionDeps {
  readonly index: DirectoryIndex;
  /** The mailbox owner's address(es). */
  readonly me: readonly string[];
  /** Filing history: the store (read each time) or an already converted history (cached by the caller). */
  readonly history: FilingHistoryStore | FilingHistory;
  readonly log: PaneLogReader;
  readonly outbox?: OutboxReader;
  /** The local copy of the shared record: without it, no filing is shown as in the record. */
  readonly record?: RecordShadowReader;
  /** Absent, or `useMailbox: false`, recognizes from local evidence only (fast first paint, offline). */
  readonly mailbox?: MailboxMarks;
  readonly useMailbox?: boolean;
  /**
   * Whether a client's own words ask for new work, or the firm's own mail answers such a request (see
   * `RecognitionContext.newWork` and `answersNewWork`); absent, never.
   */
  readonly newWork?: NewWorkReader;
}

/**
 * Reads the new-work sign of a message (the language reading, loaded when first needed): for a client's mail whether
 * its words ask for new work, for the firm's own (`fromFirm`) whether the message it answers did.
 */
export type NewWorkReader = (message: MailMessage, fromFirm: boolean) => Promise<boolean>;

/**
 * The reader's answer as recognition takes it, or nothing when it fails: recognition then goes on as without it (it
 * still abstains when unsure).
 */
async function readNewWork(
  reader: NewWorkReader | undefined,
  message: MailMessage,
  index: DirectoryIndex,
): Promise<{ newWork?: boolean; answersNewWork?: boolean }> {
  if (!reader) return {};
  // The firm's own mail as recognition tells it (`directionOf`), so the sign goes where recognition reads it.
  const fromFirm = directionOf(index, message) !== "inbound";
  const sign = await reader(message, fromFirm).catch(() => false);
  return fromFirm ? { answersNewWork: sign } : { newWork: sign };
}

const categoryMaps = new WeakMap<Directory, Map<string, string>>();

/** Category name → matter id for a directory (built once per directory), so colleagues' categories read back as matters. */
export function matterIdByCategory(directory: Directory): ReadonlyMap<string, string> {
  let map = categoryMaps.get(directory);
  if (!map) {
    const clients = new Map(directory.clients.map((c) => [c.id, c]));
    map = new Map();
    for (const m of directory.matters) map.set(categoryNameFor(m, clients.get(m.clientId) ?? null).toLowerCase(), m.id);
    categoryMaps.set(directory, map);
  }
  return map;
}

/**
 * The matter a mark proves: only our MatterId property, which Matterline alone writes. A category named for a matter is
 * no proof (anyone with access can set one, a sender's rules can too): see {@link categoryHintOf}.
 */
export function matterOfMark(index: DirectoryIndex, mark: { matterId: string | null; categories?: readonly string[] }): string | null {
  return mark.matterId && index.matterById.has(mark.matterId) ? mark.matterId : null;
}

/** The matter a category on the mark is named for, when our property does not already say it: a hint, never proof. */
export function categoryHintOf(index: DirectoryIndex, mark: { matterId: string | null; categories: readonly string[] }): string | null {
  const proven = matterOfMark(index, mark);
  const byName = matterIdByCategory(index.directory);
  for (const c of mark.categories) {
    const id = byName.get(c.toLowerCase());
    if (id && id !== proven) return id;
  }
  return null;
}

function isHistoryStore(h: FilingHistoryStore | FilingHistory): h is FilingHistoryStore {
  return typeof (h as FilingHistoryStore).snapshot === "function";
}

function plain(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Where the mailbox copy of `entry` stands: from the outbox's queued work for that message, else from evidence — the
 * mark a finished mirror recorded on the entry, or our MatterId property read back from the mailbox. Never "mirrored"
 * merely because nothing is queued.
 */
export function mirrorStateOf(
  entry: LogEntry,
  ops: readonly OutboxOperation[],
  mailbox?: MailboxEvidence,
): { state: MirrorState; error: string | null } {
  const group = `mirror:${entry.internetMessageId}`;
  const mine = ops.filter((op) => op.group === group || op.key.startsWith(`${group}:`));
  const failed = mine.find((op) => op.status === "failed");
  if (failed) return { state: "failed", error: failed.lastError };
  const pending = mine.find((op) => op.status === "pending");
  if (pending) return { state: "waiting", error: pending.lastError };
  if (entry.mailboxMark?.matterId === entry.matterId) return { state: "mirrored", error: null };
  if (mailbox?.status === "read" && mailbox.selfMatterId === entry.matterId) return { state: "mirrored", error: null };
  return { state: "unconfirmed", error: null };
}

/** Evidence when the mailbox was not asked. */
const NOT_READ: MailboxEvidence = {
  status: "skipped",
  selfMatterId: null,
  categoryHint: null,
  graphId: null,
  threadMatterIds: [],
  error: null,
};

/**
 * Reads what the mailbox says about a message and its thread through `marks`. Never rejects: a failing read comes back
 * as `status: "unavailable"` with the reason, and recognition goes on with local evidence.
 */
export async function readMailboxEvidence(message: MailMessage, index: DirectoryIndex, marks: MailboxMarks): Promise<MailboxEvidence> {
  try {
    const imid = message.internetMessageId;
    const [self, thread] = await Promise.allSettled([
      imid ? marks.markOf(imid) : Promise.resolve(null),
      message.conversationId ? marks.threadMarks(message.conversationId) : Promise.resolve([] as ThreadMark[]),
    ]);
    if (self.status === "rejected" && thread.status === "rejected") {
      return { ...NOT_READ, status: "unavailable", error: plain(self.reason) };
    }
    const mark = self.status === "fulfilled" ? self.value : null;
    const threadIds = new Set<string>();
    if (thread.status === "fulfilled") {
      for (const t of thread.value) {
        if (imid && t.internetMessageId === imid) continue; // the message itself is `selfMatterId`, not thread evidence
        const id = matterOfMark(index, t);
        if (id) threadIds.add(id);
      }
    }
    return {
      status: "read",
      selfMatterId: mark ? matterOfMark(index, mark) : null,
      categoryHint: mark ? categoryHintOf(index, mark) : null,
      graphId: mark?.graphId ?? null,
      threadMatterIds: [...threadIds],
      error: self.status === "rejected" ? plain(self.reason) : thread.status === "rejected" ? plain(thread.reason) : null,
    };
  } catch (error) {
    return { ...NOT_READ, status: "unavailable", error: plain(error) };
  }
}

/**
 * Where a filing stands in the shared record, from evidence: "filed" only when the local copy holds the record's own
 * list item for this email (its SharePoint item id) filed to the entry's matter; "failed" when the record refused the
 * item's write for good; otherwise "waiting". The stored message (its `.eml`) stands where its own `record-file` write
 * stands, or, with none queued, where the item's link says: linked is stored; not linked is still on its way when a
 * colleague filed it (their device stores it) and failed when this mailbox's owner did (nothing left to store it).
 */
export function recordEvidenceOf(
  entry: LogEntry,
  shadow: RecordVersion | null,
  ops: readonly OutboxOperation[],
  me: readonly string[],
): { state: RecordState; error: string | null; message: RecordState } {
  const imid = entry.internetMessageId;
  const item = ops.find((o) => o.key === recordKey(imid));
  if (item?.status === "failed") return { state: "failed", error: item.lastError, message: "waiting" };
  const inRecord = shadow !== null && shadow.itemId !== "" && shadow.entry.matterId === entry.matterId;
  if (!inRecord) return { state: "waiting", error: item?.lastError ?? null, message: "waiting" };
  const file = ops.find((o) => o.key === recordFileKey(imid));
  const mine = me.some((a) => a.toLowerCase() === entry.loggedBy.toLowerCase());
  const message: RecordState = file
    ? file.status === "failed"
      ? "failed"
      : "waiting"
    : shadow.file
      ? "filed"
      : mine
        ? "failed"
        : "waiting";
  return { state: "filed", error: null, message };
}

/** Why the record refused an email's last write for good (its queued item write failed), or null. */
function refusalOf(imid: string, ops: readonly OutboxOperation[]): string | null {
  const op = ops.find((o) => o.key === recordKey(imid));
  return op?.status === "failed" ? op.lastError : null;
}

async function readLogged(
  imid: string | null,
  deps: PaneRecognitionDeps,
  mailbox: Promise<MailboxEvidence>,
): Promise<{ logged: LoggedState | null; audit: AuditRecord[]; recordRefusal: string | null }> {
  if (!imid) return { logged: null, audit: [], recordRefusal: null };
  const [entry, audit, ops, shadow] = await Promise.all([
    deps.log.get(imid),
    deps.log.auditFor(imid),
    deps.outbox ? deps.outbox.list() : Promise.resolve([] as OutboxOperation[]),
    deps.record ? deps.record.shadow(imid) : Promise.resolve(null),
  ]);
  if (!entry) return { logged: null, audit, recordRefusal: refusalOf(imid, ops) };
  const { state, error } = mirrorStateOf(entry, ops, await mailbox);
  const record = recordEvidenceOf(entry, shadow, ops, deps.me);
  return {
    logged: {
      entry,
      audit,
      mirror: state,
      mirrorError: error,
      record: record.state,
      recordError: record.error,
      recordMessage: record.message,
    },
    audit,
    recordRefusal: null,
  };
}

/**
 * Recognizes a message for the pane: `recognize()` fed with the directory index, the filing history, and the
 * thread's matters from the local log and from the mailbox (our MatterId property left by a colleague or another
 * device; categories are only a hint), plus the message's own log entry. A failing mailbox read never blocks recognition:
 * it is reported as `mailbox.status = "unavailable"` and local evidence decides. `evidence`, when given, is mailbox
 * evidence already read (or being read) for this message, used instead of reading again.
 */
export async function recognizeForPane(
  message: MailMessage,
  deps: PaneRecognitionDeps,
  evidence?: Promise<MailboxEvidence>,
): Promise<PaneRecognition> {
  const imid = message.internetMessageId;
  const historyPromise: Promise<FilingHistory> = isHistoryStore(deps.history)
    ? deps.history.snapshot().then((s: FilingHistorySnapshot) => filingHistoryFromSnapshot(s))
    : Promise.resolve(deps.history);
  const threadPromise: Promise<LogEntry[]> =
    message.conversationId && deps.log.listByConversation ? deps.log.listByConversation(message.conversationId) : Promise.resolve([]);
  const mailboxPromise =
    evidence ??
    (deps.mailbox && deps.useMailbox !== false ? readMailboxEvidence(message, deps.index, deps.mailbox) : Promise.resolve(NOT_READ));
  const [history, threadEntries, { logged, audit, recordRefusal }, mailbox, newWork] = await Promise.all([
    historyPromise,
    threadPromise,
    readLogged(imid, deps, mailboxPromise),
    mailboxPromise,
    readNewWork(deps.newWork, message, deps.index),
  ]);
  const localThread = [...new Set(threadEntries.filter((e) => e.internetMessageId !== imid).map((e) => e.matterId))].filter((id) =>
    deps.index.matterById.has(id),
  );
  const threadMatterIds = [...new Set([...localThread, ...mailbox.threadMatterIds])];
  const withMark: MailMessage =
    mailbox.selfMatterId && !message.loggedMatterId ? { ...message, loggedMatterId: mailbox.selfMatterId } : message;
  const recognition = recognize(withMark, { index: deps.index, me: deps.me, history, threadMatterIds, ...newWork });
  return { recognition, localThreadMatterIds: localThread, mailbox, logged, audit, recordRefusal };
}

/** What the pane's one recognizer is built from, once (hosts/context.ts), for every feature. */
export interface PaneRecognizerDeps {
  directory(): Promise<LoadedDirectory | null>;
  /** The mailbox owner's address(es). */
  readonly me: readonly string[];
  readonly history: FilingHistoryStore;
  readonly log: PaneLogReader;
  readonly outbox?: OutboxReader;
  /** The local copy of the shared record (whether it holds a filing). */
  readonly record?: RecordShadowReader;
  /** The mailbox as recognition reads it back (Graph in the pane, with a time limit); absent where it cannot be read. */
  readonly mailbox?: MailboxMarks;
  /** The present, to know how old a mailbox read is. */
  now(): Date;
  /** How long a mailbox read of a message serves every feature that asks about it (default 60 s). */
  readonly mailboxReuseMs?: number;
  /** The new-work sign of a message (see `PaneRecognitionDeps.newWork`). */
  readonly newWork?: NewWorkReader;
}

/**
 * Recognition as the pane runs it, configured once so that filing, replies, follow-ups and the matters' bulk tagging
 * and queue always agree on the matter of the same email.
 */
export interface PaneRecognizer {
  /**
   * Recognizes one message with every piece of evidence the pane has: directory, filing history, the local log and the
   * mailbox's marks. The mailbox is read once per message and the read shared by every feature for a short while.
   * `useMailbox: false` leaves the mailbox out: the filing section's provisional first paint, and its views right after
   * its own log or undo (whose mailbox copy is still on its way). Throws `no-directory` before any import.
   */
  recognize(message: MailMessage, options?: { readonly useMailbox?: boolean }): Promise<PaneRecognition>;
  /**
   * A recognizer for many messages read together (a bulk selection, the untagged queue's window): the filing history is
   * read once, and the mailbox evidence comes from the messages in hand (`inHand` is read at call time, so a list being
   * filled is seen as it grows) instead of two Graph requests per message.
   */
  forBatch(inHand: () => readonly MailMessage[]): Promise<(message: MailMessage) => Promise<PaneRecognition>>;
}

const DEFAULT_MAILBOX_REUSE_MS = 60_000;
/** Most mailbox reads kept for reuse; the oldest goes first. */
const MAILBOX_READS_KEPT = 50;

/** Builds the pane's one recognizer. */
export function createPaneRecognizer(deps: PaneRecognizerDeps): PaneRecognizer {
  const reads = new Map<string, { readonly at: number; readonly evidence: Promise<MailboxEvidence> }>();
  const reuseMs = deps.mailboxReuseMs ?? DEFAULT_MAILBOX_REUSE_MS;
  const keyOf = (m: MailMessage) => `${m.internetMessageId ?? m.id}|${m.conversationId ?? ""}`;

  /** The mailbox read of a message still fresh enough to share, if any. */
  function freshRead(message: MailMessage): Promise<MailboxEvidence> | null {
    const found = reads.get(keyOf(message));
    return found && deps.now().getTime() - found.at < reuseMs ? found.evidence : null;
  }

  function readMailbox(message: MailMessage, index: DirectoryIndex, marks: MailboxMarks): Promise<MailboxEvidence> {
    const evidence = readMailboxEvidence(message, index, marks);
    const key = keyOf(message);
    reads.delete(key);
    reads.set(key, { at: deps.now().getTime(), evidence });
    while (reads.size > MAILBOX_READS_KEPT) reads.delete(reads.keys().next().value as string);
    return evidence;
  }

  async function loaded(): Promise<LoadedDirectory> {
    const d = await deps.directory();
    if (!d) throw noDirectoryError();
    return d;
  }

  return {
    async recognize(message, options = {}) {
      const { index } = await loaded();
      const useMailbox = options.useMailbox ?? true;
      const evidence =
        deps.mailbox && useMailbox ? (freshRead(message) ?? readMailbox(message, index, deps.mailbox)) : Promise.resolve(NOT_READ);
      return recognizeForPane(
        message,
        {
          index,
          me: deps.me,
          history: deps.history,
          log: deps.log,
          outbox: deps.outbox,
          record: deps.record,
          newWork: deps.newWork,
        },
        evidence,
      );
    },
    async forBatch(inHand) {
      const { index } = await loaded();
      const history = filingHistoryFromSnapshot(await deps.history.snapshot());
      const marks = marksFromMessages(inHand);
      // Messages in hand (Office items) carry categories but not our property: only a message whose category names a
      // matter is read back through the mailbox, to learn whether our MatterId property confirms it.
      const evidenceOf = async (message: MailMessage): Promise<MailboxEvidence> => {
        const inHandEvidence = await readMailboxEvidence(message, index, marks);
        if (!inHandEvidence.categoryHint || !deps.mailbox) return inHandEvidence;
        const read = await readMailboxEvidence(message, index, deps.mailbox);
        return read.status === "read"
          ? { ...read, threadMatterIds: [...new Set([...inHandEvidence.threadMatterIds, ...read.threadMatterIds])] }
          : inHandEvidence;
      };
      return (message) =>
        recognizeForPane(
          message,
          { index, me: deps.me, history, log: deps.log, record: deps.record, newWork: deps.newWork },
          evidenceOf(message),
        );
    },
  };
}
