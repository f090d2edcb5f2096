import { findIana, findWindows } from "windows-iana";
import { MatterlineError } from "@domain/errors";

/**
 * Graph's event create and update take a time zone "supported by Windows" (or one of a few extra names), not any IANA
 * zone: https://learn.microsoft.com/graph/api/resources/datetimetimezone. The firm's zone is IANA (the directory's
 * format), so events go out under its Windows name from CLDR's Windows–IANA table, as the windows-iana package keeps it.
 */

/** IANA's canonical spelling as this engine's time zone data has it ("Europe/Kyiv" may read "Europe/Kiev"). */
function canonical(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The Windows time zone name of an IANA zone ("America/New_York" → "Eastern Standard Time"), or null when it has none. */
export function findWindowsZone(ianaZone: string): string | null {
  const direct = findWindows(ianaZone)[0];
  if (direct) return direct;
  const spelled = canonical(ianaZone);
  return (spelled && spelled !== ianaZone ? findWindows(spelled)[0] : undefined) ?? null;
}

/**
 * The Windows time zone name to send Graph for the firm's IANA zone. Throws `invalid-config` for a zone CLDR maps to
 * no Windows zone (the directory import refuses such a zone, so only a directory stored before that check meets it).
 */
export function windowsZoneOf(ianaZone: string): string {
  const name = findWindowsZone(ianaZone);
  if (!name)
    throw new MatterlineError(
      "invalid-config",
      `Outlook calendars have no time zone matching "${ianaZone}". Set the firm's time zone to a nearby city's zone in the directory.`,
    );
  return name;
}

/** An IANA zone for a Windows zone name (its main city: "GMT Standard Time" → "Europe/London"); IANA names pass through. */
export function ianaZoneOf(zone: string): string | null {
  if (canonical(zone)) return zone;
  return findIana(zone)[0] ?? null;
}
