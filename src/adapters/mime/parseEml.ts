import PostalMime from "postal-mime";
import type { Address as MimeAddress, Email } from "postal-mime";
import type { Address, MailMessage } from "@domain/model/mail";
import { normalizeEmail } from "@domain/model/mail";
import { htmlToText } from "@domain/text/htmlToText";
import { MatterlineError } from "@domain/errors";

/** Headers the domain reasons about (auto-replies, bulk mail); everything else is dropped. */
const KEPT_HEADERS = new Set([
  "auto-submitted",
  "precedence",
  "list-id",
  "list-unsubscribe",
  "x-autoreply",
  "x-autorespond",
  "x-auto-response-suppress",
  "x-ms-exchange-generated-message-source",
  "content-type",
  "disposition-notification-to",
  "x-mailer",
  "user-agent",
  "reply-to",
  "return-path",
]);

function flattenAddresses(list: readonly MimeAddress[] | undefined): Address[] {
  const result: Address[] = [];
  for (const entry of list ?? []) {
    if (entry.group) {
      for (const member of entry.group) result.push({ name: member.name || undefined, email: normalizeEmail(member.address) });
    } else if (entry.address) {
      result.push({ name: entry.name || undefined, email: normalizeEmail(entry.address) });
    }
  }
  return result.filter((a) => a.email.includes("@"));
}

/** Folded header lines keep their folding whitespace; one space per run reads the same and compares equal. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ");
}

function splitIds(value: string | undefined): string[] {
  return (value ?? "").match(/<[^<>\s]+>/g) ?? [];
}

function toIso(date: string | undefined): string | null {
  if (!date) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * Parses one RFC 5322 message (.eml) into a MailMessage, decoding MIME structure,
 * quoted-printable/base64 and RFC 2047 words with postal-mime. Works in Node and in the browser.
 * `conversationId` is left null: threads across files come from the domain's threading.
 */
export async function parseEml(raw: string | Uint8Array | ArrayBuffer): Promise<MailMessage> {
  return (await parseEmlWithAttachments(raw)).message;
}

/** One attachment of a parsed .eml, with its bytes. */
export interface EmlAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  /** Shown in the body (an image referenced by its Content-ID), not listed as an attachment. */
  readonly isInline: boolean;
  readonly contentId: string | null;
  /** An attached message (message/rfc822) rather than a file. */
  readonly isMessage: boolean;
}

/** At most this many attachments of one .eml are kept (a hostile message may carry thousands of parts). */
const EML_ATTACHMENTS_MAX = 100;

/** {@link parseEml}, and the message's attachments with their bytes (for a mailbox that serves them, e.g. the simulator). */
export async function parseEmlWithAttachments(
  raw: string | Uint8Array | ArrayBuffer,
): Promise<{ message: MailMessage; attachments: EmlAttachment[] }> {
  let email: Email;
  try {
    email = await PostalMime.parse(raw);
  } catch (cause) {
    throw new MatterlineError("invalid-input", "This file is not a readable email message.", { cause });
  }
  const hasHeaders = email.headers.some((h) => h.key === "from" || h.key === "message-id" || h.key === "date");
  if (!hasHeaders) throw new MatterlineError("invalid-input", "This file has no email headers (From, Date or Message-ID).");
  const headers: Record<string, string> = {};
  for (const h of email.headers) if (KEPT_HEADERS.has(h.key) && !(h.key in headers)) headers[h.key] = oneLine(h.value);
  const from = flattenAddresses(email.from ? [email.from] : [])[0] ?? null;
  const text = email.text && email.text.trim() ? email.text : email.html ? htmlToText(email.html) : "";
  const sentAt = toIso(email.date);
  const internetMessageId = email.messageId ? (email.messageId.startsWith("<") ? email.messageId : `<${email.messageId}>`) : null;
  const message: MailMessage = {
    id: internetMessageId ?? `eml:${email.subject ?? ""}:${sentAt ?? ""}`,
    internetMessageId,
    conversationId: null,
    inReplyTo: splitIds(email.inReplyTo)[0] ?? null,
    references: splitIds(email.references),
    subject: oneLine(email.subject ?? "").trim(),
    from,
    to: flattenAddresses(email.to),
    cc: flattenAddresses(email.cc),
    // Only a sent copy keeps its Bcc header; absent, not empty, when the message has none.
    ...(email.bcc?.length ? { bcc: flattenAddresses(email.bcc) } : {}),
    sentAt,
    receivedAt: sentAt,
    bodyText: text.replace(/\r\n/g, "\n"),
    attachmentNames: email.attachments.filter((a) => a.disposition !== "inline" || !a.contentId).map((a) => a.filename ?? "attachment"),
    headers,
  };
  const attachments = email.attachments.slice(0, EML_ATTACHMENTS_MAX).map((a): EmlAttachment => ({
    name: a.filename ?? "attachment",
    contentType: a.mimeType || "application/octet-stream",
    content: typeof a.content === "string" ? new TextEncoder().encode(a.content) : new Uint8Array(a.content),
    isInline: a.disposition === "inline" && !!a.contentId,
    contentId: a.contentId ?? null,
    isMessage: a.mimeType === "message/rfc822",
  }));
  return { message, attachments };
}
