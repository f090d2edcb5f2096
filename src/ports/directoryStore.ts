import type { Directory } from "@domain/directory/types";

/** The imported firm directory with the time it was imported. */
export interface StoredDirectory {
  readonly directory: Directory;
  /** ISO-8601 UTC. */
  readonly importedAt: string;
}

/** Keeps the one current directory; a save replaces it whole, so a failed import leaves the old one in place. */
export interface DirectoryStore {
  load(): Promise<StoredDirectory | null>;
  save(stored: StoredDirectory): Promise<void>;
}
