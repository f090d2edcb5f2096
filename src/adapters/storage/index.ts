export {
  openMatterlineDb,
  openAccountDb,
  dbNameFor,
  openWithMigrations,
  DB_NAME,
  DB_VERSION,
  MIGRATIONS,
  type MatterlineDb,
  type Migration,
} from "./openDb";
export * from "./idbStores";
export * from "./memoryStores";
export type * from "./schema";
export * from "./memoryScanCheckpointStore";
