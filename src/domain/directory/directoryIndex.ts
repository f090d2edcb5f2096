import Fuse from "fuse.js";
import type { Client, Contact, Directory, Matter, Person } from "./types";
import { emailDomain } from "@domain/model/mail";
import { isPublicMailDomain } from "./publicDomains";
import { tokenize } from "./tokens";
import { refPatternProblem } from "./refPatternSafety";
import { COMMON_WORDS } from "./commonWords";
import { FILTER_BITS, FILTER_MASK, FNV_OFFSET, FNV_PRIME, HASH_MASK, hashWord } from "./wordHash";
import type { PhraseTable } from "./wordHash";

/** Where a phrase in mail points: one matter (keyword, opposing party) or one client (its name). */
export interface PhraseTarget {
  /**
   * keyword: the matter's keywords; party: the other side's names and names in the matter title; client: a client's
   * name; alias: an alias without a digit (a deal's code name, "Project Heron"), which recognition reads as a reference.
   */
  readonly kind: "keyword" | "party" | "client" | "alias";
  /** Matter id for keyword/party, client id for client names. */
  readonly id: string;
  /** The phrase as the directory writes it, for reasons. */
  readonly label: string;
  /** Folded tokens of the phrase. */
  readonly words: readonly string[];
  /** Only matches words written in capitals (short acronyms such as "SHA"). */
  readonly upperOnly: boolean;
  /** Evidence weight before location factors: longer, rarer phrases weigh more. */
  readonly weight: number;
}

/** One phrase as matched in text, with every matter or client that uses it. */
export interface PhraseGroup {
  /** "keyword" unless a party's or client's name or an alias has the same words (those are matched exactly). */
  readonly kind: PhraseTarget["kind"];
  readonly words: readonly string[];
  readonly upperOnly: boolean;
  readonly targets: readonly PhraseTarget[];
  /** Hashes of the words after the first (the first word's hash is the group's key in the phrase table). */
  readonly tailHashes: readonly number[];
}

/** Phrases shared by more matters than this say nothing about which one a message is about. */
export const MAX_PHRASE_OWNERS = 12;

/** A reference-shaped pattern from the firm's configuration, compiled once. */
export interface CompiledPattern {
  readonly source: string;
  readonly regex: RegExp;
}

/** Lookups precomputed from a directory so that recognition never scans all matters. */
export interface DirectoryIndex {
  readonly directory: Directory;
  readonly firmDomains: ReadonlySet<string>;
  readonly peopleByEmail: ReadonlyMap<string, Person>;
  readonly contactByEmail: ReadonlyMap<string, { readonly contact: Contact; readonly clientId: string }>;
  /** Client ids by the client's own (non-public) mail domain. */
  readonly clientsByDomain: ReadonlyMap<string, readonly string[]>;
  readonly clientById: ReadonlyMap<string, Client>;
  readonly matterById: ReadonlyMap<string, Matter>;
  readonly mattersByClient: ReadonlyMap<string, readonly Matter[]>;
  /** Matter ids by upper-cased matter number or alias. */
  readonly matterByRef: ReadonlyMap<string, string>;
  readonly refPatterns: readonly CompiledPattern[];
  /** Matter ids by an opposing party's exact address / domain. */
  readonly opposingByEmail: ReadonlyMap<string, readonly string[]>;
  readonly opposingByDomain: ReadonlyMap<string, readonly string[]>;
  /** Phrases by their first folded word (made on first read; recognition itself uses `phraseTable`). */
  readonly phrasesByFirstWord: ReadonlyMap<string, readonly PhraseGroup[]>;
  /** Longest phrase in words, bounds lookahead. */
  readonly maxPhraseWords: number;
  /** The same phrases by the hash of their first word, for the text scanner (built here so its cost is counted once). */
  readonly phraseTable: PhraseTable;
  /** Hashes of every key of `matterByRef`, so the scanner checks a reference-shaped token without cutting a string. */
  readonly refHashes: ReadonlySet<number>;
  /** Every matter number and alias has a digit: then text without one cites no matter, and its scan is skipped. */
  readonly everyRefHasDigit: boolean;
}

/** What finding matter references in text needs: the numbers and aliases, and the firm's reference patterns. */
export type RefIndex = Pick<DirectoryIndex, "matterByRef" | "refPatterns" | "refHashes" | "everyRefHasDigit">;

