import { describe, expect, it } from "vitest";
import { suggestReplies, type SuggestInput } from "@domain/replies";
import { ANSWER_PLACEHOLDER, whatWasAsked } from "@domain/replies/askedReplies";
import { priyaMail, suggestInput } from "./fixtures";

const mail = (bodyText: string) => priyaMail("<q@client.example>", "Lease", bodyText);
const input = (bodyText: string, intent: SuggestInput["intent"]) => suggestInput(mail(bodyText), intent);

describe("drafts answer what the client asked", () => {
  it("takes or declines the time the client proposes instead of offering two days of our own", () => {
    const drafts = suggestReplies(input("Hi Tom,\n\nCan we sign on Wednesday 11 March at 9.30? Let me know.\n\nPriya", "scheduling"));
    expect(drafts.map((d) => d.label)).toEqual(["Accept the time", "Suggest another time", "Accept and ask how"]);
    expect(drafts[0].text).toContain("Yes, Wednesday 11 March at 9.30 works for me.");
    expect(drafts[1].text).toContain("Wednesday 11 March at 9.30 does not work for me");
    for (const d of drafts) expect(d.text).not.toContain("Please tell me which day suits you best");
  });

  it("answers a yes/no question with a place for the attorney's answer", () => {
    const drafts = suggestReplies(input("Is the lease signed yet? We need to know for the bank.", "status_request"));
    expect(drafts[0].label).toBe("Answer the question");
    expect(drafts[0].text).toContain(ANSWER_PLACEHOLDER);
    expect(drafts.map((d) => d.angle)).toEqual(["answer", "ask", "call"]);
  });

  it("gives mail that asks nothing an acknowledgement at most, never a promise to reply in full", () => {
    const drafts = suggestReplies(input("Thanks, all received. Have a good weekend.", "other"));
    expect(drafts.length).toBeLessThanOrEqual(1);
    for (const d of drafts) expect(d.text).not.toMatch(/reply in full/i);
  });

  it("gives mail the clock says needs no reply a short note at most, whatever its topic", () => {
    const body = "Please find attached the signed lease. No need to reply.";
    const asked = suggestReplies(input(body, "documents_sent"));
    expect(asked.length).toBeGreaterThan(1); // judged from the text alone, "please find attached" reads as a request
    const drafts = suggestReplies({ ...input(body, "documents_sent"), needsReply: false });
    expect(drafts.map((d) => d.label)).toEqual(["Short note (optional)"]);
    for (const d of drafts) expect(d.text).not.toMatch(/reply in full|by the end of|call/i);
    // An unhappy client is answered even when the words ask for nothing.
    expect(suggestReplies({ ...input(body, "documents_sent"), needsReply: false, negativeTone: true }).length).toBeGreaterThan(1);
  });

  it("reads the time across the question and the client's availability after it, and answers a call as a call", () => {
    const cases: [string, string, "call" | "meeting"][] = [
      ["Could we speak today? I'm free between 2 and 4.", "today between 2 and 4", "call"],
      ["Are you free tomorrow between 2 and 4 for a call?", "tomorrow between 2 and 4", "call"],
      ["Could we do a call next Tuesday from 10 to 11?", "next Tuesday from 10 to 11", "call"],
      ["Can we meet on Friday? I'm around Friday after 3pm.", "Friday after 3pm", "meeting"],
      ["Would Thursday the 12th at 2.30 suit you for the signing?", "Thursday the 12th at 2.30", "meeting"],
      ["Tomorrow at 3 for a quick chat, could we?", "tomorrow at 3", "call"],
    ];
    for (const [text, words, by] of cases) expect(whatWasAsked(mail(text)).proposal, text).toEqual({ words, by });
    const drafts = suggestReplies(input("Hi Tom,\n\nCould we speak today? I'm free between 2 and 4.\n\nPriya", "scheduling"));
    expect(drafts.map((d) => d.label)).toEqual(["Accept the time", "Suggest another time", "Accept and ask for a number"]);
    expect(drafts[0].text).toContain("Yes, today between 2 and 4 works for me. I will call you then.");
    expect(drafts[1].text).toContain("today between 2 and 4 does not work for me. Could we speak on");
    for (const d of drafts) expect(d.text).not.toMatch(/see you then|would you rather meet/);
  });

  it("finds no proposal where no time is put to us", () => {
    for (const text of [
      "Could you send the deed by Friday?",
      "I'm free between 2 and 4 today.",
      "Can we discuss the lease? I have some questions about clause 4.",
      "The hearing is on Friday at 10 am. Is that right?",
    ])
      expect(whatWasAsked(mail(text)).proposal, text).toBeNull();
  });

  it("reads requests as requests: a deadline in a request is not a proposed time, and 'could you' is not yes/no", () => {
    expect(whatWasAsked(mail("Could you send the deed by Friday?"))).toEqual({ proposal: null, question: null, asksNothing: false });
    expect(whatWasAsked(mail("How about Friday at 10 am? Does that suit you?")).proposal).toEqual({
      words: "Friday at 10 am",
      by: "meeting",
    });
    expect(whatWasAsked(mail("Please send the deed.")).asksNothing).toBe(false);
  });
});
