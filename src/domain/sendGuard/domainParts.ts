/** Second-level labels that belong to the suffix under a two-letter country code ("acme.co.uk" → "acme" + "co.uk"). */
const SECOND_LEVEL = new Set(["co", "com", "org", "net", "ac", "gov", "ltd", "plc", "edu", "me", "nhs", "sch", "gv", "or", "ne", "go"]);

/** A mail domain cut into the name people recognise and its suffix: "northgatelogistics.co.uk" → stem "northgatelogistics". */
export interface DomainParts {
  /** Everything before the suffix ("mail.acme" for "mail.acme.com"). */
  readonly stem: string;
  /** The top-level domain, with a second-level label under a country code ("com", "co.uk"). */
  readonly suffix: string;
}

/**
 * Splits a lower-case domain into stem and suffix. A heuristic without the public suffix list (the send check has
 * no room for it): the last label, and the one before it when it is a usual second level under a country code.
 */
export function splitDomain(domain: string): DomainParts {
  const last = domain.lastIndexOf(".");
  if (last <= 0) return { stem: domain, suffix: "" };
  const tld = domain.slice(last + 1);
  const before = domain.lastIndexOf(".", last - 1);
  if (tld.length === 2 && before > 0) {
    const second = domain.slice(before + 1, last);
    if (SECOND_LEVEL.has(second)) return { stem: domain.slice(0, before), suffix: domain.slice(before + 1) };
  }
  return { stem: domain.slice(0, last), suffix: tld };
}
