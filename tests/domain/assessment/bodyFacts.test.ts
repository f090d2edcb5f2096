import { describe, expect, it } from "vitest";
import { assessMessage, assessMessageFromFacts, type AssessmentContext } from "@domain/assessment/assess";
import { packBodyFacts, readBodyFacts, unpackBodyFacts, type PackedFacts } from "@domain/assessment/bodyFacts";
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
