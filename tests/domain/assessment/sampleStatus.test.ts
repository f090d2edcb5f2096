import { describe, expect, it } from "vitest";
import { evaluateTriage } from "../../../scripts/bench/triage";

// The real pipeline (MIME adapter → triageMessages) over data/sample, scored against labels.jsonl.
describe("triage pipeline on data/sample", () => {
  it("meets the status target with the calendar clock", async () => {
    const r = await evaluateTriage(false);
    expect(r.statusAccuracy, r.statusMismatches.join("\n")).toBeGreaterThanOrEqual(0.97);
    expect(r.needsReplyF1).toBeGreaterThanOrEqual(0.92);
  }, 60_000);

  it("meets the status target with the business-day clock", async () => {
    const r = await evaluateTriage(true);
    expect(r.statusAccuracy, r.statusMismatches.join("\n")).toBeGreaterThanOrEqual(0.97);
  }, 60_000);

  it("fills every field of a readable message, times in UTC", async () => {
    const { lines } = await evaluateTriage(false);
    const utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    for (const l of lines) {
      expect(l.status).not.toBeNull();
      expect(l.intent).not.toBeNull();
      expect(l.receivedAt).toMatch(utc);
      for (const t of [l.dueAt, l.answeredAt]) if (t !== null) expect(t).toMatch(utc);
      for (const d of l.followUpDates ?? []) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // reply need is a question about inbound mail only
      if (l.direction !== "inbound") expect(l.needsReply).toBeNull();
      if (l.status === "answered") expect(l.answeredAt).not.toBeNull();
      if (l.status === "not-tracked" || l.status === "no-reply-needed") expect(l.dueAt).toBeNull();
    }
  }, 60_000);
});
