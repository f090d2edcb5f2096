import { describe, expect, it } from "vitest";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { parseDirectoryCsv } from "@domain/directory/parseDirectoryCsv";
import { MatterlineError } from "@domain/errors";
import { testDirectory } from "./fixtures";

function withJoint(joint: unknown) {
  const d = testDirectory();
  return JSON.stringify({ ...d, matters: d.matters.map((m) => (m.id === "x5" ? { ...m, jointClientIds: joint } : m)) });
}

function problems(text: string): readonly string[] {
  try {
    parseDirectoryJson(text);
  } catch (e) {
    if (e instanceof MatterlineError) return e.details;
    throw e;
  }
  return [];
}

describe("a matter's joint clients (jointClientIds)", () => {
  it("is optional, and kept when it names other clients of the directory", () => {
    expect(parseDirectoryJson(JSON.stringify(testDirectory())).matters.every((m) => m.jointClientIds === undefined)).toBe(true);
    const d = parseDirectoryJson(withJoint(["k3", " k1 "]));
    expect(d.matters.find((m) => m.id === "x5")?.jointClientIds).toEqual(["k3", "k1"]);
  });

  it("is refused, with every problem listed and nothing imported, when it is wrong", () => {
    const listed = problems(withJoint(["k9", "k2", "k3", "k3"]));
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatch(/matters\[4\] \(id "x5"\).*"jointClientIds" "k9" names no client/);
    expect(listed[1]).toMatch(/repeats the matter's own client "k2"/);
    expect(listed[2]).toMatch(/lists "k3" twice/);
    expect(problems(withJoint("k3"))[0]).toMatch(/"jointClientIds" must be a list of strings/);
    expect(problems(withJoint([3]))[0]).toMatch(/"jointClientIds" must be a list of strings/);
  });

  it("comes from the jointClientIds column of matters.csv, checked the same way", () => {
    const base = testDirectory();
    const files = {
      clients: "id,name,domains\nk1,Tidewell Foods Inc,tidewell.test\nk2,Percy Lindqvist,\n",
      contacts: "clientId,email\nk1,ivy@tidewell.test\n",
      matters:
        "id,number,clientId,title,status,responsible,jointClientIds\nx1,2026-0101,k1,Sale,open,p1,k2\nx2,2026-0102,k2,Will,open,p1,k7\n",
    };
    try {
      parseDirectoryCsv(files, base);
      expect.unreachable("a joint client naming no client must be refused");
    } catch (e) {
      expect((e as MatterlineError).details.join("\n")).toMatch(/matters\.csv line 3.*"jointClientIds" "k7" names no client/);
    }
    const ok = parseDirectoryCsv({ ...files, matters: files.matters.replace(",k7", ",") }, base);
    expect(ok.matters.map((m) => m.jointClientIds)).toEqual([["k2"], undefined]);
  });
});
