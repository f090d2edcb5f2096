import { describe, expect, it } from "vitest";
import { findWindowsZone, ianaZoneOf, windowsZoneOf } from "@domain/time/windowsZones";

describe("Windows time zone names for Graph events", () => {
  it.each([
    ["America/New_York", "Eastern Standard Time"],
    ["America/Detroit", "Eastern Standard Time"],
    ["Europe/London", "GMT Standard Time"],
    ["Europe/Dublin", "GMT Standard Time"],
    ["Asia/Kolkata", "India Standard Time"],
    ["Asia/Calcutta", "India Standard Time"],
    ["Europe/Kyiv", "FLE Standard Time"],
    ["Australia/Sydney", "AUS Eastern Standard Time"],
    ["UTC", "UTC"],
  ])("maps %s to %s through CLDR's table", (iana, windows) => {
    expect(windowsZoneOf(iana)).toBe(windows);
  });

  it("says plainly when a zone has no Windows name", () => {
    expect(findWindowsZone("Mars/Olympus")).toBeNull();
    expect(() => windowsZoneOf("Mars/Olympus")).toThrow(/Outlook calendars have no time zone matching "Mars\/Olympus"/);
  });

  it("reads a Windows name back as its main city's IANA zone, and keeps IANA names", () => {
    expect(ianaZoneOf("Eastern Standard Time")).toBe("America/New_York");
    expect(ianaZoneOf("Europe/Paris")).toBe("Europe/Paris");
    expect(ianaZoneOf("Nowhere Standard Time")).toBeNull();
  });
});
