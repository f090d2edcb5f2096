import { auditKey, type AuditRecord, type LogEntry } from "@domain/matterLog/types";
import type { IDBPObjectStore, StoreNames } from "idb";
import type { LocalRecordChange, LocalRecordStore, RecordShadow } from "@ports/localRecordStore";
import type { MatterlineSchema } from "./schema";
import type { OutboxOperation } from "@domain/outbox/types";
import type { DirectoryStore, StoredDirectory } from "@ports/directoryStore";
import type { FilingHistoryDelta, FilingHistorySnapshot, FilingHistoryStore } from "@ports/filingHistoryStore";
import type { MatterLogChange, MatterLogStore } from "@ports/matterLogStore";
import type { OutboxSettlement, OutboxStore } from "@ports/outboxStore";
import type { SettingsStore } from "@ports/settingsStore";
import { MatterlineError } from "@domain/errors";
import { applyCounts } from "./memoryStores";
import { holdsToken } from "./tokenGuard";
import { guard, type MatterlineDb } from "./openDb";
import type { ClockDecisionRecord, FilingHistoryRecord, FollowUpRecord, StoredAudit } from "./schema";
import { IdbScanCheckpointStore } from "./idbScanCheckpointStore";
import { fromStored, toStored } from "./storedLogEntry";
import { compareNewestFirst } from "@domain/matterLog/entryOrder";

function withoutId(a: StoredAudit): AuditRecord {
  const { id: _id, ...rest } = a;
  return rest;
}

/** The matter log in IndexedDB: entries keyed by internetMessageId, audit trail in write order. */
export class IdbMatterLogStore implements MatterLogStore {
  constructor(private readonly db: MatterlineDb) {}

  get(internetMessageId: string): Promise<LogEntry | null> {
    return guard("read the matter log", async () => {
      const stored = await this.db.get("matterLog", internetMessageId);
      return stored ? fromStored(stored) : null;
    });
  }
  listByMatter(matterId: string): Promise<LogEntry[]> {
    return guard("read the matter log", async () => (await this.db.getAllFromIndex("matterLog", "byMatter", matterId)).map(fromStored));
  }
  /**
   * Walks the [matterId, time] index backwards and stops at `limit`: in Chromium, getAll of a 5,000-entry matter took
   * 170–230 ms before anything showed, and getAll has no "newest first" in every browser (its `direction` is new).
   * Entries kept before version 6 have no timeline time, so the index does not hold them: a matter with any such
   * entry is read whole once, and its entries are given their time as it is read, in the same transaction so a refile
   * meanwhile cannot be undone (Chromium, 5,000 such entries: about 1.1 s, once; see v6 in openDb.ts for why the
   * upgrade itself does not rewrite them).
   */
  newestByMatter(matterId: string, limit: number): Promise<LogEntry[]> {
    return guard("read the matter log", async () => {
      if (limit <= 0) return [];
      // [matterId] sorts before [matterId, any time] and [matterId, []] after every string time (arrays sort after
      // strings): w3c.github.io/IndexedDB/#compare-two-keys.
      const range = IDBKeyRange.bound([matterId], [matterId, []]);
      const tx = this.db.transaction("matterLog");
      const [all, timed] = await Promise.all([tx.store.index("byMatter").count(matterId), tx.store.index("byMatterNewest").count(range)]);
      if (timed < all) return (await this.timeMatter(matterId)).sort(compareNewestFirst).slice(0, limit);
      const entries: LogEntry[] = [];
      for (let cursor = await tx.store.index("byMatterNewest").openCursor(range, "prev"); cursor; cursor = await cursor.continue()) {
        entries.push(fromStored(cursor.value));
        if (entries.length >= limit) break;
      }
      return entries;
    });
  }
  /** Gives every entry of the matter that lacks one its timeline time, in one transaction; returns them all. */
  private async timeMatter(matterId: string): Promise<LogEntry[]> {
    const tx = this.db.transaction("matterLog", "readwrite");
    const stored = await tx.store.index("byMatter").getAll(matterId);
    // Puts are issued together, not one after another: each awaited round trip costs far more than the write.
    const writes = stored.filter((e) => e.timelineAt === undefined).map((e) => tx.store.put(toStored(e)));
    await Promise.all([...writes, tx.done]);
    return stored.map(fromStored);
  }
  countByMatter(matterId: string): Promise<number> {
    return guard("read the matter log", () => this.db.countFromIndex("matterLog", "byMatter", matterId));
  }
  auditFor(internetMessageId: string): Promise<AuditRecord[]> {
    return guard("read the audit trail", async () =>
      (await this.db.getAllFromIndex("audit", "byMessage", internetMessageId)).map(withoutId),
    );
  }
  /** Entries of one thread, for recognition's "same thread as a logged message". */
  listByConversation(conversationId: string): Promise<LogEntry[]> {
    return guard("read the matter log", async () =>
      (await this.db.getAllFromIndex("matterLog", "byConversation", conversationId)).map(fromStored),
    );
  }
  commit(change: MatterLogChange): Promise<void> {
    return guard("save to the matter log", async () => {
      const tx = this.db.transaction(["matterLog", "audit"], "readwrite");
      if (change.remove) void tx.objectStore("matterLog").delete(change.remove);
      if (change.put) void tx.objectStore("matterLog").put(toStored(change.put));
      if (change.audit) void tx.objectStore("audit").add({ ...change.audit });
      await tx.done;
    });
  }
}

