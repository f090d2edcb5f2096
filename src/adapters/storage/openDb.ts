import { deleteDB, openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from "idb";
import { MatterlineError } from "@domain/errors";
import type { OutboxOperation } from "@domain/outbox/types";
import type { MatterlineSchema } from "./schema";

export const DB_NAME = "matterline";

export type MatterlineDb = IDBPDatabase<MatterlineSchema>;
type UpgradeTx = IDBPTransaction<MatterlineSchema, StoreNames<MatterlineSchema>[], "versionchange">;

/**
 * One step of schema history. Step i takes the database from version i to i + 1; steps are never edited once shipped.
 * A step that must read or rewrite records returns a promise that settles once its requests are done; the steps after
 * it wait for it, inside the same upgrade transaction.
 */
export type Migration = (db: MatterlineDb, tx: UpgradeTx) => void | Promise<void>;

/** The database as a step of history sees it: store names of its own time, not of today's schema. */
type HistoricDb = IDBPDatabase;

/** Version 1: every store of the first release. */
const v1: Migration = (db) => {
  const old = db as unknown as HistoricDb;
  old.createObjectStore("directory", { keyPath: "id" });
  const log = old.createObjectStore("matterLog", { keyPath: "internetMessageId" });
  log.createIndex("byMatter", "matterId");
  log.createIndex("byConversation", "conversationId");
  const audit = old.createObjectStore("audit", { keyPath: "id", autoIncrement: true });
  audit.createIndex("byMessage", "internetMessageId");
  old.createObjectStore("filingHistory", { keyPath: "key" });
  const outbox = old.createObjectStore("outbox", { keyPath: "key" });
  outbox.createIndex("byNextAttempt", "nextAttemptAt");
  outbox.createIndex("byGroup", "group");
  old.createObjectStore("settings");
  old.createObjectStore("clockNotes", { keyPath: "internetMessageId" });
  const followUps = old.createObjectStore("followUps", { keyPath: "transactionId" });
  followUps.createIndex("byMatter", "matterId");
  old.createObjectStore("scanCheckpoints", { keyPath: "key" });
};

/**
 * Version 2: the response clock's decisions are named decisions everywhere, and a "no reply needed" shared through the
 * mailbox a no-reply decision. They move from the "clockNotes" store to "clockDecisions" (renamed in place, records and all:
 * developer.mozilla.org/docs/Web/API/IDBObjectStore/name), and the decisions still waiting in the outbox to
 * reach the mailbox change kind from "clock-mark" to "no-reply-decision", their keys with them, so what a user decided
 * offline is neither lost nor left without an executor.
 */
const v2: Migration = async (_db, tx) => {
  (tx.objectStore("clockNotes" as never) as unknown as { name: string }).name = "clockDecisions";
  const outbox = tx.objectStore("outbox");
  const renamed: OutboxOperation[] = [];
  for (let cursor = await outbox.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.kind !== "clock-mark") continue;
    renamed.push({ ...cursor.value, kind: "no-reply-decision", key: cursor.value.key.replace(/^clock-mark\|/, "no-reply-decision|") });
    await cursor.delete();
  }
  for (const op of renamed) await outbox.put(op);
};

/** Version 3: the shared matter record's shadows (item id, eTag, stored file of each filed email). */
const v3: Migration = (db) => {
  db.createObjectStore("recordShadows", { keyPath: "entry.internetMessageId" });
};

/**
 * Version 4: the overdue scan keeps one row per message and one cursor row per folder instead of one object per
 * mailbox rewritten after every page. The old checkpoints are dropped, not converted: they hold bodies and no facts,
 * and the next scan makes a full pass anyway.
 */
const v4: Migration = (db) => {
  const old = db as unknown as HistoricDb;
  old.deleteObjectStore("scanCheckpoints");
  old.createObjectStore("scanCursors", { keyPath: ["mailbox", "folder"] });
  old.createObjectStore("scanMessages", { keyPath: ["mailbox", "folder", "graphId"] });
};

/**
 * Version 5: the scan's message rows are keyed by short field names ([m, f, k] for mailbox, folder and key, the row
 * under `r`): a value holds its key's fields, and a year's mailbox keeps thousands of rows. The rows and cursors are
 * dropped, not converted: the scan keeps its rows differently now and makes a full pass anyway.
 */
const v5: Migration = async (db, tx) => {
  const old = db as unknown as HistoricDb;
  old.deleteObjectStore("scanMessages");
  old.createObjectStore("scanMessages", { keyPath: ["m", "f", "k"] });
  await tx.objectStore("scanCursors").clear();
};

