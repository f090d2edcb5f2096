import { describe, expect, it } from "vitest";
import type { MailMessage } from "@domain/model/mail";
import { readMail } from "@domain/language/reading";
import { NEEDS_REPLY_REASON } from "@domain/language/needsReply";
import { mailMessage } from "../../fixtures/mailMessage";

function mail(subject: string, bodyText: string): MailMessage {
  return mailMessage({ subject, from: { email: "client@client.test" }, bodyText, headers: {} });
}

describe("a request made as a statement", () => {
  it("needs a reply when the intent model is sure the message asks for something, though no sentence asks", () => {
    const r = readMail(mail("Completion statement", "Still no completion statement. Bank wants it by Friday.\n\nTom"));
    expect(r.needsReply).toBe(true);
    expect(r.needsReplyReason).toBe(NEEDS_REPLY_REASON.statedRequest);
  });
  it("leaves thanks, accepted times and plain updates alone", () => {
    for (const [subject, body] of [
      ["Re: Meeting", "Tuesday at 2pm is fine. I will bring the accounts."],
      ["Thanks", "Thank you for sorting the lease so quickly, much appreciated."],
      ["Update", "Just so you know, the buyer's surveyor came round this morning."],
    ]) {
      const r = readMail(mail(subject, body));
      expect(r.needsReply, body).toBe(false);
      expect(r.needsReplyReason, body).not.toBe(NEEDS_REPLY_REASON.statedRequest);
    }
  });
  it("never overrides the writer's own 'no need to reply' or an automatic reply", () => {
    expect(readMail(mail("Statement", "The bank needs the completion statement by Friday. No need to reply.")).needsReply).toBe(false);
    const away = readMail(mail("Automatic reply: Statement", "I am out of the office until Monday with no access to email."));
    expect(away.needsReply).toBe(false);
  });
});