const addressKey = (address: string) => `a:${address.toLowerCase()}`;
const conversationKey = (conversationId: string) => `c:${conversationId}`;

/** Filing history in IndexedDB; increments are applied inside one transaction so concurrent panes never lose a count. */
export class IdbFilingHistoryStore implements FilingHistoryStore {
  constructor(private readonly db: MatterlineDb) {}

  countsFor(address: string): Promise<Record<string, number>> {
    return guard("read filing history", async () => {
      const row = await this.db.get("filingHistory", addressKey(address));
      return row?.kind === "address" ? { ...row.counts } : {};
    });
  }
  matterForConversation(conversationId: string): Promise<string | null> {
    return guard("read filing history", async () => {
      const row = await this.db.get("filingHistory", conversationKey(conversationId));
      return row?.kind === "conversation" ? row.matterId : null;
    });
  }
  snapshot(): Promise<FilingHistorySnapshot> {
    return guard("read filing history", async () => {
      const addresses: Record<string, Record<string, number>> = {};
      const conversations: Record<string, string> = {};
      for (const row of await this.db.getAll("filingHistory")) {
        if (row.kind === "address") addresses[row.key.slice(2)] = { ...row.counts };
        else conversations[row.key.slice(2)] = row.matterId;
      }
      return { addresses, conversations };
    });
  }
  apply(delta: FilingHistoryDelta): Promise<void> {
    return guard("save filing history", async () => {
      const tx = this.db.transaction("filingHistory", "readwrite");
      await applyHistory(tx.objectStore("filingHistory"), delta);
      await tx.done;
    });
  }
}

type HistoryStore = IDBPObjectStore<MatterlineSchema, ArrayLike<StoreNames<MatterlineSchema>>, "filingHistory", "readwrite">;

/** Applies history increments inside the caller's transaction: one read and one write per address. */
async function applyHistory(store: HistoryStore, delta: FilingHistoryDelta): Promise<void> {
  const byAddress = new Map<string, { matterId: string; delta: number }[]>();
  for (const c of delta.counts) {
    const key = addressKey(c.address);
    byAddress.set(key, [...(byAddress.get(key) ?? []), { matterId: c.matterId, delta: c.delta }]);
  }
  for (const [key, changes] of byAddress) {
    const row = await store.get(key);
    let counts: Record<string, number> = row?.kind === "address" ? { ...row.counts } : {};
    for (const ch of changes) counts = applyCounts(counts, ch.matterId, ch.delta);
    if (Object.keys(counts).length) await store.put({ key, kind: "address", counts } satisfies FilingHistoryRecord);
    else await store.delete(key);
  }
  for (const { conversationId, matterId } of delta.conversations) {
    if (matterId) await store.put({ key: conversationKey(conversationId), kind: "conversation", matterId });
    else await store.delete(conversationKey(conversationId));
  }
}

/**
 * The local copy of the shared matter record: the log, audit trail, filing history and the record's shadows change
 * together in one transaction, so a sync or a write interrupted half-way leaves nothing half-applied.
 */
export class IdbLocalRecordStore implements LocalRecordStore {
  constructor(private readonly db: MatterlineDb) {}

  shadow(internetMessageId: string): Promise<RecordShadow | null> {
    return guard("read the matter record", async () => (await this.db.get("recordShadows", internetMessageId)) ?? null);
  }
  shadows(): Promise<RecordShadow[]> {
    return guard("read the matter record", () => this.db.getAll("recordShadows"));
  }
  unsyncedEntries(): Promise<LogEntry[]> {
    return guard("read the matter log", async () => {
      const known = new Set(await this.db.getAllKeys("recordShadows"));
      return (await this.db.getAll("matterLog")).filter((e) => !known.has(e.internetMessageId)).map(fromStored);
    });
  }
  apply(change: LocalRecordChange): Promise<void> {
    return guard("save the matter record", async () => {
      const tx = this.db.transaction(["matterLog", "audit", "filingHistory", "recordShadows"], "readwrite");
      const log = tx.objectStore("matterLog");
      for (const imid of change.removeEntries ?? []) void log.delete(imid);
      for (const entry of change.putEntries ?? []) void log.put(toStored(entry));
      const shadows = tx.objectStore("recordShadows");
      for (const imid of change.removeShadows ?? []) void shadows.delete(imid);
      for (const shadow of change.putShadows ?? []) void shadows.put(shadow);
      const audits = change.audits ?? [];
      if (audits.length) {
        const store = tx.objectStore("audit");
        const byMessage = new Map<string, AuditRecord[]>();
        for (const a of audits) byMessage.set(a.internetMessageId, [...(byMessage.get(a.internetMessageId) ?? []), a]);
        for (const [imid, incoming] of byMessage) {
          const have = new Set((await store.index("byMessage").getAll(imid)).map((a) => auditKey(withoutId(a))));
          for (const a of incoming) {
            if (have.has(auditKey(a))) continue;
            have.add(auditKey(a));
            await store.add({ ...a });
          }
        }
      }
      if (change.history) await applyHistory(tx.objectStore("filingHistory"), change.history);
      await tx.done;
    });
  }
}

