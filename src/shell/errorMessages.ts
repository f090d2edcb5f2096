import { MatterlineError, NO_DIRECTORY_MESSAGE, type ErrorCode } from "@domain/errors";

/** Plain words for every error code: what happened and what the user can do. */
const MESSAGES: Record<ErrorCode, string> = {
  "invalid-directory": "The firm directory has problems and was not imported. Nothing was changed.",
  "invalid-input": "That input could not be used.",
  "invalid-config": "Matterline is not set up correctly. Ask your firm administrator to check its settings.",
  "no-directory": NO_DIRECTORY_MESSAGE,
  "not-supported": "This version of Outlook does not support this feature.",
  "no-item": "Select an email to see what Matterline knows about it.",
  "office-failed": "Outlook could not complete that action. Try again, or reopen the email.",
  "storage-failed": "Matterline could not save on this device. Your browser storage may be full or blocked.",
  offline: "You appear to be offline. Your work is kept and will be sent when you are back online.",
  timeout: "Microsoft 365 took too long to answer. Matterline will try again.",
  throttled: "Microsoft 365 asked Matterline to slow down. It will try again shortly.",
  "graph-error": "Microsoft 365 could not complete the request. Try again in a moment.",
  "auth-failed": "Sign-in did not work. Try again, or ask your administrator to check access.",
  "auth-cancelled": "Sign-in was cancelled. Matterline needs it for this feature.",
  "not-found": "That item could not be found. It may have been moved or deleted.",
  conflict: "Someone changed this at the same time. Refresh and try again.",
  rejected: "Microsoft 365 refused this request. It will not be sent again by itself.",
  "sync-reset": "Microsoft 365 asked Matterline to read the mailbox afresh. It will.",
  "sign-in-required": "Sign in to continue. Matterline paused its background work until you do.",
  "consent-refused": "Matterline was not given the permission it needs. Your administrator must grant it.",
  "wrong-account":
    "You are signed in with a different account from this mailbox's. Matterline stopped so as not to change another person's mailbox.",
};

/** The message shown in the pane for anything thrown. Details (e.g. import problems) are shown beneath it. */
export function plainMessage(error: unknown): { title: string; detail?: string; details: readonly string[] } {
  if (error instanceof MatterlineError) {
    const title = MESSAGES[error.code];
    const detail = error.message && error.message !== title ? error.message : undefined;
    // Listed problems are for the user to fix (an import); technical details (host error names, codes) stay in the console.
    const forUser =
      error.code === "invalid-directory" ||
      error.code === "invalid-input" ||
      error.code === "invalid-config" ||
      error.code === "no-directory";
    if (!forUser && error.details.length) console.warn("Matterline:", error.code, error.details.join(" · "));
    return { title, detail, details: forUser ? error.details : [] };
  }
  return { title: "Something went wrong in Matterline.", detail: error instanceof Error ? error.message : String(error), details: [] };
}
