import { describe, expect, it } from "vitest";
import { createFirmCalendar, toMillis } from "@domain/time/firmCalendar";
import { DateTime } from "luxon";
import { MatterlineError } from "@domain/errors";

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
const iso = (d: Date) => d.toISOString();

describe("working days", () => {
  it("knows weekends and holidays in the firm's zone", () => {
    expect(london.isWorkingDay("2025-08-22")).toBe(true); // Friday
    expect(london.isWorkingDay("2025-08-23")).toBe(false); // Saturday
    expect(london.isWorkingDay("2025-08-24")).toBe(false);
    expect(london.isWorkingDay("2025-08-25")).toBe(false); // bank holiday
    expect(london.isWorkingDay("2025-08-26")).toBe(true);
  });

  it("reads an instant on the firm's local day, not UTC's", () => {
    // 23:30 UTC Friday is 00:30 BST Saturday in London.
    expect(london.isWorkingDay("2025-08-22T23:30:00Z")).toBe(false);
    // 02:00 UTC Saturday is 22:00 Friday in New York.
    expect(newYork.isWorkingDay("2025-08-23T02:00:00Z")).toBe(true);
  });

  it("gives the start of working hours on a day, DST-aware", () => {
    expect(iso(london.workingStartOn("2025-08-26"))).toBe("2025-08-26T08:00:00.000Z"); // BST
    expect(iso(london.workingStartOn("2025-12-02"))).toBe("2025-12-02T09:00:00.000Z"); // GMT
    expect(iso(newYork.workingStartOn("2025-03-10"))).toBe("2025-03-10T12:30:00.000Z"); // EDT
    expect(iso(newYork.workingEndOn("2025-03-07"))).toBe("2025-03-07T22:00:00.000Z"); // EST
  });

  it("finds the next working day's start past weekends and holidays", () => {
    expect(iso(london.nextWorkingDayStart("2025-08-22T17:52:00Z"))).toBe("2025-08-26T08:00:00.000Z");
    expect(iso(london.nextWorkingDayStart("2025-12-24T10:00:00Z"))).toBe("2025-12-29T09:00:00.000Z");
    expect(iso(newYork.nextWorkingDayStart("2025-11-26T20:00:00Z"))).toBe("2025-11-28T13:30:00.000Z");
  });

  it("knows working hours", () => {
    expect(london.isWithinWorkingHours("2025-08-26T08:00:00Z")).toBe(true);
    expect(london.isWithinWorkingHours("2025-08-26T16:30:00Z")).toBe(false); // 17:30 BST, end exclusive
    expect(london.isWithinWorkingHours("2025-08-25T10:00:00Z")).toBe(false);
  });

  it("rejects a bad configuration plainly", () => {
    expect(() =>
      createFirmCalendar({ timeZone: "Mars/Olympus", workingHours: { days: [1], start: "09:00", end: "17:00" }, holidays: [] }),
    ).toThrow(MatterlineError);
    expect(() => createFirmCalendar({ timeZone: "UTC", workingHours: { days: [], start: "09:00", end: "17:00" }, holidays: [] })).toThrow(
      /no working day/,
    );
    expect(() => createFirmCalendar({ timeZone: "UTC", workingHours: { days: [1], start: "9am", end: "17:00" }, holidays: [] })).toThrow(
      /not a time/,
    );
  });
});

