import type { Directory } from "@domain/directory/types";
import { refIndexBuilder, type RefIndex } from "@domain/directory/directoryIndex";
import { isPublicMailDomain } from "@domain/directory/publicDomains";
import { MatterlineError } from "@domain/errors";
import { emailDomain } from "@domain/model/mail";
import { NearMissIndex } from "./nearMiss";
import { splitDomain } from "./domainParts";

/**
 * The compact recipient index: what the send check needs from the firm directory, as text the pane stores for the
 * OnMessageSend handler (which cannot read the pane's directory).
 *
 * A header line (firm domains, colleagues outside them, reference patterns), then one line per client (name,
 * domains, contacts' addresses, how many matters it has), then the matters in client order as columns, one line per
 * matter in each: numbers, aliases, joint clients, the other side's addresses, the other side's domains, a 24-bit
 * hash of the matter's id (so the matter chosen in the pane can be found without storing ids of any length), and one
 * line of statuses. Clients are referred to by line number, so no client id is written; a contact at the client's
 * first domain is written as "local@". Columns keep like strings together, which is what gzip compresses best.
 */
export const INDEX_HEADER = "matterline-send-index 2";

/** Largest index text `loadRecipientIndex` accepts (a directory of 20,000 matters and 50,000 contacts is ~2 MB). */
export const MAX_INDEX_CHARS = 32 * 1024 * 1024;

const SPECIAL = /[%\t\n\r,;|]/g;
const ESCAPED = /%([0-9A-F]{2})/g;

function esc(text: string): string {
  return text.replace(SPECIAL, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function unesc(text: string): string {
  return text.includes("%") ? text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** FNV-1a over the id's UTF-16 units, folded to 24 bits (ids shared by a hash are left unresolved, never mixed up). */
export function matterIdHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 24) ^ h) & 0xffffff;
}

/** The matter columns, in the order they are written. */
const COLUMNS = ["numbers", "aliases", "joint", "opposingEmails", "opposingDomains", "idHashes"] as const;

/**
 * Writes the compact index of a (validated) directory. `builtAt` says which directory it was made from (its import
 * time); the same directory gives the same text.
 */
export function serializeRecipientIndex(directory: Directory, builtAt: string): string {
  const firmDomains = directory.firm.domains.map((d) => d.toLowerCase());
  const firm = new Set(firmDomains);
  const clientIndex = new Map(directory.clients.map((c, i) => [c.id, i]));
  const byClient = new Map<string, Directory["matters"][number][]>();
  for (const m of directory.matters) {
    if (!clientIndex.has(m.clientId)) continue;
    const list = byClient.get(m.clientId);
    if (list) list.push(m);
    else byClient.set(m.clientId, [m]);
  }
  const header = {
    builtAt,
    firmDomains,
    // Colleagues at the firm's domains are internal by their domain; only the others need listing.
    people: directory.people.map((p) => p.email.toLowerCase()).filter((e) => !firm.has(emailDomain(e))),
    patterns: directory.firm.matterRefPatterns,
  };
  const clientLines: string[] = [];
  const columns: Record<(typeof COLUMNS)[number], string[]> = {
    numbers: [],
    aliases: [],
    joint: [],
    opposingEmails: [],
    opposingDomains: [],
    idHashes: [],
  };
  let statuses = "";
  for (const client of directory.clients) {
    const domains = client.domains.map((d) => d.toLowerCase());
    const home = domains[0] ? `@${domains[0]}` : null;
    const contacts = client.contacts.map((c) => {
      const email = c.email.toLowerCase();
      return esc(home && email.endsWith(home) ? email.slice(0, email.length - home.length + 1) : email);
    });
    const matters = byClient.get(client.id) ?? [];
    clientLines.push([esc(client.name.replace(/\s+/g, " ")), domains.map(esc).join(","), contacts.join(","), matters.length].join("\t"));
    for (const m of matters) {
      const opposing = m.opposing ?? [];
      columns.numbers.push(esc(m.number));
      columns.aliases.push((m.aliases ?? []).map(esc).join(","));
      columns.joint.push(
        (m.jointClientIds ?? [])
          .map((id) => clientIndex.get(id))
          .filter((i): i is number => i !== undefined)
          .map((i) => i.toString(36))
          .join(","),
      );
      columns.opposingEmails.push(opposing.flatMap((o) => (o.emails ?? []).map((e) => esc(e.toLowerCase()))).join(","));
      columns.opposingDomains.push(opposing.flatMap((o) => (o.domains ?? []).map((d) => esc(d.toLowerCase()))).join(","));
      columns.idHashes.push(matterIdHash(m.id).toString(36));
      statuses += m.status === "closed" ? "c" : "o";
    }
  }
  return [INDEX_HEADER, JSON.stringify(header), ...clientLines, ...COLUMNS.flatMap((c) => columns[c]), statuses].join("\n");
}

