import { describe, expect, it } from "vitest";
import type { MailMessage } from "@domain/model/mail";
import { needsReply } from "@domain/language/needsReply";
import { mailMessage } from "../../fixtures/mailMessage";

function mail(bodyText: string, over: Partial<MailMessage> = {}): MailMessage {
  return mailMessage({ subject: "Re: Sale", from: { email: "client@client.test" }, bodyText, headers: {}, ...over });
}
const nr = (body: string, over?: Partial<MailMessage>) => needsReply(mail(body, over)).needsReply;

describe("needsReply", () => {
  it("is false for thanks and acknowledgements only", () => {
    expect(nr("Thank you so much for this.\n\nKind regards,\nJo")).toBe(false);
    expect(nr("Great, that's fine. Will do.")).toBe(false);
    expect(nr("Yes, please go ahead. Thanks!")).toBe(false);
  });
  it("is true for a thanks that also asks something", () => {
    expect(nr("Thanks for the draft. Can we move the completion date to Friday?")).toBe(true);
    expect(nr("Thank you! One more thing - do you need my passport as well?")).toBe(true);
  });
  it("is false when the writer says no reply is needed", () => {
    expect(nr("The signed forms are in the post. No need to reply.")).toBe(false);
  });
  it("is false for information and confirmations that ask nothing", () => {
    expect(nr("Tuesday at 2pm is fine. I'll bring the accounts.")).toBe(false);
    expect(nr("I've uploaded the bank statements to the portal. The rest will follow next week.")).toBe(false);
  });
  it("is true for questions and requests", () => {
    expect(nr("Where are we with the lease?")).toBe(true);
    expect(nr("Please send me the completion statement.")).toBe(true);
    expect(nr("Let me know when you are free.")).toBe(true);
    expect(nr("Could you call me this afternoon.")).toBe(true);
    expect(nr("I need to know today whether we are going ahead.")).toBe(true);
    expect(nr("I'd like the partner to call me today, please.")).toBe(true);
  });
  it("ignores questions in the quoted history", () => {
    expect(nr("Thanks, all clear now.\n\nOn Mon, 2 Mar 2026 at 10:00, Sam <s@firm.test> wrote:\n> Can you confirm the date?")).toBe(false);
  });
  it("is false for automatic replies, receipts and newsletters", () => {
    expect(nr("Thank you for your email. I am out of the office until Monday with limited access to email.")).toBe(false);
    expect(nr("Can you help?", { subject: "Automatic reply: Sale" })).toBe(false);
    expect(nr("Your message was read on 3 March 2026.", { subject: "Read: Sale" })).toBe(false);
    expect(nr("Read our news?", { headers: { "list-unsubscribe": "<mailto:x@y.test>" } })).toBe(false);
  });
  it("gives a reason", () => {
    expect(needsReply(mail("Thanks!")).reason).toMatch(/thanks/);
    expect(needsReply(mail("When is completion?")).reason).toMatch(/question/);
  });
});
