import { MatterlineError } from "@domain/errors";
import { normalizeEmail, type Address } from "@domain/model/mail";
import type { RecipientField, WarningFix } from "@domain/sendGuard/types";
import type { DraftForCheck, SendDraft } from "@ports/sendDraft";
import { isComposeItem } from "./messageFromItem";
import { officeCall, requireItem, type OfficeNamespace } from "./officeCall";

const FIELDS: readonly RecipientField[] = ["to", "cc", "bcc"];

function composeItem(office: OfficeNamespace): Office.MessageCompose {
  const item = requireItem(office);
  if (!isComposeItem(item)) throw new MatterlineError("no-item", "No draft is open. The send check looks at an email being written.");
  return item;
}

function toAddresses(list: readonly Office.EmailAddressDetails[] | null | undefined): Address[] {
  return (list ?? [])
    .map((p) => ({ name: p.displayName || undefined, email: normalizeEmail(p.emailAddress) }))
    .filter((a) => a.email.includes("@"));
}

function recipients(office: OfficeNamespace, item: Office.MessageCompose, field: RecipientField): Promise<Office.EmailAddressDetails[]> {
  return officeCall<Office.EmailAddressDetails[]>(`read the draft's ${field === "bcc" ? "Bcc" : field === "cc" ? "Cc" : "To"} line`, (cb) =>
    item[field].getAsync(cb),
  );
}

/**
 * The open draft for the send check, over Office.js compose APIs: recipients (Mailbox 1.1), attachments
 * (getAttachmentsAsync, Mailbox 1.8; older Outlooks check without them), RecipientsChanged (Mailbox 1.7) and
 * AttachmentsChanged (Mailbox 1.8) on the item (learn.microsoft.com/javascript/api/outlook/office.messagecompose).
 */
export function createOfficeSendDraft(office: OfficeNamespace): SendDraft {
  const supports = (version: string) => office.context.requirements.isSetSupported("Mailbox", version);
  return {
    async read(): Promise<DraftForCheck> {
      const item = composeItem(office);
      const [subject, to, cc, bcc, bodyText, attachments] = await Promise.all([
        officeCall<string>("read the draft's subject", (cb) => item.subject.getAsync(cb)),
        recipients(office, item, "to"),
        recipients(office, item, "cc"),
        recipients(office, item, "bcc"),
        officeCall<string>("read the draft's body", (cb) => item.body.getAsync(office.CoercionType.Text, cb)),
        supports("1.8")
          ? officeCall<Office.AttachmentDetailsCompose[]>("read the draft's attachments", (cb) => item.getAttachmentsAsync(cb))
          : Promise.resolve([] as Office.AttachmentDetailsCompose[]),
      ]);
      return {
        conversationId: item.conversationId || null,
        mail: {
          to: toAddresses(to),
          cc: toAddresses(cc),
          bcc: toAddresses(bcc),
          subject: subject ?? "",
          bodyText: bodyText ?? "",
          attachmentNames: (attachments ?? []).filter((a) => !a.isInline).map((a) => a.name),
        },
      };
    },

    onChanged(listener) {
      const item = composeItem(office);
      const events: Office.EventType[] = [];
      if (supports("1.7")) events.push(office.EventType.RecipientsChanged);
      if (supports("1.8")) events.push(office.EventType.AttachmentsChanged);
      let active = true;
      for (const type of events) {
        void officeCall<void>("watch the draft's recipients", (cb) =>
          item.addHandlerAsync(
            type,
            () => {
              if (active) listener();
            },
            cb,
          ),
        ).catch((error: unknown) => console.warn("Matterline: the draft's changes cannot be followed:", error));
      }
      return () => {
        active = false;
        for (const type of events)
          void officeCall<void>("stop watching the draft", (cb) => item.removeHandlerAsync(type, cb)).catch(() => undefined);
      };
    },

    async apply(recipient: string, fix: WarningFix): Promise<void> {
      const item = composeItem(office);
      const address = recipient.toLowerCase();
      if (fix.kind === "remove-attachment") {
        const attachments = await officeCall<Office.AttachmentDetailsCompose[]>("read the draft's attachments", (cb) =>
          item.getAttachmentsAsync(cb),
        );
        const found = attachments.find((a) => a.name === fix.name);
        if (!found) throw new MatterlineError("not-found", `The attachment "${fix.name}" is no longer on the draft.`);
        await officeCall<void>("remove the attachment", (cb) => item.removeAttachmentAsync(found.id, cb));
        return;
      }
      let moved: Office.EmailAddressDetails | null = null;
      for (const field of FIELDS) {
        if (fix.kind === "move-to-bcc" && field === "bcc") continue;
        const list = await recipients(office, item, field);
        const hit = list.filter((p) => normalizeEmail(p.emailAddress) === address);
        if (hit.length === 0) continue;
        moved ??= hit[0];
        const next =
          fix.kind === "replace"
            ? list.map((p) => (normalizeEmail(p.emailAddress) === address ? { displayName: fix.with, emailAddress: fix.with } : p))
            : list.filter((p) => normalizeEmail(p.emailAddress) !== address);
        await officeCall<void>(`change the draft's ${field === "to" ? "To" : field === "cc" ? "Cc" : "Bcc"} line`, (cb) =>
          item[field].setAsync(next, cb),
        );
      }
      if (fix.kind === "move-to-bcc") {
        const bcc = await recipients(office, item, "bcc");
        if (!bcc.some((p) => normalizeEmail(p.emailAddress) === address)) {
          const who = moved ?? { displayName: recipient, emailAddress: recipient };
          await officeCall<void>("add the recipient to Bcc", (cb) => item.bcc.addAsync([who], cb));
        }
      }
    },
  };
}

/** Custom-property name holding the fingerprint of warnings already shown once for this draft. */
export const SEND_ACK_PROPERTY = "matterlineSendCheckSeen";

/**
 * The fingerprint of warnings the sender has already been shown, on the draft's custom properties (they travel with
 * the item between the handler's runs: learn.microsoft.com/javascript/api/outlook/office.customproperties).
 */
export function createOfficeSendAck(office: OfficeNamespace) {
  const load = () =>
    officeCall<Office.CustomProperties>("read Matterline's data on the draft", (cb) => requireItem(office).loadCustomPropertiesAsync(cb));
  return {
    async get(): Promise<string | null> {
      const v: unknown = (await load()).get(SEND_ACK_PROPERTY);
      return typeof v === "string" ? v : null;
    },
    async set(fingerprint: string | null): Promise<void> {
      const props = await load();
      if (fingerprint) props.set(SEND_ACK_PROPERTY, fingerprint);
      else props.remove(SEND_ACK_PROPERTY);
      await officeCall<void>("save Matterline's data on the draft", (cb) => props.saveAsync(cb));
    },
  };
}