/** Owner of a domain stem that belongs to a public mail provider some contacts use. */
export const PUBLIC_PROVIDER = -2;

/** Who owns a domain the lookalike check compares with: a client (its index), the firm (-1) or a mail provider (-2). */
interface DomainOwner {
  readonly domain: string;
  readonly client: number;
}

function split(list: string, sep: string): string[] {
  return list === "" ? [] : list.split(sep);
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** What the lookalike check searches, made from the index on first use. */
export interface NearMissTables {
  /** Contacts' local parts by domain, for suggestions and near misses at a known domain. */
  readonly localsByDomain: ReadonlyMap<string, readonly string[]>;
  /** Stems of the firm's, clients' and contacts' domains ("northgatelogistics"), with the domains they stand for. */
  readonly domainStems: NearMissIndex;
  readonly stemOwners: readonly (readonly DomainOwner[])[];
  readonly stemId: ReadonlyMap<string, number>;
  /** Local parts of contacts at public mail domains (gmail …), with the full addresses. */
  readonly publicLocals: NearMissIndex;
  readonly publicLocalAddresses: readonly (readonly string[])[];
  readonly publicLocalId: ReadonlyMap<string, number>;
}

function buildNearMissTables(
  firmDomains: ReadonlySet<string>,
  domainClients: ReadonlyMap<string, readonly number[]>,
  contactClient: ReadonlyMap<string, number>,
): NearMissTables {
  const domainStems = new NearMissIndex();
  const stemOwners: DomainOwner[][] = [];
  const stemId = new Map<string, number>();
  const addOwner = (domain: string, client: number) => {
    const { stem } = splitDomain(domain);
    let id = stemId.get(stem);
    if (id === undefined) {
      id = domainStems.add(stem);
      stemId.set(stem, id);
      stemOwners[id] = [];
    }
    const owners = stemOwners[id];
    if (!owners.some((o) => o.domain === domain && o.client === client)) owners.push({ domain, client });
  };
  for (const d of firmDomains) addOwner(d, -1);
  for (const [d, clients] of domainClients) for (const c of clients) addOwner(d, c);
  const localsByDomain = new Map<string, string[]>();
  const publicLocals = new NearMissIndex();
  const publicLocalAddresses: string[][] = [];
  const publicLocalId = new Map<string, number>();
  let lastDomain = "";
  let lastClient = -3;
  for (const [email, client] of contactClient) {
    const at = email.lastIndexOf("@");
    const local = email.slice(0, at);
    const domain = email.slice(at + 1);
    const locals = localsByDomain.get(domain);
    if (locals) locals.push(local);
    else localsByDomain.set(domain, [local]);
    const isPublic = isPublicMailDomain(domain);
    // A contact's own domain is compared with like a client's, a provider's ("gmail") only with its users' names.
    // Contacts mostly share their client's domain and come client by client: register each pair once.
    if ((domain !== lastDomain || client !== lastClient) && !firmDomains.has(domain)) addOwner(domain, isPublic ? PUBLIC_PROVIDER : client);
    lastDomain = domain;
    lastClient = client;
    if (!isPublic) continue;
    let id = publicLocalId.get(local);
    if (id === undefined) {
      id = publicLocals.add(local);
      publicLocalId.set(local, id);
      publicLocalAddresses[id] = [];
    }
    publicLocalAddresses[id].push(email);
  }
  return { localsByDomain, domainStems, stemOwners, stemId, publicLocals, publicLocalAddresses, publicLocalId };
}

/**
 * The compact index loaded for checking: lookups by address, domain, reference and matter id, and the near-miss
 * searches for lookalikes. Built from the text in time linear in its size.
 */
export class RecipientIndex {
  readonly builtAt: string;
  readonly firmDomains: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
  readonly clientNames: readonly string[];
  /** Contact address → client. */
  readonly contactClient = new Map<string, number>();
  /** A client's own (non-public) domain → clients. */
  readonly domainClients = new Map<string, number[]>();
  readonly matterNumber: string[] = [];
  readonly matterClient: number[] = [];
  readonly matterJoint: (readonly number[] | null)[] = [];
  readonly matterOpen: boolean[] = [];
  /** The other side's exact address / (non-public) domain → matters. */
  readonly opposingEmail = new Map<string, number[]>();
  readonly opposingDomain = new Map<string, number[]>();
  /** Clients declared joint with each client on some matter. */
  readonly jointPartners = new Map<number, Set<number>>();
  /** Matter numbers and aliases → matter index (as a string), for `findRefs`. */
  readonly refs: RefIndex;
  private readonly matterByIdHash = new Map<number, number>();
  private tables: NearMissTables | null = null;

  constructor(text: string) {
    if (typeof text !== "string" || text.length > MAX_INDEX_CHARS)
      throw new MatterlineError("invalid-input", "The send check's recipient index is missing or too large.");
    const lines = text.split("\n");
    if (lines[0] !== INDEX_HEADER) throw new MatterlineError("invalid-input", "The send check's recipient index is not in a known format.");
    let header: { builtAt?: unknown; firmDomains?: unknown; people?: unknown; patterns?: unknown };
    try {
      header = JSON.parse(lines[1] ?? "") as typeof header;
    } catch (cause) {
      throw new MatterlineError("invalid-input", "The send check's recipient index is damaged.", { cause });
    }
    const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    this.builtAt = typeof header.builtAt === "string" ? header.builtAt : "";
    this.firmDomains = new Set(strings(header.firmDomains));
    this.people = new Set(strings(header.people));
    // The client lines end where the matter columns start: the matter counts add up to the lines after them.
    const names: string[] = [];
    let line = 2;
    let matterCount = 0;
    const counts: number[] = [];
    while (line < lines.length) {
      const fields = lines[line].split("\t");
      if (fields.length !== 4) break;
      const client = names.length;
      names.push(unesc(fields[0]));
      const domains = split(fields[1], ",").map(unesc);
      for (const d of domains) if (!isPublicMailDomain(d) && !this.firmDomains.has(d)) pushTo(this.domainClients, d, client);
      for (const raw of split(fields[2], ",")) {
        const written = unesc(raw);
        const email = written.endsWith("@") && domains[0] ? `${written}${domains[0]}` : written;
        if (email.lastIndexOf("@") > 0) this.contactClient.set(email, client);
      }
      const n = Number(fields[3]);
      if (!Number.isInteger(n) || n < 0) throw new MatterlineError("invalid-input", "The send check's recipient index is damaged.");
      counts.push(n);
      matterCount += n;
      line++;
    }
    if (lines.length !== line + COLUMNS.length * matterCount + 1)
      throw new MatterlineError("invalid-input", "The send check's recipient index is damaged (its matter columns do not add up).");
    this.clientNames = names;
    const column = (c: (typeof COLUMNS)[number], m: number) => lines[line + COLUMNS.indexOf(c) * matterCount + m];
    const statuses = lines[lines.length - 1];
    const refs = refIndexBuilder();
    let m = 0;
    for (let client = 0; client < counts.length; client++) {
      for (let k = 0; k < counts[client]; k++, m++) {
        const number = unesc(column("numbers", m));
        this.matterNumber.push(number);
        this.matterClient.push(client);
        this.matterOpen.push(statuses.charCodeAt(m) !== 99); // "c"
        refs.add(number, String(m));
        for (const a of split(column("aliases", m), ",")) refs.add(unesc(a), String(m));
        const partners = split(column("joint", m), ",").map((j) => parseInt(j, 36));
        this.matterJoint.push(partners.length ? partners : null);
        for (const p of partners) {
          this.partnersOf(client).add(p);
          this.partnersOf(p).add(client);
        }
        for (const e of split(column("opposingEmails", m), ",")) pushTo(this.opposingEmail, unesc(e), m);
        for (const d of split(column("opposingDomains", m), ",").map(unesc)) if (!isPublicMailDomain(d)) pushTo(this.opposingDomain, d, m);
        const hash = parseInt(column("idHashes", m), 36);
        this.matterByIdHash.set(hash, this.matterByIdHash.has(hash) ? -1 : m);
      }
    }
    this.refs = refs.finish(strings(header.patterns));
  }

  private partnersOf(client: number): Set<number> {
    let set = this.jointPartners.get(client);
    if (!set) this.jointPartners.set(client, (set = new Set()));
    return set;
  }

  /**
   * The near-miss searches for lookalikes, made on first use: most mail names only addresses the directory knows,
   * and the handler then never pays for them.
   */
  get nearMiss(): NearMissTables {
    return (this.tables ??= buildNearMissTables(this.firmDomains, this.domainClients, this.contactClient));
  }

  /** The matter with this directory id, or -1 (unknown, or two ids share the hash). */
  matterById(id: string): number {
    return this.matterByIdHash.get(matterIdHash(id)) ?? -1;
  }

  /** The matter's client and any joint clients. */
  clientsOfMatter(matter: number): number[] {
    const joint = this.matterJoint[matter];
    return joint ? [this.matterClient[matter], ...joint] : [this.matterClient[matter]];
  }

  /** How much the index holds, for the pane's status line. */
  get stats(): { readonly clients: number; readonly contacts: number; readonly matters: number } {
    return { clients: this.clientNames.length, contacts: this.contactClient.size, matters: this.matterNumber.length };
  }
}

/** Loads index text written by `serializeRecipientIndex`; throws MatterlineError("invalid-input") when it is not one. */
export function loadRecipientIndex(text: string): RecipientIndex {
  return new RecipientIndex(text);
}
