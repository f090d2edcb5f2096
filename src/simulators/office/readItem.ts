import { FakeOfficeCallError } from "./runtime";
import type { MailboxState } from "./mailboxState";
import { categoriesApi, loadCustomPropertiesApi, notificationsApi } from "./itemParts";
import type { FakeMailItem, FakePerson } from "./types";

/** displayReplyForm's documented limit on htmlBody. */
export const REPLY_FORM_LIMIT_BYTES = 32 * 1024;

function person(p: FakePerson) {
  return { displayName: p.displayName, emailAddress: p.emailAddress, recipientType: "other" };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function guessContentType(name: string): string {
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const known: Record<string, string> = {
    pdf: "application/pdf",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    txt: "text/plain",
    png: "image/png",
    jpg: "image/jpeg",
  };
  return known[ext] ?? "application/octet-stream";
}

/** An object shaped like an Outlook read-mode message (Office.MessageRead) for the slice Matterline uses. */
export function buildReadItem(data: FakeMailItem, state: MailboxState) {
  const rt = state.runtime;
  const created = typeof data.dateTimeCreated === "string" ? new Date(data.dateTimeCreated) : new Date(data.dateTimeCreated.getTime());
  const openReplyForm = (kind: "reply" | "replyAll", method: string) => (form: string | { htmlBody?: string }) => {
    rt.throwIfFailing(method);
    const htmlBody = typeof form === "string" ? form : (form?.htmlBody ?? "");
    // Outlook measures the limit on the string it is given; a UTF-8 byte count is the safe reading.
    if (new TextEncoder().encode(htmlBody).length > REPLY_FORM_LIMIT_BYTES) {
      throw new FakeOfficeCallError(9030, "DataExceedsMaximumSize", "The reply body is larger than 32 KB.");
    }
    state.replyForms.push({ itemId: data.itemId, kind, htmlBody });
  };
  const item = {
    itemId: data.itemId,
    itemType: "message",
    subject: data.subject,
    normalizedSubject: data.subject.replace(/^((re|fw|fwd|aw|wg)\s*:\s*)+/i, ""),
    from: person(data.from),
    sender: person(data.from),
    to: (data.to ?? []).map(person),
    cc: (data.cc ?? []).map(person),
    dateTimeCreated: created,
    dateTimeModified: created,
    internetMessageId: data.internetMessageId,
    conversationId: data.conversationId,
    attachments: (data.attachments ?? []).map((name, i) => ({
      id: `${data.itemId}#att${i}`,
      name,
      size: 1024,
      attachmentType: "file",
      contentType: guessContentType(name),
      isInline: false,
    })),
    body: {
      getAsync: (coercionType: string, ...tail: unknown[]) =>
        rt.respond("body.getAsync", tail, () => {
          if (coercionType === "html") return data.bodyHtml ?? `<div>${escapeHtml(data.bodyText).replace(/\n/g, "<br>")}</div>`;
          if (coercionType === "text") return data.bodyText;
          throw new FakeOfficeCallError(1000, "InvalidCoercionType", `Unsupported coercion type "${coercionType}".`);
        }),
    },
    notificationMessages: notificationsApi(state, data.itemId),
    loadCustomPropertiesAsync: loadCustomPropertiesApi(state, () => data.itemId),
    displayReplyForm: openReplyForm("reply", "displayReplyForm"),
    displayReplyAllForm: openReplyForm("replyAll", "displayReplyAllForm"),
  };
  // Categories exist only from Mailbox 1.8, as in Outlook where older hosts have no such property.
  return state.supports("1.8") ? { ...item, categories: categoriesApi(state, data.itemId, data.categories ?? []) } : item;
}
