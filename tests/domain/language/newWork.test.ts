import { describe, expect, it } from "vitest";
import { asksForNewWork, NEW_WORK_PROBABILITY } from "@domain/language/newWork";
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
