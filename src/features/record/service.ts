import type { LoadedDirectory } from "@domain/directory/directoryProvider";
import { MatterlineError } from "@domain/errors";
import { correspondentsOf } from "@domain/matterLog/direction";
import { mirrorKey } from "@domain/matterLog/matterLog";
import { auditKey, mergeAudits, type AuditRecord, type LogEntry, type TimeEntry } from "@domain/matterLog/types";
import { categoryFor } from "@domain/matterLog/categoryName";
import type { ExecutorOutcome, OutboxExecutor } from "@domain/outbox/drain";
import { newOperation } from "@domain/outbox/queue";
import type { OutboxOperation } from "@domain/outbox/types";
import { matterFolderName, messageFileName, safeName, FOLDER_NAME_MAX } from "@domain/record/recordNames";
import { rebase } from "@domain/record/reconcile";
import {
  RECORD_FILE_KIND,
  RECORD_KIND,
  WALLED_MESSAGE,
  isRecordPayload,
  recordFileKey,
  recordKey,
  type RecordOptions,
  type RecordPayload,
  type RecordVersion,
  type SharedEntry,
  type StoredFile,
} from "@domain/record/types";
import type { FilingHistoryDelta } from "@ports/filingHistoryStore";
import type { LocalRecordChange, LocalRecordStore, RecordShadow } from "@ports/localRecordStore";
import type { MatterLogStore } from "@ports/matterLogStore";
import type { AttachmentsRequest, MatterRecord, RecordChanges, RecordWrite, RecordWriteOutcome } from "@ports/matterRecord";
import type { OutboxStore } from "@ports/outboxStore";
import type { SettingsStore } from "@ports/settingsStore";

/** Settings keys of the record's sync state (per device). */
export const RECORD_CURSOR_KEY = "record.cursor";
export const RECORD_SYNCED_AT_KEY = "record.syncedAt";
/** Set once this device's log from before the shared record has been queued for upload. */
export const RECORD_LEGACY_KEY = "record.legacyQueued";
/** The firm's options as this device last read them from the record (with the id of the item that holds them). */
export const RECORD_OPTIONS_KEY = "record.options";

/** The firm's options when the record holds none: attachments stay in the mailbox unless the firm turns that on. */
export const DEFAULT_RECORD_OPTIONS: RecordOptions = { attachments: false };

interface KnownOptions {
  readonly itemId: string | null;
  readonly options: RecordOptions;
}

function knownOptions(value: unknown): KnownOptions {
  if (typeof value !== "object" || value === null) return { itemId: null, options: DEFAULT_RECORD_OPTIONS };
  const v = value as Record<string, unknown>;
  return { itemId: typeof v.itemId === "string" ? v.itemId : null, options: { attachments: v.attachments === true } };
}

export interface RecordServiceDeps {
  /** The shared record, or null when no site is set up (writes then wait in the outbox). */
  record(): Promise<MatterRecord | null>;
  readonly local: LocalRecordStore;
  readonly log: Pick<MatterLogStore, "get" | "auditFor">;
  readonly outbox: OutboxStore;
  readonly settings: SettingsStore;
  directory(): Promise<LoadedDirectory | null>;
  /** The signed-in user's address. */
  readonly me: string;
  now(): Date;
}

export interface SyncResult {
  /** "off" when no site is set up. */
  readonly status: "synced" | "off";
  /** Entries added, changed or removed on this device. */
  readonly changed: number;
  /** Entries from before the shared record queued for upload (first sync only). */
  readonly queuedLegacy: number;
  /** The firm's options changed (e.g. attachments turned on). */
  readonly optionsChanged?: boolean;
}

/** Strips what only makes sense in one mailbox. */
/** The outcome of a queued write whose payload cannot be read: shown, never retried. */
const damaged = (key: string, error: string): ExecutorOutcome => ({ key, ok: false, retryable: false, error });

export function sharedOf(entry: LogEntry): SharedEntry {
  const { mailbox: _mailbox, graphId: _graphId, mailboxMark: _mark, ...shared } = entry;
  return shared;
}

function sameTime(a: TimeEntry | null, b: TimeEntry | null): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.tenths === b.tenths && a.narrative === b.narrative);
}

