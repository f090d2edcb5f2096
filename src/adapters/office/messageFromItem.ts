import type { Address, MailMessage } from "@domain/model/mail";
import { normalizeEmail } from "@domain/model/mail";
import { officeCall, type OfficeNamespace } from "./officeCall";

interface PersonLike {
  readonly displayName?: string;
  readonly emailAddress?: string;
}

function toAddress(p: PersonLike | null | undefined): Address | null {
  const email = normalizeEmail(p?.emailAddress);
  if (!email) return null;
  return p?.displayName ? { name: p.displayName, email } : { email };
}

function toAddresses(list: readonly PersonLike[] | null | undefined): Address[] {
  return (list ?? []).map(toAddress).filter((a): a is Address => a !== null);
}

function isoUtc(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** What a read item carries synchronously: everything but the body and categories. */
export function headerFromReadItem(item: Office.MessageRead): MailMessage {
  // A read item exposes only dateTimeCreated, which Outlook sets on arrival: it serves as both times.
  const received = isoUtc(item.dateTimeCreated);
  return {
    id: item.internetMessageId || item.itemId,
    internetMessageId: item.internetMessageId || null,
    conversationId: item.conversationId || null,
    subject: item.subject ?? "",
    from: toAddress(item.from),
    to: toAddresses(item.to),
    cc: toAddresses(item.cc),
    sentAt: received,
    receivedAt: received,
    bodyText: "",
    attachmentNames: (item.attachments ?? []).filter((a) => !a.isInline).map((a) => a.name),
  };
}

/** A read-mode Outlook message as a MailMessage (body read as plain text). */
export async function messageFromReadItem(office: OfficeNamespace, item: Office.MessageRead): Promise<MailMessage> {
  const categoriesApi = (item as { categories?: Office.Categories }).categories;
  const [bodyText, categories] = await Promise.all([
    officeCall<string>("read the message body", (cb) => item.body.getAsync(office.CoercionType.Text, cb)),
    categoriesApi
      ? officeCall<Office.CategoryDetails[]>("read the message's categories", (cb) => categoriesApi.getAsync(cb))
      : Promise.resolve(undefined),
  ]);
  return {
    ...headerFromReadItem(item),
    bodyText: bodyText ?? "",
    ...(categories ? { categories: categories.map((c) => c.displayName) } : {}),
  };
}

/** A draft being written as a MailMessage; `sentAt` is given when it is being sent. */
export async function messageFromComposeItem(
  office: OfficeNamespace,
  item: Office.MessageCompose,
  sentAt: string | null = null,
): Promise<MailMessage> {
  const [subject, to, cc, bodyText] = await Promise.all([
    officeCall<string>("read the draft's subject", (cb) => item.subject.getAsync(cb)),
    officeCall<Office.EmailAddressDetails[]>("read the draft's To line", (cb) => item.to.getAsync(cb)),
    officeCall<Office.EmailAddressDetails[]>("read the draft's Cc line", (cb) => item.cc.getAsync(cb)),
    officeCall<string>("read the draft's body", (cb) => item.body.getAsync(office.CoercionType.Text, cb)),
  ]);
  const profile = office.context.mailbox.userProfile;
  const conversationId = item.conversationId || null;
  return {
    // A draft has no Message-ID until sent; the conversation keeps replies in one thread until then.
    id: `draft:${conversationId ?? "new"}`,
    internetMessageId: null,
    conversationId,
    subject: subject ?? "",
    from: toAddress(profile),
    to: toAddresses(to),
    cc: toAddresses(cc),
    sentAt,
    receivedAt: null,
    bodyText: bodyText ?? "",
    attachmentNames: [],
  };
}

/** True for a compose-mode item: its subject is an object with getAsync instead of a string. */
export function isComposeItem(item: Office.MessageRead | Office.MessageCompose | object): item is Office.MessageCompose {
  const subject = (item as { subject?: unknown }).subject;
  return typeof subject === "object" && subject !== null && typeof (subject as { getAsync?: unknown }).getAsync === "function";
}
