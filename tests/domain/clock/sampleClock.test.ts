import { describe, expect, it } from "vitest";
import { loadSample } from "./sampleCorpus";
import { measureClockOnSample } from "./sampleMeasure";

describe("the clock on data/sample (oracle tracked-ness from labels, threads from headers)", () => {
  for (const mode of ["calendar", "business"] as const) {
    it(`status, answeredBy and late match the labels in ${mode} mode`, async () => {
      const { accuracy, mismatches } = measureClockOnSample(await loadSample(), mode);
      expect(mismatches).toEqual([]);
      expect(accuracy).toBeGreaterThanOrEqual(0.97);
    });
  }
});
