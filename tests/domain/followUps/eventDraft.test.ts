import { describe, expect, it } from "vitest";
import {
  avoidBusy,
  checkInSeries,
  deterministicTransactionId,
  followUpEvent,
  noReplyReminder,
  shouldCancelReminder,
  slotOf,
  toCalendarEventInput,
  withSlot,
  withWindowsZones,
  type FollowUpEventOptions,
} from "@domain/followUps/eventDraft";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import type { MailMessage } from "@domain/model/mail";
import { identifiedMessage } from "../../fixtures/mailMessage";

const firm = {
  timeZone: "Europe/London",
  workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
  holidays: ["2025-08-25"],
};
const london = createFirmCalendar(firm);
const matter = { id: "m7", number: "2025-0042", title: "Harbour lease" };
const message = {
  id: "<abc@client.example>",
  subject: "Lease <draft> & plan",
  webLink: "https://outlook.example/owa/?ItemID=1&x=2",
  from: { name: "Ann Client", email: "ann@client.example" },
  sentAt: "2025-08-20T09:00:00Z",
};
const base: FollowUpEventOptions = {
  clientName: "Harbour Kitchens Ltd",
  matter,
  category: "2025-0042 Harbour lease",
  message,
  proposal: { date: "2025-08-29", kind: "deadline" },
  calendar: london,
};

describe("followUpEvent", () => {
  it("builds the Graph payload", () => {
    const e = followUpEvent({ ...base, summary: "Send signed lease" });
    expect(e.subject).toBe("Follow up: Harbour Kitchens Ltd — 2025-0042 Harbour lease");
    expect(e.start).toEqual({ dateTime: "2025-08-29T09:00:00", timeZone: "Europe/London" });
    expect(e.end).toEqual({ dateTime: "2025-08-29T09:30:00", timeZone: "Europe/London" });
    expect(e.showAs).toBe("free");
    expect(e.attendees).toEqual([]);
    expect(e.categories).toEqual(["2025-0042 Harbour lease"]);
    expect(e.isReminderOn).toBe(true);
    expect(e.reminderMinutesBeforeStart).toBe(15);
    expect(e.body.contentType).toBe("HTML");
    expect(e.body.content).toContain("Send signed lease");
    expect(e.body.content).toContain('href="https://outlook.example/owa/?ItemID=1&amp;x=2"');
    expect(e.body.content).toContain("Lease &lt;draft&gt; &amp; plan");
    expect(e.body.content).not.toContain("<draft>");
  });

  it("uses the proposal's time and a configured reminder and length", () => {
    const e = followUpEvent({
      ...base,
      proposal: { date: "2025-12-03", time: "10:00", kind: "hearing" },
      reminderMinutes: 60,
      durationMinutes: 120,
    });
    expect(e.start.dateTime).toBe("2025-12-03T10:00:00");
    expect(e.end.dateTime).toBe("2025-12-03T12:00:00");
    expect(e.reminderMinutesBeforeStart).toBe(60);
    expect(toCalendarEventInput(e).start).toBe("2025-12-03T10:00:00.000Z"); // GMT in December
    expect(toCalendarEventInput(followUpEvent(base)).start).toBe("2025-08-29T08:00:00.000Z"); // BST
  });

  it("is private and has no attendees unless someone is invited", () => {
    const e = followUpEvent(base);
    expect(e.sensitivity).toBe("private");
    expect(e.attendees).toEqual([]);
    expect(e.showAs).toBe("free");
  });

  it("an invitation says only that the firm set up a call: no summary, sender, matter title or link", () => {
    const e = followUpEvent({
      ...base,
      summary: "Chase the signed lease",
      invitee: { name: "Ann Client", email: "Ann@Client.example" },
      firmName: "Bramley & Co",
    });
    expect(e.attendees).toEqual([{ emailAddress: { address: "ann@client.example", name: "Ann Client" }, type: "required" }]);
    expect(e.showAs).toBe("busy");
    expect(e.sensitivity).toBe("private");
    expect(e.subject).toBe("Call with Bramley & Co");
    expect(e.body.content).toBe("<p>Bramley &amp; Co has set up this call. If the time does not suit you, reply to this invitation.</p>");
    expect(JSON.stringify(e)).not.toMatch(/Chase the signed lease|Lease|outlook|<a /);
  });

  it("goes to Graph under the firm zone's Windows name, in start, end and a series' recurrence", () => {
    const e = withWindowsZones(followUpEvent(base));
    expect(e.start).toEqual({ dateTime: "2025-08-29T09:00:00", timeZone: "GMT Standard Time" });
    expect(e.end.timeZone).toBe("GMT Standard Time");
    const series = withWindowsZones(
      checkInSeries(matter, "weekly", "2025-09-01T09:00:00Z", {
        clientName: "Acme",
        calendar: createFirmCalendar({ ...firm, timeZone: "America/Detroit" }),
      }),
    );
    expect([series.start.timeZone, series.recurrence?.range.recurrenceTimeZone]).toEqual([
      "Eastern Standard Time",
      "Eastern Standard Time",
    ]);
    expect(series.sensitivity).toBe("private");
  });

  it("has a deterministic transactionId from message, matter, date and kind", () => {
    const a = followUpEvent(base).transactionId;
    expect(followUpEvent({ ...base, summary: "other words", reminderMinutes: 5 }).transactionId).toBe(a);
    expect(followUpEvent({ ...base, proposal: { date: "2025-08-28", kind: "deadline" } }).transactionId).not.toBe(a);
    expect(followUpEvent({ ...base, proposal: { date: "2025-08-29", kind: "meeting" } }).transactionId).not.toBe(a);
    expect(followUpEvent({ ...base, matter: { ...matter, id: "m8" } }).transactionId).not.toBe(a);
    expect(followUpEvent({ ...base, message: { ...message, id: "<other@x>" } }).transactionId).not.toBe(a);
    expect(a).toMatch(/^matterline-[0-9a-f]{32}$/);
    // Part boundaries matter: ("ab","c") is not ("a","bc").
    expect(deterministicTransactionId(["ab", "c"])).not.toBe(deterministicTransactionId(["a", "bc"]));
  });
});

