import { MatterlineError } from "@domain/errors";
import { promiseTry } from "@domain/promiseTry";
import type { ReplyComposer } from "@ports/replyComposer";
import { isComposeItem } from "./messageFromItem";
import { officeCall, officeSync, requireItem, type OfficeNamespace } from "./officeCall";

/** displayReplyForm takes at most 32 KB of HTML. */
export const REPLY_HTML_LIMIT_BYTES = 32 * 1024;

/** Escapes plain text for an HTML body, keeping line breaks. */
export function textToHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r?\n/g, "<br>");
}

/** ReplyComposer over Outlook: the reply form in read mode, insertion at the cursor in compose mode. Never sends. */
export function createOfficeReplyComposer(office: OfficeNamespace): ReplyComposer {
  return {
    // displayReplyForm answers at once; promiseTry keeps every failure a rejection, as the port promises.
    openReply: (html: string): Promise<void> =>
      promiseTry(() => {
        const item = requireItem(office);
        if (isComposeItem(item)) {
          throw new MatterlineError("invalid-input", "You are already writing a message. Use Insert to add the draft at the cursor.");
        }
        if (new TextEncoder().encode(html).length > REPLY_HTML_LIMIT_BYTES) {
          throw new MatterlineError(
            "invalid-input",
            "This reply is too long for Outlook's reply window (over 32 KB). Shorten it, or copy it into a reply yourself.",
          );
        }
        const read = item as Office.MessageRead;
        officeSync("open the reply window", () => read.displayReplyForm({ htmlBody: html }));
      }),
    async insertAtCursor(text: string): Promise<void> {
      const item = requireItem(office);
      if (!isComposeItem(item)) {
        throw new MatterlineError("invalid-input", "Open a reply or a new message first, then insert the draft.");
      }
      // Inserting HTML into a plain-text body fails (or shows tags), so ask the editor which it is first.
      const bodyType = await officeCall<Office.CoercionType>("check the draft's format", (cb) => item.body.getTypeAsync(cb));
      const html = bodyType === office.CoercionType.Html;
      await officeCall<void>("insert the text into your draft", (cb) =>
        item.body.setSelectedDataAsync(
          html ? textToHtml(text) : text,
          { coercionType: html ? office.CoercionType.Html : office.CoercionType.Text },
          cb,
        ),
      );
    },
  };
}
