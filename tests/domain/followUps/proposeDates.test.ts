import { describe, expect, it } from "vitest";
import { defaultFollowUp, proposeFollowUpDates, rankFollowUps } from "@domain/followUps/proposeDates";
import { createFirmCalendar } from "@domain/time/firmCalendar";

const london = createFirmCalendar({
  timeZone: "Europe/London",
  workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
  holidays: ["2025-08-25", "2025-12-25", "2025-12-26"],
});
const newYork = createFirmCalendar({
  timeZone: "America/New_York",
  workingHours: { days: [1, 2, 3, 4, 5], start: "08:30", end: "17:00" },
  holidays: ["2025-11-27"],
});
const dates = (text: string, sentAt: string, calendar = london) => proposeFollowUpDates({ text, sentAt, calendar }).map((p) => p.date);

describe("relative dates", () => {
  it("across a month end", () => {
    // Thursday 30 Oct 2025.
    expect(dates("Please send the signed form by tomorrow.", "2025-10-30T10:00:00Z")).toEqual(["2025-10-31"]);
    expect(dates("Can we speak on Monday?", "2025-10-30T10:00:00Z")).toEqual(["2025-11-03"]);
    expect(dates("The closing is set for the 3rd.", "2025-10-30T10:00:00Z")).toEqual(["2025-11-03"]);
    expect(dates("The closing is set for the 31st.", "2025-11-05T10:00:00Z")).toEqual(["2025-12-31"]); // November has no 31st
  });

  it("across a year end", () => {
    expect(dates("The hearing is on 6 January at 2pm.", "2025-12-18T10:00:00Z")).toEqual(["2026-01-06"]);
    expect(dates("Completion is booked for Friday 2 January.", "2025-12-30T10:00:00Z")).toEqual(["2026-01-02"]);
  });

  it("weekdays: a bare weekday on that same weekday means next week's", () => {
    // Friday 22 Aug 2025.
    expect(dates("Please come back to me by Friday.", "2025-08-22T09:00:00Z")).toEqual(["2025-08-29"]);
    expect(dates("Please come back to me by next Friday.", "2025-08-20T09:00:00Z")).toEqual(["2025-08-29"]);
    expect(dates("I will call you on Saturday.", "2025-08-22T09:00:00Z")).toEqual(["2025-08-23"]);
  });

  it("today and tomorrow, and times", () => {
    const got = proposeFollowUpDates({
      text: "Could we talk today at 4pm, or tomorrow at 10am?",
      sentAt: "2025-08-20T08:00:00Z",
      calendar: london,
    });
    expect(got.map((p) => [p.date, p.time])).toEqual([
      ["2025-08-20", "16:00"],
      ["2025-08-21", "10:00"],
    ]);
    expect(got.every((p) => p.kind === "meeting")).toBe(true);
  });

  it("a time earlier than the sending time today is past", () => {
    expect(dates("Call me today at 9am.", "2025-08-20T14:00:00Z")).toEqual([]);
  });

  it("holidays do not move named dates (they are what the text says)", () => {
    expect(dates("Please file the defence by 26 December.", "2025-12-10T10:00:00Z")).toEqual(["2025-12-26"]);
  });
});

describe("what is left out", () => {
  it("vague periods", () => {
    expect(dates("Let's catch up next week, or by the end of the month.", "2025-08-20T09:00:00Z")).toEqual([]);
    expect(dates("Could you come in during the week of 8 September?", "2025-08-20T09:00:00Z")).toEqual([]);
    expect(dates("The grant is taking 12 weeks; he is away in October.", "2025-08-20T09:00:00Z")).toEqual([]);
  });

  it("past dates and past events", () => {
    expect(dates("Your letter of 12 August arrived.", "2025-08-20T09:00:00Z")).toEqual([]);
    expect(dates("We met last Tuesday.", "2025-08-20T09:00:00Z")).toEqual([]);
    expect(dates("She emailed you on Monday about the bill.", "2025-08-20T09:00:00Z")).toEqual([]);
    expect(dates("Thank you for the call on Monday.", "2025-08-20T09:00:00Z")).toEqual([]);
    expect(dates("The grant was issued this morning.", "2025-08-20T14:00:00Z")).toEqual([]);
  });

  it("counted durations are not named dates", () => {
    expect(dates("The adjudicator decides within 28 days.", "2025-08-20T09:00:00Z")).toEqual([]);
  });

  it("a dateline with the sent day", () => {
    expect(dates("Weekly brief, 20 August 2025. News: …", "2025-08-20T09:00:00Z")).toEqual([]);
  });
});

