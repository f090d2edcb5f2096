import { describe, expect, it } from "vitest";
import { assessMessage, assessMessageFromFacts, type AssessmentContext } from "@domain/assessment/assess";
import { isNeverFromClient, packBodyFacts, readBodyFacts, unpackBodyFacts, type PackedFacts } from "@domain/assessment/bodyFacts";
import { FIXED_NEEDS_REPLY_REASONS, NEEDS_REPLY_REASON } from "@domain/language/needsReply";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import type { MailMessage } from "@domain/model/mail";
import { directory, index, mail } from "../../features/clock/overdueFixtures";

const ctx: AssessmentContext = {
  index,
  calendar: createFirmCalendar(directory.firm),
  owners: ["alice@firm.example"],
  settings: { businessDays: false },
  now: "2026-03-16T12:00:00.000Z",
};

const BODIES = [
  "Could you send the signed lease for 2024-0012 before Friday?",
  "Thanks, that is all for now.",
  "Still waiting. This is unacceptable, I will take my business elsewhere.\n\nOn Mon, Bob wrote:\n> our ref 2024-0044",
  "Please see below.\n\n---------- Forwarded message ---------\nFrom: x@other.example\nWe will complain to the regulator.",
];

/** Without the body: what a scan row gives back. */
const lean = (m: MailMessage): MailMessage => ({ ...m, bodyText: "", attachmentNames: [], headers: {} });

describe("assessment from body facts", () => {
  it("equals the assessment from the whole message (intent reasons aside), for threads with 0 to 4 earlier unanswered messages", () => {
    for (const [b, body] of BODIES.entries()) {
      for (let chasers = 0; chasers <= 4; chasers++) {
        const earlier = Array.from({ length: chasers }, (_, i) =>
          mail({ from: "carol@acme.example", subject: "Lease", body: "any news?", at: `2026-03-1${i}T09:00:00Z`, conv: `t${b}` }),
        );
        const message = mail({ from: "carol@acme.example", subject: "Lease", body, at: "2026-03-15T09:00:00Z", conv: `t${b}` });
        const thread = [...earlier, message];
        const whole = assessMessage(message, thread, ctx);
        // as a scan keeps them: packed, through JSON, unpacked against the same directory
        const packed = JSON.parse(JSON.stringify(packBodyFacts(readBodyFacts(message, index, ctx.owners), index))) as PackedFacts;
        const facts = unpackBodyFacts(packed, index);
        const fromFacts = assessMessageFromFacts(lean(message), facts, thread.map(lean), ctx);
        // the same, but for the intent's reasons, which are not kept
        expect(fromFacts).toEqual({ ...whole, reading: { ...whole.reading, intentReasons: [] } });
      }
    }
  });

  it("a message whose body could not be read is reported with its error", () => {
    const message = mail({ from: "carol@acme.example", subject: "x", body: "", at: "2026-03-15T09:00:00Z", conv: "e" });
    expect(() => assessMessageFromFacts(message, { error: "too strange" }, [message], ctx)).toThrow("too strange");
  });
});

describe("packed body facts", () => {
  const pack = (body: string, from = "carol@acme.example") => {
    const message = mail({ from, subject: "Lease", body, at: "2026-03-15T09:00:00Z", conv: "p" });
    const facts = readBodyFacts(message, index, ctx.owners);
    return { facts, packed: viaJson(packBodyFacts(facts, index)) };
  };
  const viaJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

  it("keep a fixed needs-reply reason and the intent as codes, the asking words as text, and give all back", () => {
    const thanks = pack("Thanks, that is all for now.");
    if (!("r" in thanks.packed) || !thanks.packed.r) throw new Error("expected a reading");
    expect(typeof thanks.packed.r.why).toBe("number");
    expect(FIXED_NEEDS_REPLY_REASONS[thanks.packed.r.why as number]).toBe(NEEDS_REPLY_REASON.thanksOnly);
    expect(typeof thanks.packed.r.i).toBe("number");
    expect(thanks.packed.r.nr).toBeUndefined();
    expect(unpackBodyFacts(thanks.packed, index)).toEqual(thanks.facts);

    const asks = pack("Could you send the signed lease for 2024-0012 before Friday?");
    if (!("r" in asks.packed) || !asks.packed.r) throw new Error("expected a reading");
    expect(typeof asks.packed.r.why).toBe("string");
    expect(asks.packed.r.nr).toBe(1);
    expect(unpackBodyFacts(asks.packed, index)).toEqual(asks.facts);
  });

  it("every fixed reason is told apart by its code", () => {
    expect(new Set(FIXED_NEEDS_REPLY_REASONS).size).toBe(FIXED_NEEDS_REPLY_REASONS.length);
    expect(FIXED_NEEDS_REPLY_REASONS).toContain(NEEDS_REPLY_REASON.complaint);
  });

  it("a stored code no reason or intent has is a clear error, not a wrong reading", () => {
    const { packed } = pack("Thanks, that is all for now.");
    if (!("r" in packed) || !packed.r) throw new Error("expected a reading");
    expect(() => unpackBodyFacts({ ...packed, r: { ...packed.r, why: 999 } }, index)).toThrow(/unknown reason/);
    expect(() => unpackBodyFacts({ ...packed, r: { ...packed.r, i: 999 } }, index)).toThrow(/unknown intent/);
  });

  it("a colleague's mail (never a client's) keeps only its sender's role, and is not assessed", () => {
    const { packed } = pack("Could you look at 2024-0012 before Friday?", "bob@firm.example");
    expect(packed).toEqual({ role: "colleague" });
    expect(isNeverFromClient(packed)).toBe(true);
    expect(() => unpackBodyFacts(packed, index)).toThrow(/not assessed/);
    expect(isNeverFromClient(pack("Could you send the lease?").packed)).toBe(false);
    expect(isNeverFromClient({ error: "x" })).toBe(false);
  });
});
