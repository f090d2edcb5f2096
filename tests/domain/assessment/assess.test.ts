import { describe, expect, it } from "vitest";
import { assessMessage, assessMessageFromFacts, assessMessages, timeReply, type AssessmentContext } from "@domain/assessment/assess";
import { packBodyFacts, readBodyFacts, unpackBodyFacts } from "@domain/assessment/bodyFacts";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import { mailMessage } from "../../fixtures/mailMessage";
import { emptyFilingHistory, recordFiling } from "@domain/recognition/filingHistory";

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
  clients: [
    { id: "c1", name: "Acme Ltd", domains: ["acme.test"], contacts: [{ name: "Jane Roe", email: "jane@acme.test" }], slaHours: 6 },
    { id: "c2", name: "Zed plc", domains: ["zed.test"], contacts: [{ name: "Dan Zed", email: "dan@zed.test" }] },
  ],
  matters: [
    { id: "m1", number: "2025-0001", clientId: "c1", title: "Warehouse lease", status: "open", responsible: "u1", slaHours: 2 },
    { id: "m2", number: "2025-0002", clientId: "c1", title: "Supply contract", status: "open", responsible: "u1" },
    { id: "m3", number: "2025-0003", clientId: "c2", title: "Trade mark", status: "open", responsible: "u1" },
  ],
};
const index = buildDirectoryIndex(directory);
const NOW = "2025-08-12T10:00:00Z";

function ctx(over: Partial<AssessmentContext> = {}): AssessmentContext {
  return {
    index,
    calendar: createFirmCalendar(directory.firm),
    owners: ["pat@firm.test"],
    settings: { slaHours: 12, businessDays: false },
    now: NOW,
    ...over,
  };
}

/** A client's question to Pat unless told otherwise. */
function mail(over: Partial<MailMessage> & { id: string }): MailMessage {
  return mailMessage({
    internetMessageId: `<${over.id}@x>`,
    conversationId: `conv-${over.id}`,
    subject: "Hello",
    from: { email: "jane@acme.test" },
    to: [{ email: "pat@firm.test" }],
    sentAt: "2025-08-12T08:00:00Z",
    receivedAt: "2025-08-12T08:00:00Z",
    bodyText: "Can you call me?",
    ...over,
  });
}

