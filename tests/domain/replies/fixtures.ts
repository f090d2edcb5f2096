import type { Client, Matter, Person } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import type { SuggestInput } from "@domain/replies";
import { identifiedMessage } from "../../fixtures/mailMessage";

/** The client, her matter and its attorney that every reply test writes to and for. */
const client: Client = {
  id: "c1",
  name: "Shah Bakeries",
  domains: ["client.example"],
  contacts: [{ name: "Priya Shah", email: "priya@client.example" }],
};
export const matter: Matter = {
  id: "m1",
  number: "2026-0101",
  clientId: "c1",
  title: "Lease of 3 Mill Street",
  status: "open",
  responsible: "u1",
};
const attorney: Person = { id: "u1", name: "Tom Reyes", email: "tom@firm.example", role: "partner" };

/** Priya's message of Thursday 5 March 2026, 10:00 UTC; the test gives its id, subject and body. */
export function priyaMail(internetMessageId: string, subject: string, bodyText: string): MailMessage {
  return identifiedMessage(internetMessageId, {
    subject,
    from: { name: "Priya Shah", email: "priya@client.example" },
    sentAt: "2026-03-05T10:00:00Z",
    receivedAt: "2026-03-05T10:00:00Z",
    bodyText,
  });
}

/** What suggestReplies is given for that message: known client and matter, attorney writing, an hour before noon in New York. */
export function suggestInput(message: MailMessage, intent: SuggestInput["intent"]): SuggestInput {
  return {
    message,
    intent,
    negativeTone: false,
    client,
    contactName: "Priya Shah",
    matter,
    attorney,
    timeZone: "America/New_York",
    now: "2026-03-05T15:00:00Z", // Thursday 10:00 in New York
  };
}
