import { describe, expect, it } from "vitest";
import { corpusQuality } from "../../../scripts/bench/recognition";

describe("recognition quality on labelled firms' mail", () => {
  it("files precisely, covers most labelled mail, and abstains on every ambiguous message", async () => {
    const q = await corpusQuality();
    expect(q.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.coverage).toBeGreaterThanOrEqual(0.9);
    expect(q.ambiguous).toBeGreaterThan(0);
    expect(q.ambiguousAbstained).toBe(q.ambiguous);
  }, 60_000);

  // Another firm's mailbox, written by someone who never saw the code (data/firms/README.md). Its misses were read, so
  // it is a test here; the unread firm beside it is only counted, in the bench.
  it("holds on the Chicago firm's mailbox: precise, covering, abstaining on every ambiguous message", async () => {
    const q = await corpusQuality("data/firms/chicago");
    expect(q.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.coverage).toBeGreaterThanOrEqual(0.9);
    expect(q.ambiguous).toBeGreaterThanOrEqual(4);
    expect(q.ambiguousAbstained).toBe(q.ambiguous);
  }, 60_000);

  // Read firms whose coverage is under the sample's (mail their writers tie by words alone, which recognition does not
  // file): what must hold there is that nothing is filed wrong and every ambiguous message is left alone.
  for (const firm of ["dublin", "singapore"])
    it(`files nothing to a wrong matter on the ${firm} firm's mailbox, and abstains on every ambiguous message`, async () => {
      const q = await corpusQuality(`data/firms/${firm}`);
      expect(q.precision).toBe(1);
      expect(q.ambiguous).toBeGreaterThanOrEqual(5);
      expect(q.ambiguousAbstained).toBe(q.ambiguous);
    }, 60_000);
});
