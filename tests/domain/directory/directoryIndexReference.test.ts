import { describe, expect, it } from "vitest";
import { buildDirectoryIndex, MAX_PHRASE_OWNERS, normalizeRef } from "@domain/directory/directoryIndex";
import type { DirectoryIndex, PhraseTarget } from "@domain/directory/directoryIndex";
import { COMMON_WORDS } from "@domain/directory/commonWords";
import { isPublicMailDomain } from "@domain/directory/publicDomains";
import { tokenize } from "@domain/directory/tokens";
import { FILTER_BITS, FILTER_MASK, hashWord } from "@domain/directory/wordHash";
import type { Client, Directory, Matter } from "@domain/directory/types";
import { mulberry32 } from "@simulators/graph";

/*
 * The index against its rules written out plainly: string keys, `tokenize`, fresh arrays, one pass per rule. The
 * index builds the same lookups with hashes, reused buffers and grouped lookups for speed; on a directory large and
 * awkward enough to repeat, share and collide phrases, both must give the same answers, in the same order.
 */

// Names that repeat across clients and matters, with suffixes, roles in brackets, apostrophes, accents and capitals.
const NAMES = ["Larchfield", "Hollis", "Zoë", "O'Brien", "D’Arcy", "Orchard", "Trust", "Lease", "Ltd", "The", "Mr", "Homes"];
const MORE_NAMES = [
  "Quayside",
  "Northgate",
  "Kemp",
  "Ng",
  "Ærø",
  "straße",
  "Jones-Smith",
  "Ünal",
  "ÉCOLE",
  "Kowalski",
  "Fernhill",
  "Birch",
];
const KEYWORDS = ["lease", "SHA", "TTAB", "sha", "Zoë Mews", "drag-along", "shareholders' agreement", "  rent-free ", "Hollis"];
const SYLLABLES = ["Kel", "mor", "Ros", "ven", "Hol", "dun", "Wick", "ar", "Zel", "quin"];
const DOMAINS = ["gmail.test", "GMAIL.COM", "outlook.example", "hollis.test", "Hollis.TEST", "firm.test", "yahoo.co.uk"];

function generated(seed: number, clientCount: number, matterCount: number): Directory {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  // Made-up words ("Kelmor", "Ros"), most owned by one or a few matters; the lists' words are shared by many.
  const made = (): string => Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(SYLLABLES)).join("");
  const name = (): string => {
    const words = Array.from({ length: 1 + Math.floor(r() * 3) }, () => (r() < 0.4 ? made() : pick(r() < 0.7 ? NAMES : MORE_NAMES)));
    return words.join(pick([" ", " ", "  ", "-"])) + (r() < 0.2 ? ` (${pick(["developer", "claimant", "buyer"])})` : "");
  };
  const clients: Client[] = Array.from({ length: clientCount }, (_, i) => ({
    id: `c${i}`,
    name: name(),
    domains: Array.from({ length: Math.floor(r() * 3) }, () => (r() < 0.5 ? pick(DOMAINS) : `d${Math.floor(r() * 50)}.test`)),
    contacts: Array.from({ length: Math.floor(r() * 3) }, (_, j) => ({ name: name(), email: `P${j}@${pick(DOMAINS)}` })),
  }));
  const matters: Matter[] = Array.from({ length: matterCount }, (_, i) => {
    const client = clients[Math.floor(r() * clientCount)];
    // Some titles name their own client ("Orsini Brothers – collection"), some a court in brackets.
    const named = r() < 0.2 ? client.name.replace(/\s*\([^)]*\)/g, "") : name();
    return {
      id: `m${i}`,
      number: pick([`2024-${String(i).padStart(4, "0")}`, ` [2024-${i}] `, `ab/${i}`]),
      clientId: client.id,
      title: `${pick(["Sale of", "lease of", "Dispute with", ""])} ${named} ${pick(["Road", "close", "(Phase II)", "(Surrogate's Court, New York County)", ""])}`,
      status: r() < 0.7 ? "open" : "closed",
      responsible: "u1",
      keywords: Array.from({ length: Math.floor(r() * 4) }, () => (r() < 0.5 ? pick(KEYWORDS) : name())),
      ...(r() < 0.5 ? { aliases: [pick(["AB/0001", "(xy/12)", `Q/${i}`])] } : {}),
      ...(r() < 0.8
        ? {
            opposing: Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({
              name: r() < 0.3 ? `${name()} Ltd` : name(),
              domains: [pick(DOMAINS), `o${Math.floor(r() * 30)}.test`],
              emails: [pick(["Dee@Hollis.test", "x@o1.test"])],
            })),
          }
        : {}),
    };
  });
  return {
    firm: {
      name: "F",
      domains: ["firm.test"],
      timeZone: "Europe/London",
      workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
      holidays: [],
      matterRefPatterns: [],
    },
    people: [{ id: "u1", name: "P", email: "p@firm.test", role: "partner" }],
    clients,
    matters,
  };
}

