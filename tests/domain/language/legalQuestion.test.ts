import { describe, expect, it } from "vitest";
import { analyzeText } from "@domain/language/analysis";
import { firstQuestionIsLegal } from "@domain/language/legalQuestion";
import { gatherEvidence } from "@domain/language/readMail";
import { mailMessage } from "../../fixtures/mailMessage";

const legal = (text: string) => firstQuestionIsLegal(analyzeText(text).sentences);

describe("firstQuestionIsLegal", () => {
  it("is true when the first question asks what the law says", () => {
    expect(legal("Is a verbal agreement binding if nothing was signed?")).toBe(true);
    expect(legal("Quick one. Are we obliged to give the old tenant a reference?")).toBe(true);
    expect(legal("My neighbour has built over the boundary. What are my options?")).toBe(true);
  });
  it("is false for questions about the firm's service or with no question at all", () => {
    expect(legal("Are we obliged to pay your invoice before completion?")).toBe(false);
    expect(legal("Is the completion meeting still on for Tuesday?")).toBe(false);
    expect(legal("The lease is binding on both of us now.")).toBe(false);
    expect(legal("Could you send the draft? Also, is a verbal agreement binding?")).toBe(false);
  });
  it("is one of the intent model's features, not a decision", () => {
    const evidence = gatherEvidence(mailMessage({ subject: "", bodyText: "Is a verbal agreement binding if nothing was signed?" }));
    expect(evidence.features.get("x:legal-question")).toBe(1);
  });
});
