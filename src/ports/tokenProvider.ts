/** How a token may be obtained. */
export interface TokenRequestOptions {
  /**
   * False (the default for everything that runs by itself: the outbox, the scan, the record's sync): only silently,
   * never opening a window; when a person must act, the request fails with `sign-in-required`. True only for a sign-in
   * the user asked for (the pane's Sign in button).
   */
  readonly interactive?: boolean;
}

/** Gives an access token for Microsoft Graph with at least the scopes asked for. Tokens never leave MSAL's cache. */
export interface TokenProvider {
  getToken(scopes: readonly string[], options?: TokenRequestOptions): Promise<string>;
}

/** Graph scopes, asked incrementally: each feature asks only for what it needs, when it needs it. */
export const GraphScopes = {
  mail: ["Mail.ReadWrite"],
  sharedMail: ["Mail.ReadWrite.Shared"],
  send: ["Mail.Send"],
  calendar: ["Calendars.ReadWrite"],
  /** Another person's calendar (a shared or delegated mailbox's): mail scopes give no calendar rights. */
  sharedCalendar: ["Calendars.ReadWrite.Shared"],
  mailboxSettings: ["MailboxSettings.Read"],
  files: ["Files.Read.All"],
  /**
   * The firm's matter record (a SharePoint site): only the one site the admin granted.
   * learn.microsoft.com/graph/permissions-selected-overview
   */
  sites: ["Sites.Selected"],
} as const;