/**
 * Collects matter numbers and aliases (`add(ref, matterId)`) into a `RefIndex`; recognition's index and the send
 * check's compact index are both made with it, so a reference reads the same way in both.
 */
export function refIndexBuilder(): { add(ref: string, matterId: string): void; finish(patterns: readonly string[]): RefIndex } {
  const matterByRef = new Map<string, string>();
  const refHashes = new Set<number>();
  let everyRefHasDigit = true;
  return {
    add(ref, matterId) {
      const key = normalizeRef(ref);
      matterByRef.set(key, matterId);
      refHashes.add(hashWord(key));
      if (everyRefHasDigit && !/[0-9]/.test(key)) everyRefHasDigit = false;
    },
    finish(patterns) {
      const sources = patterns.length > 0 ? patterns : DEFAULT_REF_PATTERNS;
      return {
        matterByRef,
        refHashes,
        everyRefHasDigit,
        // Import refuses unsafe patterns; a directory stored before that check could still hold one, and it must not run.
        refPatterns: sources
          .filter((source) => refPatternProblem(source) === null)
          .map((source) => ({ source, regex: new RegExp(source, "g") })),
      };
    },
  };
}

/** The reference patterns used when a firm configures none: `2024-0012` numbers and `ABC/0012` references. */
export const DEFAULT_REF_PATTERNS: readonly string[] = ["\\b20\\d{2}-\\d{4}\\b", "\\b[A-Z]{2,6}/\\d{3,6}\\b"];

/** Upper-cases and strips brackets and spaces so "[2024-0012]" and "2024-0012" meet. */
export function normalizeRef(ref: string): string {
  // Directory numbers are mostly written already normalized: check before copying the string three times.
  let plain = ref.length > 0;
  for (let i = 0; i < ref.length && plain; i++) {
    const c = ref.charCodeAt(i);
    plain = c > 32 && c < 127 && !(c >= 97 && c <= 122) && c !== 91 && c !== 93 && c !== 40 && c !== 41;
  }
  if (plain) return ref;
  return ref
    .trim()
    .replace(/^[[(]+|[\])]+$/g, "")
    .replace(/\s+/g, "")
    .toUpperCase();
}

const TITLE_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+/gu;
const COMPANY_WORD = /\b(?:ltd|limited|llp|lp|plc|inc|llc|properties|homes|estates|group|ventures)\b/i;
const COMPANY_SUFFIX = new Set([
  "ltd",
  "limited",
  "llp",
  "lp",
  "plc",
  "inc",
  "llc",
  "co",
  "corp",
  "gmbh",
  "sa",
  "bv",
  "pty",
  "the",
  "and",
  "of",
  "mr",
  "mrs",
  "ms",
  "miss",
  "dr",
]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/**
 * Party and client names without roles in brackets and company suffixes: "Larchfield Homes Ltd (developer)" → "larchfield homes".
 * The words are written into `out`, as `foldedWords` does.
 */
function nameWords(name: string, out: string[]): string[] {
  foldedWords(name.includes("(") ? name.replace(/\([^)]*\)/g, " ") : name, out);
  while (out.length > 0 && COMPANY_SUFFIX.has(out[out.length - 1])) out.pop();
  while (out.length > 0 && COMPANY_SUFFIX.has(out[0])) out.shift();
  return out;
}

/** True when every character is ASCII. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * `tokenize(text).words` without its regular expression and second array: directory phrases are nearly
 * all ASCII, and the build folds well over a hundred thousand of them. Same words as `tokenize`.
 *
 * The words are written into `out` (its length set to their count), which is returned. `out` is a buffer the caller
 * reuses from phrase to phrase: most phrases repeat one already grouped, and then no array is made for them at all
 * (`PhraseGrouper.add` copies the words it keeps).
 */
function foldedWords(text: string, out: string[]): string[] {
  let count = 0;
  if (!isAscii(text)) {
    const words = tokenize(text).words;
    for (let k = 0; k < words.length; k++) out[count++] = words[k];
    out.length = count;
    return out;
  }
  const n = text.length;
  // Lowered once and each word cut from it, so a word costs one string (lower-casing ASCII keeps every offset).
  const lower = text.toLowerCase();
  let i = 0;
  while (i < n) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    while (i < n && isAlnum(text.charCodeAt(i))) i++;
    // As /[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*'?/: an apostrophe joins letters or ends the word.
    while (i < n && text.charCodeAt(i) === 39) {
      apostrophe = true;
      i++;
      if (i < n && isAlnum(text.charCodeAt(i))) while (i < n && isAlnum(text.charCodeAt(i))) i++;
      else break;
    }
    const raw = lower.slice(start, i);
    out[count++] = apostrophe ? raw.replace(/'/g, "") : raw;
  }
  // Setting the length only at the end (not clearing first) keeps the buffer's storage from one phrase to the next.
  out.length = count;
  return out;
}

