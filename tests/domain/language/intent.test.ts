import { describe, expect, it } from "vitest";
import { classifyIntent, CUE_PRIOR, decideIntent, OTHER_PRIOR, RULE_PRIOR, ruleOffset } from "@domain/language/intent";
import { gatherEvidence } from "@domain/language/readMail";
import { loadModel } from "@domain/language/linearModel";
import intentWeights from "@domain/language/models/intent.json";
import { newTextOf } from "@domain/text/newText";
import { INTENTS } from "@domain/language/intentTypes";
import { mailMessage } from "../../fixtures/mailMessage";

const intentOf = (text: string, subject = "Re: Our matter") => classifyIntent(text, subject).intent;

describe("classifyIntent", () => {
  it("status requests", () => {
    expect(intentOf("Hi, any update on the sale? It's been a while.")).toBe("status_request");
    expect(intentOf("Have you heard anything from the Land Registry yet?")).toBe("status_request");
    expect(intentOf("What happens next, and when will it all be finished?")).toBe("status_request");
  });
  it("documents sent and requested", () => {
    expect(intentOf("Please find attached the signed contract.")).toBe("documents_sent");
    expect(intentOf("I've uploaded the bank statements to the portal.")).toBe("documents_sent");
    expect(intentOf("Could you send me a copy of the lease? My accountant needs it.")).toBe("document_request");
  });
  it("scheduling", () => {
    expect(intentOf("Can we meet next week to go through the draft?")).toBe("scheduling");
    expect(intentOf("Thursday at 3pm works for me.")).toBe("scheduling");
    expect(intentOf("Could you give me a ring when you get a minute?")).toBe("scheduling");
  });
  it("billing questions", () => {
    expect(intentOf("I've had your invoice 5521. Why are there 8 hours for a phone call?")).toBe("billing_question");
    expect(intentOf("Could you give me an estimate of your fees for the appeal?", "Fees")).toBe("billing_question");
  });
  it("complaints come from negative tone about the firm", () => {
    const r = classifyIntent("You sent my documents to the wrong address and nobody told me. This is not good enough.", "Re: Sale");
    expect(r.intent).toBe("complaint");
    expect(r.cues.some((c) => c.startsWith("complaint:"))).toBe(true);
  });
  it("chasing for an update is a status request (unhappy), as the labelled client mail defines it", () => {
    // A chase that asks where things are; one that ends in a verdict on the service ("This is not good enough.")
    // may be read as a complaint, which the label rules allow.
    expect(intentOf("I have asked three times for an update and still no reply. Where are we with the sale?")).toBe("status_request");
  });
  it("anger at the other side is not a complaint", () => {
    expect(intentOf("The landlord is being ridiculous and I'm furious with him. Can we meet tomorrow to discuss?")).toBe("scheduling");
  });
  it("thanks only, and thanks with a question", () => {
    expect(intentOf("Thank you so much, that's really helpful.")).toBe("thanks_ack");
    expect(intentOf("Thanks for this. Do I need to sign anything else?")).not.toBe("thanks_ack");
  });
  it("urgent deadlines", () => {
    expect(intentOf("The offer expires at 5pm on Friday. Can you look at it today?", "URGENT - offer")).toBe("urgent_deadline");
  });
  it("new matter inquiries", () => {
    expect(intentOf("I found your firm online. My neighbour has built over our boundary - can you help?", "Boundary")).toBe(
      "new_matter_inquiry",
    );
  });
  it("automatic replies, from the message or from the wording", () => {
    const message = mailMessage({
      subject: "Automatic reply: Sale",
      from: { email: "c@client.test" },
      bodyText: "Away",
      headers: { "auto-submitted": "auto-replied" },
    });
    expect(classifyIntent("Away", message.subject, message).intent).toBe("auto_reply");
    expect(intentOf("Thank you for your email. I am out of the office until 9 March with limited access to email.")).toBe("auto_reply");
  });
  it("other for a general question about the law, which the model weighs (no rule decides it)", () => {
    expect(intentOf("Is a verbal agreement binding if nothing was signed?", "")).toBe("other");
    expect(intentOf("Can my landlord actually keep the whole deposit for a small stain?", "")).toBe("other");
  });
  it("works on the new text only: quoted intent does not leak", () => {
    const body =
      "Thanks, that's great.\n\n-----Original Message-----\nFrom: Sam <s@firm.test>\nSent: Monday\nTo: Jo\nSubject: Invoice\n\nPlease find attached our invoice. Can we meet on Friday?";
    expect(intentOf(newTextOf(body), "RE: Invoice")).toBe("thanks_ack");
  });
  it("returns a score for every intent", () => {
    expect(Object.keys(classifyIntent("Hello", "Hi").scores).sort()).toEqual([...INTENTS].sort());
  });
});

