import { describe, expect, it } from "vitest";
import { buildDirectoryIndex } from "../../../src/core/directory/directoryIndex";
import type { Directory } from "../../../src/core/directory/types";
import { findPhrases, findRefs, findRefsAndPhrases } from "../../../src/core/recognition/scanText";

const directory: Directory = {
  firm: { name: "F", domains: ["f.test"], timeZone: "Europe/London", workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" }, holidays: [], matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b"] },
  people: [],
  clients: [{ id: "c1", name: "Brightwater Holdings Ltd", domains: ["bw.test"], contacts: [] }],
  matters: [
    { id: "m1", number: "2025-0042", clientId: "c1", title: "Sale of Quayside House", status: "open", responsible: "u1", keywords: ["drag-along", "SHA", "shareholders' agreement"], aliases: ["KES/0042", "PR-44871"] },
    { id: "m2", number: "2025-0051", clientId: "c1", title: "Lease of Zoë Mews", status: "open", responsible: "u1", keywords: ["rent-free"], opposing: [{ name: "Northgate Logistics Ltd", domains: ["ng.test"] }] },
  ],
};
const index = buildDirectoryIndex(directory);
const refs = (text: string) => findRefs(index, text).map((h) => `${h.matterId}:${h.text}:${h.label}`);
const phrases = (text: string) => [...new Set(findPhrases(index, text).map((p) => `${p.id}:${p.label}`))];

describe("scanText", () => {
  it("finds references with their labels, and not inside longer codes", () => {
    expect(refs("Our ref: KES/0042. Invoice INV-2025-0051 and 2025-0051x.")).toEqual(["m1:KES/0042:own"]);
    expect(refs("Case PR-44871 (their ref 2025-0051), see also [2025-0042].")).toEqual(["m2:2025-0051:other", "m1:2025-0042:null"]);
    expect(refs("abcdefghijkl2025-0042 and _2025-0042")).toEqual([]);
    expect(refs("no digits here")).toEqual([]);
    expect(refs("Court case PR-44871: order made")).toEqual(["m1:PR-44871:null"]);
  });

  it("matches phrases through apostrophes, smart quotes, hyphens, capitals and accents", () => {
    expect(phrases("The shareholders’ agreement and the drag along clause")).toEqual(["m1:shareholders' agreement", "m1:drag-along"]);
    expect(phrases("The shareholders' agreement")).toEqual(["m1:shareholders' agreement"]);
    expect(phrases("Signed the SHA today; the sha word in lower case does not count")).toEqual(["m1:SHA"]);
    expect(phrases("Viewing at Zoe Mews, then ZOË MEWS again")).toEqual(["m2:Zoë Mews"]);
    expect(phrases("Brightwater Holdings and Northgate sent it 🙂")).toEqual(["c1:Brightwater Holdings Ltd", "m2:northgate"]);
  });

  it("reads each text once for both and finds the same as the two scans", () => {
    const texts = [
      "Our ref: KES/0042 — the shareholders’ agreement, rent-free period to 2025-0051.",
      "Zoë wrote: call me on 01727 845000 about Quayside House 🙂 (PR-44871)",
      "İstanbul office: SHA signed, ref 2025-0042",
      "",
      "plain words only",
    ];
    for (const t of texts) expect(findRefsAndPhrases(index, t)).toEqual({ refs: findRefs(index, t), phrases: findPhrases(index, t) });
  });
});
