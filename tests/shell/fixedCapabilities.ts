import type { Capabilities } from "@shell/capabilities";
import type { MailSource } from "@ports/mailSource";

/** Outlook with nothing open, and no ItemChanged to come. */
const NOTHING_OPEN: MailSource = {
  currentItem: () => Promise.resolve({ mode: "none", itemId: null, message: null }),
  onItemChanged: () => () => undefined,
};

/**
 * The pane's base capabilities with fixed answers (a light theme, a clock stopped at `now`, an Outlook on Mailbox 1.13
 * that supports every host feature, nothing open unless `mail` is given) plus the feature capabilities `extra` gives:
 * for a section rendered alone against a capability its test controls. A test of the pane as Outlook builds it uses
 * wirePane (tests/hosts/wiredPane.ts) instead.
 */
export function fixedCapabilities(now: string, extra: Partial<Capabilities> = {}): Capabilities {
  return {
    mail: NOTHING_OPEN,
    clock: { now: () => new Date(now) },
    theme: { current: () => ({ dark: false, background: "#ffffff", foreground: "#000000" }), onChanged: () => () => undefined },
    host: {
      name: "Test",
      mailboxVersion: "1.13",
      supports: { pinning: true, categories: true, "on-send": true, "multi-select": true, "load-item": true, "nested-app-auth": true },
    },
    ...extra,
  };
}
