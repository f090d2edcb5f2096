import type { HostEnvironment } from "@hosts/hostEnvironment";

/** What the workbench page hands its task pane frame: the Office fake and the simulated services. */
export interface WorkbenchBridge {
  readonly office: unknown;
  readonly host: HostEnvironment;
}

export const BRIDGE_KEY = "__matterlineWorkbench";
