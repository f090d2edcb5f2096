import { describe, expect, it } from "vitest";
import { loadSample } from "../clock/sampleCorpus";
import { measureFollowUps } from "./sampleFollowUps";

describe("follow-up dates on data/sample (new text + forwarded text of every message)", () => {
  it("recall ≥ 0.9 and precision ≥ 0.8", async () => {
    const { recall, precision } = measureFollowUps(await loadSample());
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });
});
