import { mailboxKeyOfUrl } from "./mailboxPath";

/** The mailbox a request touches; for `$batch`, the mailbox of its first sub-request. */
export function mailboxKeyOf(url: string, body: unknown): string {
  if (/\/\$batch(\?|$)/.test(url) && typeof body === "string") {
    try {
      const first = (JSON.parse(body) as { requests?: { url?: string }[] }).requests?.[0]?.url;
      if (first) return mailboxKeyOfUrl(first);
    } catch {
      // not JSON: fall through to the URL's own key
    }
  }
  return mailboxKeyOfUrl(url);
}