/** A short keyword written in capitals ("TTAB", "SHA"): it only matches words in capitals. */
function isAcronym(keyword: string): boolean {
  if (keyword.length > 5) return false;
  if (!isAscii(keyword)) return keyword !== keyword.toLowerCase() && keyword === keyword.toUpperCase();
  let capital = false;
  for (let i = 0; i < keyword.length; i++) {
    const c = keyword.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capital = true;
  }
  return capital;
}

const NO_HASHES: readonly number[] = [];

/** The spaces phrases are grouped in while the index is built: the same words are a different phrase in each. */
const CLIENT_SPACE = 0;
const MATTER_SPACE = 1;
const ACRONYM_SPACE = 2;
/** Aliases group apart: the same words as another matter's keyword must not make that keyword a reference. */
const ALIAS_SPACE = 3;

/** A hash of a phrase's words: each word's `hashWord`, chained (FNV-1a) in order, kept to a small integer. */
function hashWords(words: readonly string[]): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ hashWord(words[i]), FNV_PRIME);
  return h & HASH_MASK;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A phrase and its owners (the first inline, the rest in `more`), built as the directory is read. Its targets are
 * made when the phrase is first found in mail: a directory has a hundred thousand phrases and mail finds a few,
 * so targets made up front would be almost all wasted work for the index build.
 */
class Phrase implements PhraseGroup {
  kind: PhraseTarget["kind"];
  /** The owner added last, to skip repeats from the same matter. */
  last: string;
  /** Further owners, [id, label, id, label, …], or null: most phrases have one owner. */
  more: string[] | null = null;
  /** Evidence weight of each target, set when the index is finished. */
  weight = 0;
  private tail: readonly number[] | null = null;
  private made: PhraseTarget[] | null = null;

  constructor(
    kind: PhraseTarget["kind"],
    readonly space: number,
    readonly words: string[],
    readonly upperOnly: boolean,
    readonly id: string,
    readonly label: string,
  ) {
    this.kind = kind;
    this.last = id;
  }

  get owners(): number {
    return 1 + (this.more ? this.more.length / 2 : 0);
  }

  /** Made when mail first has this phrase's first word: most phrases are never looked at past it. */
  get tailHashes(): readonly number[] {
    if (this.tail === null) {
      const words = this.words;
      if (words.length < 2) this.tail = NO_HASHES;
      else {
        const tail = new Array<number>(words.length - 1);
        for (let j = 1; j < words.length; j++) tail[j - 1] = hashWord(words[j]);
        this.tail = tail;
      }
    }
    return this.tail;
  }

  get targets(): readonly PhraseTarget[] {
    if (this.made === null) {
      const { kind, words, upperOnly, weight } = this;
      const made: PhraseTarget[] = [{ kind, id: this.id, label: this.label, words, upperOnly, weight }];
      const more = this.more;
      if (more) for (let k = 0; k < more.length; k += 2) made.push({ kind, id: more[k], label: more[k + 1], words, upperOnly, weight });
      this.made = made;
    }
    return this.made;
  }
}

/** The phrase among `found` (one phrase or several under one hash) in `space` with these words. */
function findPhrase(found: Phrase | Phrase[], space: number, words: readonly string[]): Phrase | undefined {
  if (!Array.isArray(found)) return found.space === space && sameWords(found.words, words) ? found : undefined;
  for (let i = 0; i < found.length; i++) if (found[i].space === space && sameWords(found[i].words, words)) return found[i];
  return undefined;
}

/**
 * Groups identical phrases as they are added: text is matched once per phrase, however many owners share it, and
 * weights come from how many share it. Three spaces of phrases (client names, matter phrases, matter acronyms), all
 * found by one number hashed from the words: no joined string is made for each of ~100,000 lookups, and one lookup
 * answers both questions `add` asks (is it a client's name, is it already grouped).
 */