// The phrase rules, as the index's comments state them.
const COMPANY_SUFFIX = new Set("ltd limited llp lp plc inc llc co corp gmbh sa bv pty the and of mr mrs ms miss dr".split(" "));
const COMPANY_WORD = /\b(?:ltd|limited|llp|lp|plc|inc|llc|properties|homes|estates|group|ventures)\b/i;
const TITLE_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+/gu;

function nameWords(name: string): string[] {
  const words = [...tokenize(name.replace(/\([^)]*\)/g, " ")).words];
  while (words.length > 0 && COMPANY_SUFFIX.has(words[words.length - 1])) words.pop();
  while (words.length > 0 && COMPANY_SUFFIX.has(words[0])) words.shift();
  return words;
}

interface PlainPhrase {
  kind: PhraseTarget["kind"];
  words: string[];
  upperOnly: boolean;
  owners: { id: string; label: string }[];
}

/** Every phrase of the directory, grouped by space and words, in the order first added. */
function plainPhrases(directory: Directory): PlainPhrase[] {
  const phrases = new Map<string, PlainPhrase>();
  const add = (kind: PhraseTarget["kind"], id: string, label: string, words: string[], upperOnly = false): void => {
    if (words.length === 0) return;
    if (kind !== "client" && phrases.has(`client ${words.join(" ")}`)) return; // a client's name stays the client's
    const key = `${kind === "client" ? "client" : upperOnly ? "acronym" : "matter"} ${words.join(" ")}`;
    const phrase = phrases.get(key) ?? { kind, words, upperOnly, owners: [] };
    phrases.set(key, phrase);
    if (phrase.owners.at(-1)?.id !== id) phrase.owners.push({ id, label });
    if (kind === "party") phrase.kind = "party";
  };
  for (const client of directory.clients) {
    const words = nameWords(client.name);
    if (words.length >= 2 || (words.length === 1 && words[0].length >= 5 && !COMMON_WORDS.has(words[0])))
      add("client", client.id, client.name, words);
  }
  for (const matter of directory.matters) {
    for (const keyword of matter.keywords ?? []) {
      const label = keyword.trim();
      add(
        "keyword",
        matter.id,
        label,
        [...tokenize(keyword).words],
        label.length <= 5 && label !== label.toLowerCase() && label === label.toUpperCase(),
      );
    }
    // Not what the title says in brackets.
    for (const run of matter.title.replace(/\([^()]*\)/g, " ").match(TITLE_RUN) ?? []) {
      const words = nameWords(run);
      if (words.length >= 2) add("party", matter.id, run, words);
    }
    for (const party of matter.opposing ?? []) {
      const words = nameWords(party.name);
      add("party", matter.id, party.name.replace(/\s*\([^)]*\)/g, "").trim(), words);
      const single = COMPANY_WORD.test(party.name) ? words[0] : words[words.length - 1];
      if (words.length > 1 && single.length >= 4 && !COMMON_WORDS.has(single)) add("party", matter.id, single, [single]);
    }
  }
  return [...phrases.values()];
}

/** The phrase table the plain phrases make: few-owner phrases, weighed, listed by the hash of their first word. */
function plainTable(directory: Directory): { byHash: Map<number, unknown[]>; bits: Uint32Array; maxPhraseWords: number } {
  const byHash = new Map<number, unknown[]>();
  const bits = new Uint32Array(FILTER_BITS >>> 5);
  let maxPhraseWords = 1;
  for (const p of plainPhrases(directory)) {
    if (p.owners.length > MAX_PHRASE_OWNERS) continue;
    const base = p.words.length >= 2 ? 2 : COMMON_WORDS.has(p.words[0]) ? 0.5 : 1.5;
    const weight = base / Math.sqrt(p.owners.length);
    const targets = p.owners.map(({ id, label }) => ({ kind: p.kind, id, label, words: p.words, upperOnly: p.upperOnly, weight }));
    const h = hashWord(p.words[0]);
    bits[(h & FILTER_MASK) >>> 5] |= 1 << (h & 31);
    byHash.set(h, [
      ...(byHash.get(h) ?? []),
      { words: p.words, upperOnly: p.upperOnly, tailHashes: p.words.slice(1).map(hashWord), targets },
    ]);
    maxPhraseWords = Math.max(maxPhraseWords, p.words.length);
  }
  return { byHash, bits, maxPhraseWords };
}

