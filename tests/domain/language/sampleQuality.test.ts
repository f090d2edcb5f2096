import { describe, expect, it } from "vitest";
import { evaluateSample, longEmail } from "../../../scripts/bench/language";
import { newTextOf } from "@domain/text/newText";
import { classifyIntent } from "@domain/language/intent";
import { negativeTone } from "@domain/language/tone";
import { needsReply } from "@domain/language/needsReply";
import { mailMessage } from "../../fixtures/mailMessage";

describe("language quality on data/sample", () => {
  it("meets the targets (intent and tone over inbound client mail; needs-reply over labelled messages)", async () => {
    const r = await evaluateSample();
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(r.negativeToneRecall).toBeGreaterThanOrEqual(0.9);
    expect(r.negativeTonePrecision).toBeGreaterThanOrEqual(0.8);
    expect(r.needsReplyF1).toBeGreaterThanOrEqual(0.92);
  });

  // Speed is measured in `npm run bench` (language.msPer5000Words); here: quoted history does not sway the result.
  it("classifies a 5,000-word email by its new text only", () => {
    const body = longEmail();
    expect(body.split(/\s+/).length).toBeGreaterThan(5000);
    const message = mailMessage({ subject: "RE: Lease", from: { email: "a@client.test" }, bodyText: body, headers: {} });
    const text = newTextOf(body, message.subject);
    expect(text).toContain("Could you let me know when you can call?");
    expect(text).not.toMatch(/^Sent: /m);
    expect(text.split(/\s+/).length).toBeLessThan(body.split(/\s+/).length / 3);
    expect(needsReply(message, text).needsReply).toBe(true);
    expect(negativeTone(text).negative).toBe(false);
    expect(classifyIntent(text, message.subject, message).intent).not.toBe("auto_reply");
  });
});