class PhraseGrouper {
  private readonly byWords = new Map<number, Phrase | Phrase[]>();
  /** Every phrase, in the order first added: the order of the phrase table's lists. */
  private readonly phrases: Phrase[] = [];
  /** `addWord`'s one-word phrase, reused: most single words are already grouped. */
  private readonly oneWord: string[] = [""];

  /** Adds a phrase for owner `id`; `words` may be a reused buffer, as only the words of a new phrase are kept (copied). */
  add(kind: PhraseTarget["kind"], id: string, label: string, words: readonly string[], upperOnly = false): void {
    if (words.length === 0) return;
    const key = hashWords(words);
    const space = kind === "client" ? CLIENT_SPACE : kind === "alias" ? ALIAS_SPACE : upperOnly ? ACRONYM_SPACE : MATTER_SPACE;
    const found = this.byWords.get(key);
    let g: Phrase | undefined;
    if (found !== undefined) {
      // A matter phrase equal to a client's name says "client", not "matter".
      if (kind !== "client" && findPhrase(found, CLIENT_SPACE, words)) return;
      g = findPhrase(found, space, words);
    }
    if (!g) {
      g = new Phrase(kind, space, words.slice(), upperOnly, id, label);
      if (found === undefined) this.byWords.set(key, g);
      else if (Array.isArray(found)) found.push(g);
      else this.byWords.set(key, [found, g]);
      this.phrases.push(g);
    } else if (g.last !== id) {
      // Owners are added one client or matter at a time, so a repeat can only be the last one.
      (g.more ??= []).push(id, label);
      g.last = id;
    }
    if (kind === "party") g.kind = "party"; // a party name outranks a keyword for the same words
  }

  /** `add` for a one-word phrase labelled by the word itself. */
  addWord(kind: PhraseTarget["kind"], id: string, word: string): void {
    this.oneWord[0] = word;
    this.add(kind, id, word, this.oneWord);
  }

  /** The phrase table: every phrase with few enough owners, weighed, by the hash of its first word. */
  finish(): { phraseTable: PhraseTable; maxPhraseWords: number } {
    const byHash = new Map<number, PhraseGroup[]>();
    const bits = new Uint32Array(FILTER_BITS >>> 5);
    let maxPhraseWords = 1;
    const phrases = this.phrases;
    for (let i = 0; i < phrases.length; i++) {
      const g = phrases[i];
      // A phrase that many matters share cannot pick one of them; skipping it also keeps
      // recognition time independent of the directory's size.
      const owners = g.owners;
      if (owners > MAX_PHRASE_OWNERS) continue;
      const base = g.words.length >= 2 ? 2 : COMMON_WORDS.has(g.words[0]) ? 0.5 : 1.5;
      g.weight = owners === 1 ? base : base / Math.sqrt(owners);
      if (g.words.length > maxPhraseWords) maxPhraseWords = g.words.length;
      const h = hashWord(g.words[0]);
      bits[(h & FILTER_MASK) >>> 5] |= 1 << (h & 31);
      const list = byHash.get(h);
      if (list) list.push(g);
      else byHash.set(h, [g]);
    }
    return { phraseTable: { byHash, bits }, maxPhraseWords };
  }
}

/** A client's name as a phrase, unless it is one word so short or everyday ("Trust") that it would match too much mail. */
function addClientName(phrases: PhraseGrouper, client: Client, buffer: string[]): void {
  const words = nameWords(client.name, buffer);
  if (words.length >= 2 || (words.length === 1 && words[0].length >= 5 && !COMMON_WORDS.has(words[0])))
    phrases.add("client", client.id, client.name, words);
}

/**
 * A matter's phrases, in this order: its aliases without a digit, its keywords, the capitalised runs of its title,
 * the other side's names.
 */
