import { htmlToText } from "@domain/text/htmlToText";
import { FakeOfficeCallError } from "./runtime";
import type { DraftState, MailboxState } from "./mailboxState";
import { categoriesApi, loadCustomPropertiesApi, notificationsApi } from "./itemParts";
import { itemEventSince } from "./enums";
import type { FakePerson } from "./types";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "<br>");
}

function recipient(p: FakePerson) {
  return { displayName: p.displayName, emailAddress: p.emailAddress, recipientType: "other" };
}

/** Outlook takes at most 100 recipients in one setAsync or addAsync call. */
const MAX_RECIPIENTS_PER_CALL = 100;

/** What Office accepts as a recipient: an address string, or an object with emailAddress (EmailUser, EmailAddressDetails). */
function toPerson(value: unknown): FakePerson {
  const v = value as { emailAddress?: unknown; displayName?: unknown } | string | null;
  const email = typeof v === "string" ? v : typeof v?.emailAddress === "string" ? v.emailAddress : "";
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(email.trim()))
    throw new FakeOfficeCallError(9030, "InvalidFormatError", `"${String(email)}" is not an email address.`);
  const name = typeof v === "object" && v && typeof v.displayName === "string" && v.displayName ? v.displayName : email;
  return { displayName: name, emailAddress: email.trim() };
}

function toPeople(values: unknown): FakePerson[] {
  if (!Array.isArray(values)) throw new FakeOfficeCallError(9030, "InvalidFormatError", "Recipients must be an array.");
  if (values.length > MAX_RECIPIENTS_PER_CALL)
    throw new FakeOfficeCallError(9041, "NumberOfRecipientsExceeded", `At most ${MAX_RECIPIENTS_PER_CALL} recipients can be set at once.`);
  return values.map(toPerson);
}

/** Calls the item's handlers of an event type later, as Outlook raises item events after the change. */
export function fireItemEvent(draft: DraftState, state: MailboxState, type: string, args: Record<string, unknown>): void {
  const handlers = draft.handlers.get(type) ?? [];
  if (handlers.length === 0) return;
  state.runtime.later(() => handlers.forEach((h) => h({ type, ...args })));
}

/** The user (or the add-in) changed a recipient line: RecipientsChanged names the lines that changed. */
export function recipientsChanged(draft: DraftState, state: MailboxState, fields: readonly ("to" | "cc" | "bcc")[]): void {
  state.draftChanged?.(draft.key);
  fireItemEvent(draft, state, "olkRecipientsChanged", {
    changedRecipientFields: {
      to: fields.includes("to"),
      cc: fields.includes("cc"),
      bcc: fields.includes("bcc"),
      requiredAttendees: false,
      optionalAttendees: false,
      resources: false,
    },
  });
}

