import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { answeredTextOf, newTextOf, splitMessageText } from "@domain/text/newText";
import { parseEml } from "@adapters/mime/parseEml";

const DISCLAIMER =
  "This email and any attachments are confidential and may be privileged. If you are not the intended recipient, please delete it.";

describe("splitMessageText: quote styles", () => {
  it("cuts an Outlook From/Sent block under a rule of underscores", () => {
    const body = [
      "Hi Sam,",
      "",
      "Can you send me the lease by Friday?",
      "",
      "Kind regards,",
      "Alex",
      "",
      "________________________________",
      "From: Sam Lee <sam@lawfirm.test>",
      "Sent: 03 March 2026 10:00",
      "To: Alex <alex@client.test>",
      "Subject: Lease",
      "",
      "This is awful, I am furious.",
    ].join("\n");
    const parts = splitMessageText(body);
    expect(parts.newText).toBe("Hi Sam,\n\nCan you send me the lease by Friday?");
    expect(parts.signature).toContain("Kind regards,");
    expect(parts.quoted).toContain("I am furious");
    expect(parts.forwarded).toBe("");
  });

  it("cuts at -----Original Message-----", () => {
    const parts = splitMessageText(
      "Fine by me.\n\n-----Original Message-----\nFrom: A <a@x.test>\nSent: Monday\nTo: B\nSubject: x\n\nOld text",
    );
    expect(parts.newText).toBe("Fine by me.");
    expect(parts.quoted).toContain("Old text");
  });

  it("cuts a webmail attribution on one line and on two lines", () => {
    const one = splitMessageText("Thanks, got it.\n\nOn Tue, 3 Mar 2026 at 10:00, Sam Lee <sam@lawfirm.test> wrote:\n> Please sign.\n");
    expect(one.newText).toBe("Thanks, got it.");
    expect(one.quoted).toContain("Please sign");
    const two = splitMessageText("Thanks, got it.\n\nOn Tue, 3 Mar 2026 at 10:00, Sam Lee\n<sam@lawfirm.test> wrote:\n\n> Please sign.\n");
    expect(two.newText).toBe("Thanks, got it.");
    expect(two.quoted).toContain("wrote:");
  });

  it("handles iPhone Mail: footer and attribution with 'at'", () => {
    const body =
      "Works for me.\n\nJo\n\nSent from my iPhone\n\nOn 3 Mar 2026, at 09:30, Sam Lee <sam@lawfirm.test> wrote:\n\n> Shall we meet Thursday?";
    const parts = splitMessageText(body);
    expect(parts.newText).toBe("Works for me.");
    expect(parts.signature).toContain("Sent from my iPhone");
    expect(parts.quoted).toContain("Shall we meet");
  });

  it("treats bare > lines as quoted and keeps the rest", () => {
    const parts = splitMessageText("> Did you get the deed?\nYes, it arrived today.");
    expect(parts.newText).toBe("Yes, it arrived today.");
    expect(parts.quoted).toBe("> Did you get the deed?");
  });

  it("keeps new text of an HTML body and quotes its blockquote", () => {
    const html = "<html><body><p>Please call me today.</p><blockquote><p>Old message</p></blockquote></body></html>";
    const parts = splitMessageText(html);
    expect(parts.newText).toBe("Please call me today.");
    expect(parts.quoted).toContain("Old message");
  });
});

describe("splitMessageText: forwards", () => {
  it("keeps a webmail forward's text and drops its header lines", () => {
    const body = [
      "See below - what do we do?",
      "",
      "---------- Forwarded message ---------",
      "From: Bank <offers@bank.test>",
      "Date: Mon, 2 Mar 2026 at 08:00",
      "Subject: Your offer",
      "To: Me <me@mail.test>",
      "",
      "Your offer is valid until 10 June 2026.",
    ].join("\n");
    const parts = splitMessageText(body);
    expect(parts.newText).toBe("See below - what do we do?");
    expect(parts.forwarded).toBe("Your offer is valid until 10 June 2026.");
    expect(newTextOf(body)).toContain("valid until 10 June 2026");
    expect(newTextOf(body)).not.toContain("Date:");
  });

  it("keeps Apple 'Begin forwarded message:'", () => {
    const parts = splitMessageText(
      "FYI\n\nBegin forwarded message:\n\nFrom: X <x@y.test>\nSubject: Notice\nDate: 2 March 2026\nTo: me\n\nHearing on 4 May.",
    );
    expect(parts.forwarded).toBe("Hearing on 4 May.");
  });

  it("reads an Outlook From/Sent block as forwarded when the subject says FW:, else as quoted", () => {
    const body =
      "Please deal with this.\n\n________________________________\nFrom: Other Side <o@other.test>\nSent: 2 March 2026 16:00\nTo: Client <c@client.test>\nSubject: Demand\n\nPay by 26 March 2026.";
    expect(splitMessageText(body, "FW: Demand").forwarded).toBe("Pay by 26 March 2026.");
    expect(splitMessageText(body, "RE: Demand").forwarded).toBe("");
    expect(splitMessageText(body, "RE: Demand").quoted).toContain("Pay by 26 March");
  });

  it("stops the forwarded text at the forwarded message's own reply history", () => {
    const body =
      "FYI\n\n---------- Forwarded message ---------\nFrom: A <a@a.test>\nDate: today\nSubject: s\nTo: b\n\nNew point.\n\nOn Mon, 1 Mar 2026, B <b@b.test> wrote:\n> older";
    const parts = splitMessageText(body);
    expect(parts.forwarded).toBe("New point.");
    expect(parts.quoted).toContain("older");
  });
});

