/**
 * Function-file entry (manifest FunctionFile and the OnMessageSend runtime). Handlers are associated at load,
 * not inside Office.onReady, because Outlook's event runtime looks them up as soon as the script has run.
 */
import { createPendingSendLog } from "./pendingSendLog";
import { registerCommands } from "./registerCommands";

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.actions) {
  const pending = createPendingSendLog(office);
  registerCommands(office, { onSendLog: (draft, matterId) => pending.record(draft, matterId) });
}
