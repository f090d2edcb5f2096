import { describe, expect, it } from "vitest";
import { DEFAULT_SLA_HOURS, isSlaHours, slaFor } from "@domain/clock/sla";

describe("slaFor: the one reply-deadline rule", () => {
  it("takes the matter's deadline first, then the client's, then the user's setting, then 24 hours", () => {
    expect(slaFor({ matter: { slaHours: 2 }, client: { slaHours: 8 }, userSlaHours: 48 })).toBe(2);
    expect(slaFor({ matter: {}, client: { slaHours: 8 }, userSlaHours: 48 })).toBe(8);
    expect(slaFor({ matter: null, client: { slaHours: 8 }, userSlaHours: 48 })).toBe(8);
    expect(slaFor({ matter: {}, client: {}, userSlaHours: 48 })).toBe(48);
    expect(slaFor({ matter: {}, client: null })).toBe(24);
    expect(slaFor({})).toBe(DEFAULT_SLA_HOURS);
    expect(DEFAULT_SLA_HOURS).toBe(24);
  });

  it("passes over a value the clock cannot run, as if it were unset", () => {
    expect(slaFor({ matter: { slaHours: 0 }, client: { slaHours: -3 }, userSlaHours: Number.NaN })).toBe(24);
    expect(slaFor({ matter: { slaHours: Number.POSITIVE_INFINITY }, client: { slaHours: 6 } })).toBe(6);
    expect(slaFor({ matter: { slaHours: "12" as unknown as number }, userSlaHours: 10 })).toBe(10);
    expect(slaFor({ userSlaHours: null })).toBe(24);
  });

  it("accepts fractions of an hour", () => {
    expect(slaFor({ client: { slaHours: 0.5 } })).toBe(0.5);
    expect(isSlaHours(0.5)).toBe(true);
    expect(isSlaHours(0)).toBe(false);
    expect(isSlaHours("4")).toBe(false);
  });
});
