import { describe, expect, it } from "vitest";
import { buildDirectoryIndex, isFirmAddress, normalizeRef, searchMatters } from "@domain/directory/directoryIndex";
import { isPublicMailDomain } from "@domain/directory/publicDomains";
import { testDirectory } from "./fixtures";

describe("buildDirectoryIndex", () => {
  const dir = testDirectory();
  const index = buildDirectoryIndex({
    ...dir,
    clients: [...dir.clients, { id: "k4", name: "Oops", domains: ["gmail.test"], contacts: [] }],
  });

  it("maps contacts, client domains, refs and opposing parties", () => {
    expect(index.contactByEmail.get("ivy@tidewell.test")?.clientId).toBe("k1");
    expect(index.clientsByDomain.get("tidewell.test")).toEqual(["k1"]);
    expect(index.matterByRef.get(normalizeRef("[2026-0102]"))).toBe("x2");
    expect(index.matterByRef.get("PR-44871")).toBe("x4");
    expect(index.opposingByEmail.get("dee@hollisfarr.test")).toEqual(["x1"]);
    expect(index.opposingByDomain.get("birchtitle.test")).toEqual(["x5"]);
    expect(index.mattersByClient.get("k1")?.map((m) => m.id)).toEqual(["x1", "x2", "x3"]);
    expect(isFirmAddress(index, "omar@ashbyquill.test")).toBe(true);
    expect(isFirmAddress(index, "ivy@tidewell.test")).toBe(false);
  });

  it("never maps a public mail domain to a client, test forms included", () => {
    expect(index.clientsByDomain.has("gmail.test")).toBe(false);
    for (const d of [
      "gmail.com",
      "outlook.example",
      "hotmail.co.uk",
      "yahoo.example",
      "icloud.com",
      "btinternet.example",
      "aol.com",
      "proton.me",
    ]) {
      expect(isPublicMailDomain(d)).toBe(true);
    }
    expect(isPublicMailDomain("tidewell.test")).toBe(false);
  });

  it("weighs a keyword shared by several matters less than a unique one", () => {
    const lease = index.phrasesByFirstWord.get("lease")?.find((p) => p.words.length === 1)?.targets[0];
    const cruncho = index.phrasesByFirstWord.get("cruncho")?.[0].targets[0];
    expect(lease && cruncho && lease.weight < cruncho.weight).toBe(true);
    expect(index.phrasesByFirstWord.get("ttab")?.[0].upperOnly).toBe(true);
    expect(index.phrasesByFirstWord.get("snackwave")?.some((g) => g.targets.some((p) => p.kind === "party" && p.id === "x1"))).toBe(true);
  });

  it("takes parties and places from a title, but not what it says in brackets (the court, the kind of work)", () => {
    const plain = testDirectory();
    const titled = buildDirectoryIndex({
      ...plain,
      clients: [...plain.clients, { id: "k9", name: "Orsini Brothers Masonry Corp.", domains: [], contacts: [] }],
      matters: [
        ...plain.matters,
        {
          id: "y1",
          number: "2026-0901",
          clientId: "k9",
          title: "Orsini Brothers – collection against Bay Ridge Tower",
          status: "closed",
          responsible: plain.people[0].id,
        },
        {
          id: "y2",
          number: "2026-0902",
          clientId: "k9",
          title: "Estate of Ana Ruiz (Surrogate's Court, New York County)",
          status: "open",
          responsible: plain.people[0].id,
        },
      ],
    });
    const owners = (first: string, words: number) =>
      (titled.phrasesByFirstWord.get(first) ?? []).filter((g) => g.words.length === words).flatMap((g) => g.targets.map((t) => t.id));
    expect(owners("bay", 3)).toEqual(["y1"]);
    expect(owners("ana", 2)).toEqual(["y2"]);
    expect(owners("orsini", 2)).toEqual(["y1"]);
    expect(owners("new", 3)).toEqual([]);
    expect(owners("surrogate", 2)).toEqual([]);
  });

  it("searches matters fuzzily by number, alias, title and client name", () => {
    expect(searchMatters(index, "2026-0111", 3)[0].matter.id).toBe("x5");
    expect(searchMatters(index, "OQ/0120", 3)[0].matter.id).toBe("x6");
    expect(searchMatters(index, "Fernhil", 3)[0].matter.id).toBe("x5");
    expect(searchMatters(index, "tidewel", 5).map((h) => h.matter.clientId)).toContain("k1");
    expect(searchMatters(index, "  ", 3)).toEqual([]);
  });
});
