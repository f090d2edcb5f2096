import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../scripts/bench/benchLine";

describe("wilsonInterval", () => {
  it("matches the textbook Wilson interval and holds the measured ratio inside it", () => {
    // 205 of 248 (0.827): the 95% Wilson interval is about 0.775 to 0.869.
    const { low, high } = wilsonInterval(205, 248);
    expect(low).toBeCloseTo(0.7746, 3);
    expect(high).toBeCloseTo(0.8687, 3);
    expect(low).toBeLessThan(205 / 248);
    expect(high).toBeGreaterThan(205 / 248);
  });

  it("stays within 0 and 1 at the extremes, and narrows as more items are counted", () => {
    expect(wilsonInterval(0, 20).low).toBe(0);
    expect(wilsonInterval(20, 20).high).toBe(1);
    expect(wilsonInterval(20, 20).low).toBeGreaterThan(0.8);
    const small = wilsonInterval(83, 100);
    const large = wilsonInterval(830, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
