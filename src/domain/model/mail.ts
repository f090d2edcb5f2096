/**
 * The message as Matterline sees it, whatever it came from: an Outlook item, a Graph message or an .eml file.
 * Addresses are lower-cased by the adapters; times are ISO-8601 UTC strings.
 */
export interface Address {
  readonly name?: string;
  /** Lower-case SMTP address. */
  readonly email: string;
}

export interface MailMessage {
  /** Stable id: the internetMessageId when known, else the source's own id. */
  readonly id: string;
  /** RFC 5322 Message-ID including angle brackets, the dedupe key of the matter log. */
  readonly internetMessageId: string | null;
  /** Graph/Outlook conversation id, or a thread id derived from headers for .eml files. */
  readonly conversationId: string | null;
  /** Message-IDs this message replies to (In-Reply-To then References), for .eml threading. */
  readonly inReplyTo?: string | null;
  readonly references?: readonly string[];
  readonly subject: string;
  readonly from: Address | null;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  /** Blind copies, when the source shows them (a sent .eml's Bcc header, a draft's Bcc line). */
  readonly bcc?: readonly Address[];
  /** When it was sent (Date header / sentDateTime). */
  readonly sentAt: string | null;
  /** When it arrived in the mailbox (receivedDateTime); equals sentAt for .eml files. */
  readonly receivedAt: string | null;
  /** The whole body as plain text, quoted history and signatures included. */
  readonly bodyText: string;
  readonly attachmentNames: readonly string[];
  readonly categories?: readonly string[];
  /** Lower-case header names we reason about: auto-submitted, precedence, list-id, list-unsubscribe, x-autoreply, … */
  readonly headers?: Readonly<Record<string, string>>;
  /** When the mailbox last changed the message (Graph lastModifiedDateTime): a shared mark newer than a decision. */
  readonly modifiedAt?: string | null;
  /** Matter id read back from our extended property, when the message was logged on another device. */
  readonly loggedMatterId?: string | null;
  /**
   * True when Matterline's own "no reply needed" extended property is set on the message (a decision taken in the pane
   * on some device): the proof the clock trusts. The "No reply needed" category alone proves nothing, since anyone with
   * access, and mail arriving from outside, can carry it.
   */
  readonly noReplyMarked?: boolean;
  /** Link to open the message in Outlook on the web (Graph webLink), when known. */
  readonly webLink?: string | null;
}

/** Lower-cases and trims an address; returns "" for nothing. */
export function normalizeEmail(email: string | null | undefined): string {
  return (email ?? "").trim().toLowerCase();
}

/** Domain part of an address, lower-case ("" when none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}
