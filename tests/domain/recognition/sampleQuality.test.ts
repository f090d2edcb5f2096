import { describe, expect, it } from "vitest";
import { corpusQuality } from "../../../scripts/bench/recognition";

describe("recognition quality on data/sample", () => {
  it("files precisely, covers most labelled mail, and abstains on every ambiguous message", async () => {
    const q = await corpusQuality();
    expect(q.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.coverage).toBeGreaterThanOrEqual(0.9);
    expect(q.ambiguous).toBeGreaterThan(0);
    expect(q.ambiguousAbstained).toBe(q.ambiguous);
  }, 60_000);
});
