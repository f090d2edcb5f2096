import type { MailMessage } from "@domain/model/mail";
import { emailDomain } from "@domain/model/mail";
import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import type { Contact } from "@domain/directory/types";
import { tokenize } from "@domain/directory/tokens";
import { isFirmAddress } from "@domain/directory/directoryIndex";
import { isPublicMailDomain } from "@domain/directory/publicDomains";
import type { Direction, SenderRole } from "./types";

/** Domain labels that courts, tribunals and e-filing services use, across jurisdictions. */
const COURT_LABEL =
  /^(?:courts?|justice|judiciary|judicial|tribunals?|hmcts|uscourts|cour|gericht|justiz|tribunale|rechtspraak|courtservice|efiling|efile|pacer|ecf|probate)$/;
const COURT_WORD_IN_LABEL = /(?:courts?|tribunals?|justice|hmcts|judiciary)/;
/** E-filing and court-notice phrasing, checked on the subject and the first lines. */
const COURT_PHRASE =
  /\b(?:notice of (?:electronic filing|preliminary hearing|hearing|listing|trial)|electronic filing|e-?filing (?:system|notice|confirmation)|case management (?:order|hearing|conference)|sealed (?:order|claim form|grant)|(?:claim|case) number\s*:|grant of (?:representation|probate)|courts? (?:&|and) tribunals)\b/i;
const NO_REPLY =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply|mailer-daemon|postmaster|notifications?|newsletter|news|bounce|alerts?|marketing|info-?mail)(?:[-_.+].*)?$/i;

/** The subject Outlook and other mail programs give an automatic reply ("Automatic reply: …", "Out of Office: …"). */
const AUTO_REPLY_SUBJECT =
  /^(?:automatic reply|auto(?:matic)?[- ]?reply|out of (?:the )?office|abwesenheitsnotiz|r[ée]ponse automatique)\b/i;

/**
 * An automatic answer to a message (an out-of-office or vacation reply), not a machine's own notice: RFC 3834 section 5
 * ("Recommendations for Automatic Responses to Electronic Mail", the Auto-Submitted header field) marks the first
 * "auto-replied" and the second "auto-generated". Such an answer says nothing of any matter itself.
 */
export function isAutomaticAnswer(message: MailMessage): boolean {
  const h = message.headers ?? {};
  return (
    (h["auto-submitted"] ?? "").toLowerCase().startsWith("auto-replied") ||
    "x-autoreply" in h ||
    "x-autorespond" in h ||
    AUTO_REPLY_SUBJECT.test(message.subject)
  );
}

/** Mail sent by a machine to many: mailing lists, newsletters, auto-replies, no-reply senders. */
export function isAutomated(message: MailMessage): { bulk: boolean; autoReply: boolean } {
  const h = message.headers ?? {};
  const precedence = (h.precedence ?? "").toLowerCase();
  const auto = (h["auto-submitted"] ?? "").toLowerCase();
  const autoReply =
    (auto !== "" && auto !== "no") ||
    isAutomaticAnswer(message) ||
    ((h["x-auto-response-suppress"] ?? "").toLowerCase() === "all" && /auto/i.test(message.subject));
  const list = "list-unsubscribe" in h || "list-id" in h || /^(?:bulk|list|junk)$/.test(precedence);
  const local = (message.from?.email ?? "").split("@")[0] ?? "";
  return { bulk: list || NO_REPLY.test(local), autoReply };
}

/** True when the sender looks like a court, tribunal or e-filing service. */
export function looksLikeCourt(message: MailMessage, newText: string): boolean {
  const domain = emailDomain(message.from?.email ?? "");
  const labels = domain.split(".");
  const byDomain = labels.slice(0, -1).some((l) => COURT_LABEL.test(l) || COURT_WORD_IN_LABEL.test(l));
  if (byDomain) return true;
  const name = message.from?.name ?? "";
  const byName = /\b(?:court|tribunals?|registry|hmcts|clerk of (?:the )?court)\b/i.test(name);
  if (byName && !isPublicMailDomain(domain)) return true;
  // A phrase alone could be a solicitor writing about a hearing; with a court-like sender it is the court. (The text is
  // only read when the sender is court-like: most mail is spared two passes of a long expression.)
  if (!byName && !/\.(?:gov|gouv|gob|govt|jus)\b/.test(domain)) return false;
  return COURT_PHRASE.test(message.subject) || COURT_PHRASE.test(newText.length > 1500 ? newText.slice(0, 1500) : newText);
}

