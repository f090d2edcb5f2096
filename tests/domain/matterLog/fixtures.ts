import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { mailMessage } from "../../fixtures/mailMessage";

/** A tiny invented firm: two clients, three matters (two for the same client). */
export const directory: Directory = {
  firm: {
    name: "Test Firm",
    domains: ["firm.test"],
    timeZone: "UTC",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
    holidays: [],
    matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b"],
  },
  people: [{ id: "u1", name: "Pat Partner", email: "pat@firm.test", role: "partner" }],
  clients: [
    { id: "c1", name: "Northwind Holdings", domains: ["northwind.test"], contacts: [{ name: "Ann", email: "ann@northwind.test" }] },
    { id: "c2", name: "Blue Heron", domains: ["heron.test"], contacts: [] },
  ],
  matters: [
    { id: "m1", number: "2025-0042", clientId: "c1", title: "Northwind Holdings - Harbour lease", status: "open", responsible: "u1" },
    { id: "m2", number: "2025-0043", clientId: "c1", title: "Employment dispute with former director", status: "open", responsible: "u1" },
    {
      id: "m3",
      number: "2024-0007",
      clientId: "c2",
      title: "Acquisition of the Old Mill, Riverside, including all outbuildings",
      status: "closed",
      responsible: "u1",
    },
  ],
};

let counter = 0;

/** An inbound client message; override any field. */
export function message(overrides: Partial<MailMessage> = {}): MailMessage {
  counter += 1;
  return mailMessage({
    id: `id-${counter}`,
    internetMessageId: `<msg-${counter}@northwind.test>`,
    conversationId: `conv-${counter}`,
    subject: "Lease question",
    from: { name: "Ann", email: "ann@northwind.test" },
    to: [{ name: "Pat", email: "pat@firm.test" }],
    cc: [{ email: "bob@northwind.test" }],
    sentAt: "2026-03-02T10:00:00.000Z",
    receivedAt: "2026-03-02T10:00:05.000Z",
    bodyText: "Hi Pat,\nCan you send the draft lease?\n\nOn Mon, 1 Mar 2026, Pat wrote:\n> old text",
    attachmentNames: ["plan.pdf"],
    ...overrides,
  });
}
