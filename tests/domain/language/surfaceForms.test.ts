import { describe, expect, it } from "vitest";
import { messageWords, surfaceOf } from "@domain/language/surfaceForms";
import { describeFeature } from "@domain/language/describeFeature";
import { classifyIntent, distinctReasons } from "@domain/language/intent";

describe("the client's own words behind a stemmed feature", () => {
  const words = messageWords("I am STILL waiting for the completion statement, and frankly I'm not happy. Call me Tuesday.");
  it("finds the word or adjacent pair the stem came from", () => {
    expect(surfaceOf("b:still_wait", words)).toBe("still waiting");
    expect(surfaceOf("w:happi", words)).toBe("happy");
    expect(surfaceOf("a:complet", words)).toBe("completion");
  });
  it("quotes the message's own day or amount for a folded class", () => {
    expect(surfaceOf("w:<day>", words)).toBe("tuesday");
    expect(surfaceOf("b:call_me", words)).toBe("call me");
  });
  it("gives null for other kinds and words the message lacks", () => {
    expect(surfaceOf("w:<money>", words)).toBeNull();
    expect(surfaceOf("w:invoic", words)).toBeNull();
    expect(surfaceOf("t:status", words)).toBeNull();
  });
  it("names the surface words when given, the stem otherwise", () => {
    expect(describeFeature("b:still_wait", "still waiting")).toBe('the words "still waiting"');
    expect(describeFeature("b:still_wait")).toBe('the words "still wait"');
    expect(describeFeature("a:complet", "completion")).toBe('asks with the word "completion"');
    expect(describeFeature("b:pay_<money>")).toBe('the words "pay [an amount]"');
    expect(describeFeature("s:<day>")).toBe('subject word "[a day]"');
  });
});

describe("the reasons an intent gives", () => {
  it("keeps one of two reasons where one says the other", () => {
    expect(distinctReasons(["subject about a meeting or call", "subject about a meeting", "a short message", "a short message"])).toEqual([
      "subject about a meeting or call",
      "a short message",
    ]);
  });
  it("quotes only words the message holds", () => {
    const texts = [
      ["Re: purchase", "Still waiting on the searches. Any update on where things stand with the sellers?"],
      ["Invoice 4471", "We were quoted £2,000 and the invoice says £3,150. Could someone explain the difference?"],
      ["", "Would Wednesday afternoon suit for a call about the tenancy? Otherwise Friday morning works."],
      ["Lease", "Please send me a copy of the signed lease and the licence for alterations."],
    ];
    for (const [subject, text] of texts) {
      const quoted = classifyIntent(text, subject).cues.flatMap((c) => [...c.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
      for (const q of quoted) expect(`${subject} ${text}`.toLowerCase(), q).toContain(q);
    }
  });
});
