import { describe, expect, it } from "vitest";
import { idDigest } from "@features/clock/idDigest";

/** Ids shaped like Graph's: a long shared mailbox part, the message's own part at the end. */
const graphLike = (n: number) =>
  `AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAi${n.toString(36).padStart(10, "0")}AAA=`;

describe("idDigest", () => {
  it("is 14 characters and the same for the same id", () => {
    expect(idDigest(graphLike(7))).toHaveLength(14);
    expect(idDigest("")).toHaveLength(14);
    expect(idDigest(graphLike(7))).toBe(idDigest(graphLike(7)));
  });

  it("gives 200,000 ids that differ in one or two characters 200,000 different digests", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200_000; n++) seen.add(idDigest(graphLike(n)));
    expect(seen.size).toBe(200_000);
  });

  it("tells apart ids that differ only in case, order or length", () => {
    const ids = ["AAQkAD=", "aaqkad=", "AAQkDA=", "AAQkAD", "AAQkAD==", "x", "y"];
    expect(new Set(ids.map(idDigest)).size).toBe(ids.length);
  });
});
