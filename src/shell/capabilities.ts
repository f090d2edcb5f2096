import type { MailSource } from "@ports/mailSource";
import type { Clock } from "@ports/clock";
import type { ThemeSource } from "@ports/hostTheme";
import type { HostFeature } from "@ports/hostSupport";
import type { SignInControl } from "@ports/signIn";
import type { FilingCapability } from "@features/filing/api";
import type { OverdueCapability } from "@features/clock/api";
import type { RepliesCapability } from "@features/replies/api";
import type { FollowUpCapability } from "@features/followUps/api";
import type { MattersCapability } from "@features/matters/api";
import type { SendGuardCapability } from "@features/sendGuard/api";
import type { RecordCapability } from "@features/record/api";

/** What the host can do, read once at start so features degrade with a clear message (e.g. LTSC Outlook 2021). */
export interface HostInfo {
  /** "Outlook", or "Workbench" for the offline demo host. */
  readonly name: string;
  /** Highest Mailbox requirement set supported, e.g. "1.13". */
  readonly mailboxVersion: string;
  readonly supports: Readonly<Record<HostFeature, boolean>>;
}

/**
 * Everything the UI may use. Entry points build it from adapters; components never import adapters.
 * Each feature's capability is optional so the shell renders (and tests run) without it.
 */
export interface Capabilities {
  readonly mail: MailSource;
  readonly theme: ThemeSource;
  readonly clock: Clock;
  readonly host: HostInfo;
  /** Recognize and log email to matters. */
  readonly filing?: FilingCapability;
  /** Directory import, matter search, timelines, export, bulk tagging and the untagged queue. */
  readonly matters?: MattersCapability;
  /** Response clock and overdue alerts. */
  readonly overdue?: OverdueCapability;
  /** Plain-language replies and the draft checker. */
  readonly replies?: RepliesCapability;
  /** Follow-up calendar events. */
  readonly followUps?: FollowUpCapability;
  /** The send-time confidentiality check: live warnings while composing, notes of sends it could not check. */
  readonly sendGuard?: SendGuardCapability;
  /** The firm's shared matter record (a SharePoint site): sync, what waits, the site. */
  readonly record?: RecordCapability;
  /** Sign-in as the pane's one bar shows it: what waits for a person, and the Sign in button. */
  readonly signIn?: SignInControl;
}
