/** What the UI can do with the directory and the matters (import, search, timeline, export, bulk tagging). Filled in by the matters feature. */
export interface MattersCapability {
  readonly ready: true;
}
