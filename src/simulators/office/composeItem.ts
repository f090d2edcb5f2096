import { htmlToText } from "@domain/text/htmlToText";
import { FakeOfficeCallError } from "./runtime";
import type { DraftState, MailboxState } from "./mailboxState";
import { categoriesApi, loadCustomPropertiesApi, notificationsApi } from "./itemParts";
import type { FakePerson } from "./types";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "<br>");
}

function recipient(p: FakePerson) {
  return { displayName: p.displayName, emailAddress: p.emailAddress, recipientType: "other" };
}

/** An object shaped like an Outlook compose-mode message (Office.MessageCompose) for the slice Matterline uses. */
export function buildComposeItem(draft: DraftState, state: MailboxState) {
  const rt = state.runtime;
  const recipientsApi = (field: "to" | "cc") => ({
    getAsync: (...tail: unknown[]) => rt.respond(`${field}.getAsync`, tail, () => draft[field].map(recipient)),
    setAsync: (people: FakePerson[], ...tail: unknown[]) => rt.respond(`${field}.setAsync`, tail, () => void (draft[field] = [...people])),
  });
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
  return state.supports("1.8") ? { ...item, categories: categoriesApi(state, draft.key, []) } : item;
}
