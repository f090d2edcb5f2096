/** Graph path prefix of a mailbox: the signed-in user's own (`/me`) or a shared/delegated one (`/users/{id}`). */
export function mailboxPath(mailbox: string | null | undefined): string {
  return mailbox ? `/users/${encodeURIComponent(mailbox)}` : "/me";
}

/** Limiter key of every SharePoint request (sites, drives, upload URLs). */
export const SHAREPOINT_KEY = "sharepoint";

/** Throttling key of a Graph URL or path: Graph limits concurrency per mailbox, so our limiter does too. */
export function mailboxKeyOfUrl(url: string): string {
  // An upload session's URL is on the tenant's SharePoint host, outside Graph.
  if (/^https?:\/\/[^/]+\/_api\//.test(url)) return SHAREPOINT_KEY;
  const path = url.replace(/^https?:\/\/[^/]+\/(v1\.0|beta)/, "").replace(/^\//, "");
  const segs = path.split(/[/?]/);
  // SharePoint limits the tenant, not a mailbox: every site and drive request shares one key.
  if (segs[0] === "sites" || segs[0] === "drives") return SHAREPOINT_KEY;
  if (segs[0] === "me") return "me";
  if (segs[0] === "users" && segs[1]) return decodeURIComponent(segs[1]).toLowerCase();
  return segs[0] ?? "";
}

/** OData string literal: quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