/** True when the two hold the same filing (matter, who and when, time entry). */
function sameFiling(a: SharedEntry, b: SharedEntry): boolean {
  return (
    a.matterId === b.matterId &&
    a.category === b.category &&
    a.loggedBy.toLowerCase() === b.loggedBy.toLowerCase() &&
    a.loggedAt === b.loggedAt &&
    a.source === b.source &&
    sameTime(a.timeEntry, b.timeEntry)
  );
}

/** How filing history changes when an email's filing goes from `before` to `after` (either may be none). */
function historyOf(before: SharedEntry | null, after: SharedEntry | null, firmDomains: readonly string[]): FilingHistoryDelta {
  const counts: { address: string; matterId: string; delta: number }[] = [];
  const conversations: { conversationId: string; matterId: string | null }[] = [];
  if (before?.matterId === after?.matterId) return { counts, conversations };
  const addresses = (e: SharedEntry) => correspondentsOf({ ...e, id: e.internetMessageId, bodyText: "" }, firmDomains);
  if (before) for (const address of addresses(before)) counts.push({ address, matterId: before.matterId, delta: -1 });
  if (after) for (const address of addresses(after)) counts.push({ address, matterId: after.matterId, delta: 1 });
  // A thread keeps pointing at its matter until another filing of it says otherwise (as on the device that filed it).
  if (after?.conversationId) conversations.push({ conversationId: after.conversationId, matterId: after.matterId });
  return { counts, conversations };
}

/** Accumulates local changes of one sync or one drain, applied in one transaction. */
class LocalBatch {
  readonly putEntries = new Map<string, LogEntry>();
  readonly removeEntries = new Set<string>();
  readonly audits: AuditRecord[] = [];
  readonly putShadows = new Map<string, RecordShadow>();
  readonly removeShadows = new Set<string>();
  readonly counts: FilingHistoryDelta["counts"][number][] = [];
  readonly conversations = new Map<string, string | null>();
  readonly mirrorOps: OutboxOperation[] = [];
  /** Stored messages to put in place once the items are written (kind "record-file"). */
  readonly fileOps: OutboxOperation[] = [];
  changed = 0;

  history(delta: FilingHistoryDelta): void {
    this.counts.push(...delta.counts);
    for (const c of delta.conversations) this.conversations.set(c.conversationId, c.matterId);
  }
  put(entry: LogEntry): void {
    this.removeEntries.delete(entry.internetMessageId);
    this.putEntries.set(entry.internetMessageId, entry);
    this.changed++;
  }
  remove(imid: string): void {
    this.putEntries.delete(imid);
    this.removeEntries.add(imid);
    this.changed++;
  }
  shadow(v: RecordShadow): void {
    this.removeShadows.delete(v.entry.internetMessageId);
    this.putShadows.set(v.entry.internetMessageId, v);
  }
  dropShadow(imid: string): void {
    this.putShadows.delete(imid);
    this.removeShadows.add(imid);
  }
  change(): LocalRecordChange {
    return {
      putEntries: [...this.putEntries.values()],
      removeEntries: [...this.removeEntries],
      audits: this.audits,
      putShadows: [...this.putShadows.values()],
      removeShadows: [...this.removeShadows],
      history: {
        counts: this.counts,
        conversations: [...this.conversations].map(([conversationId, matterId]) => ({ conversationId, matterId })),
      },
    };
  }
}

/**
 * The shared matter record on this device: sync (the record's changes into the local copy) and the outbox writer
 * (local filings, re-filings, undos and time entries into the record, reconciled when someone changed it meanwhile).
 */
