import { describe, expect, it } from "vitest";
import { needsReply } from "@domain/language/needsReply";
import { isCourtesy, requestIn } from "@domain/language/requests";
import { normalizeText } from "@domain/language/cues";
import { mailMessage } from "../../fixtures/mailMessage";

// Every sentence here is invented for the rule it tests (none comes from data/email-intent).
const req = (s: string) => requestIn(normalizeText(s));
const nr = (body: string) =>
  needsReply(mailMessage({ subject: "Re: Lease", from: { email: "client@client.test" }, bodyText: body, headers: {} })).needsReply;

describe("requestIn: general request grammar", () => {
  it("finds imperatives opening a sentence or following an address, lead-in or if-clause", () => {
    expect(req("Send me the revised plan by Thursday.")).toMatch(/instruction/);
    expect(req("Give Priya a ring about the boundary.")).toMatch(/instruction/);
    expect(req("Harriet, check the title register again.")).toMatch(/instruction/);
    expect(req("Also, forward the survey to my brother.")).toMatch(/instruction/);
    expect(req("If the buyers agree, draft the side letter.")).toMatch(/instruction/);
    expect(req("When you get a chance, review clause 7.")).toMatch(/instruction/);
    expect(req("Don't sign anything until we have spoken.")).toMatch(/instruction/);
    expect(req("Have a look at the revised schedule.")).toMatch(/instruction/);
  });
  it("does not take statements that open like imperatives for requests", () => {
    expect(req("Attached is the signed transfer deed.")).toBeNull();
    expect(req("Looking forward to seeing the plans.")).toBeNull();
    expect(req("Thanks again for sorting the parking permit.")).toBeNull();
    expect(req("Find attached the completion statement.")).toBeNull();
    expect(req("See you at the hearing.")).toBeNull();
    expect(req("Review of the lease is now complete.")).toBeNull();
    expect(req("Call from the bank this morning was fine.")).toBeNull();
    expect(req("Have a lovely weekend.")).toBeNull();
    expect(req("Take care.")).toBeNull();
    expect(req("Please note that the office shuts at four on Friday.")).toBeNull();
    // A verb after a comma in the writer's own narrative is not addressed to the reader.
    expect(req("We emptied the garage on Sunday and moved the boxes, sent the keys to the agent.")).toBeNull();
  });
  it("finds proposals", () => {
    expect(req("Let's meet after the valuation.")).toMatch(/let's/);
    expect(req("Ok, lets talk on Monday.")).toMatch(/let's/);
    expect(req("How about a call at nine.")).toMatch(/how about/);
    expect(req("Why don't we settle the costs point first.")).toMatch(/why don't/);
    expect(req("I suggest we wait for the search results.")).toMatch(/suggest/);
    expect(req("Perhaps we could move the meeting to the afternoon.")).toMatch(/perhaps/);
    expect(req("We should discuss the tenant's offer before Friday.")).toMatch(/we should discuss/);
    expect(req("I'd like to go through the draft with you.")).toMatch(/meet or hear/);
    expect(req("It would be great if you could look at this tomorrow.")).toMatch(/would be good/);
  });
  it("finds modal requests addressed to the reader, but not information about what the reader will get", () => {
    expect(req("You need to tell the lender about the extension.")).toMatch(/modal/);
    expect(req("You may want to speak to the surveyor first.")).toMatch(/modal/);
    expect(req("Would you mind sending the plan again.")).toMatch(/would you mind/);
    expect(req("You should have received the bank's letter by now.")).toBeNull();
    expect(req("You should be able to see the folder.")).toBeNull();
  });
  it("finds modal wishes and offered times, but not offers of the writer's own help", () => {
    expect(req("I'd be grateful to understand how the fee was worked out.")).toMatch(/modal wish/);
    expect(req("We would value a short call about the lease.")).toMatch(/modal wish/);
    expect(req("It would probably be sensible to review the will.")).toMatch(/modal wish/);
    expect(req("I'm free most mornings next week.")).toMatch(/offers times/);
    expect(req("I'd be happy to help with the forms.")).toBeNull();
    expect(req("I wondered whether the hearing could move.")).toMatch(/indirect/);
  });
  it("finds questions written without a question mark, and indirect questions", () => {
    expect(req("Do you know whether the buyer has a mortgage offer.")).toMatch(/question/);
    expect(req("Is there anything else you need from me.")).toMatch(/question/);
    expect(req("When is the hearing likely to be listed.")).toMatch(/question/);
    expect(req("I was wondering if the deadline could move.")).toMatch(/indirect/);
    expect(req("I'm not sure whether I need to attend.")).toMatch(/indirect/);
    expect(req("I'm not sure how the valuation went.")).toBeNull();
    expect(req("Which is why the sale fell through.")).toBeNull();
    expect(req("Will do.")).toBeNull();
  });
  it("finds asks for help or input, needs, expected answers, invitations and reminders", () => {
    expect(req("I would appreciate it if you could chase the agent.")).toMatch(/help or input/);
    expect(req("Any guidance you can offer on the tax position would be much appreciated.")).toMatch(/help or input/);
    expect(req("I need your comments on the heads of terms.")).toMatch(/needs/);
    expect(req("I expect an answer before the weekend.")).toMatch(/expects/);
    expect(req("Any thoughts on the counter-offer.")).toMatch(/thoughts/);
    expect(req("We would like you to join us for the opening of the new office.")).toMatch(/invitation/);
    expect(req("Don't forget to bring your passport on Tuesday.")).toMatch(/reminder/);
  });
  it("treats courtesy and conditional offers as asking nothing", () => {
    expect(isCourtesy(normalizeText("If you have any questions, please call me."))).toBe(true);
    expect(isCourtesy(normalizeText("Feel free to ring if anything comes up."))).toBe(true);
    expect(req("Don't hesitate to get in touch if you need anything.")).toBeNull();
    expect(req("If you'd like to see more photos, check the album link.")).toBeNull();
    expect(req("If you want to, you should look at the shared folder.")).toBeNull();
  });
});

describe("needsReply with the general rules", () => {
  it("tracks requests written in ordinary grammar", () => {
    expect(nr("Morning Jo,\n\nGive me a call when you have read the report.\n\nMarta")).toBe(true);
    expect(nr("Let's talk about the garden boundary next week.")).toBe(true);
    expect(nr("If you want to come to the site visit, let me know.")).toBe(true);
  });
  it("keeps thanks, acknowledgements, FYI and courtesy closings untracked", () => {
    expect(nr("Thanks again for all your help with the probate. If you have any questions, please call me.")).toBe(false);
    expect(nr("Attached is the signed contract. Looking forward to completion.")).toBe(false);
    expect(nr("Just for your information: the surveyor came today.")).toBe(false);
    expect(nr("Noted, thank you. Please go ahead.")).toBe(false);
    expect(nr("Please find attached my ID. Have a good weekend.")).toBe(false);
    expect(nr("Here is the valuation. No need to reply.")).toBe(false);
  });
});
