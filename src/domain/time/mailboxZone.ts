import { ianaZoneOf } from "./windowsZones";

/** Longer than any zone name, Windows or IANA: anything longer is not one. */
const MAX_ZONE_NAME = 64;

function iana(zone: string | null | undefined): string | null {
  if (!zone || zone.length > MAX_ZONE_NAME) return null;
  return ianaZoneOf(zone.trim());
}

/**
 * The time zone (IANA) the pane writes times in: the mailbox's, as Outlook reports it in
 * `Office.context.mailbox.userProfile.timeZone` — a Windows zone name ("GMT Standard Time"), which Outlook on the web and
 * the new Outlook take from the calendar's settings
 * (https://learn.microsoft.com/en-us/javascript/api/outlook/office.userprofile);
 * else the firm's zone from the directory; null when neither names a zone this engine knows (the device's zone then).
 */
export function paneZoneOf(mailboxZone: string | null | undefined, firmZone?: string | null): string | null {
  return iana(mailboxZone) ?? iana(firmZone);
}