function addMatterPhrases(phrases: PhraseGrouper, matter: Matter, buffer: string[]): void {
  const aliases = matter.aliases;
  if (aliases) {
    for (let k = 0; k < aliases.length; k++) {
      // A code name the firm gave the matter ("Project Heron", "Heron") is one of its references; a digit-free alias
      // of one short or everyday word ("Oak", "Lease") would be found in too much mail, and stays out.
      if (/[0-9]/.test(aliases[k])) continue;
      const words = foldedWords(aliases[k], buffer);
      if (words.length === 0) continue;
      if (words.length === 1 && (words[0].length < 5 || COMMON_WORDS.has(words[0]))) continue;
      phrases.add("alias", matter.id, aliases[k].trim(), words);
    }
  }
  const keywords = matter.keywords;
  if (keywords) {
    for (let k = 0; k < keywords.length; k++) {
      const trimmed = keywords[k].trim();
      phrases.add("keyword", matter.id, trimmed, foldedWords(keywords[k], buffer), isAcronym(trimmed));
    }
  }
  // Titles name parties and places ("Sale of 14 Orchard Close"): runs of two or more capitalised
  // words are phrases too. Not what the title says in brackets, which is the court or the kind of work ("(Surrogate's
  // Court, New York County)", "(S.D.N.Y.)"), shared by many matters of any firm.
  const title = matter.title.includes("(") ? matter.title.replace(/\([^()]*\)/g, " ") : matter.title;
  TITLE_RUN.lastIndex = 0;
  for (let m = TITLE_RUN.exec(title); m !== null; m = TITLE_RUN.exec(title)) {
    const words = nameWords(m[0], buffer);
    if (words.length >= 2) phrases.add("party", matter.id, m[0], words);
  }
  const opposing = matter.opposing;
  if (!opposing) return;
  for (let k = 0; k < opposing.length; k++) {
    const name = opposing[k].name;
    const words = nameWords(name, buffer);
    phrases.add("party", matter.id, name.includes("(") ? name.replace(/\s*\([^)]*\)/g, "").trim() : name.trim(), words);
    // People are named by surname alone, companies by their first word ("Larchfield"): add the
    // distinctive single word too, unless it is an everyday word.
    if (words.length > 1) {
      const single = COMPANY_WORD.test(name) ? words[0] : words[words.length - 1];
      if (single && single.length >= 4 && !COMMON_WORDS.has(single)) phrases.addWord("party", matter.id, single);
    }
  }
}

/** The client lookups: by id, by a contact's address, and by the client's own (non-public, non-firm) mail domains. */
function indexClients(
  clients: readonly Client[],
  firmDomains: ReadonlySet<string>,
): Pick<DirectoryIndex, "clientById" | "contactByEmail" | "clientsByDomain"> {
  const clientById = new Map<string, Client>();
  const contactByEmail = new Map<string, { contact: Contact; clientId: string }>();
  const clientsByDomain = new Map<string, string[]>();
  // Indexed loops, here and below: a for-of loop makes an object per element until the engine has optimised it, and
  // the build runs each of these loops once, over tens of thousands of entries.
  for (let i = 0; i < clients.length; i++) {
    const client = clients[i];
    clientById.set(client.id, client);
    const contacts = client.contacts;
    for (let j = 0; j < contacts.length; j++)
      contactByEmail.set(contacts[j].email.toLowerCase(), { contact: contacts[j], clientId: client.id });
    const domains = client.domains;
    for (let j = 0; j < domains.length; j++) {
      const d = domains[j];
      if (!isPublicMailDomain(d) && !firmDomains.has(d)) push(clientsByDomain, d.toLowerCase(), client.id);
    }
  }
  return { clientById, contactByEmail, clientsByDomain };
}

/** The matter lookups: by id, by client, by number or alias, and by the other side's addresses and domains. */
function indexMatters(
  matters: readonly Matter[],
  patterns: readonly string[],
): Pick<DirectoryIndex, "matterById" | "mattersByClient" | "opposingByEmail" | "opposingByDomain"> & RefIndex {
  const matterById = new Map<string, Matter>();
  const mattersByClient = new Map<string, Matter[]>();
  const refs = refIndexBuilder();
  const opposingByEmail = new Map<string, string[]>();
  const opposingByDomain = new Map<string, string[]>();
  for (let i = 0; i < matters.length; i++) {
    const matter = matters[i];
    matterById.set(matter.id, matter);
    // Not `push`: a matter comes once, so its duplicate check (a scan of the client's list) would only make a client
    // with thousands of matters quadratic.
    const own = mattersByClient.get(matter.clientId);
    if (own) own.push(matter);
    else mattersByClient.set(matter.clientId, [matter]);
    refs.add(matter.number, matter.id);
    const aliases = matter.aliases;
    if (aliases) for (let k = 0; k < aliases.length; k++) refs.add(aliases[k], matter.id);
    const opposing = matter.opposing;
    if (!opposing) continue;
    for (let k = 0; k < opposing.length; k++) {
      const { emails, domains } = opposing[k];
      if (emails) for (let j = 0; j < emails.length; j++) push(opposingByEmail, emails[j].toLowerCase(), matter.id);
      if (domains)
        for (let j = 0; j < domains.length; j++)
          if (!isPublicMailDomain(domains[j])) push(opposingByDomain, domains[j].toLowerCase(), matter.id);
    }
  }
  return { matterById, mattersByClient, opposingByEmail, opposingByDomain, ...refs.finish(patterns) };
}

