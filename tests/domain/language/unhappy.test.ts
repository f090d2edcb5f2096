import { describe, expect, it } from "vitest";
import type { MailMessage } from "@domain/model/mail";
import { readMail } from "@domain/language/reading";
import { threadContextOf } from "@domain/language/threadContext";
import { mailMessage } from "../../fixtures/mailMessage";

const mail = (bodyText: string, subject = "Re: our matter", extra: Partial<MailMessage> = {}): MailMessage =>
  mailMessage({
    conversationId: "c1",
    subject,
    from: { email: "client@client.example" },
    to: [{ email: "lawyer@firm.example" }],
    bodyText,
    headers: {},
    ...extra,
  });
const unhappy = (text: string, subject?: string) => readMail(mail(text, subject)).unhappy;

describe("unhappy with the firm: the target of the anger", () => {
  it("counts the firm and its service: responsiveness, mistakes, fees, being kept informed, staff", () => {
    expect(unhappy("This is the third time I have asked whether the transfer has been registered.")).toBe(true);
    expect(unhappy("Nobody from your office told me the completion date had moved. Why was I not told?")).toBe(true);
    expect(unhappy("Your draft has my surname spelt wrong again. How did this happen?")).toBe(true);
    expect(unhappy("I have been charged for a meeting that never took place. Please remove it.")).toBe(true);
    expect(unhappy("I would like to speak to a partner about how my case is being handled.")).toBe(true);
    expect(unhappy("If this is not resolved I will be moving my file to another firm.")).toBe(true);
  });
  it("reads loss of confidence, a move to other solicitors, a fee called unacceptable and asking again", () => {
    expect(unhappy("I have lost confidence in how my claim is being handled.")).toBe(true);
    expect(unhappy("To be frank I am now looking at instructing different solicitors for the appeal.")).toBe(true);
    expect(unhappy("We are now at nearly twice the estimate with no warning from you. I don't think that's acceptable.")).toBe(true);
    expect(unhappy("Why am I having to ask again for the completion statement?")).toBe(true);
    expect(unhappy("Oh wonderful, a reply after only three weeks.")).toBe(true);
    expect(unhappy("I would like to speak to whoever supervises the file.")).toBe(true);
  });
  it("reads patience and a straight answer as impatience only when the client's own patience or answer is at stake", () => {
    expect(unhappy("My patience is wearing thin. Has the licence been signed?")).toBe(true);
    expect(unhappy("I am running out of patience with the delays on your side. Where is the draft?")).toBe(true);
    expect(unhappy("I'd like a straight answer by tomorrow on whether completion is still on for the 30th.")).toBe(true);
    // Thanking the firm for its patience, or for a straight answer, is courtesy.
    expect(unhappy("Thank you for your patience with all my late-night emails. Let's speak at 11.")).toBe(false);
    expect(unhappy("Thanks. I appreciate the straight answer. Let's speak at 11 today.")).toBe(false);
  });
  it("does not count anger or worry aimed at someone else", () => {
    expect(unhappy("I have lost all confidence in the builder. What are my options?")).toBe(false);
    expect(unhappy("I'm so fed up with the county court, they have lost our application for the second time.")).toBe(false);
    expect(unhappy("The landlord has ignored us again and I am furious with him. Where do we stand?")).toBe(false);
    expect(unhappy("Their solicitor is being completely unreasonable. Can we push back?")).toBe(false);
    expect(unhappy("The bank has lost my papers for the second time. Has the offer come through yet?")).toBe(false);
  });
  it("reads sarcasm and negation", () => {
    expect(unhappy("Thanks for finally getting back to me, only took three weeks.")).toBe(true);
    expect(unhappy("I'm not unhappy with the service at all, just checking where we are.")).toBe(false);
    expect(unhappy("No complaints at all, you have been very helpful.")).toBe(false);
  });
  it("explains itself with the client's own words", () => {
    const r = readMail(mail("Still no reply to my last two emails. This is the third time I have asked."));
    expect(r.unhappy).toBe(true);
    expect(r.unhappyReasons.some((x) => x.startsWith('repeated chasing: "') && x.includes("third time"))).toBe(true);
  });
});

describe("repeated chasing and the conversation", () => {
  const at = (iso: string, from: string, id: string): MailMessage =>
    mail("Any news on the lease?", "Lease", { id, receivedAt: iso, sentAt: iso, from: { email: from } });
  const firm = (m: MailMessage) => (m.from?.email ?? "").endsWith("@firm.example");
  it("a first polite follow-up is not unhappy; a third unanswered message is", () => {
    const first = at("2026-03-02T09:00:00Z", "client@client.example", "a");
    const second = at("2026-03-04T09:00:00Z", "client@client.example", "b");
    const third = at("2026-03-06T09:00:00Z", "client@client.example", "c");
    const thread = [first, second, third];
    expect(threadContextOf(second, thread, firm)).toEqual({ earlierUnanswered: 1 });
    expect(readMail(second, { thread: threadContextOf(second, thread, firm) }).unhappy).toBe(false);
    const r = readMail(third, { thread: threadContextOf(third, thread, firm) });
    expect(r.unhappy).toBe(true);
    expect(r.unhappyReasons[0]).toContain("repeated chasing: message 3 in this conversation with no reply from the firm");
  });
  it("a reply from the firm resets the count", () => {
    const thread = [
      at("2026-03-02T09:00:00Z", "client@client.example", "a"),
      at("2026-03-03T09:00:00Z", "client@client.example", "b"),
      at("2026-03-04T09:00:00Z", "lawyer@firm.example", "r"),
      at("2026-03-05T09:00:00Z", "client@client.example", "c"),
    ];
    expect(threadContextOf(thread[3], thread, firm)).toEqual({ earlierUnanswered: 0 });
  });
  it("text cues work alone: the words say it without any thread", () => {
    expect(unhappy("Chasing again - I emailed on the 3rd and again on the 10th and have heard nothing.")).toBe(true);
    expect(unhappy("Just following up on my email from Monday about the searches. Have they come back?")).toBe(false);
  });
});