describe("kinds, order and ranking", () => {
  const text =
    "Thanks. The hearing on December 3 at 10am stays. Please send the witness list no later than 14 November. " +
    "Can we meet on Tuesday 4 November to prepare? The hearing on December 3 is the big one.";
  const got = proposeFollowUpDates({ text, sentAt: "2025-10-27T10:00:00Z", calendar: london });

  it("one proposal per date, in order of first mention, with the words found", () => {
    expect(got.map((p) => p.date)).toEqual(["2025-12-03", "2025-11-14", "2025-11-04"]);
    expect(got[0].time).toBe("10:00");
    expect(text.slice(got[0].start, got[0].end)).toBe(got[0].phrase);
  });

  it("classifies by the words around the date", () => {
    expect(got.map((p) => p.kind)).toEqual(["hearing", "deadline", "meeting"]);
  });

  it("ranks deadlines, then hearings, then meetings", () => {
    expect(rankFollowUps(got).map((p) => p.kind)).toEqual(["deadline", "hearing", "meeting"]);
  });
});

describe("time zones", () => {
  it("resolves against the firm's day, not the sender's", () => {
    // Friday 22 Aug 23:30 in New York is Saturday 04:30 in London: "tomorrow" is Sunday for a London firm.
    expect(dates("Can you call me tomorrow?", "2025-08-22T23:30:00-04:00", london)).toEqual(["2025-08-24"]);
    expect(dates("Can you call me tomorrow?", "2025-08-22T23:30:00-04:00", newYork)).toEqual(["2025-08-23"]);
  });

  it("a US firm reads month/day, a UK firm day/month", () => {
    expect(dates("Please reply by 9/5.", "2025-08-20T15:00:00Z", newYork)).toEqual(["2025-09-05"]);
    expect(dates("Please reply by 5/9.", "2025-08-20T15:00:00Z", london)).toEqual(["2025-09-05"]);
  });

  it("a time given in the firm's zone across a DST change", () => {
    // Sent Friday 24 Oct 2025 (BST); the meeting is after the clocks go back.
    const got = proposeFollowUpDates({ text: "Shall we meet on Monday at 9:30am?", sentAt: "2025-10-24T10:00:00Z", calendar: london });
    expect(got.map((p) => [p.date, p.time])).toEqual([["2025-10-27", "09:30"]]);
    const ny = proposeFollowUpDates({ text: "Shall we meet on Monday at 9:30am?", sentAt: "2025-03-07T15:00:00Z", calendar: newYork });
    expect(ny.map((p) => [p.date, p.time])).toEqual([["2025-03-10", "09:30"]]);
  });

  it("a time stated in another zone is shown in the firm's", () => {
    const got = proposeFollowUpDates({ text: "Call on 3 September at 10am EDT.", sentAt: "2025-08-20T09:00:00Z", calendar: london });
    expect(got.map((p) => [p.date, p.time])).toEqual([["2025-09-03", "15:00"]]);
  });
});

describe("defaultFollowUp", () => {
  it("is the next working day at the start of working hours, past weekends and holidays", () => {
    expect(defaultFollowUp("2025-08-22T15:00:00Z", london)).toMatchObject({ date: "2025-08-26", time: "09:00" });
    expect(defaultFollowUp("2025-08-22T15:00:00Z", london).start.toISOString()).toBe("2025-08-26T08:00:00.000Z");
    expect(defaultFollowUp("2025-11-26T20:00:00Z", newYork)).toMatchObject({ date: "2025-11-28", time: "08:30" });
  });
});
