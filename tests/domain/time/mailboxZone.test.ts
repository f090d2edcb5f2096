import { describe, expect, it } from "vitest";
import { paneZoneOf } from "@domain/time/mailboxZone";

describe("the pane's time zone", () => {
  it("reads Outlook's Windows zone name as its IANA zone", () => {
    expect(paneZoneOf("GMT Standard Time", "America/New_York")).toBe("Europe/London");
    expect(paneZoneOf("Pacific Standard Time")).toBe("America/Los_Angeles");
    expect(paneZoneOf("W. Europe Standard Time")).toBe("Europe/Berlin");
  });

  it("takes an IANA name as it is (some Outlooks report one)", () => {
    expect(paneZoneOf("Asia/Tokyo", "Europe/London")).toBe("Asia/Tokyo");
  });

  it("falls back on the firm's zone when the mailbox names none or an unknown one", () => {
    expect(paneZoneOf(undefined, "Europe/London")).toBe("Europe/London");
    expect(paneZoneOf("", "Europe/London")).toBe("Europe/London");
    expect(paneZoneOf("Atlantis Standard Time", "Europe/London")).toBe("Europe/London");
    expect(paneZoneOf("x".repeat(10_000), "Europe/London")).toBe("Europe/London");
  });

  it("is null when neither is a zone (the device's zone is used then)", () => {
    expect(paneZoneOf(null, null)).toBeNull();
    expect(paneZoneOf("nowhere", "Mars/Olympus")).toBeNull();
  });
});