describe("splitMessageText: signatures", () => {
  it("drops a dash-dash signature", () => {
    expect(splitMessageText("Call me.\n-- \nJo Bloggs\nAcme Ltd").newText).toBe("Call me.");
  });

  it("drops sign-off name blocks and disclaimers but keeps a thanks sentence", () => {
    const body = `Thanks for this, it helps.\n\nBest regards\nJo Bloggs\nFinance Director\n\n${DISCLAIMER}`;
    const parts = splitMessageText(body);
    expect(parts.newText).toBe("Thanks for this, it helps.");
    expect(parts.signature).toContain("confidential");
  });

  it("keeps a bare 'Thanks!' when it is the whole message", () => {
    expect(splitMessageText("Thanks!\nJo").newText).toBe("Thanks!");
  });

  it("drops a name-and-title block with no sign-off", () => {
    const parts = splitMessageText("Is the hearing still on?\n\nPriya\n\nDr Priya Shah\nPractice Principal\nT: 01234 567890");
    expect(parts.newText).toBe("Is the hearing still on?");
  });

  it("drops a block that opens with the signed first name in full, however long its address line", () => {
    const body =
      "Can you give me a range for all of our open matters?\n\nMarta\n\nMarta Quispe | Finance Director\n" +
      "Orrin Valley Fasteners Pty Ltd | Unit 4, 212 Kessler Industrial Drive, Wacol QLD 4076, Australia\n4076";
    const parts = splitMessageText(body);
    expect(parts.newText).toBe("Can you give me a range for all of our open matters?");
    expect(parts.signature).toContain("Kessler Industrial Drive");
    // A first name alone that the next paragraph does not repeat is kept with the text.
    expect(splitMessageText("Ask Marta.\n\nMarta\n\nMarta, can you call me?").newText).toContain("Marta, can you call me?");
  });

  it("does not take a sentence starting with a sign-off word for a sign-off", () => {
    expect(splitMessageText("Thanks for nothing.\nStill no reply from you.").newText).toContain("Thanks for nothing.");
  });
});

describe("splitMessageText on the sample mail", () => {
  const dir = join(__dirname, "../../../data/sample/mail");
  it("never leaves a quote header, an attribution or a disclaimer in the new text", async () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".eml"))) {
      const message = await parseEml(readFileSync(join(dir, file)));
      const own = newTextOf(message.bodyText, message.subject);
      expect(own, file).not.toMatch(/^\s*(From|Sent):\s.*$/m);
      expect(own, file).not.toMatch(/wrote:\s*$/m);
      expect(own, file).not.toMatch(/^>/m);
      expect(own, file).not.toMatch(/may be (legally )?privileged|Sent from my/i);
    }
  });

  // Speed is measured in `npm run bench` (language.msPer5000Words); here: the long history is all set aside.
  it("sets a 5,000-word history aside and keeps the one new line", () => {
    const para = "We have looked at the draft and have a few comments on the timetable for completion. ".repeat(6);
    const history = Array.from(
      { length: 60 },
      (_, i) => `________________________________\nFrom: A <a@a.test>\nSent: ${i} March\nTo: B\nSubject: s\n\n${para}\n`,
    ).join("\n");
    const body = `Please call me.\n\n${history}`;
    const parts = splitMessageText(body);
    expect(parts.newText.trim()).toBe("Please call me.");
    expect(parts.quoted.split(/\s+/).length).toBeGreaterThan(5000);
  });
});

describe("answeredTextOf: the message a reply answers", () => {
  it("reads the first message under an Outlook header block, without its own history or signature", () => {
    const body = [
      "Owen,",
      "Happy to. I'll open a new file.",
      "Pádraig",
      "",
      "________________________________",
      "From: Owen Pierce <owen@client.test>",
      "Sent: 28 October 2026 10:40",
      "To: Pádraig <p@firm.test>",
      "Subject: New job",
      "",
      "New one for you: can you act for us on the buy-back?",
      "",
      "Owen",
      "",
      "-----Original Message-----",
      "From: Pádraig <p@firm.test>",
      "Sent: 1 October 2026 09:00",
      "Subject: Franchise",
      "",
      "The franchise agreement is signed.",
    ].join("\n");
    const answered = answeredTextOf(body, "RE: New job");
    expect(answered).toMatch(/^New one for you: can you act for us on the buy-back\?/);
    expect(answered).not.toMatch(/franchise agreement is signed|Happy to/);
  });

  it("reads '> ' quoting under an 'On … wrote:' line one level up, and nothing when nothing is quoted", () => {
    const body = [
      "Thanks, will do.",
      "",
      "On Tue, 3 Mar 2026 at 09:12, Mae Lin <mae@client.test> wrote:",
      "> Could you act for us on the second studio?",
      "> > Earlier: the lease is signed.",
    ].join("\n");
    expect(answeredTextOf(body, "Re: studio")).toBe("Could you act for us on the second studio?");
    expect(answeredTextOf("Just a note with no history.", "Note")).toBe("");
    // A forward is not an answer: only a reply's quoted message is read.
    const forward = ["FYI", "", "---------- Forwarded message ---------", "From: a@b.test", "Subject: x", "", "Please act for us."].join(
      "\n",
    );
    expect(answeredTextOf(forward, "Fwd: x")).toBe("");
  });
});

