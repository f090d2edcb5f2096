/** What the UI can do about plain-language replies and the draft checker (issue 5). Filled in by the replies feature. */
export interface RepliesCapability {
  readonly ready: true;
}
