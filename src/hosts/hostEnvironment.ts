/**
 * What a host page can hand the pane instead of the real Microsoft services. The workbench sets it (through
 * `window.__MATTERLINE_HOST__`) before this bundle runs; in Outlook it is absent and the pane talks to Graph and sign-in.
 */
export interface HostEnvironment {
  /** Shown in Settings, e.g. "Workbench". */
  readonly name: string;
  /** fetch used for Graph requests (the Graph simulator in the workbench). */
  readonly graphFetch: typeof fetch;
  /** Current time (the workbench runs at the sample's "now"). */
  readonly now: () => Date;
  /** Signed-in user, since the workbench has no sign-in. */
  readonly user: { readonly email: string; readonly name: string };
  /** Stand-in for MSAL in the workbench: returns a fake token for the scopes asked. */
  readonly getToken: (scopes: readonly string[]) => Promise<string>;
  /** The SharePoint site of the firm's matter record (the workbench's simulated one). */
  readonly recordSite?: string;
  /** Firm directory imported on first run when none is stored (the workbench's sample firm). */
  readonly initialDirectory?: import("@domain/directory/types").Directory;
}

declare global {
  interface Window {
    __MATTERLINE_HOST__?: HostEnvironment;
  }
}

/**
 * The pane's clock. The workbench's Date objects come from the parent window, where `instanceof Date` is false in the
 * pane, so every reading is copied into this window's Date.
 */
export function paneClock(host: HostEnvironment | undefined): () => Date {
  const read = host?.now;
  return read ? () => new Date(read().getTime()) : () => new Date();
}

export function injectedHost(): HostEnvironment | undefined {
  return typeof window === "undefined" ? undefined : window.__MATTERLINE_HOST__;
}