describe("the assessment pipeline (recognize → needs reply → clock)", () => {
  it("puts nothing on the clock when the client writes to someone else and only copies the firm", () => {
    const bodyText = "Kelvin, please see the note below. Can you get the brokers to send the endorsement by Wednesday?";
    const copied = assessMessage(
      mail({ id: "cc1", bodyText, to: [{ email: "kelvin@acme.test", name: "Kelvin Ong" }], cc: [{ email: "pat@firm.test" }] }),
      [],
      ctx(),
    );
    expect(copied).toMatchObject({ fromClient: true, tracking: "no-reply-needed" });
    expect(copied.reply?.reason).toBe("addressed to Kelvin Ong: the firm is only copied");
    // The firm in To, or a colleague of the firm in To with the owner copied: the request is the firm's to answer.
    for (const to of [
      [{ email: "pat@firm.test" }],
      [{ email: "sam@firm.test" }],
      [{ email: "kelvin@acme.test" }, { email: "pat@firm.test" }],
    ])
      expect(assessMessage(mail({ id: "cc2", bodyText, to, cc: [{ email: "pat@firm.test" }] }), [], ctx()).tracking).toBe("tracked");
  });

  it("puts a client's question on the clock with the deadline slaFor gives: matter, then client, then the user's", () => {
    const matter = assessMessage(mail({ id: "a", subject: "Lease 2025-0001" }), [], ctx());
    expect(matter).toMatchObject({ fromClient: true, tracking: "tracked", slaHours: 2 });
    expect(matter.recognition.matterId).toBe("m1");
    expect(matter.client?.id).toBe("c1");
    expect(matter.clock).toMatchObject({ state: "due-soon", dueAt: "2025-08-12T10:00:00.000Z" });

    const client = assessMessage(mail({ id: "b", subject: "Contract 2025-0002" }), [], ctx());
    expect(client).toMatchObject({ slaHours: 6, clock: { dueAt: "2025-08-12T14:00:00.000Z" } });

    const user = assessMessage(mail({ id: "c", subject: "Mark 2025-0003", from: { email: "dan@zed.test" } }), [], ctx());
    expect(user).toMatchObject({ slaHours: 12, clock: { dueAt: "2025-08-12T20:00:00.000Z" } });

    const fallback = assessMessage(
      mail({ id: "d", subject: "Mark 2025-0003", from: { email: "dan@zed.test" } }),
      [],
      ctx({ settings: { businessDays: false } }),
    );
    expect(fallback).toMatchObject({ slaHours: 24 });
  });

  it("answers with the owner's reply in the thread, and leaves thanks and non-client mail off the clock", () => {
    const question = mail({ id: "q", subject: "Lease 2025-0001", conversationId: "t" });
    const answer = mail({
      id: "r",
      subject: "RE: Lease 2025-0001",
      conversationId: "t",
      from: { email: "pat@firm.test" },
      to: [{ email: "jane@acme.test" }],
      sentAt: "2025-08-12T09:00:00Z",
      receivedAt: "2025-08-12T09:00:00Z",
      bodyText: "Yes, at noon.",
    });
    expect(assessMessage(question, [question, answer], ctx()).clock).toMatchObject({ state: "answered", responseMinutes: 60 });

    const thanks = assessMessage(mail({ id: "t", subject: "Lease 2025-0001", bodyText: "Thanks, got it." }), [], ctx());
    expect(thanks).toMatchObject({ fromClient: true, tracking: "no-reply-needed", clock: { state: "no-reply-needed", dueAt: null } });
    expect(thanks.reply?.reason).toMatch(/thanks/);

    const outbound = assessMessage(answer, [question, answer], ctx());
    expect(outbound).toMatchObject({ fromClient: false, reply: null, tracking: "not-tracked", clock: { state: "not-tracked" } });
  });

  it("reads the client's own words: a question only in forwarded third-party text is not the client's", () => {
    const forward = mail({
      id: "f",
      subject: "Fwd: Lease 2025-0001",
      bodyText:
        "For your records.\n\n---------- Forwarded message ---------\nFrom: Landlord <l@landlord.test>\nSubject: Lease\n\nCan you confirm the rent?\n",
    });
    expect(assessMessage(forward, [], ctx())).toMatchObject({ tracking: "no-reply-needed" });
  });

  it("gives no clock to a client message with no date instead of failing", () => {
    const undated = assessMessage(mail({ id: "u", subject: "Lease 2025-0001", sentAt: null, receivedAt: null }), [], ctx());
    expect(undated).toMatchObject({ tracking: "tracked", clock: null });
  });

  it("isolates a message that breaks a step: it is reported and the others go on", () => {
    // A body a broken parser left out: needs-reply cannot read it.
    const broken = { ...mail({ id: "x", subject: "Lease 2025-0001" }), bodyText: null } as unknown as MailMessage;
    const good = mail({ id: "g", subject: "Lease 2025-0001" });
    const seen: string[] = [];
    const results = assessMessages(
      [broken, good],
      () => [],
      ctx(),
      (m) => seen.push(m.id),
    );
    expect(results[0]).toMatchObject({ message: broken, assessment: null });
    expect(results[0].error).toEqual(expect.any(String));
    expect(results[1]).toMatchObject({ message: good, error: null, assessment: { tracking: "tracked" } });
    expect(seen).toEqual(["g"]);
  });

  it("times a reply in business days when the user chose them", () => {
    // Saturday mail starts the clock at Monday's working start (09:00 London, 08:00 UTC in summer).
    const saturday = mail({ id: "s", sentAt: "2025-08-16T10:00:00Z", receivedAt: "2025-08-16T10:00:00Z" });
    const base = { firmDomains: directory.firm.domains, calendar: createFirmCalendar(directory.firm), now: "2025-08-18T12:00:00Z" };
    const input = { message: saturday, tracking: "tracked" as const, thread: [], owners: ["pat@firm.test"], matter: null, client: null };
    expect(timeReply(input, { ...base, settings: { slaHours: 2, businessDays: true } }).clock?.dueAt).toBe("2025-08-18T10:00:00.000Z");
    expect(timeReply(input, { ...base, settings: { slaHours: 2, businessDays: false } }).clock?.dueAt).toBe("2025-08-16T12:00:00.000Z");
  });

  it("keeps a client's request for new work, and the firm's answer to it, off the client's open matter", () => {
    const request =
      "Hello Pat,\n\nSomething new for you: we have agreed to buy a competitor's business in Leeds and need a solicitor for the purchase. Can you act for us? What would your fees be?\n\nDan";
    const asked = mail({
      id: "nw1",
      conversationId: "conv-nw",
      from: { email: "dan@zed.test" },
      subject: "New instruction - Leeds purchase",
      bodyText: request,
    });
    const quote = (text: string) =>
      `Dan,\n\nHappy to help. I'll send our terms this afternoon; could you send me the heads of terms?\n\nPat\n\nFrom: Dan Zed <dan@zed.test>\nSent: 12 August 2025 08:00\nTo: Pat Partner <pat@firm.test>\nSubject: New instruction - Leeds purchase\n\n${text}`;
    const answer = (id: string, text: string) =>
      mail({
        id,
        conversationId: "conv-nw",
        from: { email: "pat@firm.test" },
        to: [{ email: "dan@zed.test" }],
        subject: "RE: New instruction - Leeds purchase",
        bodyText: quote(text),
      });
    const history = emptyFilingHistory();
    recordFiling(history, { conversationId: "old", addresses: ["dan@zed.test"], matterId: "m3" });
    const first = assessMessage(asked, [asked], ctx({ history }));
    expect(first.reading.newWork).toBe(true);
    expect(first.recognition).toMatchObject({ clientId: "c2", matterId: null, abstained: true });
    const reply = answer("nw2", request);
    const answered = assessMessage(reply, [asked, reply], ctx({ history }));
    expect(answered.recognition).toMatchObject({ direction: "outbound", clientId: "c2", matterId: null, abstained: true });
    expect(answered.recognition.reasons.join("\n")).toMatch(/answers a request for new work/);
    // The same reply to a question about the trade mark is about the trade mark.
    const status = answer("nw3", "Hello Pat,\n\nAny news on the trade mark opposition?\n\nDan");
    expect(assessMessage(status, [status], ctx({ history })).recognition.matterId).toBe("m3");
  });

  it("reads a question about a matter the firm has as about that matter, not as new work, however the words lean", () => {
    // A cost question in the supply contract's thread: the words alone read like a request for a quote.
    const bodyText =
      "Following up on our call. The buyer wants us to agree to pay the staff bonuses before signing. Can the bonuses come out of the purchase price, or do they have to be our cost? I'd like to answer him by Friday.";
    const onMatter = assessMessage(mail({ id: "om1", subject: "Contract 2025-0002 - bonuses", bodyText }), [], ctx());
    expect(onMatter.recognition.matterId).toBe("m2");
    expect(onMatter.reading.intentOnOpenMatter).not.toBe("new_matter_inquiry");
    expect(onMatter.reading).toMatchObject({ intent: onMatter.reading.intentOnOpenMatter, needsReply: true });
    expect(onMatter.reading.intentReasons.join(" ")).toMatch(/matter the firm already has/);
    // The same words put on no matter keep the reading the words gave.
    const unfiled = assessMessage(mail({ id: "om2", subject: "Bonuses", bodyText, from: { email: "someone@elsewhere.test" } }), [], ctx());
    expect(unfiled.recognition.matterId).toBeNull();
    expect(unfiled.reading.intent).toBe("new_matter_inquiry");
    // Kept facts give the same reading as the body.
    const message = mail({ id: "om3", subject: "Contract 2025-0002 - bonuses", bodyText });
    const facts = unpackBodyFacts(packBodyFacts(readBodyFacts(message, index, ["pat@firm.test"]), index), index);
    expect(assessMessageFromFacts(message, facts, [], ctx()).reading.intent).toBe(onMatter.reading.intent);
  });

  it("reads the client's words once, with the conversation: a third polite unanswered message is repeated chasing", () => {
    const at = (h: number) => `2025-08-1${h}T09:00:00Z`;
    const first = mail({ id: "t1", conversationId: "conv-t", sentAt: at(0), receivedAt: at(0), bodyText: "Could you send me the lease?" });
    const second = mail({
      id: "t2",
      conversationId: "conv-t",
      sentAt: at(1),
      receivedAt: at(1),
      bodyText: "Just following up on the lease.",
    });
    const third = mail({
      id: "t3",
      conversationId: "conv-t",
      sentAt: at(2),
      receivedAt: at(2),
      bodyText: "Could you send me the lease please?",
    });
    const thread = [first, second, third];

    const chased = assessMessage(third, thread, ctx());
    expect(chased.thread.earlierUnanswered).toBe(2);
    expect(chased.reading.unhappy).toBe(true);
    expect(chased.reading.unhappyReasons[0]).toMatch(/^repeated chasing: message 3 in this conversation/);
    // The same words alone, or after the firm answered, are a polite request.
    expect(assessMessage(third, [third], ctx()).reading.unhappy).toBe(false);
    const answer = mail({
      id: "t2r",
      conversationId: "conv-t",
      from: { email: "pat@firm.test" },
      to: [{ email: "jane@acme.test" }],
      sentAt: "2025-08-11T12:00:00Z",
      receivedAt: "2025-08-11T12:00:00Z",
    });
    const answered = assessMessage(third, [...thread, answer], ctx());
    expect(answered.thread.earlierUnanswered).toBe(0);
    expect(answered.reading.unhappy).toBe(false);
    expect(chased.reading.intent).toBe("document_request");
    expect(chased.reply).toMatchObject({ needsReply: true });
  });
});
