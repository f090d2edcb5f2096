/** Persists a scan's progress so an interrupted scan resumes where it stopped. The value is JSON-safe. */
export interface ScanCheckpointStore {
  /** The value last put under `key`, or null when there is none. */
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}
