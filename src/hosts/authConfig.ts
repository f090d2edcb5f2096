import type { AuthConfig } from "@adapters/auth";

declare const __MATTERLINE_CLIENT_ID__: string;
declare const __MATTERLINE_AUTHORITY__: string;
declare const __MATTERLINE_GRAPH_ENDPOINT__: string;
declare const __MATTERLINE_TENANT__: string;

/**
 * Sign-in configuration baked in at build time (MATTERLINE_CLIENT_ID, MATTERLINE_AUTHORITY, MATTERLINE_TENANT).
 * Public values, never secrets.
 */
export function authConfig(): AuthConfig {
  const clientId = typeof __MATTERLINE_CLIENT_ID__ === "string" ? __MATTERLINE_CLIENT_ID__ : "";
  const authority = typeof __MATTERLINE_AUTHORITY__ === "string" && __MATTERLINE_AUTHORITY__ ? __MATTERLINE_AUTHORITY__ : undefined;
  const tenant = typeof __MATTERLINE_TENANT__ === "string" && __MATTERLINE_TENANT__ ? __MATTERLINE_TENANT__ : undefined;
  return { clientId, authority, tenant, dialogUrl: `${window.location.origin}/auth.html` };
}

/**
 * Graph's service root for the firm's cloud (MATTERLINE_GRAPH_ENDPOINT, checked at build time by
 * scripts/microsoftEndpoints.mjs); undefined means the SDK's default, the global service.
 */
export function graphEndpoint(): string | undefined {
  return typeof __MATTERLINE_GRAPH_ENDPOINT__ === "string" && __MATTERLINE_GRAPH_ENDPOINT__ ? __MATTERLINE_GRAPH_ENDPOINT__ : undefined;
}
