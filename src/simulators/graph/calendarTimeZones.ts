import { DateTime } from "luxon";
import { findIana, WINDOWS_TO_IANA_MAP } from "windows-iana";

/**
 * The time zones Graph's calendar takes in a dateTimeTimeZone: "any of the time zones supported by Windows, as well as
 * the following time zone names" — https://learn.microsoft.com/graph/api/resources/datetimetimezone (the list below,
 * as that page gives it; where it names two spellings, e.g. "Europe/Kyiv (Kiev)", both are taken). Any other IANA name
 * is refused, as Graph refuses it, so a client that sends raw IANA zones fails here before it fails in a tenant.
 */
export const CALENDAR_EXTRA_ZONES: ReadonlySet<string> = new Set([
  "Etc/GMT+12",
  "Etc/GMT+11",
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Santa_Isabel",
  "America/Los_Angeles",
  "America/Phoenix",
  "America/Chihuahua",
  "America/Denver",
  "America/Guatemala",
  "America/Chicago",
  "America/Mexico_City",
  "America/Regina",
  "America/Bogota",
  "America/New_York",
  "America/Indiana/Indianapolis",
  "America/Caracas",
  "America/Asuncion",
  "America/Halifax",
  "America/Cuiaba",
  "America/La_Paz",
  "America/Santiago",
  "America/St_Johns",
  "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires",
  "America/Cayenne",
  "America/Godthab",
  "America/Montevideo",
  "America/Bahia",
  "Etc/GMT+2",
  "Atlantic/Azores",
  "Atlantic/Cape_Verde",
  "Africa/Casablanca",
  "Etc/GMT",
  "Europe/London",
  "Atlantic/Reykjavik",
  "Europe/Berlin",
  "Europe/Budapest",
  "Europe/Paris",
  "Europe/Warsaw",
  "Africa/Lagos",
  "Africa/Windhoek",
  "Europe/Bucharest",
  "Asia/Beirut",
  "Africa/Cairo",
  "Asia/Damascus",
  "Africa/Johannesburg",
  "Europe/Kyiv",
  "Europe/Kiev",
  "Europe/Istanbul",
  "Asia/Jerusalem",
  "Asia/Amman",
  "Asia/Baghdad",
  "Europe/Kaliningrad",
  "Asia/Riyadh",
  "Africa/Nairobi",
  "Asia/Tehran",
  "Asia/Dubai",
  "Asia/Baku",
  "Europe/Moscow",
  "Indian/Mauritius",
  "Asia/Tbilisi",
  "Asia/Yerevan",
  "Asia/Kabul",
  "Asia/Karachi",
  "Asia/Toshkent",
  "Asia/Tashkent",
  "Asia/Kolkata",
  "Asia/Colombo",
  "Asia/Kathmandu",
  "Asia/Astana",
  "Asia/Almaty",
  "Asia/Dhaka",
  "Asia/Yekaterinburg",
  "Asia/Yangon",
  "Asia/Rangoon",
  "Asia/Bangkok",
  "Asia/Novosibirsk",
  "Asia/Shanghai",
  "Asia/Krasnoyarsk",
  "Asia/Singapore",
  "Australia/Perth",
  "Asia/Taipei",
  "Asia/Ulaanbaatar",
  "Asia/Irkutsk",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Australia/Adelaide",
  "Australia/Darwin",
  "Australia/Brisbane",
  "Australia/Sydney",
  "Pacific/Port_Moresby",
  "Australia/Hobart",
  "Asia/Yakutsk",
  "Pacific/Guadalcanal",
  "Asia/Vladivostok",
  "Pacific/Auckland",
  "Etc/GMT-12",
  "Pacific/Fiji",
  "Asia/Magadan",
  "Pacific/Tongatapu",
  "Pacific/Apia",
  "Pacific/Kiritimati",
]);

/** Windows' time zone names, as CLDR's Windows–IANA table lists them (the windows-iana package). */
export const WINDOWS_ZONES: ReadonlySet<string> = new Set(WINDOWS_TO_IANA_MAP.map((z) => z.windowsName));

/** The IANA zone to read a calendar time zone in, or null when Graph's calendar would refuse the name. */
export function calendarZone(name: string | undefined): string | null {
  if (!name) return null;
  if (WINDOWS_ZONES.has(name)) return findIana(name)[0] ?? null;
  if (!CALENDAR_EXTRA_ZONES.has(name)) return null;
  // The page's older spellings (Asia/Toshkent, Asia/Astana) name a zone under another IANA name.
  const spelled = { "Asia/Toshkent": "Asia/Tashkent", "Asia/Astana": "Asia/Almaty" }[name] ?? name;
  return DateTime.local().setZone(spelled).isValid ? spelled : null;
}

/** Graph's answer to a time zone it does not support. */
export function unsupportedZoneMessage(name: string | undefined): string {
  return `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name ?? ""}'.`;
}
