import { describe, expect, it } from "vitest";
import { answersNewWork, asksForNewWork, NEW_WORK_PROBABILITY, newWorkOf } from "@domain/language/newWork";
import { ON_OPEN_MATTER_REASON, readMail, readingOnOpenMatter } from "@domain/language/reading";
import { identifiedMessage } from "../../fixtures/mailMessage";

const mail = (subject: string, bodyText: string) =>
  identifiedMessage("<n@x>", { from: { email: "client@co.test" }, to: [{ email: "me@firm.test" }], subject, bodyText });

describe("asksForNewWork", () => {
  it("is sure only of a plain request for a new piece of work", () => {
    expect(NEW_WORK_PROBABILITY).toBeGreaterThanOrEqual(0.5);
    expect(
      asksForNewWork(
        mail(
          "New instruction: buying the unit next door",
          "Hello,\nWe have agreed to buy the unit next door and need a solicitor for the purchase. Could you act for us on it? What would your fees be?\nThanks, Dana",
        ),
      ),
    ).toBe(true);
    expect(asksForNewWork(mail("Re: lease", "Any news from the landlord's side on the lease? It has been two weeks."))).toBe(false);
    expect(asksForNewWork(mail("Thanks", "Thanks, that's all clear now."))).toBe(false);
  });
});

describe("answersNewWork", () => {
  const reply = (quoted: string) =>
    identifiedMessage("<r@x>", {
      from: { email: "me@firm.test" },
      to: [{ email: "client@co.test" }],
      subject: "RE: Next door",
      bodyText: `Dana,\nHappy to help; I will send our terms today.\nSam\n\nFrom: Dana <client@co.test>\nSent: 2 March 2026 09:00\nTo: Sam <me@firm.test>\nSubject: Next door\n\n${quoted}`,
    });
  it("reads the message a reply quotes, not the reply's own words", () => {
    const request =
      "Hello,\nWe have agreed to buy the unit next door and need a solicitor for the purchase. Could you act for us on it? What would your fees be?\nThanks, Dana";
    expect(answersNewWork(reply(request))).toBe(true);
    expect(answersNewWork(reply("Any news from the landlord's side on the lease? It has been two weeks."))).toBe(false);
    // Nothing quoted, nothing answered.
    expect(answersNewWork(mail("RE: Next door", "Happy to help; I will open a new file."))).toBe(false);
    // The firm's own mail is asked what it answers, a client's what it asks.
    expect(newWorkOf(reply(request), true)).toBe(true);
    expect(newWorkOf(reply(request), false)).toBe(false);
  });
});

describe("readingOnOpenMatter", () => {
  it("keeps a sure request for new work, and gives an unsure new enquiry's next intent with the reason", () => {
    const sure = readMail(
      mail(
        "New instruction: buying the unit next door",
        "Hello,\nWe have agreed to buy the unit next door and need a solicitor for the purchase. Could you act for us on it? What would your fees be?\nThanks, Dana",
      ),
    );
    expect(sure).toMatchObject({ intent: "new_matter_inquiry", newWork: true, intentOnOpenMatter: "new_matter_inquiry" });
    expect(readingOnOpenMatter(sure)).toBe(sure);
    const unsure = readMail(
      mail(
        "Bonuses",
        "Following up on our call. The buyer wants us to agree to pay the staff bonuses before signing. Can the bonuses come out of the purchase price, or do they have to be our cost? I'd like to answer him by Friday.",
      ),
    );
    expect(unsure).toMatchObject({ intent: "new_matter_inquiry", newWork: false });
    expect(unsure.intentOnOpenMatter).not.toBe("new_matter_inquiry");
    const onMatter = readingOnOpenMatter(unsure);
    expect(onMatter).toMatchObject({
      intent: unsure.intentOnOpenMatter,
      intentReasons: [ON_OPEN_MATTER_REASON],
      needsReply: unsure.needsReply,
    });
    // Any other intent is its own intent on an open matter.
    const status = readMail(mail("Re: lease", "Any news from the landlord's side on the lease? It has been two weeks."));
    expect(status.intentOnOpenMatter).toBe(status.intent);
    expect(readingOnOpenMatter(status)).toBe(status);
  });
});
