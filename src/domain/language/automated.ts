import type { MailMessage } from "@domain/model/mail";
import { splitMessageText } from "@domain/text/newText";

/**
 * What kind of machine-sent mail a message is, or null for mail a person wrote.
 * - `auto-reply`: out-of-office and other automatic answers (a ticket system's "we have received your request",
 *   Outlook's recall request), and delivery failure or delay reports (bounces);
 * - `newsletter`: mailing-list mail (List-Id / List-Unsubscribe, newsletter senders);
 * - `no-reply-sender`: a sender address that cannot take a reply (noreply@, donotreply@ …);
 * - `read-receipt`: "Read:" receipts and disposition notifications;
 * - `bulk`: other machine-generated or mass mail (Precedence: bulk, Auto-Submitted: auto-generated,
 *   notifications@ senders). Note that courts and registries send real notices this way: "bulk" says
 *   how the mail was sent, not that it is unimportant.
 */
export type AutomatedKind = "auto-reply" | "newsletter" | "no-reply-sender" | "read-receipt" | "bulk";

/** Auto-reply subject prefixes, also bracketed ("[Auto-Reply] Re: …", "(Out of office)"). */
const AUTO_REPLY_SUBJECT =
  /^\s*[[(]?\s*(?:(?:automatic|auto)[- ]?(?:reply|response|antwort)|autoreply|out of (?:the )?office|ooo\b|on leave\b|away from (?:the )?office|abwesenheit|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|automatisch antwoord|absent(?:e)? du bureau)/i;
/**
 * A person's subject that opens with away words and asks ("Out of office tomorrow - can we talk today?"): the question
 * comes before any colon or bracket, so it is the writer's own, not the original subject an automatic reply quotes
 * ("Out of Office: Can we meet?"). Bounded, so linear.
 */
const AWAY_SUBJECT_ASKING = /^\s*(?:out of (?:the )?office|ooo|on leave|away from (?:the )?office)\b[^:?\])]{0,80}\?/i;
/**
 * Some mail systems mark their automatic replies "AUTO:" followed by the reason ("AUTO: Jo is out of the office");
 * "Auto:" alone could open a person's subject about a car, so an away word must follow.
 */
const AUTO_PREFIX_SUBJECT =
  /^\s*auto\s*:.{0,80}\b(?:out of (?:the )?office|away|absent|on (?:annual |parental |maternity |paternity |sick )?leave|on holiday|on vacation)\b/i;
/**
 * Delivery status notifications: non-delivery reports ("bounces") and delay notices
 * (https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online).
 * "Undeliverable" counts with a colon, alone, or before "mail"/"message", not as a word in a person's subject.
 */
const BOUNCE_SUBJECT =
  /^\s*(?:delivery status notification|undeliverable(?:\s*:|\s*$|\s+(?:mail|message|e-?mail)\b)|undelivered mail|mail delivery (?:failed|failure|subsystem)|returned mail\s*:|delivery (?:has )?failed|failure notice|non[- ]?delivery|(?:message|mail|e-?mail) delivery (?:has been |was |is )?delayed)/i;
/**
 * The opening of a delivery report, for one whose subject was rewritten: "Your message to x@y couldn't be delivered",
 * "Delivery has failed to these recipients", "Delivery to the following recipients has been delayed".
 */
