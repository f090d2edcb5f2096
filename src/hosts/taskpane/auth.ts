// The sign-in dialog page (auth.html): used only when nested app authentication and the popup are unavailable.
// It signs in with MSAL's redirect flow inside Office's dialog and hands the token to the pane (see adapters/auth).
import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { msalConfiguration, runAuthDialogPage } from "@adapters/auth";
import { authConfig } from "@hosts/authConfig";

Office.onReady(async () => {
  const pca = await createStandardPublicClientApplication(msalConfiguration(authConfig(), window.location.origin, false));
  await runAuthDialogPage({ pca, messageParent: (m) => Office.context.ui.messageParent(m), location: window.location.href });
}).catch((error: unknown) => {
  document.body.textContent = `Sign-in could not start: ${error instanceof Error ? error.message : String(error)}`;
});
