import type { MailMessage } from "@domain/model/mail";
import { newTextOf } from "@domain/text/newText";

/**
 * What kind of machine-sent mail a message is, or null for mail a person wrote.
 * - `auto-reply`: out-of-office and other automatic answers, and delivery failure reports (bounces);
 * - `newsletter`: mailing-list mail (List-Id / List-Unsubscribe, newsletter senders);
 * - `no-reply-sender`: a sender address that cannot take a reply (noreply@, donotreply@ …);
 * - `read-receipt`: "Read:" receipts and disposition notifications;
 * - `bulk`: other machine-generated or mass mail (Precedence: bulk, Auto-Submitted: auto-generated,
 *   notifications@ senders). Note that courts and registries send real notices this way: "bulk" says
 *   how the mail was sent, not that it is unimportant.
 */
export type AutomatedKind = "auto-reply" | "newsletter" | "no-reply-sender" | "read-receipt" | "bulk";

const AUTO_REPLY_SUBJECT =
  /^\s*(?:(?:automatic|auto)[- ]?(?:reply|response|antwort)|autoreply|out of (?:the )?office|ooo\b|on leave\b|away from (?:the )?office|abwesenheit|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|automatisch antwoord|absent(?:e)? du bureau)/i;
const BOUNCE_SUBJECT =
  /^\s*(?:delivery status notification|undeliverable\s*:|undelivered mail|mail delivery (?:failed|failure|subsystem)|returned mail\s*:|delivery (?:has )?failed|failure notice|non[- ]?delivery)/i;
const READ_RECEIPT_SUBJECT = /^\s*(?:read|not read|gelesen|lu|le[ií]do|letto|gelezen)\s*:/i;
const READ_RECEIPT_BODY = /\b(?:your message|the message)\b.{0,200}\bwas read on\b/i;
/** Out-of-office openings; only trusted on a short message with no question (see below). */
const OUT_OF_OFFICE_BODY =
  /\b(?:i am|i'm|i’m|i will be)\s+(?:currently\s+|now\s+)?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:annual |parental |maternity |paternity |sick )?leave|on holiday|on vacation|travell?ing with limited|away (?:until|from|on)|not in the office)|\bwith limited access to (?:e-?mail|my e-?mail)|\bwill (?:respond|reply|get back to you) (?:to your (?:e-?mail|message) )?(?:on|when|as soon as) (?:i|my) return|\bthis (?:is an )?(?:automatic|automated|auto-generated) (?:reply|response|message)/i;

const NO_REPLY_PARTS = new Set([
  "noreply",
  "no-reply",
  "no_reply",
  "donotreply",
  "do-not-reply",
  "do_not_reply",
  "dontreply",
  "noresponse",
  "no-response",
  "unmonitored",
]);
const BOUNCE_SENDERS = new Set(["mailer-daemon", "postmaster", "mail-daemon", "bounce", "bounces"]);
const NEWSLETTER_PARTS = new Set([
  "newsletter",
  "newsletters",
  "news",
  "marketing",
  "mailchimp",
  "campaign",
  "campaigns",
  "digest",
  "updates-newsletter",
  "bulletin",
  "mailer",
  "mailing",
  "list",
  "lists",
]);
const BULK_PARTS = new Set(["notification", "notifications", "notify", "alerts", "alert", "automated", "system", "bulk"]);

function header(message: MailMessage, name: string): string {
  return (message.headers?.[name] ?? "").trim().toLowerCase();
}

/** Local part split into its words, so "probate.noreply" and "no-reply-billing" are both caught. */
function localPartTokens(email: string): { whole: string; tokens: string[] } {
  const at = email.indexOf("@");
  const whole = (at < 0 ? email : email.slice(0, at)).toLowerCase();
  return { whole, tokens: whole.split(/[.+_]/) };
}

function senderKind(email: string): AutomatedKind | null {
  const { whole, tokens } = localPartTokens(email);
  const all = [whole, ...tokens];
  if (all.some((t) => BOUNCE_SENDERS.has(t))) return "auto-reply";
  if (all.some((t) => NO_REPLY_PARTS.has(t)) || /(?:^|[.\-_])no-?reply(?:$|[.\-_])|donotreply|do-not-reply/.test(whole))
    return "no-reply-sender";
  if (all.some((t) => NEWSLETTER_PARTS.has(t))) return "newsletter";
  if (all.some((t) => BULK_PARTS.has(t))) return "bulk";
  return null;
}

/** What auto-replies add around the "I am away" line; a person writing "I'm on holiday" rarely adds these. */
const AUTO_REPLY_FRAME =
  /\bthank you for your (?:e-?mail|message)\b|\b(?:for (?:anything|any(?:thing)? urgent|urgent (?:matters|enquiries|queries))|in my absence|if your (?:matter|enquiry|query) is urgent)\b|\b(?:back|return(?:ing)?) (?:in the office )?(?:on|until)\b|\blimited access\b|\bwill not be (?:forwarded|read)\b/i;

function looksLikeOutOfOffice(body: string): boolean {
  const head = body.slice(0, 400);
  if (!OUT_OF_OFFICE_BODY.test(head) || !AUTO_REPLY_FRAME.test(body.slice(0, 800))) return false;
  // A person can say they are away and still ask something; an auto-reply is short and asks nothing.
  const words = body.split(/\s+/).filter(Boolean).length;
  return words <= 150 && !body.includes("?");
}

/**
 * Classifies machine-sent mail from headers, the sender's address, the subject and the start of the
 * body. Returns null for mail written by a person. Cheap: constant work per message apart from one
 * bounded look at the body's first characters.
 */
export function automatedKind(message: MailMessage): AutomatedKind | null {
  const subject = message.subject ?? "";
  const body = message.bodyText ?? "";
  const autoSubmitted = header(message, "auto-submitted");
  const contentType = header(message, "content-type");
  const precedence = header(message, "precedence");

  // Receipts and delivery reports first: their subjects and report types are unambiguous.
  if (
    /report-type\s*=\s*"?disposition-notification/.test(contentType) ||
    READ_RECEIPT_SUBJECT.test(subject) ||
    READ_RECEIPT_BODY.test(body.slice(0, 400))
  ) {
    return "read-receipt";
  }
  if (/report-type\s*=\s*"?delivery-status/.test(contentType) || BOUNCE_SUBJECT.test(subject)) return "auto-reply";

  const xAuto = header(message, "x-autoreply") || header(message, "x-autorespond");
  if (autoSubmitted.startsWith("auto-replied") || xAuto !== "" || precedence === "auto_reply" || AUTO_REPLY_SUBJECT.test(subject)) {
    return "auto-reply";
  }
  // X-Auto-Response-Suppress is also set on ordinary system mail, so it only confirms what the body says.
  if (looksLikeOutOfOffice(newTextOf(body, subject))) return "auto-reply";

  if (header(message, "list-id") !== "" || header(message, "list-unsubscribe") !== "") return "newsletter";
  const fromKind = message.from ? senderKind(message.from.email) : null;
  if (fromKind) return fromKind;
  if (precedence === "bulk" || precedence === "list" || precedence === "junk") return "bulk";
  if (autoSubmitted !== "" && autoSubmitted !== "no") return "bulk";
  return null;
}