/** The outbox queue in IndexedDB; due work is found through the nextAttemptAt index (failed ops have none, so never show up). */
export class IdbOutboxStore implements OutboxStore {
  constructor(private readonly db: MatterlineDb) {}

  enqueue(op: OutboxOperation): Promise<void> {
    return guard("queue the mailbox update", async () => {
      const tx = this.db.transaction("outbox", "readwrite");
      const store = tx.objectStore("outbox");
      if (op.group) {
        for (const key of await store.index("byGroup").getAllKeys(op.group)) if (key !== op.key) await store.delete(key);
      }
      await store.put(op);
      await tx.done;
    });
  }
  due(now: string, limit: number, kinds: readonly string[]): Promise<OutboxOperation[]> {
    return guard("read the outbox", async () => {
      const out: OutboxOperation[] = [];
      const wanted = new Set(kinds);
      let cursor = await this.db.transaction("outbox").store.index("byNextAttempt").openCursor(IDBKeyRange.upperBound(now));
      while (cursor && out.length < limit) {
        if (cursor.value.status === "pending" && wanted.has(cursor.value.kind)) out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    });
  }
  settle(settlement: OutboxSettlement): Promise<void> {
    return guard("update the outbox", async () => {
      const tx = this.db.transaction("outbox", "readwrite");
      const store = tx.objectStore("outbox");
      for (const { key, createdAt } of settlement.remove) {
        if ((await store.get(key))?.createdAt === createdAt) await store.delete(key);
      }
      for (const op of settlement.update) {
        if ((await store.get(op.key))?.createdAt === op.createdAt) await store.put(op);
      }
      await tx.done;
    });
  }
  list(): Promise<OutboxOperation[]> {
    return guard("read the outbox", () => this.db.getAll("outbox"));
  }
}

/** The firm directory, one record replaced whole on import. */
export class IdbDirectoryStore implements DirectoryStore {
  constructor(private readonly db: MatterlineDb) {}

  load(): Promise<StoredDirectory | null> {
    return guard("read the firm directory", async () => {
      const row = await this.db.get("directory", "current");
      return row ? { directory: row.directory, importedAt: row.importedAt } : null;
    });
  }
  save(stored: StoredDirectory): Promise<void> {
    return guard("save the firm directory", async () => {
      await this.db.put("directory", { id: "current", directory: stored.directory, importedAt: stored.importedAt });
    });
  }
}

/** Per-device settings. Refuses anything that looks like a token or secret: MSAL alone keeps those. */
export class IdbSettingsStore implements SettingsStore {
  constructor(private readonly db: MatterlineDb) {}

  get(key: string): Promise<unknown> {
    return guard("read settings", () => this.db.get("settings", key));
  }
  async set(key: string, value: unknown): Promise<void> {
    if (holdsToken(key, value)) throw new MatterlineError("invalid-input", "Settings cannot hold tokens, secrets or passwords.");
    await guard("save settings", async () => {
      await this.db.put("settings", value, key);
    });
  }
  remove(key: string): Promise<void> {
    return guard("save settings", () => this.db.delete("settings", key));
  }
}

/** Plain keyed records for the response clock, follow-ups and scans; their features own the meaning. */
export class IdbRecords<T> {
  constructor(
    private readonly db: MatterlineDb,
    private readonly store: "clockDecisions" | "followUps",
  ) {}

  get(key: string): Promise<T | undefined> {
    return guard("read saved data", async () => (await this.db.get(this.store, key)) as T | undefined);
  }
  put(value: T): Promise<void> {
    return guard("save data", async () => {
      await this.db.put(this.store, value as never);
    });
  }
  delete(key: string): Promise<void> {
    return guard("save data", () => this.db.delete(this.store, key));
  }
  all(): Promise<T[]> {
    return guard("read saved data", async () => (await this.db.getAll(this.store)) as T[]);
  }
}

/** Follow-ups of one matter (through the byMatter index). */
export function followUpsForMatter(db: MatterlineDb, matterId: string): Promise<FollowUpRecord[]> {
  return guard("read follow-ups", () => db.getAllFromIndex("followUps", "byMatter", matterId));
}

/** Every store over one open database, ready to hand to the features' services. */
export function idbStores(db: MatterlineDb) {
  return {
    log: new IdbMatterLogStore(db),
    history: new IdbFilingHistoryStore(db),
    outbox: new IdbOutboxStore(db),
    directory: new IdbDirectoryStore(db),
    settings: new IdbSettingsStore(db),
    clockDecisions: new IdbRecords<ClockDecisionRecord>(db, "clockDecisions"),
    followUps: new IdbRecords<FollowUpRecord>(db, "followUps"),
    scanCheckpoints: new IdbScanCheckpointStore(db),
    record: new IdbLocalRecordStore(db),
  };
}