/** The index's phrase table as plain data, to compare with `plainTable`. */
function tableOf(index: DirectoryIndex): { byHash: Map<number, unknown[]>; bits: Uint32Array; maxPhraseWords: number } {
  const byHash = new Map<number, unknown[]>();
  for (const [h, groups] of index.phraseTable.byHash) {
    byHash.set(
      h,
      groups.map((g) => ({
        words: [...g.words],
        upperOnly: g.upperOnly,
        tailHashes: [...g.tailHashes],
        targets: g.targets.map(({ kind, id, label, words, upperOnly, weight }) => ({
          kind,
          id,
          label,
          words: [...words],
          upperOnly,
          weight,
        })),
      })),
    );
  }
  return { byHash, bits: index.phraseTable.bits, maxPhraseWords: index.maxPhraseWords };
}

function listMap<K, V>(entries: Iterable<readonly [K, V]>): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const [key, value] of entries) if (!map.get(key)?.includes(value)) map.set(key, [...(map.get(key) ?? []), value]);
  return map;
}

describe("buildDirectoryIndex against its rules written plainly", () => {
  const directory = generated(7, 300, 900);
  const index = buildDirectoryIndex(directory);

  it("finds the same phrases, owners, weights and order, on a directory where phrases repeat, collide and are shared", () => {
    const expected = plainTable(directory);
    const groups = [...expected.byHash.values()].flat() as { targets: unknown[] }[];
    // The directory has what the build's shortcuts must get right: phrases with several owners, and phrases dropped
    // for having too many.
    expect(groups.some((g) => g.targets.length > 1)).toBe(true);
    expect(plainPhrases(directory).some((p) => p.owners.length > MAX_PHRASE_OWNERS)).toBe(true);
    expect(tableOf(index)).toEqual(expected);
    for (const [, groups] of index.phraseTable.byHash)
      for (const g of groups) expect(index.phrasesByFirstWord.get(g.words[0])).toContain(g);
  });

  it("finds the same contacts, domains, references and opposing parties", () => {
    const firm = new Set(directory.firm.domains);
    const clients = directory.clients;
    const matters = directory.matters;
    expect([...index.contactByEmail]).toEqual([
      ...new Map(clients.flatMap((c) => c.contacts.map((contact) => [contact.email.toLowerCase(), { contact, clientId: c.id }] as const))),
    ]);
    const ownDomains = clients.flatMap((c) =>
      c.domains.filter((d) => !isPublicMailDomain(d) && !firm.has(d)).map((d) => [d.toLowerCase(), c.id] as const),
    );
    expect([...index.clientsByDomain]).toEqual([...listMap(ownDomains)]);
    expect([...index.clientById]).toEqual(clients.map((c) => [c.id, c]));
    expect([...index.matterById]).toEqual(matters.map((m) => [m.id, m]));
    expect([...index.mattersByClient]).toEqual([...listMap(matters.map((m) => [m.clientId, m] as const))]);
    const refs = matters.flatMap((m) => [m.number, ...(m.aliases ?? [])].map((ref) => [normalizeRef(ref), m.id] as const));
    expect([...index.matterByRef]).toEqual([...new Map(refs)]);
    expect(index.refHashes).toEqual(new Set(refs.map(([ref]) => hashWord(ref))));
    const parties = matters.flatMap((m) => (m.opposing ?? []).map((party) => ({ party, id: m.id })));
    const emails = parties.flatMap(({ party, id }) => (party.emails ?? []).map((e) => [e.toLowerCase(), id] as const));
    const domains = parties.flatMap(({ party, id }) =>
      (party.domains ?? []).filter((d) => !isPublicMailDomain(d)).map((d) => [d.toLowerCase(), id] as const),
    );
    expect([...index.opposingByEmail]).toEqual([...listMap(emails)]);
    expect([...index.opposingByDomain]).toEqual([...listMap(domains)]);
  });
});
