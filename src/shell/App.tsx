import { lazy, Suspense, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import type { Capabilities } from "./capabilities";
import { LIGHT_THEME, fluentThemeFor, loadOtherThemes, loadedOtherThemes, prefersHighContrast, themeKindOf } from "./theme";
import { ErrorNotice } from "./ErrorNotice";
import { ItemSummary } from "./ItemSummary";
import { useCurrentItem } from "./useCurrentItem";
import { paneTimeZoneVersion, subscribePaneTimeZone } from "./dates";

// The tab list and its sections load just after the first render, which carries only the open item's summary.
// The sign-in bar (Fluent's MessageBar) is shown only when a person must sign in, after the features load: its code
// stays out of the first script.
const SignInBar = lazy(() => import(/* webpackChunkName: "sections" */ "./SignInBar").then((m) => ({ default: m.SignInBar })));
const PaneSections = lazy(() => import(/* webpackChunkName: "sections" */ "./PaneSections").then((m) => ({ default: m.PaneSections })));

// Compiled to plain CSS at build time (see webpack.config.js), so the first script carries no CSS-in-JS compiler.
const useStyles = makeStyles({
  // On <main>, not on the FluentProvider: the provider hands its classes on to every portal (menus, popovers), where a
  // full-height block would cover the pane. The provider's own class gives the theme's background and text colour.
  main: { minHeight: "100vh", display: "flex", flexDirection: "column", minWidth: 0 },
  // The page's level-one heading, for screen readers' heading navigation; Outlook already shows the add-in's name above the pane.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** The task pane: Office-themed, follows the selected item, four sections reachable by keyboard (arrow keys in the tab list). */
export function App({
  capabilities,
  startupError,
  onFirstRender,
}: {
  capabilities: Capabilities;
  startupError?: unknown;
  onFirstRender?: () => void;
}) {
  const styles = useStyles();
  const [theme, setTheme] = useState(() => capabilities.theme.current());
  const { state, header, reload } = useCurrentItem(capabilities.mail);
  // Every time in the pane is written in the mailbox's zone: when the host learns it, the sections are drawn again.
  useSyncExternalStore(subscribePaneTimeZone, paneTimeZoneVersion);

  const [highContrast, setHighContrast] = useState(prefersHighContrast);
  useEffect(() => capabilities.theme.onChanged(setTheme), [capabilities.theme]);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(forced-colors: active)");
    const update = () => setHighContrast(query.matches);
    query.addEventListener?.("change", update);
    return () => query.removeEventListener?.("change", update);
  }, []);

  // The dark and high-contrast themes: already here when the pane started dark, else loaded when first wanted.
  const [others, setOthers] = useState(loadedOtherThemes);
  // One theme object per change: FluentProvider rewrites its CSS variables whenever it gets a new one.
  const wanted = useMemo(() => fluentThemeFor(theme, highContrast, others), [theme, highContrast, others]);
  // Switching to dark or high contrast while open: light (the only theme shown before the others load) stays until then.
  const shownTheme = wanted ? { theme: wanted, kind: themeKindOf(theme, highContrast) } : { theme: LIGHT_THEME, kind: "light" };
  useEffect(() => {
    if (!wanted)
      loadOtherThemes().then(
        (loaded) => setOthers(loaded),
        (e: unknown) => console.error("Matterline: themes did not load", e),
      );
  }, [wanted]);

  const item = state.item;
  // Tells the host page once the open item (or the lack of one) is on screen, so heavier work can start after it.
  const shown = state.status !== "loading" || Boolean(header?.message);
  useEffect(() => {
    if (shown) onFirstRender?.();
  }, [shown, onFirstRender]);
  return (
    <FluentProvider theme={shownTheme.theme} data-theme={shownTheme.kind}>
      <main aria-label="Matterline" className={styles.main}>
        <h1 className={styles.visuallyHidden}>Matterline</h1>
        {startupError ? <ErrorNotice error={startupError} /> : null}
        {capabilities.signIn ? (
          <Suspense fallback={null}>
            <SignInBar control={capabilities.signIn} />
          </Suspense>
        ) : null}
        {state.status === "loading" && header?.message ? <ItemSummary item={header} /> : item?.message ? <ItemSummary item={item} /> : null}
        {/* The sections arrive a moment after the item's summary: the first render carries only what is open. */}
        <Suspense fallback={null}>
          <PaneSections capabilities={capabilities} state={state} reload={reload} />
        </Suspense>
      </main>
    </FluentProvider>
  );
}
