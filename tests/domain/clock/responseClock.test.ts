import { describe, expect, it } from "vitest";
import { answerCandidates, answerersOf, clockFor, rankUrgent, type ClockInput, type ClockResult } from "@domain/clock/responseClock";
import { clockSummary, formatDuration } from "@domain/clock/clockText";
import { responseStats } from "@domain/clock/responseStats";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import { MatterlineError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import { identifiedMessage } from "../../fixtures/mailMessage";

const london = createFirmCalendar({
  timeZone: "Europe/London",
  workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
  holidays: ["2025-08-25"],
});
const newYork = createFirmCalendar({
  timeZone: "America/New_York",
  workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
  holidays: [],
});

const ME = "kate@firm.example";
const COLLEAGUE = "raj@firm.example";
const CLIENT = "ann@client.example";
let seq = 0;
function mail(p: Partial<Omit<MailMessage, "from">> & { from: string; at: string }): MailMessage {
  seq += 1;
  return identifiedMessage(p.id ?? `<m${seq}@x>`, {
    conversationId: p.conversationId ?? "conv-1",
    subject: p.subject ?? "Lease",
    from: { email: p.from },
    to: p.to ?? [],
    cc: p.cc ?? [],
    sentAt: p.at,
    receivedAt: p.at,
  });
}
function input(message: MailMessage, thread: MailMessage[], over: Partial<ClockInput> = {}): ClockInput {
  return {
    message,
    tracking: "tracked",
    thread: [message, ...thread],
    owners: [ME],
    firmDomains: ["firm.example"],
    slaHours: 24,
    mode: "calendar",
    calendar: london,
    now: "2025-08-20T05:00:00Z",
    ...over,
  };
}

describe("answers", () => {
  const q = mail({ from: CLIENT, to: [{ email: ME }], at: "2025-08-19T10:00:00Z" });

  it("the owner's later reply in the thread answers it", () => {
    const r = mail({ from: ME, to: [{ email: CLIENT }], at: "2025-08-19T15:30:00Z" });
    const res = clockFor(input(q, [r]));
    expect(res.state).toBe("answered");
    expect(res.answeredBy).toBe(r.id);
    expect(res.answeredAt).toBe("2025-08-19T15:30:00.000Z");
    expect(res.responseMinutes).toBe(330);
    expect(res.late).toBe(false);
    expect(clockSummary(res)).toBe("Answered in 5 h");
  });

  it("the first of several replies counts", () => {
    const later = mail({ from: ME, at: "2025-08-19T18:00:00Z" });
    const first = mail({ from: ME, at: "2025-08-19T11:00:00Z" });
    expect(clockFor(input(q, [later, first])).answeredBy).toBe(first.id);
  });

  it("a colleague's reply counts only when it copies the owner", () => {
    const copied = mail({ from: COLLEAGUE, to: [{ email: CLIENT }], cc: [{ email: ME }], at: "2025-08-19T13:00:00Z" });
    const notCopied = mail({ from: COLLEAGUE, to: [{ email: CLIENT }], at: "2025-08-19T12:00:00Z" });
    expect(clockFor(input(q, [copied, notCopied])).answeredBy).toBe(copied.id);
    expect(clockFor(input(q, [notCopied])).state).toBe("waiting");
    const inTo = mail({ from: COLLEAGUE, to: [{ email: CLIENT }, { email: ME }], at: "2025-08-19T12:30:00Z" });
    expect(clockFor(input(q, [inTo])).state).toBe("answered");
  });

  it("someone outside the firm copying the owner is no answer", () => {
    const other = mail({ from: "bob@otherside.example", cc: [{ email: ME }], at: "2025-08-19T12:00:00Z" });
    expect(clockFor(input(q, [other])).state).toBe("waiting");
  });

  it("a reply before the question, or at the same instant, is not an answer", () => {
    const before = mail({ from: ME, at: "2025-08-19T09:00:00Z" });
    const same = mail({ from: ME, at: "2025-08-19T10:00:00Z" });
    expect(clockFor(input(q, [before, same])).state).toBe("waiting");
  });

  it("a reply in another conversation does not count", () => {
    const elsewhere = mail({ from: ME, at: "2025-08-19T12:00:00Z", conversationId: "conv-2" });
    expect(clockFor(input(q, [elsewhere])).state).toBe("waiting");
  });

  it("an edited subject in the same conversation still answers", () => {
    const edited = mail({ from: ME, subject: "RE: Lease — revised plan (was: question)", at: "2025-08-19T12:00:00Z" });
    expect(clockFor(input(q, [edited])).state).toBe("answered");
  });

  it("a reply after now is not yet seen", () => {
    const future = mail({ from: ME, at: "2025-08-20T13:00:00Z" });
    const res = clockFor(input(q, [future], { now: "2025-08-20T07:00:00Z" }));
    expect(res.state).toBe("due-soon");
    expect(res.answeredAt).toBeNull();
  });

  it("a conversation read once times each of its client messages exactly as the whole thread does", () => {
    const q2 = mail({ from: CLIENT, to: [{ email: ME }], at: "2025-08-19T16:00:00Z" });
    const q3 = mail({ from: CLIENT, to: [{ email: ME }], at: "2025-08-19T20:00:00Z" });
    const tie = mail({ id: "<a-tie@x>", from: ME, at: "2025-08-19T18:00:00Z" });
    const reply = mail({ id: "<b-reply@x>", from: ME, at: "2025-08-19T18:00:00Z" });
    const copied = mail({ from: COLLEAGUE, cc: [{ email: ME }], at: "2025-08-19T12:00:00Z" });
    const future = mail({ from: ME, at: "2025-08-21T09:00:00Z" });
    const elsewhere = mail({ from: ME, at: "2025-08-19T11:00:00Z", conversationId: "conv-2" });
    const thread = [q, q2, q3, reply, tie, copied, future, elsewhere];
    const read = answerCandidates(thread, answerersOf([ME], ["firm.example"]));
    for (const message of [q, q2, q3]) {
      const whole = clockFor({ ...input(message, []), thread });
      expect(clockFor({ ...input(message, []), thread: read, owners: [], firmDomains: [] })).toEqual(whole);
    }
    expect(clockFor({ ...input(q, []), thread: read }).answeredBy).toBe(copied.id);
    expect(clockFor({ ...input(q2, []), thread: read }).answeredBy).toBe(tie.id); // same instant: the lower id
    expect(clockFor({ ...input(q3, []), thread: read }).state).toBe("waiting"); // the later reply is after now
  });

  it("a reply exactly at now counts", () => {
    const atNow = mail({ from: ME, at: "2025-08-20T12:00:00Z" });
    expect(clockFor(input(q, [atNow], { now: "2025-08-20T12:00:00Z" })).state).toBe("answered");
  });

  it("late is judged against the calendar due time even in business mode", () => {
    // Friday 15 Aug 18:00 BST; calendar due Sat 18:00, business due Mon 18:00. Answer Mon 10:00 BST.
    const fri = mail({ from: CLIENT, at: "2025-08-15T17:00:00Z" });
    const mon = mail({ from: ME, at: "2025-08-18T09:00:00Z" });
    const res = clockFor(input(fri, [mon], { mode: "business" }));
    expect(res.state).toBe("answered");
    expect(res.late).toBe(true);
    expect(res.dueAt).toBe("2025-08-18T17:00:00.000Z");
    expect(res.calendarDueAt).toBe("2025-08-16T17:00:00.000Z");
    expect(clockSummary(res)).toBe("Answered in 64 h — 40 h late");
  });
});

describe("open states", () => {
  it("waiting, due-soon and overdue around the due time", () => {
    const q = mail({ from: CLIENT, at: "2025-08-19T10:00:00Z" });
    expect(clockFor(input(q, [], { now: "2025-08-20T05:59:00Z" })).state).toBe("waiting");
    expect(clockFor(input(q, [], { now: "2025-08-20T06:00:01Z" })).state).toBe("due-soon");
    expect(clockFor(input(q, [], { now: "2025-08-20T10:00:00Z" })).state).toBe("due-soon"); // due exactly now: not past
    const over = clockFor(input(q, [], { now: "2025-08-20T13:00:00Z" }));
    expect(over.state).toBe("overdue");
    expect(clockSummary(over)).toBe("Client waiting 27 h — reply was due 3 h ago");
  });

  it("no-reply-needed and not-tracked carry no due time", () => {
    const q = mail({ from: CLIENT, at: "2025-08-19T10:00:00Z" });
    const a = clockFor(input(q, [], { tracking: "no-reply-needed" }));
    expect(a.state).toBe("no-reply-needed");
    expect(a.dueAt).toBeNull();
    expect(clockFor(input(q, [], { tracking: "not-tracked" })).state).toBe("not-tracked");
  });

  it("a per-matter SLA override", () => {
    const q = mail({ from: CLIENT, at: "2025-08-19T10:00:00Z" });
    expect(clockFor(input(q, [], { slaHours: 4 })).dueAt).toBe("2025-08-19T14:00:00.000Z");
    expect(clockFor(input(q, [], { slaHours: 4, now: "2025-08-19T15:00:00Z" })).state).toBe("overdue");
  });

  it("a tracked message without a date is refused plainly", () => {
    const q = { ...mail({ from: CLIENT, at: "2025-08-19T10:00:00Z" }), sentAt: null, receivedAt: null };
    expect(() => clockFor(input(q, []))).toThrow(MatterlineError);
  });
});

describe("weekends, holidays and the two modes", () => {
  it("Friday evening mail before a bank-holiday Monday", () => {
    const q = mail({ from: CLIENT, at: "2025-08-22T17:52:00Z" }); // 18:52 BST
    const now = "2025-08-26T15:30:00Z";
    expect(clockFor(input(q, [], { now })).state).toBe("overdue");
    const b = clockFor(input(q, [], { now, mode: "business" }));
    expect(b.dueAt).toBe("2025-08-26T17:52:00.000Z");
    expect(b.state).toBe("due-soon");
  });

  it("Saturday and bank-holiday mail is due Wednesday 09:00 in business mode", () => {
    for (const at of ["2025-08-23T11:00:00Z", "2025-08-25T08:00:00Z"]) {
      const b = clockFor(input(mail({ from: CLIENT, at }), [], { now: "2025-08-26T15:30:00Z", mode: "business" }));
      expect(b.dueAt).toBe("2025-08-27T08:00:00.000Z");
      expect(b.state).toBe("waiting");
    }
  });

  it("the sender's time zone does not matter, the firm's does", () => {
    // Sent Saturday 00:30 in Madrid (+02:00) = Friday 23:30 BST: still Friday for a London firm.
    const fromSpain = { ...mail({ from: CLIENT, at: "" }), sentAt: "2025-08-23T00:30:00+02:00", receivedAt: "2025-08-23T00:30:00+02:00" };
    const b = clockFor(input(fromSpain, [], { mode: "business", now: "2025-08-23T00:00:00Z" }));
    expect(b.receivedAt).toBe("2025-08-22T22:30:00.000Z");
    expect(b.dueAt).toBe("2025-08-26T22:30:00.000Z"); // 30 min of Friday, then Tuesday's 23.5 h
    // Same instant for a New York firm: Friday 18:30 EDT → 5.5 h Friday, then Monday 18.5 h → Monday 18:30 EDT.
    const ny = clockFor(input(fromSpain, [], { mode: "business", calendar: newYork, now: "2025-08-23T00:00:00Z" }));
    expect(ny.dueAt).toBe("2025-08-25T22:30:00.000Z");
  });
});

describe("DST", () => {
  it("calendar mode is real time across the London autumn change", () => {
    // Saturday 25 Oct 2025 10:00 BST (09:00Z) + 24 h real = Sunday 09:00 GMT.
    const q = mail({ from: CLIENT, at: "2025-10-25T09:00:00Z" });
    expect(clockFor(input(q, [], { now: "2025-10-25T12:00:00Z" })).dueAt).toBe("2025-10-26T09:00:00.000Z");
  });

  it("business mode keeps the wall time across the London spring change on a weekend", () => {
    // Friday 28 Mar 2025 16:00 GMT → Monday 31 Mar 16:00 BST.
    const q = mail({ from: CLIENT, at: "2025-03-28T16:00:00Z" });
    expect(clockFor(input(q, [], { mode: "business", now: "2025-03-28T17:00:00Z" })).dueAt).toBe("2025-03-31T15:00:00.000Z");
  });

  it("New York: Saturday mail on the autumn change starts Monday 09:00 EST", () => {
    const q = mail({ from: CLIENT, at: "2025-11-01T15:00:00Z" }); // Saturday 11:00 EDT
    const b = clockFor(input(q, [], { mode: "business", calendar: newYork, now: "2025-11-03T12:00:00Z" }));
    expect(b.dueAt).toBe("2025-11-04T14:00:00.000Z"); // Tuesday 09:00 EST
    const c = clockFor(input(q, [], { calendar: newYork, now: "2025-11-03T12:00:00Z" }));
    expect(c.dueAt).toBe("2025-11-02T15:00:00.000Z"); // Sunday 10:00 EST: 24 real hours
    expect(c.state).toBe("overdue");
  });
});

describe("ranking, text and stats", () => {
  const now = "2025-08-20T12:00:00Z";
  const make = (at: string, thread: MailMessage[] = [], over: Partial<ClockInput> = {}) =>
    clockFor(input(mail({ from: CLIENT, at }), thread, { now, ...over }));

  it("ranks the longest overdue first and leaves closed states out", () => {
    const waiting = make("2025-08-20T09:00:00Z");
    const dueSoon = make("2025-08-19T14:00:00Z");
    const overdue1 = make("2025-08-19T08:00:00Z");
    const overdue2 = make("2025-08-18T08:00:00Z");
    const done = clockFor(
      input(mail({ from: CLIENT, at: "2025-08-18T01:00:00Z" }), [mail({ from: ME, at: "2025-08-18T02:00:00Z" })], { now }),
    );
    const quiet = make("2025-08-17T08:00:00Z", [], { tracking: "no-reply-needed" });
    const ranked = rankUrgent([waiting, done, dueSoon, quiet, overdue1, overdue2], now);
    expect(ranked.map((r) => r.state)).toEqual(["overdue", "overdue", "due-soon", "waiting"]);
    expect(ranked[0]).toBe(overdue2);
  });

  it("formats durations", () => {
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(27 * 60 + 59)).toBe("27 h");
    expect(formatDuration(76 * 60)).toBe("3 days 4 h");
    expect(formatDuration(72 * 60)).toBe("3 days");
    expect(clockSummary(make("2025-08-20T09:00:00Z"))).toBe("Client waiting 3 h — reply due in 21 h");
  });

  it("team stats over 30 days", () => {
    const results: ClockResult[] = [
      clockFor(input(mail({ from: CLIENT, at: "2025-08-19T10:00:00Z" }), [mail({ from: ME, at: "2025-08-19T12:00:00Z" })], { now })), // 120 min
      clockFor(input(mail({ from: CLIENT, at: "2025-08-10T10:00:00Z" }), [mail({ from: ME, at: "2025-08-12T10:00:00Z" })], { now })), // late, 2880
      clockFor(input(mail({ from: CLIENT, at: "2025-08-15T10:00:00Z" }), [mail({ from: ME, at: "2025-08-15T10:30:00Z" })], { now })), // 30
      make("2025-08-18T08:00:00Z"), // overdue
      make("2025-08-20T09:00:00Z"), // waiting
      make("2025-08-19T09:00:00Z", [], { tracking: "not-tracked" }),
      make("2025-06-01T09:00:00Z"), // outside the window
    ];
    const s = responseStats(results, now);
    expect(s.counts.answered).toBe(3);
    expect(s.counts.overdue).toBe(1);
    expect(s.counts.waiting).toBe(1);
    expect(s.counts["not-tracked"]).toBe(1);
    expect(s.tracked).toBe(5);
    expect(s.medianResponseMinutes).toBe(120);
    expect(s.answeredOnTime).toBe(2);
    expect(s.shareWithinSla).toBeCloseTo(2 / 4);
    expect(responseStats([], now).shareWithinSla).toBeNull();
  });
});
