import damerauLevenshtein from "damerau-levenshtein";

/**
 * How many edits still make a near miss of a known string of this length: none under 5 characters (too many real
 * names are a letter apart), one up to 8, two from 9. An adjacent swap counts as one edit.
 */
export function allowedEdits(length: number): number {
  return length < 5 ? 0 : length < 9 ? 1 : 2;
}

/**
 * Edit distance with adjacent transpositions counted once (optimal string alignment), from the `damerau-levenshtein`
 * package: swapped letters ("nrothgate") are the commonest typing slip, and plain Levenshtein would count them twice.
 */
export function editDistance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}

/** One string found near the query. */
export interface NearHit {
  readonly id: number;
  readonly key: string;
  readonly distance: number;
}

/**
 * The distinct bigrams of a string, each two UTF-16 units as one number; units 0 and 1 (never in an address) mark the
 * start and the end. Strings here are short, so repeats are found by looking back rather than with a set.
 */
function bigrams(key: string): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i <= key.length; i++) {
    const c = i < key.length ? key.charCodeAt(i) : 1;
    const g = prev * 65536 + c;
    if (!out.includes(g)) out.push(g);
    prev = c;
  }
  return out;
}

/**
 * Strings (domain stems, local parts) searchable for near misses without comparing the query with every one: an
 * edit changes at most three distinct bigrams of a string (a swap does), so a string within `k` edits shares at least
 * (bigrams of the query − 3k) of them. Postings are counted for the query's bigrams; only strings that reach the
 * bound are compared exactly.
 */
export class NearMissIndex {
  private readonly keys: string[] = [];
  private readonly postings = new Map<number, number[]>();
  private counts = new Int32Array(0);

  /** Adds a string; returns its id (ids count up from 0). */
  add(key: string): number {
    const id = this.keys.length;
    this.keys.push(key);
    for (const g of bigrams(key)) {
      const list = this.postings.get(g);
      if (list) list.push(id);
      else this.postings.set(g, [id]);
    }
    return id;
  }

  get size(): number {
    return this.keys.length;
  }

  key(id: number): string {
    return this.keys[id];
  }

  /** Strings other than the query itself within `maxEdits` edits of it, closest first. */
  search(query: string, maxEdits: number): NearHit[] {
    if (maxEdits <= 0 || this.keys.length === 0) return [];
    const grams = bigrams(query);
    const bound = grams.length - 3 * maxEdits;
    // Too short a query for its edits to leave a bigram in common: compare with every string of a fitting length.
    if (bound <= 0) return this.scan(query, maxEdits);
    // A bigram shared by a large share of the strings ("^p", ".c") costs the most to count and tells the least:
    // leave it out and lower the bound by one instead, while a bound remains.
    const common = Math.max(1000, this.keys.length >>> 3);
    const all = grams.map((g) => this.postings.get(g)).filter((l): l is number[] => l !== undefined);
    const rare = all.filter((l) => l.length <= common);
    const skipped = all.length - rare.length;
    const lists = bound - skipped > 0 ? rare : all;
    const need = lists === rare ? bound - skipped : bound;
    if (this.counts.length < this.keys.length) this.counts = new Int32Array(Math.max(this.keys.length, this.counts.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    for (const list of lists)
      for (const id of list) {
        if (counts[id] === 0) touched.push(id);
        counts[id]++;
      }
    const hits: NearHit[] = [];
    for (const id of touched) {
      if (counts[id] >= need) {
        const key = this.keys[id];
        if (key !== query && Math.abs(key.length - query.length) <= maxEdits) {
          const distance = editDistance(query, key);
          if (distance <= maxEdits) hits.push({ id, key, distance });
        }
      }
      counts[id] = 0;
    }
    return hits.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }

  private scan(query: string, maxEdits: number): NearHit[] {
    const hits: NearHit[] = [];
    this.keys.forEach((key, id) => {
      if (key === query || Math.abs(key.length - query.length) > maxEdits) return;
      const distance = editDistance(query, key);
      if (distance <= maxEdits) hits.push({ id, key, distance });
    });
    return hits.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }
}
