/** Persists a scan's progress so an interrupted scan resumes where it stopped. The value is JSON-safe. */
export interface ScanCheckpointStore {
  get(key: string): Promise<unknown | null>;
  put(key: string, value: unknown): Promise<void>;
}