describe("splitMessageText: plain text with addresses in angle brackets", () => {
  it("is not read as HTML when an address starts like a tag name (<p.lee@…>, <b@…>)", () => {
    const body = [
      "Pat,",
      "Thanks, all clear.",
      "Sam",
      "",
      "From: Pat Lee <p.lee@firm.test>",
      "Sent: 2 March 2026 09:00",
      "To: Sam <b@client.test>",
      "Subject: Lease",
      "",
      "Is the lease signed?",
    ].join("\n");
    const parts = splitMessageText(body, "RE: Lease");
    expect(parts.newText).toBe("Pat,\nThanks, all clear.\nSam");
    expect(parts.quoted).toMatch(/^From: Pat Lee <p\.lee@firm\.test>\n/);
    // Real tags still are.
    expect(splitMessageText("<p>Is the lease signed?</p><p>We need it by Friday.</p>").newText).toBe(
      "Is the lease signed?\n\nWe need it by Friday.",
    );
  });
});

describe("splitMessageText: answers below or between the quoted lines", () => {
  it("reads a bottom-posted answer under 'On … wrote:' and '> ' quoting as the writer's own", () => {
    const body = [
      "On 4 Dec, Grace Mbeki wrote:",
      "> Let me know if you would like me to apply to extend the order.",
      "",
      "Yes please. Could you confirm when it's done?",
      "",
      "Olu",
    ].join("\n");
    const parts = splitMessageText(body, "Re: the order");
    expect(parts.newText).toBe("Yes please. Could you confirm when it's done?");
    expect(parts.quoted).toMatch(/^On 4 Dec, Grace Mbeki wrote:\n> Let me know/);
    expect(parts.quoted).not.toMatch(/Yes please/);
  });

  it("reads answers between quoted questions, and stops at the next header block", () => {
    const body = [
      "On Tue, 3 Mar 2026 at 09:12, Sam Reyes <sam@firm.test> wrote:",
      "> 1. When did you move in?",
      "",
      "March 2019.",
      "",
      "> 2. Did you sign a new lease?",
      "",
      "No, never.",
      "",
      "-----Original Message-----",
      "From: Sam Reyes",
      "Sent: 1 March 2026",
      "",
      "Earlier history the writer did not write.",
    ].join("\n");
    const parts = splitMessageText(body, "RE: questions");
    expect(parts.newText).toBe("March 2019.\n\nNo, never.");
    expect(parts.quoted).toMatch(/Earlier history/);
  });

  it("leaves a top-posted reply, and a quoted line wrapped without its mark, as they were", () => {
    const top = ["Thanks, will do.", "", "On Tue, Sam <sam@firm.test> wrote:", "> Please send the lease", "by Friday.", "> Sam"].join("\n");
    expect(splitMessageText(top, "Re: lease").newText).toBe("Thanks, will do.");
    expect(splitMessageText(top, "Re: lease").quoted).toMatch(/by Friday\./);
  });
});

describe("splitMessageText: where a quoted header block ends", () => {
  it("keeps a forwarded message's text that follows its headers with no blank line", () => {
    const body = [
      "Got this today. Do I need to do anything?",
      "",
      "---------- Forwarded message ---------",
      "From: Pensions Administration <noreply@pensions.test>",
      "Date: Tue, 12 Nov 2024 at 08:14",
      "Subject: Your transfer value",
      "Please find attached your statement as at 31 October 2024.",
    ].join("\n");
    const parts = splitMessageText(body, "FW: Your transfer value");
    expect(parts.newText).toBe("Got this today. Do I need to do anything?");
    expect(parts.forwarded).toBe("Please find attached your statement as at 31 October 2024.");
  });

  it("still takes a header line wrapped by the quoting program, or folded, for header", () => {
    const body = [
      "Can you diarise this?",
      "",
      "-----Original Message-----",
      "From: County Court at Central London",
      "<enquiries.centrallondon.countycourt@justice.test>",
      "Sent: 13 August 2025 14:02",
      "Subject: K7QZ41B2 Halden Property Investments Ltd v Fairweather - Notice of",
      "Hearing",
      "  (listing office)",
      "Dear Sir/Madam, the claim will be heard on 9 September.",
    ].join("\n");
    const parts = splitMessageText(body, "FW: Notice of Hearing");
    expect(parts.forwarded).toBe("Dear Sir/Madam, the claim will be heard on 9 September.");
  });
});