describe("addBusinessTime (whole working days in the firm's zone)", () => {
  it("Friday evening skips the weekend and a Monday holiday", () => {
    // Friday 22 Aug 18:52 BST → Tuesday 26 Aug 18:52 BST.
    expect(iso(london.addBusinessTime("2025-08-22T17:52:00Z", 24))).toBe("2025-08-26T17:52:00.000Z");
  });

  it("Saturday and bank-holiday mail starts at the next working day's start", () => {
    expect(iso(london.addBusinessTime("2025-08-23T10:00:00Z", 24))).toBe("2025-08-27T08:00:00.000Z");
    expect(iso(london.addBusinessTime("2025-08-25T14:00:00Z", 24))).toBe("2025-08-27T08:00:00.000Z");
  });

  it("a working-day message is due the same wall time next working day", () => {
    expect(iso(london.addBusinessTime("2025-08-20T09:15:00Z", 24))).toBe("2025-08-21T09:15:00.000Z");
    expect(iso(london.addBusinessTime("2025-08-20T09:15:00Z", 48))).toBe("2025-08-22T09:15:00.000Z");
    expect(iso(london.addBusinessTime("2025-08-20T09:15:00Z", 0))).toBe("2025-08-20T09:15:00.000Z");
  });

  it("mail early on a working day counts from receipt, not from working-hours start", () => {
    expect(iso(london.addBusinessTime("2025-08-26T05:00:00Z", 4))).toBe("2025-08-26T09:00:00.000Z");
  });

  it("lands exactly on midnight without skipping to the next day", () => {
    // Thursday 00:00 BST + 48 h = Saturday 00:00 BST exactly (all of Thursday and Friday).
    expect(iso(london.addBusinessTime("2025-08-20T23:00:00Z", 48))).toBe("2025-08-22T23:00:00.000Z");
  });

  it("holidays over Christmas", () => {
    // Wed 24 Dec 15:00 GMT: 9 h left that day, then 25, 26 (holidays), 27, 28 (weekend) → Mon 29 Dec 15:00.
    expect(iso(london.addBusinessTime("2025-12-24T15:00:00Z", 24))).toBe("2025-12-29T15:00:00.000Z");
  });

  it("DST change on a weekend (London, autumn) keeps the wall-clock time", () => {
    // Friday 24 Oct 2025 12:00 BST → Monday 27 Oct 12:00 GMT.
    expect(iso(london.addBusinessTime("2025-10-24T11:00:00Z", 24))).toBe("2025-10-27T12:00:00.000Z");
  });

  it("DST change on a weekend (New York, spring)", () => {
    // Friday 7 Mar 2025 15:00 EST → Monday 10 Mar 15:00 EDT.
    expect(iso(newYork.addBusinessTime("2025-03-07T20:00:00Z", 24))).toBe("2025-03-10T19:00:00.000Z");
  });

  it("a working day that contains a DST change counts its real 23 or 25 hours", () => {
    const sevenDays = createFirmCalendar({
      timeZone: "America/New_York",
      workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: "09:00", end: "17:00" },
      holidays: [],
    });
    // Sunday 9 Mar 2025 has 23 hours: 00:00 EST (05:00Z) + 24 real hours = Monday 01:00 EDT.
    expect(iso(sevenDays.addBusinessTime("2025-03-09T05:00:00Z", 24))).toBe("2025-03-10T05:00:00.000Z");
    // Sunday 2 Nov 2025 has 25 hours: 00:00 EDT (04:00Z) + 24 real hours = 23:00 EST Sunday.
    expect(iso(sevenDays.addBusinessTime("2025-11-02T04:00:00Z", 24))).toBe("2025-11-03T04:00:00.000Z");
  });

  it("a fractional SLA and a bad SLA", () => {
    expect(iso(london.addBusinessTime("2025-08-26T08:00:00Z", 1.5))).toBe("2025-08-26T09:30:00.000Z");
    expect(() => london.addBusinessTime("2025-08-26T08:00:00Z", -1)).toThrow(MatterlineError);
    expect(() => london.addBusinessTime("not a date", 1)).toThrow(MatterlineError);
  });
});

describe("toMillis", () => {
  it("reads stored UTC times (with or without milliseconds) as luxon does, and still refuses impossible dates", () => {
    for (const s of ["2025-08-26T15:30:00Z", "2025-08-26T15:30:00.123Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z"])
      expect(toMillis(s)).toBe(DateTime.fromISO(s, { zone: "UTC" }).toMillis());
    expect(toMillis("2025-08-26T16:30:00+01:00")).toBe(Date.UTC(2025, 7, 26, 15, 30));
    expect(() => toMillis("2025-02-31T00:00:00Z")).toThrow(/not a date/);
    expect(() => toMillis("2025-13-01T00:00:00Z")).toThrow(/not a date/);
  });

  it("refuses every out-of-range field Date.parse would roll over, and reads Dates and epoch numbers as they are", () => {
    for (const s of ["2025-04-31T10:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2025-00-10T00:00:00Z"])
      expect(() => toMillis(s), s).toThrow(/not a date/);
    // ISO 8601's end of day is read as luxon reads it (the next midnight), not by the fast path.
    expect(toMillis("2025-01-01T24:00:00Z")).toBe(DateTime.fromISO("2025-01-01T24:00:00Z", { zone: "UTC" }).toMillis());
    expect(toMillis("2000-02-29T00:00:00Z")).toBe(Date.UTC(2000, 1, 29));
    expect(toMillis("2025-12-31T23:59:59Z")).toBe(Date.UTC(2025, 11, 31, 23, 59, 59));
    expect(toMillis(new Date(Date.UTC(2025, 7, 26)))).toBe(Date.UTC(2025, 7, 26));
    expect(toMillis(1_756_000_000_000)).toBe(1_756_000_000_000);
    expect(() => toMillis(new Date(Number.NaN))).toThrow(/not a date/);
  });
});
