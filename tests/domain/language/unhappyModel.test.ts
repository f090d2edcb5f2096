import { describe, expect, it } from "vitest";
import { analyzeText } from "@domain/language/analysis";
import { readMail } from "@domain/language/reading";
import { unhappySignals } from "@domain/language/unhappySignals";
import { learnedSignal, modelFindsUnhappy, unhappyFeatures, unhappyProbability, UNHAPPY_THRESHOLD } from "@domain/language/unhappyModel";
import { loadModel } from "@domain/language/linearModel";
import type { MailMessage } from "@domain/model/mail";
import { mailMessage } from "../../fixtures/mailMessage";

const message = (bodyText: string, subject = "Hello"): MailMessage =>
  mailMessage({ subject, from: { email: "client@client.example" }, bodyText, headers: {} });

// The learned detector reads what sentences about the firm do; anger at someone else gives it one feature and no words.
describe("the unhappiness model", () => {
  it("finds chasing the hand-written rules miss, and names the sentence that shows it", () => {
    const text =
      "Hi Sam, I sent you the signed forms on Monday and then again on Thursday, and I have not had any word back. You told me this would be done by the end of last month. Please let me know.";
    expect(unhappySignals(analyzeText(text))).toEqual([]);
    const reading = readMail(message(text));
    expect(reading.unhappy).toBe(true);
    expect(reading.unhappyReasons).toHaveLength(1);
    // The quote is one of the two sentences that chase (the first carries the greeting before it).
    expect(reading.unhappyReasons[0]).toMatch(/"(?:hi sam, )?(?:i sent you|you told me)[^"]*"$/);
  });

  it("reads a sentence about someone else as theirs: no single words, that there was such anger, and its word pairs", () => {
    const analysis = analyzeText("The landlord has ignored my letters again and it is disgraceful.");
    const features = [...unhappyFeatures(analysis, "", []).keys()];
    expect(features.filter((f) => !f.startsWith("vb:")).sort()).toEqual(["z:again-about-others", "z:negative-about-others"]);
    // Pairs let the model learn what anger at others looks like, so that it is not taken for anger at the firm.
    expect(features).toEqual(expect.arrayContaining(["vb:landlord_ha", "vb:ha_ignor", "vb:again_and"]));
    expect(modelFindsUnhappy(unhappyFeatures(analysis, "", []))).toBe(false);
  });

  it("counts the model's finding from its threshold up, and nothing below it", () => {
    // A model whose only weight puts a message just over or just under the threshold.
    const logit = (p: number) => Math.log(p / (1 - p));
    const at = (p: number) => loadModel({ header: {}, classes: ["unhappy"], bias: [0], weights: { "v:late": [logit(p)] } });
    expect(modelFindsUnhappy(new Map([["v:late", 1]]), at(UNHAPPY_THRESHOLD + 0.01))).toBe(true);
    expect(modelFindsUnhappy(new Map([["v:late", 1]]), at(UNHAPPY_THRESHOLD - 0.01))).toBe(false);
    expect(unhappyProbability(new Map([["v:late", 1]]), at(0.7))).toBeCloseTo(0.7, 6);
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

// Structure that carries across writers: what a sentence does, not the words one writer favours.
describe("the unhappiness model's structural features", () => {
  const featuresOf = (text: string, subject = "") => [...unhappyFeatures(analyzeText(text), subject, []).keys()];

  it("reads pointing back at an earlier ask, something still lacking, counted contacts and dated attempts", () => {
    expect(featuresOf("As I mentioned on the phone, we still need the completion figures.")).toEqual(
      expect.arrayContaining(["z:earlier-ask", "z:still-lacking"]),
    );
    expect(featuresOf("Three emails and two calls, and nothing since the meeting.")).toEqual(
      expect.arrayContaining(["z:counted", "z:nothing-heard"]),
    );
    expect(featuresOf("I emailed on 3 March and again on 17 March.")).toContain("z:asked-dates");
  });

  it("reads unmet expectations, another firm held up, and copying someone in even when the sentence names them", () => {
    expect(featuresOf("It would have been helpful to hear this from you first.")).toContain("z:unmet-expectation");
    expect(featuresOf("We could have gone to another firm.")).toContain("z:elsewhere");
    expect(featuresOf("I have copied her in.")).toContain("z:copied-in");
  });

  it("reads a very short reply deep in a thread as a nudge", () => {
    expect(featuresOf("Any news?", "RE: RE: RE: Lease")).toEqual(expect.arrayContaining(["z:longer-thread", "z:short-reply"]));
    expect(featuresOf("Any news?", "Lease")).not.toContain("z:short-reply");
  });

  it("takes back a complaint the writer says is not the firm's fault", () => {
    expect(featuresOf("I know none of this is your fault.")).toContain("z:taken-back");
    expect(featuresOf("It is not really your fault that the buyers pulled out.")).toContain("z:taken-back");
  });

  it("reads the firm's error, disbelief, learning of the matter elsewhere, nobody acting and the writer's standing", () => {
    expect(featuresOf("You sent the certificate to the wrong tenant.")).toContain("z:firm-error");
    expect(featuresOf("The surname on the transfer is spelt wrong.")).toContain("z:error");
    expect(featuresOf("I can't believe the originals have gone.")).toContain("z:disbelief");
    expect(featuresOf("I saw online that it has completed.")).toContain("z:learned-elsewhere");
    expect(featuresOf("So I had to find out from the website, before you told me.")).toContain("z:learned-elsewhere");
    expect(featuresOf("Nobody can find the originals.")).toContain("z:nobody");
    expect(featuresOf("I'm supposed to be your client.")).toContain("z:client-role");
    expect(featuresOf("Thanks, the draft looks fine and we are happy to sign.")).toEqual(
      expect.not.arrayContaining(["z:firm-error", "z:error", "z:disbelief", "z:learned-elsewhere", "z:nobody", "z:client-role"]),
    );
  });

  it("reads the thread's depth from the subject but not its words: a subject names the topic, not the writer's mood", () => {
    const features = featuresOf("Could we speak today about where this leaves us?", "RE: RE: Patient complaint - costs");
    expect(features).toContain("z:long-thread");
    expect(features.filter((f) => !f.startsWith("z:") && !f.startsWith("v:") && !f.startsWith("vb:"))).toEqual([]);
    expect(features.some((f) => /complaint|cost/.test(f))).toBe(false);
  });

  it("names the learned sign by what its sentence does: the firm's mistake, not being kept informed", () => {
    // A model sure of every message, whose only weights are these two features: the sign quotes the sentence that has one.
    const sure = loadModel({ header: {}, classes: ["unhappy"], bias: [5], weights: { "z:firm-error": [1], "z:learned-elsewhere": [1] } });
    const signOf = (text: string) => {
      const analysis = analyzeText(text);
      return learnedSignal(analysis, unhappyFeatures(analysis, "", []), sure);
    };
    expect(signOf("Thanks for the call. You sent the lease to the wrong tenant.")).toEqual({
      kind: "the firm's mistake",
      quote: "you sent the lease to the wrong tenant.",
    });
    expect(signOf("Thanks for the call. I saw online that it has completed.")?.kind).toBe("not kept informed");
  });
});