/** Direction seen from the firm: from outside, from the firm to outside, or firm-only. */
export function directionOf(index: DirectoryIndex, message: MailMessage): Direction {
  const from = message.from?.email ?? "";
  if (!from || !isFirmAddress(index, from)) return "inbound";
  const outside = [...message.to, ...message.cc].some((a) => !isFirmAddress(index, a.email));
  return outside ? "outbound" : "internal";
}

/** The sender's role; matter ids of the opposing party when the sender is the other side. */
export function senderRoleOf(
  index: DirectoryIndex,
  message: MailMessage,
  me: readonly string[],
  newText: string,
): { role: SenderRole; opposingMatters: readonly string[] } {
  const from = (message.from?.email ?? "").toLowerCase();
  if (from && isFirmAddress(index, from)) return { role: me.includes(from) ? "me" : "colleague", opposingMatters: [] };
  if (index.contactByEmail.has(from)) return { role: "client", opposingMatters: [] };
  const byEmail = index.opposingByEmail.get(from);
  if (byEmail) return { role: "opposing_counsel", opposingMatters: byEmail };
  const domain = emailDomain(from);
  const byDomain = index.opposingByDomain.get(domain);
  if (byDomain && !index.clientsByDomain.has(domain)) return { role: "opposing_counsel", opposingMatters: byDomain };
  if (looksLikeCourt(message, newText)) return { role: "court", opposingMatters: [] };
  if (index.clientsByDomain.has(domain)) return { role: "client", opposingMatters: [] };
  if (isAutomated(message).bulk) return { role: "bulk", opposingMatters: [] };
  return { role: "unknown", opposingMatters: [] };
}

/**
 * Titles and letters after a name, which one address book writes and a webmail display name leaves out ("Dr. Lauren
 * Castellanos" in the directory, "Lauren Castellanos" on her personal account).
 */
const NAME_TITLES: ReadonlySet<string> = new Set("mr mrs ms miss mx dr prof professor sir dame rev jr sr esq phd md dds qc kc".split(" "));

/**
 * A person's name as comparable words: case and accents folded, punctuation and titles dropped, in sorted order
 * ("Bellini, Marco" = "Marco Bellini" = "Dr Marco Bellini").
 */
function nameKey(name: string): string | null {
  const words = [...tokenize(name).words].filter((w) => !NAME_TITLES.has(w)).sort();
  // One word ("Marco", "Accounts") is too common to tell people apart.
  return words.length >= 2 ? words.join(" ") : null;
}

/**
 * The contact of one of `clientIds` whose name the sender's display name equals (case and accents folded), when
 * the sender's address is not in the directory: a client's contact writing from a personal address. Callers pass
 * only the clients that a reference or the thread ties the message to — a name alone proves nothing.
 */
export function personalAddressContact(
  index: DirectoryIndex,
  message: MailMessage,
  clientIds: ReadonlySet<string>,
): { contact: Contact; clientId: string } | null {
  const from = (message.from?.email ?? "").toLowerCase();
  const key = nameKey(message.from?.name ?? "");
  if (!from || !key || index.contactByEmail.has(from) || isFirmAddress(index, from)) return null;
  let found: { contact: Contact; clientId: string } | null = null;
  for (const clientId of clientIds) {
    for (const contact of index.clientById.get(clientId)?.contacts ?? []) {
      if (nameKey(contact.name) !== key) continue;
      // Two tied clients with a contact of the same name: the name cannot say which.
      if (found && found.clientId !== clientId) return null;
      found ??= { contact, clientId };
    }
  }
  return found;
}
