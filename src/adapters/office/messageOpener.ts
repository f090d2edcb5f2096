import type { MessageOpener } from "@ports/messageOpener";
import { MatterlineError } from "@domain/errors";
import { promiseTry } from "@domain/promiseTry";
import { officeSync, type OfficeNamespace } from "./officeCall";

/**
 * MessageOpener over `mailbox.displayMessageForm` (Mailbox 1.1), which wants an EWS id: Graph's REST id is
 * converted first. Outlook opens items of shared mailboxes the user has access to the same way.
 */
export function createOfficeMessageOpener(office: OfficeNamespace): MessageOpener {
  return {
    // displayMessageForm answers at once; promiseTry keeps every failure a rejection, as the port promises.
    open: (restId: string): Promise<void> =>
      promiseTry(() => {
        const mailbox = office.context.mailbox;
        if (typeof mailbox.displayMessageForm !== "function") {
          throw new MatterlineError(
            "not-supported",
            "This Outlook cannot open another message from the add-in. Open it from the message list.",
          );
        }
        const ewsId = officeSync("convert the message id", () => mailbox.convertToEwsId(restId, office.MailboxEnums.RestVersion.v2_0));
        officeSync("open the message", () => mailbox.displayMessageForm(ewsId));
      }),
  };
}
