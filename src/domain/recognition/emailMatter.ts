import type { PaneRecognition } from "./paneRecognition";
import type { Recognition } from "./types";

/**
 * The matter an email is on for every feature, and what says so: "logged" (someone logged the email to it),
 * "recognized" (recognition is sure of it), or null with no matter.
 */
export type EmailMatter =
  { readonly matterId: string; readonly basis: "logged" | "recognized" } | { readonly matterId: null; readonly basis: null };

/**
 * The one rule for which matter an email is on: a matter it was logged to wins over what recognition would say, and
 * recognition's answer counts only when it did not abstain — naming or filing the wrong matter is a confidentiality
 * breach, so a guess is never used. Filing, replies, follow-ups, bulk tagging and the untagged queue all ask this.
 */
export function matterOfEmail(
  loggedMatterId: string | null | undefined,
  recognition: Pick<Recognition, "matterId" | "abstained"> | null | undefined,
): EmailMatter {
  if (loggedMatterId) return { matterId: loggedMatterId, basis: "logged" };
  if (recognition?.matterId && !recognition.abstained) return { matterId: recognition.matterId, basis: "recognized" };
  return { matterId: null, basis: null };
}

/**
 * The matter a message is logged to, as the pane knows it: this device's matter log, else our MatterId property on the
 * message in the mailbox (a colleague's or another device's filing). A category is never a filing.
 */
export function loggedMatterOf(pane: Pick<PaneRecognition, "logged" | "mailbox">): string | null {
  return pane.logged?.entry.matterId ?? pane.mailbox.selfMatterId ?? null;
}
