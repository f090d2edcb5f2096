/** The slice of `Office.context` the requirement checks read, so tests pass a small fake. */
export interface OfficeContextLike {
  readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  readonly diagnostics?: { readonly version?: string; readonly platform?: string | number; readonly hostName?: string } | null;
}

/** What this Outlook can do, and plain sentences for what is missing. */
export interface RequirementSupport {
  /** Highest Mailbox requirement set supported, e.g. "1.13"; null outside Outlook. */
  readonly mailbox: string | null;
  /** Nested app authentication (NestedAppAuth 1.1): single sign-on without a popup. */
  readonly nestedAppAuth: boolean;
  /** Mailbox 1.8: categories on items and the master category list. */
  readonly categories: boolean;
  /** Mailbox 1.12: OnMessageSend, for logging sent mail at send time. */
  readonly onMessageSend: boolean;
  /** Mailbox 1.13: selecting several messages at once, for bulk tagging. */
  readonly multiSelect: boolean;
  /** One plain sentence per missing capability, for a MessageBar in Settings. */
  readonly limitations: readonly string[];
}

/** Mailbox 1.1 … 1.15; checked from the top so the first hit is the highest. */
const MAILBOX_VERSIONS = Array.from({ length: 15 }, (_, i) => `1.${15 - i}`);

/**
 * Checks requirement sets at run time so Matterline degrades clearly on older Outlook (LTSC Outlook 2021 stops at
 * Mailbox 1.9 and has no nested app auth) instead of failing when a feature is first used.
 */
export function requirementSupport(context: OfficeContextLike | null | undefined): RequirementSupport {
  const supports = (name: string, version: string) => {
    try {
      return context?.requirements.isSetSupported(name, version) === true;
    } catch {
      // Some hosts throw for unknown set names instead of answering false.
      return false;
    }
  };
  const mailbox = MAILBOX_VERSIONS.find((v) => supports("Mailbox", v)) ?? null;
  const result = {
    mailbox,
    nestedAppAuth: supports("NestedAppAuth", "1.1"),
    categories: supports("Mailbox", "1.8"),
    onMessageSend: supports("Mailbox", "1.12"),
    multiSelect: supports("Mailbox", "1.13"),
  };
  const limitations: string[] = [];
  if (!mailbox) limitations.push("This is not running inside Outlook, so mailbox features are unavailable.");
  if (!result.nestedAppAuth)
    limitations.push("This Outlook cannot sign in silently. Matterline will open a sign-in window when it needs Microsoft 365.");
  if (!result.categories)
    limitations.push("This Outlook cannot show matter categories on messages. Logged mail is kept in Matterline only.");
  if (!result.onMessageSend)
    limitations.push("This Outlook cannot log mail as it is sent. Log sent mail from the Sent Items folder instead.");
  if (!result.multiSelect) limitations.push("This Outlook cannot tag several messages at once. Tag them one at a time.");
  return { ...result, limitations };
}
