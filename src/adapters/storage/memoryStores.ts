import { auditKey, type AuditRecord, type LogEntry } from "@domain/matterLog/types";
import { compareNewestFirst } from "@domain/matterLog/entryOrder";
import type { LocalRecordChange, LocalRecordStore, RecordShadow } from "@ports/localRecordStore";
import type { OutboxOperation } from "@domain/outbox/types";
import type { DirectoryStore, StoredDirectory } from "@ports/directoryStore";
import type { FilingHistoryDelta, FilingHistorySnapshot, FilingHistoryStore } from "@ports/filingHistoryStore";
import type { MatterLogChange, MatterLogStore } from "@ports/matterLogStore";
import type { OutboxSettlement, OutboxStore } from "@ports/outboxStore";
import type { SettingsStore } from "@ports/settingsStore";
import { MatterlineError } from "@domain/errors";
import { promiseTry } from "@domain/promiseTry";
import { holdsToken } from "./tokenGuard";

/**
 * In-memory stores with the same contract as the IndexedDB ones: for the CLI, tests, and hosts without IndexedDB.
 * Values are cloned in and out so callers cannot mutate what is "stored", as with structured clone in IndexedDB.
 * The work is synchronous, but like IndexedDB every failure (a token in settings, a value that cannot be cloned)
 * arrives as a rejection, never as a throw at the call.
 */
const clone = <T>(value: T): T => structuredClone(value);

export class MemoryMatterLogStore implements MatterLogStore {
  private readonly entries = new Map<string, LogEntry>();
  private readonly audits: AuditRecord[] = [];

  get(internetMessageId: string): Promise<LogEntry | null> {
    return promiseTry(() => {
      const e = this.entries.get(internetMessageId);
      return e ? clone(e) : null;
    });
  }
  listByMatter(matterId: string): Promise<LogEntry[]> {
    return promiseTry(() => [...this.entries.values()].filter((e) => e.matterId === matterId).map(clone));
  }
  newestByMatter(matterId: string, limit: number): Promise<LogEntry[]> {
    return promiseTry(() =>
      [...this.entries.values()]
        .filter((e) => e.matterId === matterId)
        .sort(compareNewestFirst)
        .slice(0, Math.max(0, limit))
        .map(clone),
    );
  }
  countByMatter(matterId: string): Promise<number> {
    return promiseTry(() => [...this.entries.values()].filter((e) => e.matterId === matterId).length);
  }
  listByConversation(conversationId: string): Promise<LogEntry[]> {
    return promiseTry(() => [...this.entries.values()].filter((e) => e.conversationId === conversationId).map(clone));
  }
  auditFor(internetMessageId: string): Promise<AuditRecord[]> {
    return promiseTry(() => this.audits.filter((a) => a.internetMessageId === internetMessageId).map(clone));
  }
  /** Every entry (for the local record's first sync). */
  all(): Promise<LogEntry[]> {
    return promiseTry(() => [...this.entries.values()].map(clone));
  }
  commit(change: MatterLogChange): Promise<void> {
    return promiseTry(() => {
      if (change.remove) this.entries.delete(change.remove);
      if (change.put) this.entries.set(change.put.internetMessageId, clone(change.put));
      if (change.audit) this.audits.push(clone(change.audit));
    });
  }
}

/** Applies a delta to address counts; shared so the memory and IndexedDB stores count identically. */
export function applyCounts(current: Record<string, number>, matterId: string, delta: number): Record<string, number> {
  const next = { ...current };
  const value = (next[matterId] ?? 0) + delta;
  if (value > 0) next[matterId] = value;
  else delete next[matterId];
  return next;
}

export class MemoryFilingHistoryStore implements FilingHistoryStore {
  private readonly addresses = new Map<string, Record<string, number>>();
  private readonly conversations = new Map<string, string>();

  countsFor(address: string): Promise<Record<string, number>> {
    return promiseTry(() => ({ ...(this.addresses.get(address.toLowerCase()) ?? {}) }));
  }
  matterForConversation(conversationId: string): Promise<string | null> {
    return promiseTry(() => this.conversations.get(conversationId) ?? null);
  }
  snapshot(): Promise<FilingHistorySnapshot> {
    return promiseTry(() => ({
      addresses: Object.fromEntries([...this.addresses].map(([k, v]) => [k, { ...v }])),
      conversations: Object.fromEntries(this.conversations),
    }));
  }
  apply(delta: FilingHistoryDelta): Promise<void> {
    return promiseTry(() => {
      for (const { address, matterId, delta: d } of delta.counts) {
        const key = address.toLowerCase();
        const next = applyCounts(this.addresses.get(key) ?? {}, matterId, d);
        if (Object.keys(next).length) this.addresses.set(key, next);
        else this.addresses.delete(key);
      }
      for (const { conversationId, matterId } of delta.conversations) {
        if (matterId) this.conversations.set(conversationId, matterId);
        else this.conversations.delete(conversationId);
      }
    });
  }
}

