import { describe, expect, it } from "vitest";
import { NearMissIndex, allowedEdits, editDistance, splitDomain } from "@domain/sendGuard";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe("near misses", () => {
  it("counts a swap of adjacent letters as one edit", () => {
    expect(editDistance("northgate", "nrothgate")).toBe(1);
    expect(editDistance("northgate", "northgat")).toBe(1);
    expect(editDistance("acme", "acme")).toBe(0);
  });

  it("allows no edit under five characters, one to eight, two from nine", () => {
    expect([4, 5, 8, 9, 20].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it("the bigram search finds exactly what comparing with every string finds", () => {
    const r = rng(7);
    const letters = "abcdefghijklmnoprstuvwy.-";
    const word = () => Array.from({ length: 4 + Math.floor(r() * 10) }, () => letters[Math.floor(r() * letters.length)]).join("");
    const keys = Array.from({ length: 1500 }, word);
    const index = new NearMissIndex();
    keys.forEach((k) => index.add(k));
    for (let q = 0; q < 120; q++) {
      // Half the queries are near a key (one or two random edits), half are random.
      let query = q % 2 ? word() : keys[Math.floor(r() * keys.length)];
      for (let e = 0; e < 1 + (q % 3 === 0 ? 1 : 0); e++) {
        const i = Math.floor(r() * query.length);
        query =
          q % 4 < 2
            ? query.slice(0, i) + query.slice(i + 1)
            : query.slice(0, i) + letters[Math.floor(r() * letters.length)] + query.slice(i);
      }
      for (const k of [1, 2]) {
        const expected = [
          ...new Set(keys.filter((key) => key !== query && Math.abs(key.length - query.length) <= k && editDistance(query, key) <= k)),
        ].sort();
        const found = [...new Set(index.search(query, k).map((h) => h.key))].sort();
        expect(found).toEqual(expected);
      }
    }
  });

  it("stays exact when most strings share their first letters (common bigrams left out of the count)", () => {
    const r = rng(11);
    const keys = Array.from({ length: 12_000 }, (_, i) => `p${i % 10}.${Math.floor(r() * 1e9).toString(36)}`);
    const index = new NearMissIndex();
    keys.forEach((k) => index.add(k));
    for (let q = 0; q < 30; q++) {
      const key = keys[Math.floor(r() * keys.length)];
      const i = 3 + Math.floor(r() * (key.length - 3));
      const query = key.slice(0, i) + key.slice(i + 1);
      const k = allowedEdits(query.length);
      const expected = keys.filter((x) => x !== query && Math.abs(x.length - query.length) <= k && editDistance(query, x) <= k).sort();
      expect(
        index
          .search(query, k)
          .map((h) => h.key)
          .sort(),
      ).toEqual(expected);
    }
  });

  it("splits a domain into the name people see and its ending", () => {
    expect(splitDomain("northgatelogistics.co.uk")).toEqual({ stem: "northgatelogistics", suffix: "co.uk" });
    expect(splitDomain("mail.acme.com")).toEqual({ stem: "mail.acme", suffix: "com" });
    expect(splitDomain("acme.de")).toEqual({ stem: "acme", suffix: "de" });
    expect(splitDomain("localhost")).toEqual({ stem: "localhost", suffix: "" });
  });
});
