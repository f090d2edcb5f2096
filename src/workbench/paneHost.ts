// Runs in the task pane frame before the pane bundle: installs the workbench's Office fake and simulated services,
// exactly where office.js and the real Microsoft services would be in Outlook.
import { BRIDGE_KEY, type WorkbenchBridge } from "./bridge";

const bridge = (window.parent as unknown as Record<string, WorkbenchBridge | undefined>)[BRIDGE_KEY];
if (bridge) {
  (window as unknown as { Office: unknown }).Office = bridge.office;
  window.__MATTERLINE_HOST__ = bridge.host;
}