export function createRecordService(deps: RecordServiceDeps) {
  async function firm(): Promise<LoadedDirectory | null> {
    return deps.directory();
  }

  function label(d: LoadedDirectory | null) {
    return (matterId: string) => d?.index.matterById.get(matterId)?.number ?? matterId;
  }

  function folderOf(d: LoadedDirectory | null, matterId: string): string {
    const m = d?.index.matterById.get(matterId);
    return m ? matterFolderName(m) : safeName(matterId, FOLDER_NAME_MAX);
  }

  /** The firm's options as the last sync found them. */
  async function options(): Promise<RecordOptions> {
    return knownOptions(await deps.settings.get(RECORD_OPTIONS_KEY)).options;
  }

  /** Keeps what a sync read of the firm's options: a new or changed options item, or none any more (the defaults). */
  async function takeOptions(changes: RecordChanges): Promise<boolean> {
    const before = knownOptions(await deps.settings.get(RECORD_OPTIONS_KEY));
    let after: KnownOptions = before;
    if (changes.options) after = { itemId: changes.options.itemId, options: changes.options.options };
    else if (changes.complete || (before.itemId !== null && changes.removedItemIds.includes(before.itemId)))
      after = { itemId: null, options: DEFAULT_RECORD_OPTIONS };
    if (after.itemId === before.itemId && after.options.attachments === before.options.attachments) return false;
    await deps.settings.set(RECORD_OPTIONS_KEY, { itemId: after.itemId, attachments: after.options.attachments });
    return true;
  }

  /** What a write that stores a message asks of its attachments: stored beside it when the firm turned that on. */
  function attachmentsRequest(on: RecordOptions): AttachmentsRequest | null {
    return on.attachments ? { by: deps.me, at: deps.now().toISOString() } : null;
  }

  async function pendingRecordIds(): Promise<Set<string>> {
    const ops = await deps.outbox.list();
    return new Set(
      ops
        .filter((o) => o.kind === RECORD_KIND && o.status === "pending" && isRecordPayload(o.payload))
        .map((o) => (o.payload as RecordPayload).internetMessageId),
    );
  }

  /** The mailbox marks follow a colleague's change when this device had put them there (it knows the message's id). */
  function followInMailbox(batch: LocalBatch, before: LogEntry | null, after: SharedEntry | null, d: LoadedDirectory | null): void {
    if (!before?.graphId) return;
    const now = deps.now();
    if (!after) {
      batch.mirrorOps.push(
        newOperation({
          key: mirrorKey(before.internetMessageId, null),
          kind: "unmirror",
          group: `mirror:${before.internetMessageId}`,
          payload: {
            internetMessageId: before.internetMessageId,
            graphId: before.graphId,
            mailbox: before.mailbox,
            removeCategories: [before.category],
          },
          now,
        }),
      );
      return;
    }
    if (after.matterId === before.matterId) return;
    const matter = d?.index.matterById.get(after.matterId);
    const color = matter ? categoryFor(matter, d?.index.clientById.get(matter.clientId) ?? null).color : "preset1";
    batch.mirrorOps.push(
      newOperation({
        key: mirrorKey(before.internetMessageId, after.matterId),
        kind: "mirror",
        group: `mirror:${before.internetMessageId}`,
        payload: {
          internetMessageId: before.internetMessageId,
          graphId: before.graphId,
          mailbox: before.mailbox,
          category: { name: after.category, color },
          removeCategories: before.category !== after.category ? [before.category] : [],
          matterId: after.matterId,
        },
        now,
      }),
    );
  }

  async function commit(batch: LocalBatch): Promise<void> {
    await deps.local.apply(batch.change());
    for (const op of batch.mirrorOps) await deps.outbox.enqueue(op);
    for (const op of batch.fileOps) await deps.outbox.enqueue(op);
  }

  /** The local entry as this batch leaves it so far. */
  async function currentLocal(batch: LocalBatch, imid: string): Promise<LogEntry | null> {
    return batch.putEntries.get(imid) ?? (batch.removeEntries.has(imid) ? null : await deps.log.get(imid));
  }

  /** Makes the local entry say `entry` (keeping this mailbox's own ids), with filing history and mailbox marks following. */
  async function adopt(batch: LocalBatch, entry: SharedEntry, d: LoadedDirectory | null): Promise<void> {
    const before = await currentLocal(batch, entry.internetMessageId);
    if (!before || !sameFiling(sharedOf(before), entry)) {
      batch.history(historyOf(before ? sharedOf(before) : null, entry, d?.directory.firm.domains ?? []));
      followInMailbox(batch, before, entry, d);
    }
    // This mailbox's confirmed mark still holds only while the email stays filed to the same matter.
    const mailboxMark = before?.mailboxMark?.matterId === entry.matterId ? before.mailboxMark : null;
    batch.put({ ...entry, mailbox: before?.mailbox ?? null, graphId: before?.graphId ?? null, mailboxMark });
  }

  /** Brings the record's version of one email into the local copy. */
  async function takeVersion(batch: LocalBatch, v: RecordVersion, d: LoadedDirectory | null): Promise<void> {
    await adopt(batch, v.entry, d);
    batch.audits.push(...v.audit);
    batch.shadow(v);
  }

  /** Takes an email off the local copy (it left the record), with filing history and mailbox marks following. */
  async function dropLocal(batch: LocalBatch, imid: string, d: LoadedDirectory | null): Promise<void> {
    const before = await currentLocal(batch, imid);
    if (before) {
      batch.history(historyOf(sharedOf(before), null, d?.directory.firm.domains ?? []));
      followInMailbox(batch, before, null, d);
      batch.remove(imid);
    }
    batch.dropShadow(imid);
  }

  async function queueRecordWrite(entry: LogEntry): Promise<void> {
    await deps.outbox.enqueue(
      newOperation({
        key: recordKey(entry.internetMessageId),
        kind: RECORD_KIND,
        payload: { internetMessageId: entry.internetMessageId, mailbox: entry.mailbox, graphId: entry.graphId } satisfies RecordPayload,
        now: deps.now(),
      }),
    );
  }

  /**
   * Brings the local copy up to date with the shared record: one delta query (following its pages), applied in one
   * transaction. Emails with a write of this device still queued are left to that write, which reconciles against the
   * record itself (so a colleague's change is never silently overwritten). On the first complete sync, entries this
   * device logged before the shared record existed are queued for upload, with their audit trail and time entries.
   */
  async function sync(): Promise<SyncResult> {
    const record = await deps.record();
    if (!record) return { status: "off", changed: 0, queuedLegacy: 0 };
    const cursorValue = await deps.settings.get(RECORD_CURSOR_KEY);
    const changes = await record.changes(typeof cursorValue === "string" ? cursorValue : null);
    const [d, pending, shadows] = await Promise.all([firm(), pendingRecordIds(), deps.local.shadows()]);
    const byItem = new Map(shadows.map((s) => [s.itemId, s]));
    const batch = new LocalBatch();
    const seen = new Set<string>();
    for (const v of changes.upserts) {
      const imid = v.entry.internetMessageId;
      seen.add(imid);
      if (pending.has(imid)) continue;
      try {
        await takeVersion(batch, v, d);
      } catch (error) {
        // One damaged item never stops the rest of the sync.
        console.warn("Matterline: a matter record item could not be applied:", error);
      }
    }
    const gone = new Set<string>();
    for (const itemId of changes.removedItemIds) {
      const s = byItem.get(itemId);
      if (s) gone.add(s.entry.internetMessageId);
    }
    if (changes.complete) for (const s of shadows) if (!seen.has(s.entry.internetMessageId)) gone.add(s.entry.internetMessageId);
    for (const imid of gone) if (!pending.has(imid) && !seen.has(imid)) await dropLocal(batch, imid, d);

    let queuedLegacy = 0;
    if (changes.complete && (await deps.settings.get(RECORD_LEGACY_KEY)) !== true) {
      const known = new Set([...shadows.map((s) => s.entry.internetMessageId), ...seen]);
      for (const entry of await deps.local.unsyncedEntries()) {
        if (known.has(entry.internetMessageId) || pending.has(entry.internetMessageId)) continue;
        await queueRecordWrite(entry);
        queuedLegacy++;
      }
    }
    await commit(batch);
    const optionsChanged = await takeOptions(changes);
    if (changes.complete) await deps.settings.set(RECORD_LEGACY_KEY, true);
    await deps.settings.set(RECORD_CURSOR_KEY, changes.cursor);
    await deps.settings.set(RECORD_SYNCED_AT_KEY, deps.now().toISOString());
    return { status: "synced", changed: batch.changed, queuedLegacy, optionsChanged };
  }

  interface Planned {
    readonly op: OutboxOperation;
    readonly payload: RecordPayload;
    readonly local: LogEntry | null;
    readonly shadow: RecordShadow | null;
    readonly audit: AuditRecord[];
  }

  function writeFor(
    p: Planned,
    d: LoadedDirectory | null,
    entry: SharedEntry | null,
    base: RecordVersion | null,
    audit: readonly AuditRecord[],
    file?: StoredFile | null,
    storeMessage = false,
    attachments: AttachmentsRequest | null = null,
  ): RecordWrite | null {
    const key = p.op.key;
    const message = {
      mailbox: p.payload.mailbox,
      graphId: p.local?.graphId ?? p.payload.graphId,
      internetMessageId: p.payload.internetMessageId,
    };
    if (!entry)
      return base ? { kind: "delete", key, itemId: base.itemId, eTag: base.eTag, file: file === undefined ? base.file : file } : null;
    const clientId = d?.index.matterById.get(entry.matterId)?.clientId ?? null;
    const folder = folderOf(d, entry.matterId);
    const fileName = messageFileName(entry);
    if (!base) return { kind: "create", key, entry, clientId, audit, folder, fileName, message, storeMessage, attachments };
    return {
      kind: "update",
      key,
      itemId: base.itemId,
      eTag: base.eTag,
      entry,
      clientId,
      audit,
      folder,
      fileName,
      file: file === undefined ? base.file : file,
      message,
      storeMessage,
      attachments,
    };
  }

  /**
   * The first write of a planned op: create, update, delete, or nothing when the record already agrees. The item is
   * written without placing its stored message (see {@link storeMessages}).
   */
  function firstWrite(p: Planned, d: LoadedDirectory | null): RecordWrite | null {
    const ours = p.local ? sharedOf(p.local) : null;
    const base = p.shadow;
    if (ours && base) {
      const known = new Set(base.audit.map(auditKey));
      const newAudit = p.audit.some((a) => !known.has(auditKey(a)));
      if (sameFiling(ours, base.entry) && !newAudit) return null;
    }
    return writeFor(p, d, ours, base, mergeAudits(base?.audit ?? [], p.audit));
  }

  /**
   * The stored message is not (yet) in its matter's folder, or, when the firm stores attachments, they are not beside
   * it yet (never tried, or gone).
   */
  function needsMessage(v: RecordVersion, d: LoadedDirectory | null, on: RecordOptions): boolean {
    return v.file?.folder !== folderOf(d, v.entry.matterId) || (on.attachments && !v.file.attachments);
  }

  /** Queues the stored message of an email whose item the record now holds, when it is not in place. */
  function followWithMessage(batch: LocalBatch, p: Planned, v: RecordVersion | null, d: LoadedDirectory | null, on: RecordOptions): void {
    if (!v || !needsMessage(v, d, on)) return;
    batch.fileOps.push(
      newOperation({ key: recordFileKey(v.entry.internetMessageId), kind: RECORD_FILE_KIND, payload: p.payload, now: deps.now() }),
    );
  }

  /** Records a version the record now holds (after a write) on this device. */
  async function settleVersion(batch: LocalBatch, p: Planned, v: RecordVersion | null): Promise<void> {
    const imid = p.payload.internetMessageId;
    if (!v) {
      batch.dropShadow(imid);
      return;
    }
    batch.shadow(v);
    batch.audits.push(...v.audit);
    // The local entry gets the record's copy only when it says the same thing (a newer local change waits its turn).
    const local = await currentLocal(batch, imid);
    if (local && sameFiling(sharedOf(local), v.entry))
      batch.put({ ...v.entry, mailbox: local.mailbox, graphId: local.graphId, mailboxMark: local.mailboxMark ?? null });
  }

  /** Takes a refused filing back off this device: nothing is filed there, and the mailbox marks go. */
  function withdraw(batch: LocalBatch, p: Planned, d: LoadedDirectory | null): void {
    const imid = p.payload.internetMessageId;
    if (p.local) {
      batch.history(historyOf(sharedOf(p.local), null, d?.directory.firm.domains ?? []));
      batch.remove(imid);
      batch.mirrorOps.push(
        newOperation({
          key: mirrorKey(imid, null),
          kind: "unmirror",
          group: `mirror:${imid}`,
          payload: { internetMessageId: imid, graphId: p.local.graphId, mailbox: p.local.mailbox, removeCategories: [p.local.category] },
          now: deps.now(),
        }),
      );
    }
  }

  /** Runs a batch of queued record writes (the outbox executor of kind "record"). */
  async function execute(ops: readonly OutboxOperation[]): Promise<ExecutorOutcome[]> {
    const record = await deps.record();
    if (!record) throw new MatterlineError("offline", "The matter record is not set up yet; filings wait on this device.");
    const d = await firm();
    const on = await options();
    const outcomes = new Map<string, ExecutorOutcome>();
    const planned: Planned[] = [];
    for (const op of ops) {
      if (!isRecordPayload(op.payload)) {
        outcomes.set(op.key, damaged(op.key, "The queued matter record update is damaged and cannot be sent."));
        continue;
      }
      const imid = op.payload.internetMessageId;
      const [local, shadow, audit] = await Promise.all([deps.log.get(imid), deps.local.shadow(imid), deps.log.auditFor(imid)]);
      // The same email queued twice in one batch (should not happen: one key per email) is written once.
      if (planned.some((p) => p.payload.internetMessageId === imid)) continue;
      planned.push({ op, payload: op.payload, local, shadow, audit });
    }
    const batch = new LocalBatch();
    const byKey = new Map(planned.map((p) => [p.op.key, p]));
    const writes: RecordWrite[] = [];
    for (const p of planned) {
      const w = firstWrite(p, d);
      if (w) writes.push(w);
      else {
        followWithMessage(batch, p, p.shadow, d, on);
        outcomes.set(p.op.key, { key: p.op.key, ok: true });
      }
    }
    let round = writes.length ? await record.write(writes) : [];
    for (let attempt = 0; attempt < 3 && round.length; attempt++) {
      const retry: { p: Planned; file: StoredFile | null; exists: boolean }[] = [];
      for (const o of round) {
        const p = byKey.get(o.key)!;
        if (o.status === "ok") {
          await settleVersion(batch, p, o.version);
          followWithMessage(batch, p, o.version, d, on);
          outcomes.set(o.key, { key: o.key, ok: true });
        } else if (o.status === "walled") {
          withdraw(batch, p, d);
          outcomes.set(o.key, { key: o.key, ok: false, retryable: false, error: WALLED_MESSAGE });
        } else if (o.status === "failed") {
          outcomes.set(o.key, { key: o.key, ok: false, retryable: o.retryable, error: o.error });
        } else retry.push({ p, file: o.file, exists: o.status === "exists" });
      }
      if (!retry.length) break;
      if (attempt === 2) {
        for (const r of retry)
          outcomes.set(r.p.op.key, {
            key: r.p.op.key,
            ok: false,
            retryable: true,
            error: "The matter record kept changing; trying again shortly.",
          });
        break;
      }
      const current = await record.read(retry.map((r) => r.p.payload.internetMessageId));
      const next: RecordWrite[] = [];
      for (const r of retry) {
        const { p } = r;
        const theirs = current.get(p.payload.internetMessageId) ?? null;
        if (r.exists && !theirs) {
          // The email is in the record but this user cannot see where: a wall. Nothing is filed, nothing is said.
          withdraw(batch, p, d);
          if (r.file) next.push({ kind: "discard-file", key: `${p.op.key}#discard`, file: r.file });
          outcomes.set(p.op.key, { key: p.op.key, ok: false, retryable: false, error: WALLED_MESSAGE });
          continue;
        }
        const ours = p.local ? sharedOf(p.local) : null;
        const decided = rebase({
          ours,
          base: p.shadow?.entry ?? null,
          theirs: theirs?.entry ?? null,
          by: deps.me,
          now: deps.now(),
          label: label(d),
        });
        // A file this write put in place that the kept version does not use is taken away again.
        const strayFile = r.file && theirs?.file && r.file.driveItemId !== theirs.file.driveItemId ? r.file : null;
        if (strayFile) next.push({ kind: "discard-file", key: `${p.op.key}#discard`, file: strayFile });
        if (decided.action === "delete") {
          next.push(writeFor(p, d, null, theirs, [])!);
          continue;
        }
        if (decided.conflict) batch.audits.push(decided.conflict);
        if (decided.action === "none") {
          if (theirs) {
            await takeVersion(batch, theirs, d);
            followWithMessage(batch, p, theirs, d, on);
          } else await dropLocal(batch, p.payload.internetMessageId, d);
          outcomes.set(p.op.key, { key: p.op.key, ok: true });
          continue;
        }
        // The merged filing is what this device shows from now on; the write carries it (and any conflict) to the record.
        await adopt(batch, decided.entry, d);
        const audit = mergeAudits(theirs?.audit ?? [], p.audit, decided.conflict ? [decided.conflict] : []);
        const file = strayFile ? theirs!.file : (r.file ?? theirs?.file ?? null);
        const w = writeFor(p, d, decided.entry, theirs, audit, file);
        if (w) next.push(w);
      }
      const results = next.length ? await record.write(next) : [];
      round = results.filter((o) => !o.key.endsWith("#discard"));
    }
    await commit(batch);
    return ops.map(
      (op) => outcomes.get(op.key) ?? { key: op.key, ok: false, retryable: true, error: "No result came back for this update." },
    );
  }

  /**
   * Stores the messages of filed emails in their matters' folders (the outbox executor of kind "record-file"): uploads
   * the `.eml` (or moves the one there is) and links it from the item, against the item's eTag. Runs after the item is
   * written, so "Filed" is shown as soon as the record has the entry; until then the pane says the message is waiting.
   */
  async function storeMessages(ops: readonly OutboxOperation[]): Promise<ExecutorOutcome[]> {
    const record = await deps.record();
    if (!record) throw new MatterlineError("offline", "The matter record is not set up yet; filings wait on this device.");
    const d = await firm();
    const on = await options();
    const attachments = attachmentsRequest(on);
    const outcomes = new Map<string, ExecutorOutcome>();
    const batch = new LocalBatch();
    let pending: { p: Planned; base: RecordShadow; file: StoredFile | null }[] = [];
    for (const op of ops) {
      if (!isRecordPayload(op.payload)) {
        outcomes.set(op.key, damaged(op.key, "The queued stored message is damaged and cannot be sent."));
        continue;
      }
      const imid = op.payload.internetMessageId;
      const [local, shadow] = await Promise.all([deps.log.get(imid), deps.local.shadow(imid)]);
      // Undone, not in the record yet, or filed elsewhere meanwhile: the record write that follows stores what is needed.
      if (!local || !shadow || shadow.entry.matterId !== local.matterId || !needsMessage(shadow, d, on)) {
        outcomes.set(op.key, { key: op.key, ok: true });
        continue;
      }
      pending.push({ p: { op, payload: op.payload, local, shadow, audit: [] }, base: shadow, file: shadow.file });
    }
    for (let attempt = 0; attempt < 2 && pending.length; attempt++) {
      const writes = pending.map(({ p, base, file }) => writeFor(p, d, base.entry, base, base.audit, file, true, attachments)!);
      const byKey = new Map(pending.map((t) => [t.p.op.key, t]));
      const retry: typeof pending = [];
      for (const o of await record.write(writes)) {
        const t = byKey.get(o.key)!;
        if (o.status === "ok") {
          await settleVersion(batch, t.p, o.version);
          outcomes.set(o.key, { key: o.key, ok: true });
        } else if (o.status === "walled") outcomes.set(o.key, { key: o.key, ok: false, retryable: false, error: WALLED_MESSAGE });
        else if (o.status === "failed") outcomes.set(o.key, { key: o.key, ok: false, retryable: o.retryable, error: o.error });
        // Someone changed the item since: link the file just placed (not uploaded again) against its new version.
        else retry.push({ ...t, file: o.file ?? t.file });
      }
      if (!retry.length) break;
      const current = await record.read(retry.map((t) => t.p.payload.internetMessageId));
      pending = [];
      for (const t of retry) {
        const theirs = current.get(t.p.payload.internetMessageId) ?? null;
        if (!theirs) {
          // The item left the record: the message it would have linked goes too.
          if (t.file && t.file.driveItemId !== t.base.file?.driveItemId)
            await record.write([{ kind: "discard-file", key: `${t.p.op.key}#discard`, file: t.file }]);
          batch.dropShadow(t.p.payload.internetMessageId);
          outcomes.set(t.p.op.key, { key: t.p.op.key, ok: true });
          continue;
        }
        batch.shadow(theirs);
        batch.audits.push(...theirs.audit);
        if (theirs.entry.matterId !== t.base.entry.matterId || !needsMessage(theirs, d, on)) {
          outcomes.set(t.p.op.key, { key: t.p.op.key, ok: true });
          continue;
        }
        pending.push({ p: t.p, base: theirs, file: t.file });
      }
    }
    for (const t of pending)
      if (!outcomes.has(t.p.op.key))
        outcomes.set(t.p.op.key, {
          key: t.p.op.key,
          ok: false,
          retryable: true,
          error: "The matter record kept changing; trying again shortly.",
        });
    await commit(batch);
    return ops.map(
      (op) => outcomes.get(op.key) ?? { key: op.key, ok: false, retryable: true, error: "No result came back for this update." },
    );
  }

  return {
    sync,
    /** The firm's options as the last sync found them. */
    options,
    /** The outbox executor of kind "record". */
    executor(): OutboxExecutor {
      return { batchSize: 100, execute };
    },
    /** The outbox executor of kind "record-file": the stored messages, after their items. */
    fileExecutor(): OutboxExecutor {
      return { batchSize: 100, execute: storeMessages };
    },
    /** Queues a record write for an email (after a local change the matter log made). */
    queueRecordWrite,
  };
}

export type RecordService = ReturnType<typeof createRecordService>;

export type { RecordWriteOutcome };
