import type { Directory } from "./types";
import type { DirectoryStore } from "@ports/directoryStore";
import { buildDirectoryIndex, type DirectoryIndex } from "./directoryIndex";

/** The firm directory loaded once, with its lookup index, shared by every feature of the pane. */
export interface LoadedDirectory {
  readonly directory: Directory;
  readonly index: DirectoryIndex;
  readonly importedAt: string;
}

/** Gives the current directory and tells when an import replaced it. */
export interface DirectoryProvider {
  /** The current directory, or null before the first import. The index is built once per import. */
  current(): Promise<LoadedDirectory | null>;
  /** Stores a validated directory (all-or-nothing is the importer's job) and makes it current. */
  replace(directory: Directory, importedAt: string): Promise<LoadedDirectory>;
  onChanged(listener: (loaded: LoadedDirectory) => void): () => void;
}

/** DirectoryProvider over a DirectoryStore; `seed` is imported when the store is empty (the workbench's sample firm). */
export function createDirectoryProvider(store: DirectoryStore, seed?: { directory: Directory; importedAt: string }): DirectoryProvider {
  let loaded: Promise<LoadedDirectory | null> | null = null;
  const listeners = new Set<(loaded: LoadedDirectory) => void>();
  const make = (directory: Directory, importedAt: string): LoadedDirectory => ({
    directory,
    index: buildDirectoryIndex(directory),
    importedAt,
  });

  const load = async (): Promise<LoadedDirectory | null> => {
    const stored = await store.load();
    if (stored) return make(stored.directory, stored.importedAt);
    if (!seed) return null;
    await store.save(seed);
    return make(seed.directory, seed.importedAt);
  };

  return {
    current() {
      loaded ??= load().catch((error: unknown) => {
        loaded = null;
        throw error;
      });
      return loaded;
    },
    async replace(directory, importedAt) {
      await store.save({ directory, importedAt });
      const next = make(directory, importedAt);
      loaded = Promise.resolve(next);
      listeners.forEach((l) => l(next));
      return next;
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
