import { describe, expect, it } from "vitest";
import { loggedMatterOf, matterOfEmail } from "@domain/recognition/emailMatter";

const sure = { matterId: "m1", abstained: false };
const unsure = { matterId: "m1", abstained: true };

describe("a logged matter wins over recognition, written once", () => {
  it("takes the matter the email is logged to, whatever recognition says", () => {
    expect(matterOfEmail("m2", sure)).toEqual({ matterId: "m2", basis: "logged" });
    expect(matterOfEmail("m2", unsure)).toEqual({ matterId: "m2", basis: "logged" });
    expect(matterOfEmail("m2", null)).toEqual({ matterId: "m2", basis: "logged" });
  });

  it("else recognition's matter, only when it did not abstain", () => {
    expect(matterOfEmail(null, sure)).toEqual({ matterId: "m1", basis: "recognized" });
    expect(matterOfEmail(undefined, unsure)).toEqual({ matterId: null, basis: null });
    expect(matterOfEmail(null, { matterId: null, abstained: false })).toEqual({ matterId: null, basis: null });
    expect(matterOfEmail(null, undefined)).toEqual({ matterId: null, basis: null });
  });

  it("knows an email as logged from this device's log, else from its own mark in the mailbox", () => {
    const mailbox = { status: "read" as const, selfMatterId: "m3", categoryHint: null, graphId: null, threadMatterIds: [], error: null };
    const entry = { matterId: "m2" } as unknown as NonNullable<Parameters<typeof loggedMatterOf>[0]["logged"]>["entry"];
    const logged = {
      entry,
      audit: [],
      mirror: "mirrored" as const,
      mirrorError: null,
      record: "filed" as const,
      recordError: null,
      recordMessage: "filed" as const,
    };
    expect(loggedMatterOf({ logged, mailbox })).toBe("m2");
    expect(loggedMatterOf({ logged: null, mailbox })).toBe("m3");
    expect(loggedMatterOf({ logged: null, mailbox: { ...mailbox, selfMatterId: null } })).toBeNull();
  });
});
