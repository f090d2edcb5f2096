import type { Address, MailMessage } from "@domain/model/mail";
import { normalizeEmail } from "@domain/model/mail";
import { htmlToText } from "@domain/text/htmlToText";
import type { Recipient } from "@microsoft/microsoft-graph-types";
import { MATTER_PROPERTY_ID, NO_REPLY_PROPERTY_ID } from "./matterProperty";
import type { GraphMessageDto } from "./graphTypes";

export type { GraphMessageDto };

/** Fields a scan needs: no body for sent mail (only who/when/which conversation decides "answered"). */
export const SELECT_HEADERS = [
  "internetMessageId",
  "conversationId",
  "subject",
  "from",
  "toRecipients",
  "ccRecipients",
  "receivedDateTime",
  "sentDateTime",
  "lastModifiedDateTime",
  "categories",
  "hasAttachments",
  "webLink",
];
export const SELECT_WITH_BODY = [...SELECT_HEADERS, "body"];

function address(r: Recipient | null | undefined): Address | null {
  const email = normalizeEmail(r?.emailAddress?.address);
  if (!email) return null;
  const name = r?.emailAddress?.name?.trim();
  return name ? { name, email } : { email };
}

function iso(t: string | null | undefined): string | null {
  if (!t) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Our MatterId property off a message, when present and not cleared (a clear writes ""). */
export function matterIdOf(m: Pick<GraphMessageDto, "singleValueExtendedProperties">): string | null {
  const p = m.singleValueExtendedProperties?.find((x) => x.id?.toLowerCase() === MATTER_PROPERTY_ID.toLowerCase());
  return p && p.value ? p.value : null;
}

/** Whether our "no reply needed" property is set (a clear writes ""). */
export function noReplyMarkedOf(m: Pick<GraphMessageDto, "singleValueExtendedProperties">): boolean {
  const p = m.singleValueExtendedProperties?.find((x) => x.id?.toLowerCase() === NO_REPLY_PROPERTY_ID.toLowerCase());
  return p?.value === "true";
}

/** Graph message → MailMessage. The id is the internetMessageId when known (the log's dedupe key). */
export function toMailMessage(m: GraphMessageDto): MailMessage {
  const body = m.body?.content ?? "";
  const bodyText = m.body ? (m.body.contentType?.toLowerCase() === "html" ? htmlToText(body) : body) : (m.bodyPreview ?? "");
  return {
    id: m.internetMessageId || m.id,
    internetMessageId: m.internetMessageId || null,
    conversationId: m.conversationId || null,
    subject: m.subject ?? "",
    from: address(m.from ?? m.sender),
    to: (m.toRecipients ?? []).map(address).filter((a): a is Address => a !== null),
    cc: (m.ccRecipients ?? []).map(address).filter((a): a is Address => a !== null),
    sentAt: iso(m.sentDateTime),
    receivedAt: iso(m.receivedDateTime),
    bodyText,
    attachmentNames: [],
    categories: m.categories ?? [],
    modifiedAt: iso(m.lastModifiedDateTime),
    loggedMatterId: matterIdOf(m),
    noReplyMarked: noReplyMarkedOf(m),
    webLink: m.webLink ?? null,
  };
}
