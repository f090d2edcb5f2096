import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MailMessage } from "@domain/model/mail";
import { automatedKind } from "@domain/language/automated";
import { parseEml } from "@adapters/mime/parseEml";
import { mailMessage } from "../../fixtures/mailMessage";

/** A client's plain question; each test adds the marks of automated mail. */
function mail(over: Partial<MailMessage>): MailMessage {
  return mailMessage({ subject: "Lease", from: { email: "pat@client.test" }, bodyText: "Can you call me?", headers: {}, ...over });
}

describe("automatedKind", () => {
  it("is null for ordinary mail", () => {
    expect(automatedKind(mail({}))).toBeNull();
    expect(automatedKind(mail({ bodyText: "I'm on holiday until Monday, I will sign then." }))).toBeNull();
    expect(automatedKind(mail({ bodyText: "I am out of the office tomorrow - can we talk today?" }))).toBeNull();
  });
  it("reads auto-reply headers and subjects", () => {
    expect(automatedKind(mail({ headers: { "auto-submitted": "auto-replied" } }))).toBe("auto-reply");
    expect(automatedKind(mail({ headers: { "x-autoreply": "yes" } }))).toBe("auto-reply");
    expect(automatedKind(mail({ headers: { precedence: "auto_reply" } }))).toBe("auto-reply");
    expect(automatedKind(mail({ subject: "Automatic reply: RE: Lease" }))).toBe("auto-reply");
    expect(automatedKind(mail({ subject: "Out of Office: Lease" }))).toBe("auto-reply");
  });
  it("reads an out-of-office body with no header", () => {
    const body =
      "Thank you for your email. I am out of the office until 4 May with limited access to email. For anything urgent please call 01234 567890.";
    expect(automatedKind(mail({ subject: "RE: Lease", bodyText: body }))).toBe("auto-reply");
  });
  it("reads out-of-office replies in their shorter shapes", () => {
    const auto = (subject: string, bodyText: string) => automatedKind(mail({ subject, bodyText }));
    // No "I am", a colleague to call instead.
    expect(
      auto("Re: Probate - final account", "Out of office till the 20th. Contact Mark on 0161 555 0192 if it's about the Ashby estate."),
    ).toBe("auto-reply");
    expect(auto("RE: Lease", "Hi,\n\nAway until Monday 3 March. For anything urgent please ring the office on 020 7946 0000.")).toBe(
      "auto-reply",
    );
    // "No access to email" and "if it's urgent" frame an "I'm on holiday".
    expect(
      auto(
        "Auto: away",
        "I'm on holiday until the 28th with no access to email. If it's urgent please contact my husband on 07700 900877.\nSue",
      ),
    ).toBe("auto-reply");
    expect(auto("Auto: Dana Whitlock is out of the office", "Back on 4 June.")).toBe("auto-reply");
    // An office closed for a period, answered on return.
    expect(
      auto(
        "Office closed",
        "Thank you for contacting Fernside Dental. Our office is closed from 24 December to 3 January. We will reply to your email on our return.",
      ),
    ).toBe("auto-reply");
    // Bracketed prefixes.
    expect(auto("[Auto-Reply] Re: your enquiry", "This inbox is checked Monday-Friday 9-5 AEST. We'll be in touch.")).toBe("auto-reply");
    expect(auto("(Automatic reply) Completion", "Thanks, noted.")).toBe("auto-reply");
  });
  it("reads delivery reports whatever their subject", () => {
    const auto = (subject: string, bodyText: string) => automatedKind(mail({ subject, bodyText }));
    expect(
      auto(
        "Undeliverable",
        "Your message to accounts@rowan.example couldn't be delivered. The recipient's mailbox is full and can't accept messages now.",
      ),
    ).toBe("auto-reply");
    expect(auto("Message delivery delayed", "Delivery to these recipients is taking longer than expected.")).toBe("auto-reply");
    expect(
      auto(
        "Delivery delayed: RE: Completion statement",
        "This is an automatically generated Delivery Status Notification.\n\nDelivery to the following recipients has been delayed:\n\n   finance@kiln.example",
      ),
    ).toBe("auto-reply");
    expect(auto("RE: Contract", "Delivery has failed to these recipients or groups:\n\njo@old-firm.example")).toBe("auto-reply");
  });
  it("reads ticket systems' acknowledgements", () => {
    const auto = (subject: string, bodyText: string) => automatedKind(mail({ subject, bodyText }));
    expect(
      auto(
        "Ticket #48812 received",
        "Thank you for contacting Harbour Court Management. Your request has been logged (ticket #48812). A member of the team will respond within 5 working days.\n\nPlease do not reply to this email.",
      ),
    ).toBe("auto-reply");
    expect(
      auto(
        "[Ticket #A-20931] We received your request",
        "Hello,\n\nThis is an automated confirmation from the Oakfield HR Service Centre. We have received your inquiry regarding: reference for Ms Lane. Please do not reply to this message.",
      ),
    ).toBe("auto-reply");
    expect(
      auto(
        "[Case 40719] We've received your message",
        "Your query has been logged as case 40719. One of our advisers will get back to you within 3 business days.",
      ),
    ).toBe("auto-reply");
    expect(
      auto(
        "Thank you for contacting Brightwell Supplies",
        "Thank you for contacting Brightwell Supplies. We aim to respond to all enquiries within two working days.",
      ),
    ).toBe("auto-reply");
  });
  it("reads Outlook's recall request and return receipts", () => {
    const auto = (subject: string, bodyText: string) => automatedKind(mail({ subject, bodyText }));
    expect(auto("Recall: Draft witness statement", 'Priya Shah would like to recall the message, "Draft witness statement".')).toBe(
      "auto-reply",
    );
    expect(
      auto(
        "Read receipt",
        "This is a receipt for the mail you sent to Tom Hale. This receipt verifies that the message has been displayed on the recipient's computer.",
      ),
    ).toBe("read-receipt");
  });
  it("reads a retired mailbox's standing reply, auto-reply labels in the body and Outlook's read receipt", () => {
    const auto = (subject: string, bodyText: string) => automatedKind(mail({ subject, bodyText }));
    expect(auto("Re: Lease", "This inbox is no longer monitored. Please email leasing@harbour.example instead.")).toBe("auto-reply");
    expect(
      auto("Re: Lease", "This address (admin@harbour.example) is not monitored.\n\nPlease resend your message to office@harbour.example."),
    ).toBe("auto-reply");
    expect(
      auto(
        "Re: Lease",
        "Thanks for your email. Ana Ruiz has left Harbour Estates and your message will not be forwarded. Please call reception.",
      ),
    ).toBe("auto-reply");
    expect(auto("", "Auto-response: on a job site until 4pm, will reply this evening.")).toBe("auto-reply");
    expect(auto("", "Closed for stocktaking until Thursday. For deliveries ring the depot.\n\nAuto reply - Fenwick Timber")).toBe(
      "auto-reply",
    );
    expect(auto("Lease", "Your message to Fenwick Timber was received and will be read shortly.")).toBe("auto-reply");
    expect(auto("Lease", "I'm away until 9 March and not checking email. Back soon.")).toBe("auto-reply");
    expect(auto("Read: Lease", "Your message\n\n  To: Dan Pike\n  Subject: Lease\n  Sent: 02/04 10:00\n\nwas read on 02/04 10:30.")).toBe(
      "read-receipt",
    );
    expect(auto("Lease", "Your message\n\n  To: Dan Pike\n  Subject: Lease\n\nwas read on 02/04 10:30.")).toBe("read-receipt");
  });
  it("leaves a person's look-alikes to the language models", () => {
    const auto = (subject: string, bodyText: string) => automatedKind(mail({ subject, bodyText }));
    // Away, but asking something or telling the firm what to do.
    expect(auto("Contract", "I'm on holiday until the 28th, could you send the contract before then?")).toBeNull();
    expect(auto("Contract", "I'm on holiday until the 28th so please send the contract to my husband before then.")).toBeNull();
    expect(auto("Keys", "I'm on holiday until the 28th and the tenant has no access to the garden. Please sort it out.")).toBeNull();
    expect(auto("Keys", "I'm away until Friday. Call me at 3 when the offer comes in.")).toBeNull();
    expect(auto("Call", "Out of office tomorrow - can we do the call today instead?")).toBeNull();
    // Away words opening a person's subject that asks; an automatic reply's quoted subject comes after a colon.
    expect(auto("Out of office tomorrow - can we talk today?", "I'm out tomorrow. Could we do the call this afternoon?")).toBeNull();
    expect(auto("OOO Friday, ok to move our meeting?", "Thursday would work for me.")).toBeNull();
    expect(auto("Out of Office: Can we meet?", "Thank you for your message.")).toBe("auto-reply");
    expect(auto("[Out of office] Re: Lease - any news?", "Thank you for your message.")).toBe("auto-reply");
    // "Do not reply", tickets, recalls and delivery in a person's words.
    expect(auto("Re: Board pack", "Thanks all - please don't reply-all to this, just send comments to me.")).toBeNull();
    expect(auto("Noise", "I've logged a ticket with the council about the noise, can you chase them?")).toBeNull();
    expect(
      auto(
        "Noise",
        "I logged a complaint with the council (reference 44812) last week. They said they will respond within 10 working days.",
      ),
    ).toBeNull();
    expect(auto("Lease", "can I recall what I said about the lease?")).toBeNull();
    expect(auto("Lease", "Sorry, I would like to recall the message I sent yesterday about the lease. Please ignore it.")).toBeNull();
    expect(
      auto(
        "Undeliverable parcel",
        "The courier says the parcel was undeliverable. Your email to the landlord couldn't be delivered either, it bounced.",
      ),
    ).toBeNull();
    expect(auto("Auto: accident on the A34", "The other driver's insurer has been in touch. I attach their letter.")).toBeNull();
    expect(auto("Return receipt", "The return receipt came back signed by the tenant on 3 May.")).toBeNull();
    // A person retiring an address of their own, or telling the firm someone has left, or setting up a reply.
    expect(auto("New email", "My old address is no longer monitored, please email me at pat@home.example from now on.")).toBeNull();
    expect(auto("Witness", "Dr Lowe has left Kingsbridge Hospital. Please contact her at her new practice?")).toBeNull();
    expect(auto("Witness", "Our site manager has left Kingsbridge Builders, so please contact me directly about the snagging.")).toBeNull();
    expect(auto("Holiday", "I'll set an auto-reply while I'm away, is that ok with the court deadline?")).toBeNull();
  });
  it("reads newsletters, no-reply senders, bulk and receipts", () => {
    expect(automatedKind(mail({ headers: { "list-unsubscribe": "<mailto:u@news.test>" } }))).toBe("newsletter");
    expect(automatedKind(mail({ headers: { "list-id": "<weekly.news.test>" } }))).toBe("newsletter");
    expect(automatedKind(mail({ from: { email: "newsletter@shop.test" } }))).toBe("newsletter");
    expect(automatedKind(mail({ from: { email: "no-reply@bank.test" } }))).toBe("no-reply-sender");
    expect(automatedKind(mail({ from: { email: "registry.noreply@gov.test" } }))).toBe("no-reply-sender");
    expect(automatedKind(mail({ from: { email: "donotreply@gov.test" } }))).toBe("no-reply-sender");
    expect(automatedKind(mail({ from: { email: "notifications@portal.test" } }))).toBe("bulk");
    expect(automatedKind(mail({ headers: { precedence: "bulk" } }))).toBe("bulk");
    expect(automatedKind(mail({ headers: { "auto-submitted": "auto-generated" } }))).toBe("bulk");
    expect(automatedKind(mail({ subject: "Read: Lease" }))).toBe("read-receipt");
    expect(automatedKind(mail({ headers: { "content-type": "multipart/report; report-type=disposition-notification" } }))).toBe(
      "read-receipt",
    );
    expect(automatedKind(mail({ from: { email: "mailer-daemon@mx.test" }, subject: "Delivery Status Notification (Failure)" }))).toBe(
      "auto-reply",
    );
  });
  it("agrees with the sample's auto-reply and newsletter labels", async () => {
    const root = join(__dirname, "../../../data/sample");
    const labels = readFileSync(join(root, "labels.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; senderRole: string; intent: string });
    for (const label of labels) {
      const kind = automatedKind(await parseEml(readFileSync(join(root, "mail", label.file))));
      if (label.intent === "auto_reply") expect(kind, label.file).toBe("auto-reply");
      if (label.senderRole === "newsletter") expect(kind, label.file).toBe("newsletter");
      if (label.senderRole === "client" && label.intent !== "auto_reply") expect(kind, label.file).toBeNull();
    }
  });
});