describe("avoidBusy", () => {
  const slot = { start: "2025-08-20T08:00:00Z", end: "2025-08-20T08:30:00Z" }; // Wed 09:00–09:30 BST

  it("keeps a free slot", () => {
    expect(avoidBusy(slot, [{ start: "2025-08-20T09:00:00Z", end: "2025-08-20T10:00:00Z" }], london)).toMatchObject({
      ...slot,
      moved: false,
    });
  });

  it("moves past back-to-back busy slots", () => {
    const busy = [
      { start: "2025-08-20T07:30:00Z", end: "2025-08-20T08:15:00Z" },
      { start: "2025-08-20T08:15:00Z", end: "2025-08-20T09:00:00Z" },
      { start: "2025-08-20T09:10:00Z", end: "2025-08-20T10:00:00Z" },
    ];
    expect(avoidBusy(slot, busy, london)).toMatchObject({
      start: "2025-08-20T10:00:00.000Z",
      end: "2025-08-20T10:30:00.000Z",
      moved: true,
    });
  });

  it("moves to the next working day's start when the day is full, skipping a holiday weekend", () => {
    const fri = { start: "2025-08-22T15:45:00Z", end: "2025-08-22T16:15:00Z" }; // Fri 16:45 BST
    const busy = [{ start: "2025-08-22T15:30:00Z", end: "2025-08-22T16:10:00Z" }];
    expect(avoidBusy(fri, busy, london)).toMatchObject({ start: "2025-08-26T08:00:00.000Z", moved: true });
  });

  it("reports a conflict when nothing is free", () => {
    const busy = [{ start: "2025-08-01T00:00:00Z", end: "2025-10-01T00:00:00Z" }];
    expect(avoidBusy(slot, busy, london)).toMatchObject({ ...slot, moved: false, conflict: true });
  });

  it("works with a payload", () => {
    const e = followUpEvent({ ...base, proposal: { date: "2025-08-20", kind: "action" } });
    const moved = avoidBusy(slotOf(e), [{ start: "2025-08-20T08:00:00Z", end: "2025-08-20T09:00:00Z" }], london);
    expect(withSlot(e, moved).start).toEqual({ dateTime: "2025-08-20T10:00:00", timeZone: "Europe/London" });
  });
});

