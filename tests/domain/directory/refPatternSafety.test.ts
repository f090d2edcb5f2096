import { describe, expect, it } from "vitest";
import { MAX_REF_PATTERN_CHARS, refPatternProblem } from "@domain/directory/refPatternSafety";
import { DEFAULT_REF_PATTERNS, buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { testDirectory } from "./fixtures";

describe("matter reference patterns that may run over every email", () => {
  it("accepts the default patterns and the usual reference formats, lookarounds included", () => {
    for (const source of [
      ...DEFAULT_REF_PATTERNS,
      "\\[(\\d{4}-\\d{4})\\]",
      "Matter No\\.?\\s*(\\d{4}-\\d{4})",
      "Our ref:\\s*([A-Z]{2,6}/\\d{3,6})",
      "(?<!\\d)20\\d{2}-\\d{4}(?!\\d)",
      "(?:Matter|File)\\s+No\\.?\\s*\\d{1,6}",
    ])
      expect(refPatternProblem(source), source).toBeNull();
  });

  it.each([
    ["nested quantifiers", "(\\d+)+-", /repeats "\(\\d\+\)\+", which holds a repetition of its own.*exponential/],
    ["a repeated choice whose options overlap", "(\\w|\\d)+x", /repeats "\(\\w\|\\d\)", whose options can start with the same character/],
    ["a repeated choice where one option is a prefix of another", "(?:a|aa)*b", /whose options can start with the same character/],
    ["a repeated choice with an empty option", "(?:x|)+y", /or match nothing/],
    ["a backreference", "(\\d{4})-\\1", /uses a backreference/],
    ["a repetition rescanned from every position", "[A-Z]+/\\d+", /rescans "\[A-Z\]\+" from every position.*quadratic.*\{1,20\}/],
    ["leading optional space before a digit", "\\s*\\d{4}", /rescans "\\s\*"/],
    ["an invalid expression", "(unclosed", /is not a valid regular expression/],
  ])("refuses %s: %s", (_what, source, message) => {
    expect(refPatternProblem(source)).toMatch(message);
  });

  it("refuses a pattern longer than the cap", () => {
    const long = `\\b${"A".repeat(MAX_REF_PATTERN_CHARS)}\\b`;
    expect(refPatternProblem(long)).toMatch(new RegExp(`at most ${MAX_REF_PATTERN_CHARS}`));
  });

  it("an unsafe pattern stored before the check never runs: the index leaves it out and keeps the safe ones", () => {
    const dir = testDirectory();
    const index = buildDirectoryIndex({ ...dir, firm: { ...dir.firm, matterRefPatterns: ["(\\w|\\d)+x", "\\b20\\d{2}-\\d{4}\\b"] } });
    expect(index.refPatterns.map((p) => p.source)).toEqual(["\\b20\\d{2}-\\d{4}\\b"]);
  });
});
