import { describe, expect, it } from "vitest";
import { negativeTone } from "@domain/language/tone";
import { newTextOf } from "@domain/text/newText";

const negative = (t: string) => negativeTone(t).negative;

describe("negativeTone", () => {
  it("finds complaints and disappointment with the firm", () => {
    expect(negative("I am very disappointed. We instructed you in March and have had no update for weeks.")).toBe(true);
    expect(negative("Frankly this is not good enough.")).toBe(true);
    expect(negative("I'm frustrated that you still haven't sent the draft.")).toBe(true);
  });
  it("finds repeated chasing", () => {
    expect(negative("I have asked three times for the completion statement.")).toBe(true);
    expect(negative("Still no reply to my email of last Tuesday.")).toBe(true);
    expect(negative("Chasing again on the below.")).toBe(true);
  });
  it("finds threats to leave or complain", () => {
    expect(negative("If this carries on we will move our work elsewhere.")).toBe(true);
    expect(negative("I will be making a formal complaint.")).toBe(true);
    expect(negative("I am considering a complaint to the Legal Ombudsman about your handling of this.")).toBe(true);
  });
  it("finds sarcasm", () => {
    expect(negative("Thanks for nothing.")).toBe(true);
    expect(negative("Great, another week of silence.")).toBe(true);
    expect(negative("So much for keeping me updated.")).toBe(true);
  });
  it("handles negation", () => {
    expect(negative("I'm not unhappy with how it went.")).toBe(false);
    expect(negative("No complaints from us - thanks for the update.")).toBe(false);
    expect(negative("I'm not disappointed at all, you did what you could.")).toBe(false);
  });
  it("ignores anger or worry about the other side or the dispute", () => {
    expect(negative("I'm furious with the tenant. He has lied to the court again!")).toBe(false);
    expect(negative("Their solicitors are being completely unreasonable and I'm so angry at them.")).toBe(false);
    expect(negative("I'm really worried about the hearing. What if the judge doesn't believe me?")).toBe(false);
    expect(negative("The builder still hasn't paid and I'm fed up with them.")).toBe(false);
  });
  it("does not count a passing 'haven't heard back' on its own", () => {
    expect(negative("I wrote to the agent last week but haven't heard back. What happens next?")).toBe(false);
  });
  it("does not count quoted anger in the history", () => {
    const body =
      "Thanks, that's really helpful.\n\nOn Mon, 2 Mar 2026 at 10:00, Client <c@client.test> wrote:\n> This is unacceptable. I have asked three times!\n";
    expect(negative(newTextOf(body))).toBe(false);
    const outlook =
      "Perfect, thank you.\n\n________________________________\nFrom: Client <c@client.test>\nSent: 2 March 2026\nTo: Firm\nSubject: RE: x\n\nThanks for nothing. Still no reply.";
    expect(negative(newTextOf(outlook))).toBe(false);
  });
  it("explains itself", () => {
    expect(negativeTone("Still no reply. Thanks for nothing.").cues.length).toBeGreaterThanOrEqual(2);
  });
});
