import type { HostEnvironment } from "@hosts/hostEnvironment";

/** What the workbench page hands its task pane frame: the Office fake and the simulated services. */
export interface WorkbenchBridge {
  readonly office: unknown;
  /** Replaced when another person signs in (the pane reloads and reads it again). */
  host: HostEnvironment;
}

export const BRIDGE_KEY = "__matterlineWorkbench";
