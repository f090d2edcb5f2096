import type { HostEnvironment } from "@hosts/hostEnvironment";
import { GraphScopes } from "@ports/tokenProvider";

declare const __MATTERLINE_RECORD_SITE__: string;
declare const __MATTERLINE_SITES_SCOPE__: string;

/** The shared matter record's configuration: the firm's site, and the scope the pane asks for it. */
export interface RecordConfig {
  /** The site set at build time (MATTERLINE_RECORD_SITE) or by the host; each device can change it in Settings. */
  readonly defaultSite: string | null;
  /** Sites.Selected by default; Sites.ReadWrite.All where a tenant cannot grant one site (MATTERLINE_SITES_SCOPE). */
  readonly scopes: readonly string[];
}

export function recordConfig(host: HostEnvironment | undefined): RecordConfig {
  const built = typeof __MATTERLINE_RECORD_SITE__ === "string" ? __MATTERLINE_RECORD_SITE__ : "";
  const scope = typeof __MATTERLINE_SITES_SCOPE__ === "string" && __MATTERLINE_SITES_SCOPE__ ? __MATTERLINE_SITES_SCOPE__ : "";
  return {
    defaultSite: host?.recordSite ?? (built || null),
    scopes: scope === "Sites.ReadWrite.All" ? ["Sites.ReadWrite.All"] : GraphScopes.sites,
  };
}
