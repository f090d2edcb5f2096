import { describe, expect, it } from "vitest";
import { sampleSendQuality } from "../../../scripts/bench/sendGuard";

describe("the send check on the sample firm (the bench's quality measure)", () => {
  it("warns about few messages as they were sent and catches the generated mistakes", async () => {
    const q = await sampleSendQuality();
    expect(q.sent).toBeGreaterThan(30);
    expect(q.falseAlarmRate).toBeLessThanOrEqual(0.03);
    expect(q.variants).toBeGreaterThan(100);
    expect(Object.keys(q.byKind).sort()).toEqual([
      "attachment-other-matter",
      "client-and-opposing",
      "lookalike",
      "matter-mismatch",
      "other-client",
    ]);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
    for (const k of Object.values(q.byKind)) expect(k.caught / k.variants).toBeGreaterThanOrEqual(0.9);
  });
});
