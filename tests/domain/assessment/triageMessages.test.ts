import { describe, expect, it } from "vitest";
import { triageMessages } from "@domain/assessment/triageMessages";
import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { mailMessage } from "../../fixtures/mailMessage";

const directory: Directory = {
  firm: {
    name: "Firm",
    domains: ["firm.test"],
    timeZone: "Europe/London",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
    holidays: [],
    matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b"],
  },
  people: [{ id: "u1", name: "Pat Partner", email: "pat@firm.test", role: "partner" }],
  clients: [{ id: "c1", name: "Acme Ltd", domains: ["acme.test"], contacts: [{ name: "Jane Roe", email: "jane@acme.test" }] }],
  matters: [{ id: "m1", number: "2025-0001", clientId: "c1", title: "Warehouse lease", status: "open", responsible: "u1", slaHours: 8 }],
};

/** Jane's mail to Pat about matter 2025-0001 unless told otherwise. */
function mail(over: Partial<MailMessage> & { id: string }): MailMessage {
  return mailMessage({
    internetMessageId: `<${over.id}@x>`,
    subject: "Lease 2025-0001",
    from: { email: "jane@acme.test" },
    to: [{ email: "pat@firm.test" }],
    headers: {},
    ...over,
  });
}

const question = mail({
  id: "q",
  sentAt: "2025-08-11T09:00:00+01:00",
  receivedAt: "2025-08-11T09:00:00+01:00",
  bodyText: "Can you send me the signed lease by Friday?\n\nJane",
});
const reply = mail({
  id: "a",
  subject: "RE: Lease 2025-0001",
  from: { email: "pat@firm.test" },
  to: [{ email: "jane@acme.test" }],
  sentAt: "2025-08-11T12:00:00+01:00",
  inReplyTo: "<q@x>",
  references: ["<q@x>"],
  bodyText: "Attached.\n\nPat",
});
const thanks = mail({
  id: "t",
  subject: "RE: Lease 2025-0001",
  sentAt: "2025-08-11T13:00:00+01:00",
  receivedAt: "2025-08-11T13:00:00+01:00",
  inReplyTo: "<a@x>",
  references: ["<q@x>", "<a@x>"],
  bodyText: "Thanks, got it.\n\nJane",
});

describe("triageMessages", () => {
  const base = { directory, me: ["pat@firm.test"], now: "2025-08-12T10:00:00Z", businessDays: false };

  it("times client questions against the thread, uses the matter's SLA, and proposes follow-ups from the Date", () => {
    const [q, a, t] = triageMessages(
      [
        { file: "1.eml", message: question },
        { file: "2.eml", message: reply },
        { file: "3.eml", message: thanks },
      ],
      base,
    );
    expect(q).toMatchObject({
      direction: "inbound",
      clientId: "c1",
      matterId: "m1",
      needsReply: true,
      status: "answered",
      answeredAt: "2025-08-11T11:00:00.000Z",
      receivedAt: "2025-08-11T08:00:00.000Z",
    });
    // the matter's own 8-hour SLA, not the 24-hour default
    expect(q.dueAt).toBe("2025-08-11T16:00:00.000Z");
    expect(q.followUpDates).toEqual(["2025-08-15"]);
    expect(a).toMatchObject({ direction: "outbound", needsReply: null, status: "not-tracked", dueAt: null, negativeTone: false });
    expect(t).toMatchObject({ needsReply: false, status: "no-reply-needed", dueAt: null });
  });

  it("takes --sla-hours as the user's setting (the matter's, then the client's, deadline win) and the mode change the due time", () => {
    // The matter's own 8 hours win over --sla-hours 48.
    const [own] = triageMessages([{ file: "1.eml", message: question }], { ...base, slaHours: 48 });
    expect(own).toMatchObject({ status: "overdue", dueAt: "2025-08-11T16:00:00.000Z" });
    const noMatterSla: Directory = { ...directory, matters: directory.matters.map(({ slaHours: _sla, ...m }) => m) };
    const [user] = triageMessages([{ file: "1.eml", message: question }], { ...base, directory: noMatterSla, slaHours: 48 });
    expect(user).toMatchObject({ status: "waiting", dueAt: "2025-08-13T08:00:00.000Z" });
    const clientSla: Directory = { ...noMatterSla, clients: noMatterSla.clients.map((c) => ({ ...c, slaHours: 2 })) };
    const [client] = triageMessages([{ file: "1.eml", message: question }], { ...base, directory: clientSla, slaHours: 48 });
    expect(client).toMatchObject({ status: "overdue", dueAt: "2025-08-11T10:00:00.000Z" });
    const friday = mail({ ...question, id: "f", sentAt: "2025-08-15T17:00:00+01:00", receivedAt: "2025-08-15T17:00:00+01:00" });
    const [cal] = triageMessages([{ file: "1.eml", message: friday }], {
      ...base,
      directory: noMatterSla,
      now: "2025-08-16T10:00:00Z",
      slaHours: 24,
    });
    const [biz] = triageMessages([{ file: "1.eml", message: friday }], {
      ...base,
      directory: noMatterSla,
      now: "2025-08-16T10:00:00Z",
      slaHours: 24,
      businessDays: true,
    });
    expect(cal.dueAt).toBe("2025-08-16T16:00:00.000Z");
    expect(biz.dueAt).toBe("2025-08-18T16:00:00.000Z");
  });

  it("gives unreadable inputs a line with the error and every key", () => {
    const [bad, good] = triageMessages(
      [
        { file: "0.eml", error: "no headers" },
        { file: "1.eml", message: question },
      ],
      base,
    );
    expect(bad).toMatchObject({ file: "0.eml", error: "no headers", status: null, followUpDates: null });
    expect(good.error).toBeUndefined();
  });

  it("leaves the clock empty for a dated-less client question instead of failing the run", () => {
    const undated = mail({ id: "u", bodyText: "Can you call me?" });
    const [l] = triageMessages([{ file: "1.eml", message: undated }], base);
    expect(l).toMatchObject({ needsReply: true, status: null, dueAt: null, followUpDates: [] });
  });

  it("reports unhappiness with the firm only for a client's mail: the same words from a stranger are not a client's", () => {
    const bodyText =
      "This is the third time I have asked and nobody has replied. Your service has been a disgrace and I want to speak to a partner.";
    const dated = { sentAt: "2025-08-11T09:00:00+01:00", receivedAt: "2025-08-11T09:00:00+01:00", bodyText };
    const [client, stranger] = triageMessages(
      [
        { file: "1.eml", message: mail({ id: "c", ...dated }) },
        { file: "2.eml", message: mail({ id: "s", ...dated, from: { email: "someone@elsewhere.test" } }) },
      ],
      base,
    );
    expect(client).toMatchObject({ direction: "inbound", negativeTone: true, intent: "complaint" });
    expect(stranger).toMatchObject({ direction: "inbound", needsReply: null, status: "not-tracked", negativeTone: false });
  });
});
