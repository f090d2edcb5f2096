import { describe, expect, it } from "vitest";
import { rebase } from "@domain/record/reconcile";
import type { SharedEntry } from "@domain/record/types";

const base: SharedEntry = {
  internetMessageId: "<x@y>",
  conversationId: "c",
  direction: "inbound",
  from: { email: "ann@client.test" },
  to: [],
  cc: [],
  subject: "S",
  sentAt: null,
  receivedAt: "2026-01-01T00:00:00.000Z",
  snippet: "",
  attachmentNames: [],
  matterId: "m1",
  category: "M1",
  loggedBy: "amy@firm.test",
  loggedAt: "2026-01-01T01:00:00.000Z",
  source: "manual",
  timeEntry: null,
};
const at = (matterId: string, by: string): Partial<SharedEntry> => ({ matterId, category: matterId.toUpperCase(), loggedBy: by });
const common = { by: "amy@firm.test", now: new Date("2026-01-02T00:00:00Z"), label: (id: string) => id.toUpperCase() };

describe("rebase: a change meets a newer version of the record", () => {
  it("re-applies a change to something the other did not touch", () => {
    const ours = { ...base, ...at("m2", "amy@firm.test") };
    const theirs = { ...base, timeEntry: { tenths: 4, narrative: "call" } };
    const r = rebase({ ...common, ours, base, theirs });
    expect(r).toMatchObject({ action: "write", conflict: null, entry: { matterId: "m2", timeEntry: { tenths: 4 } } });
  });

  it("keeps the other when both changed the matter differently, and says so in the audit trail", () => {
    const ours = { ...base, ...at("m2", "amy@firm.test") };
    const theirs = { ...base, ...at("m3", "rosa@firm.test") };
    const r = rebase({ ...common, ours, base, theirs });
    expect(r.action).toBe("write");
    if (r.action !== "write") return;
    expect(r.entry.matterId).toBe("m3");
    expect(r.conflict).toMatchObject({ action: "conflict", fromMatterId: "m2", toMatterId: "m3", by: "amy@firm.test" });
    expect(r.conflict?.note).toMatch(/M2.*M3/);
  });

  it("agrees silently when both made the same change", () => {
    const same = { ...base, ...at("m2", "amy@firm.test") };
    expect(rebase({ ...common, ours: same, base, theirs: same })).toEqual({ action: "none", conflict: null });
  });

  it("an undo still deletes when nobody changed the item; not when someone did", () => {
    expect(rebase({ ...common, ours: null, base, theirs: base })).toEqual({ action: "delete" });
    const moved = { ...base, ...at("m3", "rosa@firm.test") };
    const r = rebase({ ...common, ours: null, base, theirs: moved });
    expect(r).toMatchObject({ action: "write", entry: { matterId: "m3" }, conflict: { action: "conflict", toMatterId: "m3" } });
  });

  it("a change to an email taken off the record meanwhile is noted, not silently re-created", () => {
    const ours = { ...base, timeEntry: { tenths: 2, narrative: "" } };
    const r = rebase({ ...common, ours, base, theirs: null });
    expect(r).toMatchObject({ action: "none", conflict: { action: "conflict" } });
  });

  it("a first filing that meets another's filing of the same email to the same matter merges the time entry", () => {
    const ours = { ...base, timeEntry: { tenths: 3, narrative: "read" } };
    const theirs = { ...base, loggedBy: "rosa@firm.test" };
    expect(rebase({ ...common, ours, base: null, theirs })).toMatchObject({
      action: "write",
      conflict: null,
      entry: { timeEntry: { tenths: 3 } },
    });
  });
});