export class MemoryOutboxStore implements OutboxStore {
  private readonly ops = new Map<string, OutboxOperation>();

  enqueue(op: OutboxOperation): Promise<void> {
    return promiseTry(() => {
      if (op.group) {
        for (const [key, existing] of this.ops) if (existing.group === op.group && key !== op.key) this.ops.delete(key);
      }
      this.ops.set(op.key, clone(op));
    });
  }
  due(now: string, limit: number, kinds: readonly string[]): Promise<OutboxOperation[]> {
    return promiseTry(() =>
      [...this.ops.values()]
        .filter((o) => o.status === "pending" && o.nextAttemptAt !== null && o.nextAttemptAt <= now && kinds.includes(o.kind))
        .sort((a, b) => (a.nextAttemptAt! < b.nextAttemptAt! ? -1 : a.nextAttemptAt! > b.nextAttemptAt! ? 1 : a.key.localeCompare(b.key)))
        .slice(0, limit)
        .map(clone),
    );
  }
  settle(settlement: OutboxSettlement): Promise<void> {
    return promiseTry(() => {
      for (const { key, createdAt } of settlement.remove) if (this.ops.get(key)?.createdAt === createdAt) this.ops.delete(key);
      for (const op of settlement.update) if (this.ops.get(op.key)?.createdAt === op.createdAt) this.ops.set(op.key, clone(op));
    });
  }
  list(): Promise<OutboxOperation[]> {
    return promiseTry(() => [...this.ops.values()].map(clone));
  }
}

export class MemoryDirectoryStore implements DirectoryStore {
  private stored: StoredDirectory | null = null;
  load(): Promise<StoredDirectory | null> {
    return promiseTry(() => (this.stored ? clone(this.stored) : null));
  }
  save(stored: StoredDirectory): Promise<void> {
    return promiseTry(() => {
      this.stored = clone(stored);
    });
  }
}

export class MemorySettingsStore implements SettingsStore {
  private readonly values = new Map<string, unknown>();
  get(key: string): Promise<unknown> {
    return promiseTry(() => (this.values.has(key) ? clone(this.values.get(key)) : undefined));
  }
  set(key: string, value: unknown): Promise<void> {
    return promiseTry(() => {
      if (holdsToken(key, value)) throw new MatterlineError("invalid-input", "Settings cannot hold tokens, secrets or passwords.");
      this.values.set(key, clone(value));
    });
  }
  remove(key: string): Promise<void> {
    return promiseTry(() => {
      this.values.delete(key);
    });
  }
}

/** The local copy of the shared record over the memory log and history stores (tests and the command line). */
export class MemoryLocalRecordStore implements LocalRecordStore {
  private readonly kept = new Map<string, RecordShadow>();
  constructor(
    private readonly log: MemoryMatterLogStore,
    private readonly history: MemoryFilingHistoryStore,
  ) {}

  shadow(internetMessageId: string): Promise<RecordShadow | null> {
    return promiseTry(() => {
      const s = this.kept.get(internetMessageId);
      return s ? clone(s) : null;
    });
  }
  shadows(): Promise<RecordShadow[]> {
    return promiseTry(() => [...this.kept.values()].map(clone));
  }
  async unsyncedEntries(): Promise<LogEntry[]> {
    return (await this.log.all()).filter((e) => !this.kept.has(e.internetMessageId));
  }
  async apply(change: LocalRecordChange): Promise<void> {
    for (const imid of change.removeEntries ?? []) await this.log.commit({ remove: imid });
    for (const entry of change.putEntries ?? []) await this.log.commit({ put: entry });
    for (const imid of change.removeShadows ?? []) this.kept.delete(imid);
    for (const s of change.putShadows ?? []) this.kept.set(s.entry.internetMessageId, clone(s));
    for (const a of change.audits ?? []) {
      const have = (await this.log.auditFor(a.internetMessageId)).map(auditKey);
      if (!have.includes(auditKey(a))) await this.log.commit({ audit: a });
    }
    if (change.history) await this.history.apply(change.history);
  }
}
