import { describe, expect, it } from "vitest";
import type { Client, Matter, Person } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { suggestReplies, type SuggestInput } from "@domain/replies";
import { ANSWER_PLACEHOLDER, whatWasAsked } from "@domain/replies/askedReplies";

const client: Client = {
  id: "c1",
  name: "Shah Bakeries",
  domains: ["client.example"],
  contacts: [{ name: "Priya Shah", email: "priya@client.example" }],
};
const matter: Matter = {
  id: "m1",
  number: "2026-0101",
  clientId: "c1",
  title: "Lease of 3 Mill Street",
  status: "open",
  responsible: "u1",
};
const attorney: Person = { id: "u1", name: "Tom Reyes", email: "tom@firm.example", role: "partner" };

function mail(bodyText: string): MailMessage {
  return {
    id: "<q@client.example>",
    internetMessageId: "<q@client.example>",
    conversationId: null,
    subject: "Lease",
    from: { name: "Priya Shah", email: "priya@client.example" },
    to: [],
    cc: [],
    sentAt: "2026-03-05T10:00:00Z",
    receivedAt: "2026-03-05T10:00:00Z",
    bodyText,
    attachmentNames: [],
  };
}

const input = (bodyText: string, intent: SuggestInput["intent"]): SuggestInput => ({
  message: mail(bodyText),
  intent,
  negativeTone: false,
  client,
  contactName: "Priya Shah",
  matter,
  attorney,
  timeZone: "America/New_York",
  now: "2026-03-05T15:00:00Z",
});

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

  it("reads requests as requests: a deadline in a request is not a proposed time, and 'could you' is not yes/no", () => {
    expect(whatWasAsked(mail("Could you send the deed by Friday?"))).toEqual({ proposal: null, question: null, asksNothing: false });
    expect(whatWasAsked(mail("How about Friday at 10 am? Does that suit you?")).proposal).toBe("Friday at 10 am");
    expect(whatWasAsked(mail("Please send the deed.")).asksNothing).toBe(false);
  });
});