/** An object shaped like an Outlook compose-mode message (Office.MessageCompose) for the slice Matterline uses. */
export function buildComposeItem(draft: DraftState, state: MailboxState) {
  const rt = state.runtime;
  const recipientsApi = (field: "to" | "cc" | "bcc") => ({
    getAsync: (...tail: unknown[]) => rt.respond(`${field}.getAsync`, tail, () => draft[field].map(recipient)),
    setAsync: (people: unknown, ...tail: unknown[]) =>
      rt.respond(`${field}.setAsync`, tail, () => {
        draft[field] = toPeople(people);
        recipientsChanged(draft, state, [field]);
      }),
    addAsync: (people: unknown, ...tail: unknown[]) =>
      rt.respond(`${field}.addAsync`, tail, () => {
        draft[field] = [...draft[field], ...toPeople(people)];
        recipientsChanged(draft, state, [field]);
      }),
  });
  const itemEvents = {
    addHandlerAsync: (eventType: string, handler: (args: Record<string, unknown>) => void, ...tail: unknown[]) =>
      rt.respond("item.addHandlerAsync", tail, () => {
        const since = itemEventSince[eventType];
        if (!since || !state.supports(since))
          throw new FakeOfficeCallError(5002, "InvalidEventType", `This Outlook does not raise "${eventType}" on a draft.`);
        draft.handlers.set(eventType, [...(draft.handlers.get(eventType) ?? []), handler]);
      }),
    // Like Office, removes every handler of that event type on the item.
    removeHandlerAsync: (eventType: string, ...tail: unknown[]) =>
      rt.respond("item.removeHandlerAsync", tail, () => void draft.handlers.delete(eventType)),
  };
  const attachmentsApi = {
    getAttachmentsAsync: (...tail: unknown[]) =>
      rt.respond("getAttachmentsAsync", tail, () =>
        draft.attachments.map((a) => ({ id: a.id, name: a.name, attachmentType: "file", isInline: false, size: 1024 })),
      ),
  };
  const item = {
    itemType: "message",
    // In compose mode Outlook gives no itemId (getItemIdAsync after saving) and no internetMessageId.
    itemId: undefined as string | undefined,
    conversationId: draft.conversationId,
    subject: {
      getAsync: (...tail: unknown[]) => rt.respond("subject.getAsync", tail, () => draft.subject),
      setAsync: (subject: string, ...tail: unknown[]) => rt.respond("subject.setAsync", tail, () => void (draft.subject = subject)),
    },
    to: recipientsApi("to"),
    cc: recipientsApi("cc"),
    bcc: recipientsApi("bcc"),
    ...itemEvents,
    removeAttachmentAsync: (attachmentId: string, ...tail: unknown[]) =>
      rt.respond("removeAttachmentAsync", tail, () => {
        const at = draft.attachments.findIndex((a) => a.id === attachmentId);
        if (at < 0) throw new FakeOfficeCallError(9016, "InvalidAttachmentId", "The attachment identifier does not exist.");
        const [removed] = draft.attachments.splice(at, 1);
        state.draftChanged?.(draft.key);
        fireItemEvent(draft, state, "olkAttachmentsChanged", {
          attachmentStatus: "removed",
          attachmentDetails: { id: removed.id, name: removed.name },
        });
      }),
    body: {
      getAsync: (coercionType: string, ...tail: unknown[]) =>
        rt.respond("body.getAsync", tail, () =>
          coercionType === "html" ? draft.bodyHtml : draft.bodyType === "html" ? htmlToText(draft.bodyHtml) : draft.bodyText,
        ),
      getTypeAsync: (...tail: unknown[]) => rt.respond("body.getTypeAsync", tail, () => draft.bodyType),
      // Replaces the whole body. Like Outlook, HTML set into a plain-text body is refused rather than shown as tags.
      setAsync: (data: string, ...tail: unknown[]) => {
        const options = (tail[0] && typeof tail[0] === "object" ? tail[0] : {}) as { coercionType?: string };
        const coercionType = options.coercionType ?? "text";
        rt.respond("body.setAsync", tail, () => {
          if (coercionType === "html" && draft.bodyType === "text") {
            throw new FakeOfficeCallError(9013, "InvalidFormatError", "HTML cannot be set into a plain-text body.");
          }
          if (draft.bodyType === "html") draft.bodyHtml = coercionType === "html" ? data : escapeHtml(data);
          else draft.bodyText = data;
          state.bodyChanged?.(draft.key);
        });
      },
      setSelectedDataAsync: (data: string, ...tail: unknown[]) => {
        const options = (tail[0] && typeof tail[0] === "object" ? tail[0] : {}) as { coercionType?: string };
        const coercionType = options.coercionType ?? "text";
        rt.respond("body.setSelectedDataAsync", tail, () => {
          if (coercionType === "html" && draft.bodyType === "text") {
            throw new FakeOfficeCallError(9013, "InvalidFormatError", "HTML cannot be inserted into a plain-text body.");
          }
          // The fake's cursor is at the end of the body.
          if (draft.bodyType === "html") draft.bodyHtml += coercionType === "html" ? data : escapeHtml(data);
          else draft.bodyText += data;
          const list = state.inserts.get(draft.key) ?? [];
          list.push({ data, coercionType });
          state.inserts.set(draft.key, list);
        });
      },
    },
    getItemIdAsync: (...tail: unknown[]) =>
      rt.respond("getItemIdAsync", tail, () => {
        if (!draft.itemId) throw new FakeOfficeCallError(9040, "ItemNotSaved", "The draft has not been saved yet.");
        return draft.itemId;
      }),
    saveAsync: (...tail: unknown[]) =>
      rt.respond("saveAsync", tail, () => {
        draft.itemId ??= `draft-${draft.key}`;
        return draft.itemId;
      }),
    notificationMessages: notificationsApi(state, draft.key),
    loadCustomPropertiesAsync: loadCustomPropertiesApi(state, () => draft.key),
  };
  return state.supports("1.8") ? { ...item, ...attachmentsApi, categories: categoriesApi(state, draft.key, []) } : item;
}
