/**
 * Script of the sign-in dialog page (`auth.html`), the other half of `dialogFallback.ts`: it signs in with MSAL's
 * redirect flow inside the Office dialog and sends the token to the pane. See dialogFallback.ts for the contract.
 */
import type { IPublicClientApplication } from "@azure/msal-browser";
import type { AuthDialogMessage } from "./dialogFallback";

/** What the page needs from its surroundings, injected so it can be tested without a browser or Office. */
export interface AuthDialogPageDeps {
  readonly pca: Pick<IPublicClientApplication, "initialize" | "handleRedirectPromise" | "acquireTokenRedirect">;
  /** `Office.context.ui.messageParent`. */
  readonly messageParent: (message: string) => void;
  /** The page's own URL (for the scopes in its query string). */
  readonly location: string;
}

/** Runs the page: finish a redirect and report, or start one. */
export async function runAuthDialogPage(deps: AuthDialogPageDeps): Promise<void> {
  const send = (message: AuthDialogMessage) => deps.messageParent(JSON.stringify(message));
  try {
    const query = new URL(deps.location).searchParams;
    const scopes = (query.get("scopes") ?? "").split(" ").filter(Boolean);
    const loginHint = query.get("loginHint") ?? undefined;
    await deps.pca.initialize();
    const result = await deps.pca.handleRedirectPromise();
    if (result?.accessToken) {
      send({
        type: "matterline-auth",
        ok: true,
        accessToken: result.accessToken,
        expiresOn: result.expiresOn ? result.expiresOn.toISOString() : null,
        account: result.account ? { username: result.account.username, tenantId: result.account.tenantId } : null,
      });
      return;
    }
    if (scopes.length === 0) {
      send({ type: "matterline-auth", ok: false, errorCode: "invalid_request", message: "No permissions were requested." });
      return;
    }
    await deps.pca.acquireTokenRedirect({ scopes, loginHint });
  } catch (error) {
    const e = error as { errorCode?: string; message?: string };
    send({ type: "matterline-auth", ok: false, errorCode: e.errorCode ?? "unknown", message: e.message ?? String(error) });
  }
}