const BOUNCE_BODY =
  /\byour (?:message|e-?mail) (?:to \S{1,120} )?(?:couldn't|couldn’t|could not|can't|can’t|cannot|wasn't|wasn’t|was not) be delivered\b|\bdelivery has failed to these recipients\b|\bdelivery to the following recipients? (?:has )?(?:failed|been delayed|was delayed|is delayed)\b|\bautomatically generated delivery status notification\b/i;
const READ_RECEIPT_SUBJECT = /^\s*(?:read|not read|gelesen|lu|le[ií]do|letto|gelezen)\s*:/i;
/**
 * "Your message … was read on …" (Outlook; its receipt lists To, Subject and Sent on their own lines between the two, so
 * the gap may cross lines); "This is a receipt for the mail you sent … displayed on the recipient's computer" (return receipts). */
const READ_RECEIPT_BODY =
  /\b(?:your message|the message)\b[\s\S]{0,200}?\bwas read on\b|\bthis is a (?:return |read )?receipt for the (?:mail|message|e-?mail)\b|\b(?:message|mail) (?:was|has been) displayed on the recipient['’]?s? (?:computer|screen)\b/i;
/**
 * Outlook's recall request (https://learn.microsoft.com/en-us/graph/api/message-recall?view=graph-rest-beta): subject
 * "Recall: <subject>", body "<sender> would like to recall the message, "<subject>"." (the wording recipients get, as
 * seen in recall requests kept in public mailing-list archives). Anchored at the body's start and requiring the quoted
 * subject, so a person writing "can I recall what I said" or "I would like to recall the message I sent" is not one.
 */
const RECALL_BODY = /^\s*[^\n]{1,150}\bwould like to recall the message,?\s*["“]/i;
/**
 * Out-of-office openings; only trusted on a short message with no question (see below). Automatic replies are
 * free text their owner writes (Exchange keeps an internal and an external message:
 * https://learn.microsoft.com/en-us/powershell/module/exchange/set-mailboxautoreplyconfiguration), so these are
 * the shapes people give them: "I am out of the office", the clipped "Out of office till the 20th." at a sentence
 * start, "no access to email", and an office or team closed for a period.
 */
const OUT_OF_OFFICE_BODY =
  /\b(?:i am|i'm|i’m|i will be)\s+(?:currently\s+|now\s+)?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:annual |parental |maternity |paternity |sick )?leave|on holiday|on vacation|travell?ing with limited|away (?:until|from|on)|not in the office)|(?:^|[.!\n]\s{0,3})(?:currently\s+)?(?:out of (?:the )?office|away from (?:the |my )?(?:office|desk)|on (?:annual |parental |maternity |paternity |sick )?leave|on holiday|on vacation|away)\s+(?:until|till|til|from|between|for the|this|today)\b|(?:^|[.!\n]\s{0,3})(?:currently\s+)?travell?ing with (?:limited|intermittent|no) access\b|\bchecking (?:my )?e-?mails? (?:only )?(?:twice|once|intermittently|periodically|occasionally)\b|\b(?:with )?(?:no|limited|little|intermittent) access to (?:my )?e-?mails?\b|\b(?:our|the) (?:office|offices|practice|team|firm|company) (?:is|are|will be) (?:now |currently )?(?:closed|shut)\b|\bwill (?:respond|reply|get back to you) (?:to your (?:e-?mail|message) )?(?:on|when|as soon as) (?:i|my|we|our) return|\bthis (?:is an )?(?:automatic|automated|auto-generated) (?:reply|response|message)/i;

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

/**
 * What auto-replies add around the "I am away" line; a person writing "I'm on holiday" rarely adds these: thanks for
 * the message, where to turn if it is urgent, when they are back, no access to email, and a colleague to contact
 * with a number ("Contact Jenny on 021 …").
 */
const AUTO_REPLY_FRAME =
  /\b(?:thank you|thanks) for (?:your (?:e-?mail|message)|contacting)\b|\b(?:for (?:anything|any(?:thing)? urgent|urgent (?:matters|enquiries|queries))|in my absence|if (?:it(?:'s|’s| is)|this is|the matter is|your (?:matter|enquiry|query|message|request) is) urgent)\b|\b(?:back|return(?:ing)?) (?:in the office |to the office |to work )?(?:on|until|till)\b|\b(?:on|upon) (?:my|our) return\b|\b(?:limited|intermittent|patchy) access\b|\bnot (?:checking|reading|monitoring) (?:my )?e-?mails?\b|\be-?mails? (?:are|is) not being (?:read|checked|monitored)\b|\bchecking (?:my )?e-?mails? (?:only )?(?:twice|once|intermittently|periodically|occasionally)\b|\bno access to (?:my )?(?:e-?mails?|the internet|wi-?fi)\b|\bwill not be (?:forwarded|read)\b|\b(?:contact|call|ring|phone|e-?mail) (?!me\b|us\b)[a-z]{2,20}(?: [a-z]{2,20})? (?:on|at) (?:\+?\(?\d{2,5}\)?[ -]?\d{3}|[^\s@]{1,64}@)/i;

/**
 * A system acknowledging a message (help desks, ticket systems, shared inboxes): it says it is automatic, or that
 * the request "has been logged / received", and confirms it with a ticket or reference number, a promise that the
 * team will respond, or "please do not reply to this email". Written in the third person: no "I" or "my".
 */
const AUTOMATED_SELF =
  /\bthis is an? (?:automated|automatic|auto-generated|automatically generated|computer-generated) (?:response|reply|message|confirmation|acknowledge?ment|e-?mail|notification|notice)\b|\bthis (?:e-?mail|message) (?:was |has been |is )?(?:sent |generated )?automatically\b/i;
const RECEIPT_LOGGED =
  /\b(?:your|the) (?:request|enquiry|inquiry|query|message|e-?mail|case|ticket|complaint|submission)(?: to [^.\n?]{1,60}?)? (?:has been|was|is being|have been) (?:logged|received|registered|recorded|assigned|created|opened)\b|\bwe(?: have|'ve|’ve) (?:now )?received your (?:request|enquiry|inquiry|query|message|e-?mail|submission)\b|\bthank you for contacting\b/i;
const NO_REPLY_NOTE =
  /\b(?:do not|don't|don’t) (?:reply|respond)(?: directly)? to this (?:e-?mail|message|address|notification|mailbox)\b|\bthis (?:mailbox|inbox|e-?mail address|address) is (?:not monitored|unmonitored)\b/i;
const RESPONSE_PROMISE =
  /\b(?:we|our (?:team|staff)|a member of (?:our|the) team|one of our (?:team|advisers|advisors|agents)|a representative|an? (?:adviser|advisor|agent))(?:'ll|’ll| will| shall| aim to| endeavour to| endeavor to| try to) (?:respond|reply|get back to you|be in touch|follow up|contact you)\b|\b(?:will be|is being) (?:read|processed|dealt with|answered|reviewed|actioned|responded to) (?:shortly|soon|in (?:date )?order|in turn|as soon as|within)\b|\brepl(?:y|ies) (?:may|will|can|could) take\b/i;
const TICKET_REFERENCE = /\b(?:ticket|case|reference|ref)(?:\s?(?:number|no\.?|id))?\s?[:#]?\s?[a-z]{0,5}-?\d{3,}\b/i;
const FIRST_PERSON = /\bI\b|\b(?:my|me|myself)\b/;

/**
 * A departed person's or a retired mailbox's standing reply ("This mailbox is no longer monitored. Please resend your
 * message to …", "Jo Bloggs has left Acme Ltd; your message will not be forwarded"): administrators set these as the
 * mailbox's automatic reply when someone leaves (the reply is free text, Set-MailboxAutoReplyConfiguration above). It
 * names the mailbox or the person in the third person and sends the writer elsewhere.
 */
const MAILBOX_RETIRED =
  /\bthis (?:mailbox|inbox|e-?mail address|address|e-?mail account|account)\b(?: \([^)\n]{1,80}\))?[^.\n?]{0,80}?\b(?:is|has been) (?:no longer|not) (?:being )?(?:monitored|in use|active|checked)\b/i;
/** "… has left Acme Ltd" (the organisation's name capitalised) or "… has left the company". */
const PERSON_LEFT =
  /\b(?:has|have) (?:now )?left (?:the (?:company|firm|business|organisation|organization|practice)\b|[A-Z][\w&'’-]{1,40})/;
const SENT_ELSEWHERE =
  /\b(?:will not|won't|won’t|has not been|have not been|is not being|will not be) (?:be )?forwarded\b|\bplease (?:contact|resend|re-send|redirect|forward|e-?mail|send (?:your |all |any |all future )?(?:e-?mails?|messages?|correspondence|enquiries))\b|\bfor (?:all|any) [a-z ]{1,40}?(?:matters|enquiries|queries)\b[^.\n]{0,40}?\b(?:contact|e-?mail|call|write to)\b/i;
/**
 * The words an automatic reply labels itself with, on a line of its own text ("Auto-reply: …", "[Auto response] …",
 * a closing "Auto reply - Hollins Contractors", "(Sent automatically by …)"): services that answer for a person
 * (phones while driving, small-business mail tools) put them in the body, not only the subject.
 */
const AUTO_LABEL_BODY =
  /(?:^|\n)[ \t]{0,8}[[(]?[ \t]{0,3}(?:automatic|auto)[- ]?(?:reply|response)[ \t]{0,3}(?:[\]):\-–—.]|\n|$)|\(sent automatically\b|\bsent automatically by\b/i;
const FIRST_PERSON_MINE = /\b(?:I|my|me)\b/i;

/** Short and asks nothing: a person can say they are away, or quote a ticket number, and still ask something. */
function asksNothing(text: string): boolean {
  return !text.includes("?") && text.split(/\s+/).filter(Boolean).length <= 150;
}

function looksLikeOutOfOffice(body: string): boolean {
  const head = body.slice(0, 400);
  if (!OUT_OF_OFFICE_BODY.test(head) || !AUTO_REPLY_FRAME.test(body.slice(0, 800))) return false;
  return asksNothing(body);
}

function looksLikeMailboxGone(text: string): boolean {
  const head = text.slice(0, 600);
  if (!(MAILBOX_RETIRED.test(head) || PERSON_LEFT.test(head)) || !SENT_ELSEWHERE.test(head)) return false;
  // "My old address is no longer monitored, please write to me at …" is a person changing their details.
  return asksNothing(text) && !FIRST_PERSON_MINE.test(head);
}

function looksLikeAcknowledgement(text: string, subject: string): boolean {
  const head = text.slice(0, 600);
  const opens = AUTOMATED_SELF.test(head) || RECEIPT_LOGGED.test(head);
  if (!opens || !asksNothing(text) || FIRST_PERSON.test(head)) return false;
  if (AUTOMATED_SELF.test(head) && RECEIPT_LOGGED.test(head)) return true;
  return (
    NO_REPLY_NOTE.test(head) || RESPONSE_PROMISE.test(head) || TICKET_REFERENCE.test(head) || TICKET_REFERENCE.test(subject.slice(0, 200))
  );
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
  if (
    autoSubmitted.startsWith("auto-replied") ||
    xAuto !== "" ||
    precedence === "auto_reply" ||
    (AUTO_REPLY_SUBJECT.test(subject) && !AWAY_SUBJECT_ASKING.test(subject)) ||
    AUTO_PREFIX_SUBJECT.test(subject)
  ) {
    return "auto-reply";
  }
  if (RECALL_BODY.test(body.slice(0, 400))) return "auto-reply";
  // X-Auto-Response-Suppress is also set on ordinary system mail, so it only confirms what the body says.
  const parts = splitMessageText(body, subject);
  const said = parts.forwarded ? `${parts.newText}\n\n${parts.forwarded}`.trim() : parts.newText;
  if (looksLikeOutOfOffice(said)) return "auto-reply";
  // Bounces and acknowledgements are read from the writer's own text only: a client forwarding one with a
  // comment wrote a message of their own.
  const own = parts.newText;
  if (BOUNCE_BODY.test(own.slice(0, 300)) && !own.slice(0, 300).includes("?")) return "auto-reply";
  if (looksLikeAcknowledgement(own, subject)) return "auto-reply";
  if (looksLikeMailboxGone(own)) return "auto-reply";
  if (AUTO_LABEL_BODY.test(own.slice(0, 1000)) && asksNothing(own)) return "auto-reply";

  if (header(message, "list-id") !== "" || header(message, "list-unsubscribe") !== "") return "newsletter";
  const fromKind = message.from ? senderKind(message.from.email) : null;
  if (fromKind) return fromKind;
  if (precedence === "bulk" || precedence === "list" || precedence === "junk") return "bulk";
  if (autoSubmitted !== "" && autoSubmitted !== "no") return "bulk";
  return null;
}
