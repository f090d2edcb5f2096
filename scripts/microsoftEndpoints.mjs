// The Microsoft hosts a build talks to: sign-in (MATTERLINE_AUTHORITY) and Graph (MATTERLINE_GRAPH_ENDPOINT), checked
// against the national clouds Microsoft documents, so the Content-Security-Policy and the Graph client follow the
// firm's cloud and nothing else: https://learn.microsoft.com/graph/deployments

/**
 * Each cloud's sign-in host and Graph service roots ("App registration and token service root endpoints" and
 * "Microsoft Graph and Graph Explorer service root endpoints" on the page above). GCC tenants use the global cloud.
 *
 * And its SharePoint hosts: a large file goes to the matter record in an upload session, whose `uploadUrl` is on the
 * tenant's own SharePoint host, not Graph's (e.g. https://contoso.sharepoint.com/…/uploadSession?guid=…, as in
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4), and takes the bytes without an
 * Authorization header (https://learn.microsoft.com/graph/api/driveitem-createuploadsession). The hosts per cloud are
 * Microsoft's "SharePoint Online and OneDrive for Business" endpoints: *.sharepoint.com
 * (https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges), *.sharepoint.us for GCC High
 * (https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-u-s-government-gcc-high-endpoints),
 * *.sharepoint-mil.us and *.dps.mil for DoD (https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-u-s-government-dod-endpoints),
 * *.sharepoint.cn for 21Vianet (https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges-21vianet).
 */
export const CLOUDS = [
  { name: "global", signIn: "login.microsoftonline.com", graph: ["graph.microsoft.com"], sharePoint: ["*.sharepoint.com"] },
  {
    name: "US Government (GCC High, DoD)",
    signIn: "login.microsoftonline.us",
    graph: ["graph.microsoft.us", "dod-graph.microsoft.us"],
    sharePoint: ["*.sharepoint.us", "*.sharepoint-mil.us", "*.dps.mil"],
  },
  {
    name: "China (21Vianet)",
    signIn: "login.chinacloudapi.cn",
    graph: ["microsoftgraph.chinacloudapi.cn"],
    sharePoint: ["*.sharepoint.cn"],
  },
];

/**
 * Outlook on the web and new Outlook show the pane in an iframe of these origins (the Outlook and Microsoft 365 hosts
 * Microsoft lists for frame-ancestors: https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements);
 * classic Outlook on Windows and Mac load it as a top-level page, where frame-ancestors does not apply.
 */
export const OUTLOOK_FRAME_ANCESTORS = ["https://outlook.office.com", "https://outlook.office365.com", "https://*.cloud.microsoft"];

function httpsUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} "${value}" is not a URL.`);
  }
  if (url.protocol !== "https:") throw new Error(`${name} "${value}" must be an https:// URL.`);
  return url;
}

/**
 * The sign-in authority and Graph root for a build, from MATTERLINE_AUTHORITY and MATTERLINE_GRAPH_ENDPOINT: both
 * optional (one names the cloud of the other; neither means the global cloud), both on the same documented cloud.
 * Throws a plain Error naming what is wrong, so a build with a mistyped or foreign host stops instead of shipping it.
 */
export function microsoftEndpoints(env = process.env) {
  const authorityText = (env.MATTERLINE_AUTHORITY ?? "").trim();
  const graphText = (env.MATTERLINE_GRAPH_ENDPOINT ?? "").trim();
  const authority = authorityText ? httpsUrl("MATTERLINE_AUTHORITY", authorityText) : null;
  const graph = graphText ? httpsUrl("MATTERLINE_GRAPH_ENDPOINT", graphText) : null;
  if (graph && graph.pathname.replace(/\/+$/, "") !== "")
    throw new Error(`MATTERLINE_GRAPH_ENDPOINT "${graphText}" must be the service root alone, e.g. https://graph.microsoft.us (no /v1.0).`);
  const known = CLOUDS.map((c) => `${c.signIn} with ${c.graph.join(" or ")}`).join("; ");
  const byAuthority = authority ? CLOUDS.find((c) => c.signIn === authority.host) : undefined;
  const byGraph = graph ? CLOUDS.find((c) => c.graph.includes(graph.host)) : undefined;
  if (authority && !byAuthority)
    throw new Error(`MATTERLINE_AUTHORITY host "${authority.host}" is not Microsoft sign-in. Use one of: ${known}.`);
  if (graph && !byGraph) throw new Error(`MATTERLINE_GRAPH_ENDPOINT host "${graph.host}" is not Microsoft Graph. Use one of: ${known}.`);
  if (byAuthority && byGraph && byAuthority !== byGraph)
    throw new Error(
      `MATTERLINE_AUTHORITY (${byAuthority.name} cloud) and MATTERLINE_GRAPH_ENDPOINT (${byGraph.name} cloud) must be on the same cloud.`,
    );
  const cloud = byAuthority ?? byGraph ?? CLOUDS[0];
  return {
    cloud: cloud.name,
    // MSAL's own default tenant, on the firm's cloud; a firm pins its tenant with MATTERLINE_AUTHORITY.
    authority: authority ? authority.href.replace(/\/+$/, "") : `https://${cloud.signIn}/common`,
    signInOrigin: `https://${cloud.signIn}`,
    graphEndpoint: graph ? graph.origin : `https://${cloud.graph[0]}`,
    sharePointOrigins: cloud.sharePoint.map((host) => `https://${host}`),
  };
}

/** The pages' Content-Security-Policy for these endpoints; Fluent (Griffel) injects <style> at run time. */
export function contentSecurityPolicy({ signInOrigin, graphEndpoint, sharePointOrigins }) {
  return [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // The cloud's SharePoint hosts: an upload session's uploadUrl (the matter record's files over 4 MB).
    `connect-src 'self' ${graphEndpoint} ${signInOrigin} ${sharePointOrigins.join(" ")}`,
    `frame-src 'self' ${signInOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * The HTTP headers the production host should send with every page (written to dist/security-headers.txt). A meta tag
 * cannot carry frame-ancestors, so the policy goes in a header too, with the Outlook hosts that frame the pane; no
 * X-Frame-Options, whose DENY or SAMEORIGIN would keep Outlook on the web from showing the pane at all.
 */
export function productionHeaders(endpoints, frameAncestors = OUTLOOK_FRAME_ANCESTORS) {
  return [
    `Content-Security-Policy: ${contentSecurityPolicy(endpoints)}; frame-ancestors 'self' ${frameAncestors.join(" ")}`,
    "Strict-Transport-Security: max-age=31536000; includeSubDomains",
    "X-Content-Type-Options: nosniff",
    "Referrer-Policy: no-referrer",
  ];
}
