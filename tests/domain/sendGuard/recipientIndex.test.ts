import { describe, expect, it } from "vitest";
import { INDEX_HEADER, loadRecipientIndex, matterIdHash, serializeRecipientIndex } from "@domain/sendGuard";
import { MatterlineError } from "@domain/errors";
import { guardDirectory } from "./fixture";

describe("the compact recipient index", () => {
  const directory = guardDirectory();
  const text = serializeRecipientIndex(directory, "2026-01-01T00:00:00.000Z");

  it("holds every client, contact and matter of the directory, found by address, domain, reference and id", () => {
    const index = loadRecipientIndex(text);
    expect(index.stats).toEqual({ clients: 5, contacts: 6, matters: 6 });
    expect(index.builtAt).toBe("2026-01-01T00:00:00.000Z");
    expect(index.clientNames[index.contactClient.get("sam.ortiz@tidewell.test")!]).toBe("Tidewell Foods Inc");
    expect(index.domainClients.get("coralline.test")).toEqual([2]);
    expect(index.domainClients.has("gmail.test")).toBe(false); // a public provider is nobody's domain
    const m = index.matterById("x5");
    expect(index.matterNumber[m]).toBe("2026-0111");
    expect(index.clientsOfMatter(m).map((c) => index.clientNames[c])).toEqual(["Percy Lindqvist", "Nadia and Ben Rowe"]);
    expect(index.refs.matterByRef.get("PR-44871")).toBe(String(index.matterById("x4")));
    expect(index.opposingEmail.get("dee@hollisfarr.test")).toEqual([index.matterById("x1")]);
    expect(index.matterOpen[index.matterById("x3")]).toBe(false);
    expect(index.people.size).toBe(0); // colleagues at the firm's domain need no listing
  });

  it("is the same text for the same directory and writes no directory ids", () => {
    expect(serializeRecipientIndex(guardDirectory(), "2026-01-01T00:00:00.000Z")).toBe(text);
    expect(text.startsWith(`${INDEX_HEADER}\n`)).toBe(true);
    expect(text).not.toMatch(/\bk[1-5]\b|\bx[1-6]\b/);
  });

  it("keeps names, numbers and aliases with separators and line breaks intact", () => {
    const odd = {
      ...directory,
      clients: [{ ...directory.clients[0], name: "Smith, Jones | Partners;\tLtd\nUK %20" }, ...directory.clients.slice(1)],
      matters: directory.matters.map((m) => (m.id === "x1" ? { ...m, number: "2026-0101,a|b;c%", aliases: ["A,B/9", "C|D/1"] } : m)),
    };
    const index = loadRecipientIndex(serializeRecipientIndex(odd, "t"));
    expect(index.clientNames[0]).toBe("Smith, Jones | Partners; Ltd UK %20");
    expect(index.matterNumber[index.matterById("x1")]).toBe("2026-0101,a|b;c%");
    expect(index.refs.matterByRef.get("C|D/1")).toBe(String(index.matterById("x1")));
  });

  it("leaves matters whose ids share a hash unresolved rather than mixing them up", () => {
    const ids = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; !pair; i++) {
      const h = matterIdHash(`m${i}`);
      const seen = ids.get(h);
      if (seen) pair = [seen, `m${i}`];
      else ids.set(h, `m${i}`);
    }
    const [a, b] = pair;
    const twins = {
      ...directory,
      matters: [...directory.matters, { ...directory.matters[0], id: a, number: "1-1" }, { ...directory.matters[0], id: b, number: "1-2" }],
    };
    const index = loadRecipientIndex(serializeRecipientIndex(twins, "t"));
    expect(index.matterById(a)).toBe(-1);
    expect(index.matterById(b)).toBe(-1);
    expect(index.matterNumber[index.matterById("x2")]).toBe("2026-0102");
  });

  it("refuses text that is not an index, or is damaged, with a plain error", () => {
    for (const bad of ["", "hello", `${INDEX_HEADER}\n{not json`, text.split("\n").slice(0, -2).join("\n")]) {
      expect(() => loadRecipientIndex(bad)).toThrow(MatterlineError);
    }
  });
});
