import { deleteDB, openDB } from "idb";
import { DB_NAME } from "./openDb";

/**
 * The workbench page's own database (not the pane's): what the user dropped on it (a firm's directory and mail files),
 * kept across reloads. It never holds tokens: the workbench signs in to nothing.
 */
const WORKBENCH_DB = "matterline-workbench";
const STORE = "files";

const open = () =>
  openDB(WORKBENCH_DB, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });

/** The value kept under `key`, or undefined. */
export async function readWorkbenchValue(key: string): Promise<unknown> {
  const db = await open();
  try {
    return (await db.get(STORE, key)) as unknown;
  } finally {
    db.close();
  }
}

/** Keeps `value` under `key` (replacing what was there); undefined deletes it. */
export async function writeWorkbenchValue(key: string, value: unknown): Promise<void> {
  const db = await open();
  try {
    if (value === undefined) await db.delete(STORE, key);
    else await db.put(STORE, value, key);
  } finally {
    db.close();
  }
}

/**
 * Deletes every Matterline database of this origin (each account's, and the one from before databases were keyed by
 * account), for the workbench when it starts with another firm: only call it before a pane has opened them.
 */
export async function deleteMatterlineDatabases(): Promise<void> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n === DB_NAME || n.startsWith(`${DB_NAME}:`));
  await Promise.all(names.map((name) => deleteDB(name)));
}
