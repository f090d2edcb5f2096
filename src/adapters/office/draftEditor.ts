import { MatterlineError } from "@domain/errors";
import type { DraftEdit, DraftEditor } from "@ports/draftEditor";
import { replaceInHtml, replaceInText } from "@features/replies/draftEdits";
import { isComposeItem } from "./messageFromItem";
import { officeCall, requireItem, type OfficeNamespace } from "./officeCall";

function composeItem(office: OfficeNamespace): Office.MessageCompose {
  const item = requireItem(office);
  if (!isComposeItem(item)) throw new MatterlineError("invalid-input", "Open a reply or a new message first, then check your draft.");
  return item;
}

/**
 * DraftEditor over the compose item's body: `body.getAsync` to read, `body.setAsync` to write back, in the
 * body's own type (an HTML draft stays HTML, its formatting kept; a plain-text draft stays text).
 */
export function createOfficeDraftEditor(office: OfficeNamespace): DraftEditor {
  return {
    async getText(): Promise<string> {
      const item = composeItem(office);
      return officeCall<string>("read your draft", (cb) => item.body.getAsync(office.CoercionType.Text, cb));
    },
    async replace(edit: DraftEdit, replacement: string): Promise<void> {
      const item = composeItem(office);
      const type = await officeCall<Office.CoercionType>("check the draft's format", (cb) => item.body.getTypeAsync(cb));
      const html = type === office.CoercionType.Html;
      const coercionType = html ? office.CoercionType.Html : office.CoercionType.Text;
      const body = await officeCall<string>("read your draft", (cb) => item.body.getAsync(coercionType, cb));
      const next = html ? replaceInHtml(body, edit, replacement) : replaceInText(body, edit, replacement);
      await officeCall<void>("change your draft", (cb) => item.body.setAsync(next, { coercionType }, cb));
    },
  };
}
