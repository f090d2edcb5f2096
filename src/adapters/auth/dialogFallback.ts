/**
 * The last resort for sign-in: an Office dialog (`Office.context.ui.displayDialogAsync`) showing our own small
 * page, which signs in with MSAL's redirect flow and hands the token back with `messageParent`. Used when nested
 * app auth is unavailable (e.g. LTSC Outlook 2021) and the popup is blocked.
 *
 * The page it needs (`auth.html`, served from the add-in's own origin, listed in the manifest's AppDomains,
 * registered as an SPA redirect URI of the Entra app) must:
 *  1. read `scopes` (space-separated) from its query string;
 *  2. create a standard MSAL public client (same client id and authority, redirectUri = the page's own URL,
 *     cacheLocation "sessionStorage"), `await handleRedirectPromise()`;
 *  3. when that returns a result, call `Office.context.ui.messageParent(JSON.stringify(message))` with an
 *     {@link AuthDialogMessage} `{ type: "matterline-auth", ok: true, accessToken, expiresOn }`;
 *     otherwise call `acquireTokenRedirect({ scopes })` (the page navigates to Entra and comes back);
 *  4. on an error, send `{ type: "matterline-auth", ok: false, errorCode, message }`.
 * `authDialogPage.ts` implements exactly this; the page is a bare HTML file loading office.js and that script.
 * The token passes through memory only: neither side writes it anywhere.
 */
import { MatterlineError } from "@domain/errors";
import { mapAuthError } from "./authErrors";

/** What the dialog page sends to the pane. */
export type AuthDialogMessage =
  | {
      readonly type: "matterline-auth";
      readonly ok: true;
      readonly accessToken: string;
      readonly expiresOn: string | null;
      /** Who signed in, so the pane can refuse an account that is not the mailbox's user. */
      readonly account?: { readonly username: string; readonly tenantId: string } | null;
    }
  | { readonly type: "matterline-auth"; readonly ok: false; readonly errorCode: string; readonly message: string };

/** The Office dialog we open, as far as we use it. */
export interface DialogLike {
  addEventHandler(eventType: string, handler: (arg: { message?: string; origin?: string; error?: number }) => void): void;
  close(): void;
}

/** `Office.context.ui`, as far as we use it. */
export interface OfficeUiLike {
  displayDialogAsync(
    url: string,
    options: { height: number; width: number; promptBeforeOpen?: boolean },
    callback: (result: { status: string; value: DialogLike; error?: { code: number; message: string } }) => void,
  ): void;
}

/** Office.EventType values (strings, so the adapter does not need the Office global). */
const MESSAGE_RECEIVED = "dialogMessageReceived";
const EVENT_RECEIVED = "dialogEventReceived";

/** A token from the dialog and when it stops working. */
export interface DialogToken {
  readonly accessToken: string;
  readonly expiresOn: Date | null;
  readonly account: { readonly username: string; readonly tenantId: string } | null;
}

/** Parses and checks a dialog message; null for anything that is not ours. */
export function parseAuthDialogMessage(raw: string): AuthDialogMessage | null {
  try {
    const value = JSON.parse(raw) as Partial<AuthDialogMessage>;
    if (value?.type !== "matterline-auth") return null;
    if (value.ok === true && typeof value.accessToken === "string" && value.accessToken) return value as AuthDialogMessage;
    if (value.ok === false)
      return { type: "matterline-auth", ok: false, errorCode: String(value.errorCode ?? "unknown"), message: String(value.message ?? "") };
    return null;
  } catch {
    return null;
  }
}

/**
 * Opens the sign-in dialog and resolves with the token it sends back. Rejects with auth-cancelled when the user
 * closes it, and auth-failed when Office cannot open it or the page reports an error.
 */
export function acquireTokenViaDialog(options: {
  ui: OfficeUiLike;
  /** Absolute https URL of auth.html on the add-in's origin. */
  dialogUrl: string;
  scopes: readonly string[];
  /** The mailbox's address, proposed to Entra as the account to sign in with. */
  loginHint?: string;
}): Promise<DialogToken> {
  const url = new URL(options.dialogUrl);
  url.searchParams.set("scopes", options.scopes.join(" "));
  if (options.loginHint) url.searchParams.set("loginHint", options.loginHint);
  const expectedOrigin = url.origin;
  return new Promise<DialogToken>((resolve, reject) => {
    options.ui.displayDialogAsync(url.toString(), { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status !== "succeeded") {
        reject(
          new MatterlineError("auth-failed", "Outlook could not open the sign-in window. Allow pop-ups for Matterline, or try again.", {
            cause: result.error,
          }),
        );
        return;
      }
      const dialog = result.value;
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        try {
          dialog.close();
        } catch {
          // The dialog may already be gone (the user closed it); nothing to clean up.
        }
        action();
      };
      dialog.addEventHandler(MESSAGE_RECEIVED, (arg) => {
        // Only our own page may hand us a token; a page the sign-in flow navigated to must not.
        if (arg.origin && arg.origin !== expectedOrigin) return;
        const message = parseAuthDialogMessage(arg.message ?? "");
        if (!message) return;
        if (message.ok) {
          finish(() =>
            resolve({
              accessToken: message.accessToken,
              expiresOn: message.expiresOn ? new Date(message.expiresOn) : null,
              account: message.account ?? null,
            }),
          );
        } else {
          finish(() => reject(mapAuthError({ errorCode: message.errorCode, message: message.message }, options.scopes)));
        }
      });
      dialog.addEventHandler(EVENT_RECEIVED, (arg) => {
        finish(() => reject(mapAuthError({ code: arg.error, message: "The sign-in window closed." })));
      });
    });
  });
}
