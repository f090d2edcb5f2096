import { describe, expect, it } from "vitest";
import { ClientMailError, loadClientMail } from "../../scripts/data/clientMail";
import { loadAdjudicatedIntent, parseAdjudicatedIntent } from "../../scripts/data/adjudicatedIntent";

// The blind second intent labels of the original writer's two halves: one per email of read.jsonl and unread.jsonl,
// no more, so the agreement figures the bench prints are over whole halves.
describe("data/client-mail/adjudicated/intent.jsonl", () => {
  it("labels every email of the read and unread halves exactly once, and nothing else", () => {
    const blind = loadAdjudicatedIntent();
    const ids = [...loadClientMail("read"), ...loadClientMail("unread")].map((m) => m.id).sort();
    expect([...blind.keys()].sort()).toEqual(ids);
  });

  it("lists every bad line at once", () => {
    const text = [
      '{"id": "r001", "intent": "status_request", "sure": true}',
      '{"id": "r001", "intent": "other", "sure": false}',
      '{"id": "x001", "intent": "gossip", "sure": "yes", "why": 1}',
      "not json",
    ].join("\n");
    let error: unknown = null;
    try {
      parseAdjudicatedIntent(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClientMailError);
    const problems = (error as ClientMailError).problems;
    expect(problems.some((p) => /line 2: id r001 appears twice/.test(p))).toBe(true);
    expect(problems.filter((p) => /line 3/.test(p))).toHaveLength(4);
    expect(problems.some((p) => /line 4: not JSON/.test(p))).toBe(true);
  });
});
