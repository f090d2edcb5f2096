import type { Capabilities } from "@shell/capabilities";
import type { HostFeature } from "@ports/hostSupport";
// Each adapter from its own module: the adapters' index would bring every Office adapter into the first script.
import { createOfficeHostSupport } from "@adapters/office/hostSupport";
import { createOfficeMailSource } from "@adapters/office/mailSource";
import { createOfficeThemeSource } from "@adapters/office/themeSource";
import type { OfficeNamespace } from "@adapters/office/officeCall";
import { paneClock, type HostEnvironment } from "@hosts/hostEnvironment";

const FEATURES: HostFeature[] = ["pinning", "categories", "on-send", "multi-select", "load-item", "nested-app-auth"];

/**
 * What the pane needs for its first render: the open item, the theme, the clock and what this Outlook supports.
 * Kept small and synchronous; the features (storage, Graph, engines) load after it, see buildFeatures.ts.
 */
export function baseCapabilities(office: typeof Office, host: HostEnvironment | undefined): Capabilities {
  const ns: OfficeNamespace = office;
  const support = createOfficeHostSupport(ns);
  const supports = Object.fromEntries(FEATURES.map((f) => [f, support.supports(f)])) as Record<HostFeature, boolean>;
  return {
    mail: createOfficeMailSource(ns),
    theme: createOfficeThemeSource(ns),
    clock: { now: paneClock(host) },
    host: { name: host?.name ?? "Outlook", mailboxVersion: support.mailboxVersion(), supports },
  };
}
