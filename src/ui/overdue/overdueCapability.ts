/** What the UI can do about the response clock and overdue alerts (issue 4). Filled in by the overdue feature. */
export interface OverdueCapability {
  readonly ready: true;
}
