import { MatterlineError } from "@domain/errors";

/**
 * MSAL error codes we map (BrowserAuthErrorCodes and friends); compared as strings so fakes need no MSAL classes.
 * A cancel is the user closing the window (MSAL's `user_cancelled`, the Office dialog's 12006); a refusal of consent
 * is told apart from it, because only an administrator can undo it.
 */
const CANCELLED = new Set(["user_cancelled"]);
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

/**
 * Entra's refusals of a permission: AADSTS65001 (nobody consented to the app for these scopes), AADSTS65004 (the
 * user declined), AADSTS90094 / AADSTS90099 (only an administrator may consent). Error codes listed at
 * learn.microsoft.com/entra/identity-platform/reference-error-codes; MSAL passes them through in the message
 * (learn.microsoft.com/entra/msal/dotnet/advanced/exceptions/msal-error-handling, "error codes").
 */
const CONSENT_CODES = /AADSTS(?:65001|65004|90094|90099)\b/;

/**
 * True when the user or the tenant refused a permission during an interactive sign-in: `access_denied`, or
 * `consent_required` / `invalid_grant` carrying one of the consent AADSTS codes. (A silent `consent_required` is not
 * a refusal: it only says the user has not been asked yet.)
 */
export function consentRefused(error: unknown): boolean {
  const e = (error ?? {}) as ErrorLike;
  const text = `${e.message ?? ""} ${(e as { errorMessage?: string }).errorMessage ?? ""}`;
  if (e.errorCode === "access_denied") return true;
  if (e.errorCode === "consent_required" || e.errorCode === "invalid_grant" || e.errorCode === "interaction_required")
    return CONSENT_CODES.test(text);
  return CONSENT_CODES.test(text) && !needsInteraction(error);
}

/** What to tell the user when a permission was refused: which ones, and that an administrator must grant them. */
export function consentMessage(scopes: readonly string[]): string {
  const list = scopes.length ? scopes.join(", ") : "the permissions it asks for";
  return (
    `Microsoft 365 did not allow Matterline to use ${list}. ` +
    `Ask your IT administrator to grant admin consent for Matterline (Microsoft Entra admin center → Enterprise applications → ` +
    `Matterline → Permissions → Grant admin consent), then choose Sign in again.`
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
export function mapAuthError(error: unknown, scopes: readonly string[] = []): MatterlineError {
  if (error instanceof MatterlineError) return error;
  const e = (error ?? {}) as ErrorLike;
  if (consentRefused(error)) return new MatterlineError("consent-refused", consentMessage(scopes), { cause: error });
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
