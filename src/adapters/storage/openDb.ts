import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from "idb";
import { MatterlineError } from "@domain/errors";
import type { MatterlineSchema } from "./schema";

export const DB_NAME = "matterline";

export type MatterlineDb = IDBPDatabase<MatterlineSchema>;
type UpgradeTx = IDBPTransaction<MatterlineSchema, StoreNames<MatterlineSchema>[], "versionchange">;

/** One step of schema history. Step i takes the database from version i to i + 1; steps are never edited once shipped. */
export type Migration = (db: MatterlineDb, tx: UpgradeTx) => void;

/** Version 1: every store of the first release. */
const v1: Migration = (db) => {
  db.createObjectStore("directory", { keyPath: "id" });
  const log = db.createObjectStore("matterLog", { keyPath: "internetMessageId" });
  log.createIndex("byMatter", "matterId");
  log.createIndex("byConversation", "conversationId");
  const audit = db.createObjectStore("audit", { keyPath: "id", autoIncrement: true });
  audit.createIndex("byMessage", "internetMessageId");
  db.createObjectStore("filingHistory", { keyPath: "key" });
  const outbox = db.createObjectStore("outbox", { keyPath: "key" });
  outbox.createIndex("byNextAttempt", "nextAttemptAt");
  outbox.createIndex("byGroup", "group");
  db.createObjectStore("settings");
  db.createObjectStore("clockNotes", { keyPath: "internetMessageId" });
  const followUps = db.createObjectStore("followUps", { keyPath: "transactionId" });
  followUps.createIndex("byMatter", "matterId");
  db.createObjectStore("scanCheckpoints", { keyPath: "key" });
};

/** The schema's history; the database version is its length. Add a step to change the schema. */
export const MIGRATIONS: readonly Migration[] = [v1];
export const DB_VERSION = MIGRATIONS.length;

/**
 * Opens (creating or upgrading) a database by running the migrations it has not seen yet, in order.
 * Exported for the upgrade test; the app calls `openMatterlineDb`.
 */
export async function openWithMigrations(name: string, migrations: readonly Migration[]): Promise<MatterlineDb> {
  try {
    const db = await openDB<MatterlineSchema>(name, migrations.length, {
      upgrade(database, oldVersion, newVersion, tx) {
        for (let v = oldVersion; v < (newVersion ?? migrations.length); v += 1) migrations[v](database, tx);
      },
      blocking() {
        // Another tab (a newer pane) wants to upgrade: step aside rather than block it; this pane reopens on reload.
        void db.close();
      },
    });
    return db;
  } catch (error) {
    throw new MatterlineError(
      "storage-failed",
      "Matterline could not open its storage on this device. Private browsing or full storage can cause this.",
      { cause: error },
    );
  }
}

/** Opens the Matterline database (default name "matterline") at the current schema version. */
export function openMatterlineDb(name: string = DB_NAME): Promise<MatterlineDb> {
  return openWithMigrations(name, MIGRATIONS);
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
