/** What the UI can do about follow-up calendar events (issue 6). Filled in by the follow-ups feature. */
export interface FollowUpCapability {
  readonly ready: true;
}