/**
 * Version 6: a matter's timeline opens on its newest entries without reading them all, through the "byMatterNewest"
 * index on [matterId, timelineAt] (each entry's timeline time written out: received, else sent, else logged;
 * storedLogEntry.ts). The upgrade only creates the index. Rewriting every entry here blocked the pane's storage for
 * seconds on a long log (Chromium: 3.4 s for 5,000 entries, 24 s for 20,000, entry by entry; creating the index alone
 * 0.4 s and 1.2 s), so an entry kept before gets its time when its matter is first opened (idbStores.ts).
 */
const v6: Migration = (_db, tx) => {
  tx.objectStore("matterLog").createIndex("byMatterNewest", ["matterId", "timelineAt"]);
};

/** The schema's history; the database version is its length. Add a step to change the schema. */
export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6];
export const DB_VERSION = MIGRATIONS.length;

/**
 * What a failed open means, in words a user can act on. IndexedDB names the cause
 * (developer.mozilla.org/docs/Web/API/IDBOpenDBRequest/error): a VersionError is a newer Matterline that has
 * already upgraded this device's storage (the pane is an old copy), not full storage.
 */
export function storageOpenError(error: unknown): MatterlineError {
  const name = error instanceof Error || (typeof error === "object" && error !== null) ? (error as { name?: unknown }).name : undefined;
  const message =
    name === "VersionError"
      ? "A newer version of Matterline has already updated its storage on this device. Close and reopen the pane to load it."
      : name === "QuotaExceededError"
        ? "This device's storage for Matterline is full. Free some space (or clear other sites' data) and reopen the pane."
        : name === "AbortError"
          ? "Matterline could not update its storage on this device; your data is kept as it was. Reopen the pane to try again."
          : "Matterline could not open its storage on this device. Private browsing or a browser that blocks site storage can cause this.";
  return new MatterlineError("storage-failed", message, { cause: error });
}

/** Said by every use of a connection a newer Matterline closed in another window. */
const CLOSED_FOR_UPGRADE =
  "Matterline was updated in another window and needs this device's storage. Close and reopen this pane to go on; nothing you saved is lost.";

/** One connection with the migrations run; `events` hears when the browser or another window ends it. */
async function openOnce(
  name: string,
  migrations: readonly Migration[],
  events: { blocking(): void; terminated(): void },
): Promise<MatterlineDb> {
  try {
    return await openDB<MatterlineSchema>(name, migrations.length, {
      upgrade(database, oldVersion, newVersion, tx) {
        const target = newVersion ?? migrations.length;
        // Steps run in order; one that returns a promise holds the next back until its requests are done. A step that
        // fails aborts the upgrade: the database stays at its old version with its data, and opening reports it.
        const runFrom = (version: number): void => {
          for (let v = version; v < target; v += 1) {
            const pending = migrations[v](database, tx);
            if (pending) {
              pending.then(
                () => runFrom(v + 1),
                () => tx.abort(),
              );
              return;
            }
          }
        };
        runFrom(oldVersion);
      },
      blocking: () => events.blocking(),
      terminated: () => events.terminated(),
    });
  } catch (error) {
    throw storageOpenError(error);
  }
}

/**
 * Opens (creating or upgrading) a database by running the migrations it has not seen yet, in order, and keeps it
 * usable for the pane's whole life:
 * - another window opening a newer version ("versionchange", idb's `blocking`): this connection steps aside so the
 *   upgrade is not blocked, and every later use says plainly that the pane must be reopened — it can no longer open the
 *   database at its own, older version (developer.mozilla.org/docs/Web/API/IDBDatabase/versionchange_event);
 * - the browser ending the connection abnormally (the "close" event, idb's `terminated`: storage cleared, the
 *   disk failed — developer.mozilla.org/docs/Web/API/IDBDatabase/close_event): it is opened again, and uses
 *   meanwhile wait for it.
 * Exported for the upgrade test; the app calls `openMatterlineDb`.
 */
