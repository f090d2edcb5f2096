import { emailDomain, normalizeEmail, type MailMessage } from "@domain/model/mail";
import type { Direction } from "./types";

/** inbound when the sender is outside the firm; internal when everyone is inside; else outbound. */
export function directionOf(message: MailMessage, firmDomains: readonly string[]): Direction {
  const firm = new Set(firmDomains.map((d) => d.toLowerCase()));
  const inside = (email: string) => firm.has(emailDomain(normalizeEmail(email)));
  if (!message.from || !inside(message.from.email)) return "inbound";
  const recipients = [...message.to, ...message.cc];
  return recipients.length > 0 && recipients.every((a) => inside(a.email)) ? "internal" : "outbound";
}

/** The people outside the firm on a message: the addresses filing history learns from. */
export function correspondentsOf(message: MailMessage, firmDomains: readonly string[]): string[] {
  const firm = new Set(firmDomains.map((d) => d.toLowerCase()));
  const all = [message.from, ...message.to, ...message.cc]
    .filter((a): a is NonNullable<typeof a> => a !== null)
    .map((a) => normalizeEmail(a.email))
    .filter((email) => email.includes("@") && !firm.has(emailDomain(email)));
  return [...new Set(all)];
}
