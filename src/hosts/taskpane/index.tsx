import { createRoot } from "react-dom/client";
import { App } from "@shell/App";
import { loadOtherThemes, prefersHighContrast, themeKindOf } from "@shell/theme";
import { baseCapabilities } from "./buildCapabilities";
import { injectedHost } from "@hosts/hostEnvironment";
import { expectPaneTimeZone, setPaneTimeZone } from "@shell/dates";

/** Plain text into the root (styled by the page itself), for when there is no React tree to show an error in. */
function showFatal(root: HTMLElement, message: string) {
  root.replaceChildren();
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.className = "plain-text";
  p.textContent = message;
  root.append(p);
}

const root = document.getElementById("root")!;
// No unhandled rejection may leave the pane blank: log it; sections show their own errors.
window.addEventListener("unhandledrejection", (event) => console.error("Matterline: unhandled rejection", event.reason));

if (typeof Office === "undefined") {
  showFatal(root, "Matterline runs inside Outlook. Open it from the Outlook ribbon, or start the workbench with npm start.");
} else {
  Office.onReady()
    .then(async () => {
      const host = injectedHost();
      const base = baseCapabilities(Office, host);
      // Dark Office or forced colours: those themes load before the first render, so it never shows light by mistake.
      if (themeKindOf(base.theme.current(), prefersHighContrast()) !== "light") await loadOtherThemes().catch(() => undefined);
      // Times wait for the mailbox's zone (worked out just after the first paint), never shown in the device's first.
      expectPaneTimeZone();
      const view = createRoot(root);
      // Features (storage, Graph, engines) load once the open item is on screen, so they never delay its first render.
      const firstRender = new Promise<void>((shown) => {
        view.render(<App capabilities={base} onFirstRender={shown} />);
        setTimeout(shown, 3000);
      });
      await firstRender;
      await new Promise((paint) => setTimeout(paint, 0));
      const profileZone = Office.context.mailbox.userProfile.timeZone;
      await import(/* webpackChunkName: "zones" */ "@domain/time/mailboxZone").then(
        (zones) => setPaneTimeZone(zones.paneZoneOf(profileZone)),
        () => setPaneTimeZone(null),
      );
      try {
        const { buildPane } = await import(/* webpackChunkName: "features" */ "./buildFeatures");
        const { features, timeZone } = await buildPane(Office, host);
        view.render(<App capabilities={{ ...base, ...features }} />);
        // No zone from Outlook: the firm's, once the directory is read.
        void timeZone().then(
          (zone) => zone && setPaneTimeZone(zone),
          () => undefined,
        );
      } catch (error) {
        view.render(<App capabilities={base} startupError={error} />);
      }
    })
    .catch((error: unknown) => showFatal(root, `Matterline could not start: ${error instanceof Error ? error.message : String(error)}`));
}
