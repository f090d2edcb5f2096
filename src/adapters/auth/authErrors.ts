import { MatterlineError } from "@domain/errors";

/** MSAL error codes we map (BrowserAuthErrorCodes and friends); compared as strings so fakes need no MSAL classes. */
const CANCELLED = new Set(["user_cancelled", "access_denied", "consent_required_cancelled"]);
const OFFLINE = new Set([
  "no_network_connectivity",
  "endpoints_resolution_error",
  "network_error",
  "post_request_failed",
  "get_request_failed",
]);
/** Office dialog codes: 12006 = the user closed the dialog. */
const DIALOG_CLOSED = 12006;

interface ErrorLike {
  readonly name?: string;
  readonly errorCode?: string;
  readonly code?: number | string;
  readonly message?: string;
}

/** True when MSAL says silent sign-in cannot work and the user must interact. */
export function needsInteraction(error: unknown): boolean {
  const e = (error ?? {}) as ErrorLike;
  return (
    e.name === "InteractionRequiredAuthError" ||
    e.errorCode === "interaction_required" ||
    e.errorCode === "login_required" ||
    e.errorCode === "consent_required" ||
    e.errorCode === "no_account_error" ||
    e.errorCode === "no_tokens_found" ||
    e.errorCode === "native_account_unavailable"
  );
}

/** True when a popup could not be shown (blocked, or the host forbids it): the Office dialog is the next try. */
export function popupUnavailable(error: unknown): boolean {
  const code = ((error ?? {}) as ErrorLike).errorCode;
  return (
    code === "popup_window_error" || code === "empty_window_error" || code === "block_nested_popups" || code === "monitor_window_timeout"
  );
}

/** Turns whatever sign-in threw into a MatterlineError with a message an attorney can act on. */
export function mapAuthError(error: unknown): MatterlineError {
  if (error instanceof MatterlineError) return error;
  const e = (error ?? {}) as ErrorLike;
  if ((e.errorCode && CANCELLED.has(e.errorCode)) || e.code === DIALOG_CLOSED) {
    return new MatterlineError("auth-cancelled", "Sign-in was cancelled. Choose Sign in when you are ready.", { cause: error });
  }
  if ((e.errorCode && OFFLINE.has(e.errorCode)) || (e.name === "TypeError" && /fetch|network/i.test(e.message ?? ""))) {
    return new MatterlineError(
      "offline",
      "You appear to be offline. Matterline keeps your work and tries again when you are back online.",
      { cause: error },
    );
  }
  if (needsInteraction(error)) {
    return new MatterlineError("auth-failed", "Please sign in to Microsoft 365 again to continue.", { cause: error });
  }
  const detail = e.errorCode ? ` (${e.errorCode})` : "";
  return new MatterlineError("auth-failed", `Sign-in to Microsoft 365 did not work${detail}. Try again, or ask your IT administrator.`, {
    cause: error,
  });
}
