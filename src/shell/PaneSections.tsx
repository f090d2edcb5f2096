import { lazy, Suspense, useState } from "react";
import { Tab, TabList, makeStyles, tokens, Spinner, Text, type SelectTabData } from "@fluentui/react-components";
import type { Capabilities } from "./capabilities";
import { ErrorBoundary } from "./ErrorBoundary";
import { SelectionNotice } from "@features/matters/ui/SelectionNotice";
import { ErrorNotice } from "./ErrorNotice";
import type { ItemState } from "./useCurrentItem";
import { SendCheckNotices } from "@features/sendGuard/ui/SendCheckNotices";

// Sections load on first use.
const ThisEmailTab = lazy(() =>
  import(/* webpackChunkName: "tab-email" */ "./tabs/ThisEmailTab").then((m) => ({ default: m.ThisEmailTab })),
);
const OverdueTab = lazy(() => import(/* webpackChunkName: "tab-overdue" */ "./tabs/OverdueTab").then((m) => ({ default: m.OverdueTab })));
const MattersTab = lazy(() => import(/* webpackChunkName: "tab-matters" */ "./tabs/MattersTab").then((m) => ({ default: m.MattersTab })));
const SettingsTab = lazy(() =>
  import(/* webpackChunkName: "tab-settings" */ "./tabs/SettingsTab").then((m) => ({ default: m.SettingsTab })),
);

const useStyles = makeStyles({
  root: {
    display: "contents",
    // A select is as wide as its longest option (a long matter title): keep every one inside a 320 px pane.
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
    // Headings are Fluent text styles rendered as h2/h3/h4 for the outline; the browser's em margins would make every
    // section's spacing differ. Sections space themselves with Fluent spacing tokens instead.
    "& h2, & h3, & h4": { marginTop: 0, marginBottom: 0 },
  },
  // The tab bar stays at the top of the pane while a long section scrolls under it (the page is what scrolls).
  tabs: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
    flexShrink: 0,
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  panel: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  empty: { padding: `${tokens.spacingVerticalL} 0` },
});

export type TabId = "email" | "overdue" | "matters" | "settings";

const TABS: { id: TabId; label: string }[] = [
  { id: "email", label: "This email" },
  { id: "overdue", label: "Overdue" },
  { id: "matters", label: "Matters" },
  { id: "settings", label: "Settings" },
];

/** The four sections of the pane, reachable by keyboard (arrow keys in the tab list), each loaded on first use. */
export function PaneSections({ capabilities, state, reload }: { capabilities: Capabilities; state: ItemState; reload: () => void }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("email");
  const item = state.item;
  return (
    <div className={styles.root}>
      {capabilities.sendGuard ? (
        <ErrorBoundary>
          <SendCheckNotices sendGuard={capabilities.sendGuard} refresh={state} />
        </ErrorBoundary>
      ) : null}
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d: SelectTabData) => setTab(d.value as TabId)}
        size="small"
        aria-label="Matterline sections"
      >
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={styles.panel} tabIndex={0}>
        <ErrorBoundary key={tab}>
          <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
            {tab === "email" ? (
              state.status === "error" ? (
                <ErrorNotice error={state.error} onRetry={reload} />
              ) : state.status === "loading" && !item ? (
                <Spinner size="tiny" label="Reading the email…" />
              ) : item && item.mode !== "none" && item.message ? (
                <ThisEmailTab capabilities={capabilities} item={item} onOpenBulk={() => setTab("matters")} />
              ) : (
                <>
                  {/* Outlook may show no item while several emails are selected: say so and lead to the bulk panel. */}
                  <SelectionNotice matters={capabilities.matters} onOpenBulk={() => setTab("matters")} />
                  <Text className={styles.empty} data-testid="no-item">
                    Select an email to see its client, matter and reply clock.
                  </Text>
                </>
              )
            ) : tab === "overdue" ? (
              <OverdueTab capabilities={capabilities} />
            ) : tab === "matters" ? (
              <MattersTab capabilities={capabilities} />
            ) : (
              <SettingsTab capabilities={capabilities} />
            )}
          </Suspense>
        </ErrorBoundary>
      </div>
    </div>
  );
}
