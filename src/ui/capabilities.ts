import type { MailSource } from "../core/ports/mailSource";
import type { Clock } from "../core/ports/clock";
import type { ThemeSource } from "./theme";

/** What the host can do, read once at start so features degrade with a clear message (e.g. LTSC Outlook 2021). */
export interface HostInfo {
  /** "Outlook", or "Workbench" for the offline demo host. */
  readonly name: string;
  /** Highest Mailbox requirement set supported, e.g. "1.13". */
  readonly mailboxVersion: string;
  readonly multiSelect: boolean;
  readonly onSend: boolean;
  readonly categories: boolean;
  readonly nestedAppAuth: boolean;
}

/**
 * Everything the UI may use. Entry points build it from adapters; components never import adapters.
 * Feature capabilities are added here as each capability lands.
 */
export interface Capabilities {
  readonly mail: MailSource;
  readonly theme: ThemeSource;
  readonly clock: Clock;
  readonly host: HostInfo;
}