describe("automatic replies the label rules name", () => {
  it("a read receipt is an automatic reply, by rule", () => {
    const message = mailMessage({
      subject: "Read: Draft contract",
      from: { email: "client@client.example" },
      bodyText: "Your message was read on 3 May at 10:12.",
      headers: {},
    });
    const r = classifyIntent(message.bodyText, message.subject, message);
    expect(r.intent).toBe("auto_reply");
    expect(r.cues).toEqual(["auto_reply: a read receipt"]);
  });
});

describe("the hand-written rules inside the intent model", () => {
  const model = loadModel(intentWeights);

  it("add their weight to the intent they found, and less to 'other', which is what they say when they find nothing", () => {
    const found = ruleOffset(model.classes, "scheduling", ["scheduling:asks for a call"]);
    expect(found[model.classes.indexOf("scheduling")]).toBe(RULE_PRIOR);
    expect(found.filter((v) => v !== 0)).toHaveLength(1);
    const fallback = ruleOffset(model.classes, "other", ["scheduling:asks for a call"]);
    expect(fallback[model.classes.indexOf("other")]).toBe(OTHER_PRIOR);
    expect(OTHER_PRIOR).toBeLessThan(RULE_PRIOR);
  });

  it("weigh a decision more when more of its cues agree, up to three, and not for other intents' cues", () => {
    const at = (cues: string[]) => ruleOffset(model.classes, "scheduling", cues)[model.classes.indexOf("scheduling")];
    const one = ["scheduling:asks for a call"];
    const two = [...one, "scheduling:offers availability"];
    const three = [...two, "scheduling:dates and availability"];
    expect(at(two)).toBe(RULE_PRIOR + CUE_PRIOR);
    expect(at(three)).toBe(RULE_PRIOR + 2 * CUE_PRIOR);
    expect(at([...three, "scheduling:mentions a meeting or date"])).toBe(at(three));
    expect(at([...one, "billing_question:about fees or costs"])).toBe(RULE_PRIOR);
  });
});

describe("the reasons the pane shows for an intent", () => {
  it("names each reason once, even when two features read the same in plain words", () => {
    // "asks a question" is both how the sentence asks (h:) and the message's shape (x:); a third reason follows.
    const weights: Record<string, number[]> = {};
    const row = (w: number) => INTENTS.map((c) => (c === "status_request" ? w : 0));
    weights["h:question"] = row(3);
    weights["x:question"] = row(2.5);
    weights["f:status"] = row(2);
    const model = loadModel({ header: {}, classes: [...INTENTS], bias: INTENTS.map(() => 0), weights });
    const evidence = gatherEvidence(mailMessage({ subject: "Lease", bodyText: "Any news from their side on the lease?", headers: {} }));
    expect([...evidence.features.keys()]).toEqual(expect.arrayContaining(["h:question", "x:question", "f:status"]));
    const decision = decideIntent(evidence, model, false);
    expect(decision.intent).toBe("status_request");
    expect(decision.reasons).toEqual(["asks a question", "opens about progress"]);
  });

  it("never gives a function word alone as a reason: they are not features on their own, only inside word pairs", () => {
    const evidence = gatherEvidence(
      mailMessage({
        subject: "Ames complaint",
        bodyText: "I'd like to understand our exposure and the costs. Could we speak today? I'm free between 2 and 4.",
        headers: {},
      }),
    );
    const words = [...evidence.features.keys()].filter((f) => f.startsWith("w:") || f.startsWith("a:")).map((f) => f.slice(2));
    expect(words).toEqual(expect.arrayContaining(["understand", "speak"]));
    for (const functionWord of ["i", "to", "our", "and", "the", "we", "be", "a"]) expect(words).not.toContain(functionWord);
    expect([...evidence.features.keys()]).toContain("b:could_we");
    const reasons = classifyIntent(evidence.text, "Ames complaint", undefined, evidence).cues.join(" | ");
    expect(reasons).not.toMatch(/the word "(?:our|and|a|the|we|i)"/);
  });
});
