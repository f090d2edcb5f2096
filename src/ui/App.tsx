import { lazy, Suspense, useEffect, useState } from "react";
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "./capabilities";
import { fluentThemeFor, prefersHighContrast } from "./theme";
import { ErrorNotice } from "./shell/ErrorNotice";
import { ItemSummary } from "./shell/ItemSummary";
import { useCurrentItem } from "./shell/useCurrentItem";

// The tab list and its sections load just after the first render, which carries only the open item's summary.
const PaneSections = lazy(() => import(/* webpackChunkName: "sections" */ "./PaneSections").then((m) => ({ default: m.PaneSections })));

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
    // A select is as wide as its longest option (a long matter title): keep every one inside a 320 px pane.
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
    // Headings are Fluent text styles rendered as h2/h3/h4 for the outline; the browser's em margins would make every
    // section's spacing differ. Sections space themselves with Fluent spacing tokens instead.
    "& h2, & h3, & h4": { marginTop: 0, marginBottom: 0 },
  },
});

/** The task pane: Office-themed, follows the selected item, four sections reachable by keyboard (arrow keys in the tab list). */
export function App({ capabilities, startupError, onFirstRender }: { capabilities: Capabilities; startupError?: unknown; onFirstRender?: () => void }) {
  const styles = useStyles();
  const [theme, setTheme] = useState(() => capabilities.theme.current());
  const { state, header, reload } = useCurrentItem(capabilities.mail);

  const [highContrast, setHighContrast] = useState(prefersHighContrast);
  useEffect(() => capabilities.theme.onChanged(setTheme), [capabilities.theme]);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(forced-colors: active)");
    const update = () => setHighContrast(query.matches);
    query.addEventListener?.("change", update);
    return () => query.removeEventListener?.("change", update);
  }, []);

  const item = state.item;
  // Tells the host page once the open item (or the lack of one) is on screen, so heavier work can start after it.
  const shown = state.status !== "loading" || Boolean(header?.message);
  useEffect(() => {
    if (shown) onFirstRender?.();
  }, [shown, onFirstRender]);
  return (
    <FluentProvider theme={fluentThemeFor(theme, highContrast)} className={styles.root} data-theme={highContrast ? "high-contrast" : theme.dark ? "dark" : "light"}>
      <main aria-label="Matterline" style={{ display: "contents" }}>
        {startupError ? <ErrorNotice error={startupError} /> : null}
        {state.status === "loading" && header?.message ? <ItemSummary item={header} /> : item?.message ? <ItemSummary item={item} /> : null}
        {/* The sections arrive a moment after the item's summary: the first render carries only what is open. */}
        <Suspense fallback={null}>
          <PaneSections capabilities={capabilities} state={state} reload={reload} />
        </Suspense>
      </main>
    </FluentProvider>
  );
}
