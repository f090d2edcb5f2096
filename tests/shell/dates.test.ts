import { afterEach, describe, expect, it } from "vitest";
import {
  expectPaneTimeZone,
  formatDateTime,
  formatDay,
  formatTime,
  formatWhen,
  paneTimeZone,
  paneTimeZonePending,
  paneTimeZoneVersion,
  setPaneTimeZone,
  subscribePaneTimeZone,
} from "@shell/dates";

/** Hour and minute of a formatted time, on a 24-hour clock, whatever the locale's clock ("4:30 PM" → "16:30"). */
function clock(text: string): string {
  const m = /(\d{1,2}):(\d{2})(?:\s*([AP]M))?/i.exec(text);
  if (!m) return text;
  let h = Number(m[1]) % (m[3] ? 12 : 24);
  if (m[3]?.toUpperCase() === "PM") h += 12;
  return `${String(h).padStart(2, "0")}:${m[2]}`;
}

afterEach(() => setPaneTimeZone(null));

describe("pane times in the mailbox's zone", () => {
  const instant = "2025-08-26T15:30:00Z"; // 16:30 in London (summer time), 11:30 in New York, 00:30 next day in Tokyo

  it("writes every time in the zone the host set, not the device's", () => {
    setPaneTimeZone("Europe/London");
    expect(clock(formatDateTime(instant))).toBe("16:30");
    expect(clock(formatTime(instant))).toBe("16:30");
    setPaneTimeZone("America/New_York");
    expect(clock(formatDateTime(instant))).toBe("11:30");
    setPaneTimeZone("Asia/Tokyo");
    expect(formatDay(instant)).toMatch(/27/);
    expect(clock(formatDateTime(instant))).toBe("00:30");
  });

  it("compares days in the pane's zone: the same instant is 'today' in one zone and not in another", () => {
    const now = new Date("2025-08-26T20:00:00Z");
    setPaneTimeZone("Europe/London");
    expect(clock(formatWhen(instant, now))).toBe("16:30");
    expect(formatWhen(instant, now)).not.toMatch(/Aug/);
    setPaneTimeZone("Asia/Tokyo"); // 00:30 on the 27th, while now is 05:00 on the 27th: still the same day
    expect(formatWhen(instant, now)).not.toMatch(/Aug/);
    setPaneTimeZone("America/Los_Angeles"); // 08:30 on the 26th, now 13:00 on the 26th
    expect(formatWhen("2025-08-26T06:00:00Z", now)).toMatch(/Aug/); // 23:00 on the 25th there
  });

  it("a bare calendar day stays that day in every zone", () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London"]) {
      setPaneTimeZone(zone);
      expect(formatDay("2025-08-27")).toMatch(/27/);
    }
  });

  it("an unknown zone falls back on the device's; subscribers hear of every change", () => {
    const heard: number[] = [];
    const stop = subscribePaneTimeZone(() => heard.push(paneTimeZoneVersion()));
    setPaneTimeZone("Europe/London");
    setPaneTimeZone("Europe/London");
    setPaneTimeZone("Not/A_Zone");
    stop();
    expect(heard).toHaveLength(2);
    expect(paneTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("while the host works the zone out, times are said to be pending", () => {
    expectPaneTimeZone();
    expect(paneTimeZonePending()).toBe(true);
    setPaneTimeZone("Europe/London");
    expect(paneTimeZonePending()).toBe(false);
  });
});
