/**
 * Function-file entry (manifest FunctionFile and the OnMessageSend runtime). Handlers are associated at load,
 * not inside Office.onReady, because Outlook's event runtime looks them up as soon as the script has run.
 */
import { createPendingSendLog } from "@adapters/office/pendingSendLog";
import { registerCommands } from "./registerCommands";
import { createRibbonFiling, ribbonLog } from "./ribbonLog";
import { createHandlerSendCheck } from "./sendCheck";

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.actions) {
  const pending = createPendingSendLog(office);
  const now = () => new Date();
  // Built on first use: most function-file launches are OnMessageSend, which needs only the send check's stores.
  let filing: ReturnType<typeof createRibbonFiling> | null = null;
  registerCommands(office, {
    // The sent mail has no Internet message id yet: the pane matches it in Sent Items and logs it (source "send").
    onSendLog: (draft, matterId) => pending.record(draft, matterId),
    async onRibbonLog(message) {
      filing ??= createRibbonFiling(office, now).catch((error: unknown) => {
        filing = null;
        throw error;
      });
      return ribbonLog(message, await filing);
    },
    now,
    sendCheck: createHandlerSendCheck(office, { now }),
  });
}
