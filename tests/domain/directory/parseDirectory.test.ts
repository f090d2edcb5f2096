import { describe, expect, it } from "vitest";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { MatterlineError } from "@domain/errors";
import { testDirectory } from "./fixtures";

function problemsOf(text: string): string[] {
  try {
    parseDirectoryJson(text);
  } catch (e) {
    expect(e).toBeInstanceOf(MatterlineError);
    expect((e as MatterlineError).code).toBe("invalid-directory");
    return [...(e as MatterlineError).details];
  }
  throw new Error("expected a rejection");
}

describe("parseDirectoryJson", () => {
  it("accepts a valid directory and lower-cases addresses", () => {
    const dir = testDirectory();
    const text = JSON.stringify({ ...dir, people: [{ ...dir.people[0], email: "Ruth@AshbyQuill.test" }, dir.people[1]] }, null, 2);
    const parsed = parseDirectoryJson(`\uFEFF${text}`);
    expect(parsed.people[0].email).toBe("ruth@ashbyquill.test");
    expect(parsed.matters).toHaveLength(6);
  });

  it("reads the sample directory", async () => {
    const { readFileSync } = await import("node:fs");
    const dir = parseDirectoryJson(readFileSync("data/sample/directory.json", "utf8"));
    expect(dir.matters.length).toBeGreaterThan(0);
  });

  it("collects every problem with its location and imports nothing", () => {
    const dir = testDirectory();
    const bad = {
      ...dir,
      firm: {
        ...dir.firm,
        timeZone: "Mars/Olympus",
        workingHours: { days: [1, 8], start: "9am", end: "17:00" },
        matterRefPatterns: ["(unclosed"],
      },
      people: [...dir.people, { id: "p1", name: "Twin", email: "twin@ashbyquill.test", role: "partner" }],
      clients: [...dir.clients, { id: "k9", name: "Bad Mail", domains: [], contacts: [{ name: "B", email: "not-an-address" }] }],
      matters: [...dir.matters, { id: "x9", number: "2026-0999", clientId: "k404", title: "Orphan", status: "open", responsible: "p7" }],
    };
    const problems = problemsOf(JSON.stringify(bad, null, 2));
    const joined = problems.join("\n");
    expect(joined).toMatch(/timeZone.*Mars\/Olympus/);
    expect(joined).toMatch(/"days"/);
    expect(joined).toMatch(/"start" "9am"/);
    expect(joined).toMatch(/\(unclosed.*regular expression/);
    expect(joined).toMatch(/people\[2\] \(id "p1"\).*duplicate id/);
    expect(joined).toMatch(/not-an-address.*not a valid email/);
    expect(joined).toMatch(/matters\[6\] \(id "x9"\), line \d+: "clientId" "k404" names no client/);
    expect(joined).toMatch(/"responsible" "p7" names no person/);
    expect(problems.length).toBeGreaterThanOrEqual(8);
  });

  it("refuses reference patterns that can backtrack badly, together with the file's other problems", () => {
    const dir = testDirectory();
    const bad = {
      ...dir,
      firm: {
        ...dir.firm,
        timeZone: "Mars/Olympus",
        matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b", "(\\d+)+-", "(\\w|\\d)+x", "(\\d{4})-\\1"],
      },
    };
    const problems = problemsOf(JSON.stringify(bad, null, 2));
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/timeZone.*Mars\/Olympus/);
    expect(problems.slice(1)).toEqual([
      expect.stringMatching(/^firm\.matterRefPatterns: "\(\\d\+\)\+-" repeats .*exponential time/),
      expect.stringMatching(/^firm\.matterRefPatterns: "\(\\w\|\\d\)\+x" repeats .*options can start with the same character/),
      expect.stringMatching(/^firm\.matterRefPatterns: "\(\\d\{4\}\)-\\1" uses a backreference/),
    ]);
  });

  it("refuses a firm time zone that Outlook calendars have no Windows zone for", () => {
    const dir = testDirectory();
    const problems = problemsOf(JSON.stringify({ ...dir, firm: { ...dir.firm, timeZone: "Antarctica/Troll" } }));
    expect(problems).toEqual([expect.stringMatching(/"timeZone" "Antarctica\/Troll" has no Outlook \(Windows\) time zone/)]);
  });

  it("refuses more reference patterns than may run over every email", () => {
    const dir = testDirectory();
    const many = Array.from({ length: 21 }, (_, i) => `\\bR${i}-\\d{4}\\b`);
    const problems = problemsOf(JSON.stringify({ ...dir, firm: { ...dir.firm, matterRefPatterns: many } }));
    expect(problems).toEqual([expect.stringMatching(/lists 21 patterns; at most 20/)]);
  });

  it("rejects working hours that end before they start, and a missing firm", () => {
    const dir = testDirectory();
    expect(
      problemsOf(JSON.stringify({ ...dir, firm: { ...dir.firm, workingHours: { days: [1], start: "17:00", end: "09:00" } } })).join(),
    ).toMatch(/after "start"/);
    expect(problemsOf(JSON.stringify({ ...dir, firm: undefined })).join()).toMatch(/firm: missing/);
  });

  it("rejects invalid JSON with the parser's message", () => {
    expect(problemsOf('{ "firm": ').length).toBe(1);
  });

  it("reads a client's reply deadline, and checks it as a matter's: a positive number of hours", () => {
    const dir = testDirectory();
    const withSla = { ...dir, clients: dir.clients.map((c, i) => (i === 0 ? { ...c, slaHours: 8 } : { ...c, slaHours: null })) };
    const parsed = parseDirectoryJson(JSON.stringify(withSla));
    expect(parsed.clients[0].slaHours).toBe(8);
    expect(parsed.clients[1]).not.toHaveProperty("slaHours");

    const bad = {
      ...dir,
      clients: dir.clients.map((c, i) => (i === 0 ? { ...c, slaHours: 0 } : i === 1 ? { ...c, slaHours: "12" } : c)),
      matters: dir.matters.map((m, i) => (i === 0 ? { ...m, slaHours: -4 } : m)),
    };
    const problems = problemsOf(JSON.stringify(bad, null, 2));
    expect(problems.filter((p) => p.includes('"slaHours" must be a positive number'))).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/clients\[0\] \(id "k1"\), line \d+: "slaHours" must be a positive number/);
    expect(problems.join("\n")).toMatch(/matters\[0\] \(id "x1"\), line \d+: "slaHours" must be a positive number/);
  });

  it("rejects a matter number used twice and a contact owned by two clients", () => {
    const dir = testDirectory();
    const bad = {
      ...dir,
      clients: [...dir.clients, { id: "k8", name: "Copy", domains: [], contacts: [{ name: "Ivy", email: "ivy@tidewell.test" }] }],
      matters: [...dir.matters, { ...dir.matters[0], id: "x8" }],
    };
    const joined = problemsOf(JSON.stringify(bad)).join("\n");
    expect(joined).toMatch(/matter number 2026-0101 is also matter "x1"/);
    expect(joined).toMatch(/ivy@tidewell.test is already a contact of client "k1"/);
  });
});
