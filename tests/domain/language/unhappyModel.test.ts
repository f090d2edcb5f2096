import { describe, expect, it } from "vitest";
import { analyzeText } from "@domain/language/analysis";
import { readMail } from "@domain/language/reading";
import { unhappySignals } from "@domain/language/unhappySignals";
import { unhappyFeatures, unhappyProbability, UNHAPPY_THRESHOLD } from "@domain/language/unhappyModel";
import type { MailMessage } from "@domain/model/mail";

const message = (bodyText: string, subject = "Hello"): MailMessage => ({
  id: "t",
  internetMessageId: null,
  conversationId: null,
  subject,
  from: { email: "client@client.example" },
  to: [],
  cc: [],
  sentAt: null,
  receivedAt: null,
  bodyText,
  attachmentNames: [],
  headers: {},
});

// The learned detector reads what sentences about the firm do; anger at someone else gives it one feature and no words.
describe("the unhappiness model", () => {
  it("finds chasing the hand-written rules miss, and names the sentence that shows it", () => {
    const text =
      "Hi Sam, I sent you the signed forms on Monday and then again on Thursday, and I have not had any word back. You told me this would be done by the end of last month. Please let me know.";
    expect(unhappySignals(analyzeText(text))).toEqual([]);
    const reading = readMail(message(text));
    expect(reading.unhappy).toBe(true);
    expect(reading.unhappyReasons).toHaveLength(1);
    expect(reading.unhappyReasons[0]).toMatch(/"(?:i sent you|you told me)[^"]*"$/);
  });

  it("reads a sentence about someone else as theirs: no words, only that there was such anger", () => {
    const analysis = analyzeText("The landlord has ignored my letters again and it is disgraceful.");
    const features = unhappyFeatures(analysis, "", []);
    expect([...features.keys()].sort()).toEqual(["z:again-about-others", "z:negative-about-others"]);
    expect(unhappyProbability(features)).toBeLessThan(UNHAPPY_THRESHOLD);
  });

  it("does not count a first polite follow-up, a complaint taken back, or a worry about the other side", () => {
    for (const text of [
      "Hi Sam, just following up on my email from Monday about the forms. Did they arrive?",
      "I'm not complaining at all, you have been great. Is there any news from the buyer?",
      "The neighbour has ignored three of my letters and it has been six weeks. He is impossible. What do we do next?",
    ]) {
      expect(readMail(message(text)).unhappy, text).toBe(false);
    }
  });

  it("gives the rules' signs as features but keeps them out of what it learned", () => {
    const analysis = analyzeText("This is the third time I have asked.");
    const features = unhappyFeatures(analysis, "Re: Re: Re: forms", unhappySignals(analysis));
    expect(features.get("k:any")).toBe(1);
    expect(features.get("z:long-thread")).toBe(1);
    expect(unhappyProbability(new Map([["k:any", 1]]))).toBe(unhappyProbability(new Map()));
  });
});