describe("no-reply reminders", () => {
  const sent = identifiedMessage("<out1@firm.example>", {
    conversationId: "conv-9",
    subject: "Your lease",
    from: { email: "kate@firm.example" },
    to: [{ email: "Ann@client.example" }],
    cc: [{ email: "raj@firm.example" }],
    sentAt: "2025-08-21T15:00:00Z", // Thursday
    receivedAt: "2025-08-21T15:00:00Z",
  });
  const reminder = noReplyReminder(sent, 2, london, { firmDomains: ["firm.example"] });

  it("fires N working days later at the start of working hours", () => {
    // Thu → Fri (1) → Tue (2; Monday is a bank holiday).
    expect(reminder.remindAt).toBe("2025-08-26T08:00:00.000Z");
    expect(reminder.waitingFor).toEqual(["ann@client.example"]);
    expect(reminder.event.attendees).toEqual([]);
    expect(reminder.event.transactionId).toBe(noReplyReminder(sent, 2, london, { firmDomains: ["firm.example"] }).event.transactionId);
    expect(reminder.event.transactionId).not.toBe(noReplyReminder(sent, 3, london).event.transactionId);
  });

  const reply = (over: Partial<MailMessage>): MailMessage => ({
    ...sent,
    id: "<in1@client.example>",
    internetMessageId: "<in1@client.example>",
    from: { email: "ann@client.example" },
    to: [{ email: "kate@firm.example" }],
    cc: [],
    sentAt: "2025-08-22T10:00:00Z",
    receivedAt: "2025-08-22T10:00:00Z",
    ...over,
  });

  it("is cancelled by the client's reply in the conversation", () => {
    expect(shouldCancelReminder(reminder, [reply({})])).toBe(true);
    expect(shouldCancelReminder(reminder, [reply({ conversationId: "other", inReplyTo: "<out1@firm.example>" })])).toBe(true);
  });

  it("is not cancelled by others, other threads, earlier mail or auto-replies", () => {
    expect(shouldCancelReminder(reminder, [reply({ conversationId: "other" })])).toBe(false);
    expect(shouldCancelReminder(reminder, [reply({ from: { email: "raj@firm.example" } })])).toBe(false);
    expect(shouldCancelReminder(reminder, [reply({ sentAt: "2025-08-21T14:00:00Z", receivedAt: "2025-08-21T14:00:00Z" })])).toBe(false);
    expect(shouldCancelReminder(reminder, [reply({ subject: "Automatic reply: Your lease" })])).toBe(false);
    expect(shouldCancelReminder(reminder, [reply({ headers: { "auto-submitted": "auto-replied" } })])).toBe(false);
  });
});

describe("checkInSeries", () => {
  it("weekly on the start's weekday, no end, in the firm's zone", () => {
    const e = checkInSeries(matter, "weekly", "2025-09-01T09:00:00Z", {
      clientName: "Harbour Kitchens Ltd",
      calendar: london,
      category: "2025-0042 Harbour lease",
    });
    expect(e.subject).toBe("Check-in: Harbour Kitchens Ltd — 2025-0042 Harbour lease");
    expect(e.start).toEqual({ dateTime: "2025-09-01T10:00:00", timeZone: "Europe/London" });
    expect(e.recurrence).toEqual({
      pattern: { type: "weekly", interval: 1, daysOfWeek: ["monday"], firstDayOfWeek: "monday" },
      range: { type: "noEnd", startDate: "2025-09-01", recurrenceTimeZone: "Europe/London" },
    });
    expect(e.attendees).toEqual([]);
  });

  it("every two weeks; a start on a holiday moves to the next working day", () => {
    const e = checkInSeries(matter, "biweekly", "2025-08-25T10:00:00Z", { clientName: "X", calendar: london });
    expect(e.recurrence?.pattern.interval).toBe(2);
    expect(e.start.dateTime).toBe("2025-08-26T09:00:00");
    expect(e.recurrence?.pattern.daysOfWeek).toEqual(["tuesday"]);
    expect(e.transactionId).toBe(
      checkInSeries(matter, "biweekly", "2025-08-25T10:00:00Z", { clientName: "X", calendar: london }).transactionId,
    );
  });
});