export async function openWithMigrations(name: string, migrations: readonly Migration[]): Promise<MatterlineDb> {
  let closedFor: MatterlineError | null = null;
  let reopening: Promise<MatterlineDb> | null = null;
  const events = {
    blocking() {
      closedFor = new MatterlineError("storage-failed", CLOSED_FOR_UPGRADE);
      current.close();
    },
    terminated() {
      if (closedFor || reopening) return;
      reopening = openOnce(name, migrations, events).then(
        (db) => {
          current = db;
          reopening = null;
          return db;
        },
        (error: unknown) => {
          closedFor = error instanceof MatterlineError ? error : storageOpenError(error);
          reopening = null;
          throw closedFor;
        },
      );
      reopening.catch(() => undefined); // reported to each use below
    },
  };
  let current = await openOnce(name, migrations, events);
  // Every store holds this one object: it always speaks for the connection of the moment.
  return new Proxy(current, {
    get(_target, prop) {
      const value: unknown = Reflect.get(current, prop, current);
      if (typeof value !== "function") return value;
      if (prop === "close") return () => current.close();
      if (closedFor) {
        const error = closedFor;
        // A transaction is asked for synchronously; every other use is a request, so it fails as a rejected promise.
        return prop === "transaction"
          ? () => {
              throw error;
            }
          : () => Promise.reject(error);
      }
      if (reopening) {
        const pending = reopening;
        if (prop === "transaction")
          return () => {
            throw new MatterlineError("storage-failed", "Matterline is reconnecting to this device's storage. Try again in a moment.");
          };
        return (...args: unknown[]) => pending.then((db) => (Reflect.get(db, prop, db) as (...a: unknown[]) => unknown).apply(db, args));
      }
      return (value as (...a: unknown[]) => unknown).bind(current);
    },
  });
}

/** Opens the Matterline database (default name "matterline") at the current schema version. */
export function openMatterlineDb(name: string = DB_NAME): Promise<MatterlineDb> {
  return openWithMigrations(name, MIGRATIONS);
}

/**
 * The database of one signed-in account: each person has their own log, settings and outbox, even when two accounts
 * use one browser (Outlook on the web with several accounts; the workbench's people).
 */
export function dbNameFor(account: string): string {
  return `${DB_NAME}:${account.trim().toLowerCase()}`;
}

/**
 * Opens an account's database; the first time, what an earlier version kept in the one shared database ("matterline")
 * moves into it (log, audit trail, settings, outbox …), upgraded to today's schema on the way, so its filings reach the
 * shared record on the first sync. The old database is then deleted, so it is adopted once.
 */
export async function openAccountDb(account: string): Promise<MatterlineDb> {
  const db = await openMatterlineDb(dbNameFor(account));
  await adoptLegacy(db).catch((error: unknown) => console.warn("Matterline: the earlier local data could not be moved:", error));
  return db;
}

const ADOPTED_KEY = "storage.legacyAdopted";

async function adoptLegacy(db: MatterlineDb): Promise<void> {
  if ((await db.get("settings", ADOPTED_KEY)) === true) return;
  let legacy: MatterlineDb | null = null;
  try {
    // Opening without a version never creates the old database: a missing one aborts in its first upgrade.
    legacy = await openDB<MatterlineSchema>(DB_NAME, undefined, {
      upgrade(_db, oldVersion, _newVersion, tx) {
        if (oldVersion !== 0) return;
        // The abort is the point: nothing is created. Its rejected `done` is expected, not an error.
        tx.done.catch(() => undefined);
        tx.abort();
      },
    });
  } catch {
    legacy = null;
  }
  if (legacy) {
    // The old database may be of an earlier schema (version 1 keeps clock decisions under their first name): it is
    // brought to today's schema by the same migrations first, so nothing it holds is left behind under an old name.
    legacy.close();
    const old = await openMatterlineDb(DB_NAME);
    const names = [...old.objectStoreNames].filter((n) => db.objectStoreNames.contains(n));
    // Keys and values read in the same order; stores with out-of-line keys (settings) need the key on put.
    const rows = await Promise.all(names.map(async (n) => ({ name: n, keys: await old.getAllKeys(n), values: await old.getAll(n) })));
    old.close();
    const tx = db.transaction(names, "readwrite");
    for (const { name, keys, values } of rows) {
      const store = tx.objectStore(name);
      values.forEach((value, i) => void (store.keyPath === null ? store.put(value, keys[i]) : store.put(value)));
    }
    await tx.done;
    await deleteDB(DB_NAME);
  }
  await db.put("settings", true, ADOPTED_KEY);
}

/** Runs a storage call, turning IndexedDB failures (quota, closed connection) into a plain MatterlineError. */
export async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MatterlineError) throw error;
    const quota = error instanceof Error && error.name === "QuotaExceededError";
    throw new MatterlineError(
      "storage-failed",
      quota ? `Matterline could not ${what}: this device's storage is full.` : `Matterline could not ${what} on this device.`,
      { cause: error },
    );
  }
}
