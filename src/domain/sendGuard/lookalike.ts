import { isPublicMailDomain } from "@domain/directory/publicDomains";
import { allowedEdits, editDistance } from "./nearMiss";
import { splitDomain } from "./domainParts";
import { PUBLIC_PROVIDER, type RecipientIndex } from "./recipientIndex";

/** The known address an unknown one resembles, and whose it is. */
export interface Lookalike {
  /** The known address (or the address at the known domain) the recipient was probably meant to be. */
  readonly resembles: string;
  /** Client whose contact or domain it resembles; -1 for the firm's own domain (or no client). */
  readonly client: number;
  /** What differs: the whole domain, or the name before the @. */
  readonly part: "domain" | "name";
}

/** The closest local part to `local` among `locals` within the allowed edits (at least `minEdits`), or null. */
function nearestLocal(locals: readonly string[] | undefined, local: string, minEdits = 0): string | null {
  if (!locals) return null;
  const k = local.length < 3 ? 0 : Math.max(minEdits, allowedEdits(local.length));
  let best: string | null = null;
  let bestDistance = k + 1;
  for (const known of locals) {
    if (known === local) return known;
    if (k === 0 || Math.abs(known.length - local.length) > k) continue;
    const d = editDistance(local, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * At a domain the recipient resembles: the contact with the same or nearly the same name (a slip of one letter is
 * likely there even in a short name, since the domain is already mistyped), else the same name at that domain.
 */
function addressAt(index: RecipientIndex, local: string, domain: string): string {
  return `${nearestLocal(index.nearMiss.localsByDomain.get(domain), local, 1) ?? local}@${domain}`;
}

/** A contact at a public mail provider with the same name at another domain of that provider, or a near name at the same domain. */
function publicLookalike(index: RecipientIndex, local: string, domain: string): Lookalike | null {
  const provider = splitDomain(domain).stem;
  const same = index.nearMiss.publicLocalId.get(local);
  if (same !== undefined) {
    const other = index.nearMiss.publicLocalAddresses[same].find((a) => {
      const d = a.slice(a.lastIndexOf("@") + 1);
      return d !== domain && splitDomain(d).stem === provider;
    });
    if (other) return { resembles: other, client: index.contactClient.get(other) ?? -1, part: "domain" };
  }
  for (const hit of index.nearMiss.publicLocals.search(local, allowedEdits(local.length))) {
    const match = index.nearMiss.publicLocalAddresses[hit.id].find((a) => a.endsWith(`@${domain}`));
    if (match) return { resembles: match, client: index.contactClient.get(match) ?? -1, part: "name" };
  }
  return null;
}

/**
 * The known address an unknown recipient is a near miss of, or null: a client's or the firm's domain with a letter
 * or two wrong, swapped or missing, or with another ending ("northgatelogistics.com" for ".co.uk"); a name at a
 * client's domain a letter or two from one of its contacts; a contact's address at a public mail provider with a
 * letter or two wrong or with the provider's other ending. `address` is lower case and not in the directory.
 */
export function lookalikeOf(index: RecipientIndex, address: string): Lookalike | null {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (isPublicMailDomain(domain)) {
    const atProvider = publicLookalike(index, local, domain);
    // The providers' list also holds typo domains registered to catch mistyped mail ("gmial.com"): unless a contact
    // writes from one, it is still checked below as a provider's name mistyped.
    if (atProvider || index.nearMiss.localsByDomain.has(domain)) return atProvider;
  }
  const locals = index.nearMiss.localsByDomain.get(domain);
  if (locals || index.domainClients.has(domain)) {
    // A domain the directory knows: only a near miss of one of its contacts' names is suspicious (new people join clients).
    const near = nearestLocal(locals, local);
    if (!near || near === local) return null;
    const resembles = `${near}@${domain}`;
    return { resembles, client: index.contactClient.get(resembles) ?? -1, part: "name" };
  }
  const { stem, suffix } = splitDomain(domain);
  const exact = index.nearMiss.stemId.get(stem);
  const owners =
    exact !== undefined
      ? index.nearMiss.stemOwners[exact].filter((o) => o.domain !== domain)
      : index.nearMiss.domainStems.search(stem, allowedEdits(stem.length)).flatMap((hit) => index.nearMiss.stemOwners[hit.id]);
  // A client's or the firm's domain, the same ending first.
  const own = owners.filter((o) => o.client !== PUBLIC_PROVIDER);
  if (own.length > 0) {
    const best = own.find((o) => splitDomain(o.domain).suffix === suffix) ?? own[0];
    return { resembles: addressAt(index, local, best.domain), client: best.client, part: "domain" };
  }
  // A mail provider's domain mistyped ("gmial"): only when a contact there has this name.
  for (const o of owners) {
    const found = publicLookalike(index, local, o.domain);
    const resembles = found?.part === "name" ? found.resembles : index.nearMiss.publicLocalId.has(local) ? `${local}@${o.domain}` : null;
    if (resembles && index.contactClient.has(resembles)) return { resembles, client: index.contactClient.get(resembles)!, part: "domain" };
  }
  return null;
}
