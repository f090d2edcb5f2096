/** Per-device settings as plain key/value pairs; callers validate what they read back. Never holds tokens. */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}
