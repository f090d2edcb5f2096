/** What the UI can do about recognizing and logging email (issue 3). Filled in by the filing feature. */
export interface FilingCapability {
  readonly ready: true;
}
