import { describe, expect, it } from "vitest";
import { evaluateClientMail } from "../../../scripts/bench/language";

// The READ half of data/client-mail is what the rules were written from and the intent model trained on, so these
// figures are optimistic by construction; the honest ones (the unread half) are measured only in `npm run bench`.
describe("language quality on the read half of data/client-mail", () => {
  it("reads intent, unhappiness with the firm and reply need", () => {
    const r = evaluateClientMail("read");
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.unhappyRecall).toBeGreaterThanOrEqual(0.9);
    expect(r.unhappyPrecision).toBeGreaterThanOrEqual(0.9);
    expect(r.needsReplyF1).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
