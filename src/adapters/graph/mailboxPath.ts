/** Graph path prefix of a mailbox: the signed-in user's own (`/me`) or a shared/delegated one (`/users/{id}`). */
export function mailboxPath(mailbox: string | null | undefined): string {
  return mailbox ? `/users/${encodeURIComponent(mailbox)}` : "/me";
}

/** Throttling key of a Graph URL or path: Graph limits concurrency per mailbox, so our limiter does too. */
export function mailboxKeyOfUrl(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+\/(v1\.0|beta)/, "").replace(/^\//, "");
  const segs = path.split(/[/?]/);
  if (segs[0] === "me") return "me";
  if (segs[0] === "users" && segs[1]) return decodeURIComponent(segs[1]).toLowerCase();
  return segs[0] ?? "";
}

/** OData string literal: quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