/**
 * Builds the recognition index once per directory (O(size)). Phrase weights use how many matters
 * share a phrase, so a keyword on many matters ("lease") says less than one on a single matter.
 */
export function buildDirectoryIndex(directory: Directory): DirectoryIndex {
  const firmDomains = new Set(directory.firm.domains.map((d) => d.toLowerCase()));
  const peopleByEmail = new Map(directory.people.map((p) => [p.email.toLowerCase(), p] as const));
  const { clients, matters } = directory;
  const phrases = new PhraseGrouper();
  // Client names go in before any matter phrase, so a matter phrase that names a client is known as the client's.
  const buffer: string[] = [];
  for (let i = 0; i < clients.length; i++) addClientName(phrases, clients[i], buffer);
  for (let i = 0; i < matters.length; i++) addMatterPhrases(phrases, matters[i], buffer);
  const { phraseTable, maxPhraseWords } = phrases.finish();
  const byHash = phraseTable.byHash;
  let byFirstWord: Map<string, PhraseGroup[]> | null = null;
  return {
    directory,
    firmDomains,
    peopleByEmail,
    ...indexClients(clients, firmDomains),
    ...indexMatters(matters, directory.firm.matterRefPatterns),
    maxPhraseWords,
    phraseTable,
    // Recognition reads phrases through `phraseTable`; this string-keyed view is for other readers, made when first asked.
    get phrasesByFirstWord(): ReadonlyMap<string, readonly PhraseGroup[]> {
      if (byFirstWord === null) {
        const map = new Map<string, PhraseGroup[]>();
        for (const groups of byHash.values()) {
          for (const group of groups) {
            const list = map.get(group.words[0]);
            if (list) list.push(group);
            else map.set(group.words[0], [group]);
          }
        }
        byFirstWord = map;
      }
      return byFirstWord;
    },
  };
}

/** True when the address belongs to the firm (its domains or a listed person). */
export function isFirmAddress(index: DirectoryIndex, email: string): boolean {
  const e = email.toLowerCase();
  return index.peopleByEmail.has(e) || index.firmDomains.has(emailDomain(e));
}

/** One fuzzy search result: the matter, its client and Fuse's score (0 = exact, 1 = unrelated). */
export interface MatterSearchHit {
  readonly matter: Matter;
  readonly client: Client | undefined;
  readonly score: number;
}

interface SearchDoc {
  readonly matter: Matter;
  readonly number: string;
  readonly aliases: readonly string[];
  readonly title: string;
  readonly clientName: string;
}

// Fuse's own index is built on first search, not in buildDirectoryIndex: recognition never needs it.
const fuseCache = new WeakMap<DirectoryIndex, Fuse<SearchDoc>>();

/**
 * Fuzzy matter picker search (the "file to…" box) over number, aliases, title and client name,
 * open matters first among equally good hits.
 */
export function searchMatters(index: DirectoryIndex, query: string, limit = 10): MatterSearchHit[] {
  const q = query.trim();
  if (!q) return [];
  let fuse = fuseCache.get(index);
  if (!fuse) {
    const docs: SearchDoc[] = index.directory.matters.map((m) => ({
      matter: m,
      number: m.number,
      aliases: m.aliases ?? [],
      title: m.title,
      clientName: index.clientById.get(m.clientId)?.name ?? "",
    }));
    fuse = new Fuse(docs, {
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.35,
      keys: [
        { name: "number", weight: 3 },
        { name: "aliases", weight: 3 },
        { name: "title", weight: 1 },
        { name: "clientName", weight: 1.5 },
      ],
    });
    fuseCache.set(index, fuse);
  }
  return fuse
    .search(q, { limit: Math.max(limit * 3, limit) })
    .map((r) => ({ matter: r.item.matter, client: index.clientById.get(r.item.matter.clientId), score: r.score ?? 1 }))
    .sort((a, b) => a.score - b.score || (a.matter.status === b.matter.status ? 0 : a.matter.status === "open" ? -1 : 1))
    .slice(0, limit);
}
