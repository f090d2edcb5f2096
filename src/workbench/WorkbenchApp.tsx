import { useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent } from "react";
import {
  FluentProvider, webLightTheme, webDarkTheme, Badge, Button, Caption1, Text, Title3, makeStyles, tokens, mergeClasses,
} from "@fluentui/react-components";
import type { FolderId, WorkbenchMessage } from "./types";
import { MessageText } from "./MessageText";

export type FaultMode = "none" | "offline" | "server-errors" | "throttled" | "slow" | "office-fails";

export const FAULT_LABELS: Record<FaultMode, string> = {
  none: "Everything works",
  offline: "Offline (Graph unreachable)",
  "server-errors": "Graph answers 503",
  throttled: "Graph throttles (429)",
  slow: "Slow network (800 ms)",
  "office-fails": "Outlook calls fail",
};

/** What the workbench shell needs from its host wiring. */
export interface WorkbenchModel {
  readonly firmName: string;
  readonly messages: readonly WorkbenchMessage[];
  categoriesOf(itemId: string): readonly string[];
  /** Called whenever categories change anywhere (Graph or Office). */
  subscribe(listener: () => void): () => void;
  select(itemIds: readonly string[]): void;
  setFault(mode: FaultMode): void;
  setTheme(theme: "light" | "dark"): void;
  now(): Date;
}

const useStyles = makeStyles({
  shell: { height: "100vh", display: "grid", gridTemplateRows: "auto 1fr", backgroundColor: tokens.colorNeutralBackground2 },
  bar: { display: "flex", alignItems: "center", gap: "12px", padding: "6px 12px", backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, flexWrap: "wrap" },
  main: { display: "grid", gridTemplateColumns: "150px minmax(220px, 1fr) minmax(260px, 1.3fr) 340px", minHeight: 0 },
  folders: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: "8px", display: "flex", flexDirection: "column", gap: "4px" },
  list: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: "auto", margin: 0, padding: 0, listStyle: "none", backgroundColor: tokens.colorNeutralBackground1 },
  row: { padding: "6px 10px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, cursor: "pointer", display: "flex", flexDirection: "column", gap: "2px", outlineOffset: "-2px" },
  rowSelected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  reading: { overflowY: "auto", padding: "12px", backgroundColor: tokens.colorNeutralBackground1, minWidth: 0 },
  pane: { borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, display: "flex", minHeight: 0 },
  frame: { border: 0, width: "100%", height: "100%" },
  cats: { display: "flex", gap: "4px", flexWrap: "wrap" },
});

function fmt(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC" : "";
}

/** A three-pane Outlook look-alike (folders, message list, reading pane) with the real task pane on the right. */
export function WorkbenchApp({ model, paneUrl }: { model: WorkbenchModel; paneUrl: string }) {
  const styles = useStyles();
  const [folder, setFolder] = useState<FolderId>("inbox");
  const [selected, setSelected] = useState<string[]>([]);
  const [dark, setDark] = useState(false);
  const [fault, setFault] = useState<FaultMode>("none");
  const [, setVersion] = useState(0);
  useEffect(() => model.subscribe(() => setVersion((v) => v + 1)), [model]);

  const shown = useMemo(
    () => model.messages.filter((m) => m.folder === folder).sort((a, b) => (b.message.receivedAt ?? "").localeCompare(a.message.receivedAt ?? "")),
    [model.messages, folder],
  );
  const current = model.messages.find((m) => m.itemId === selected[selected.length - 1]);

  const choose = (ids: string[]) => {
    setSelected(ids);
    model.select(ids);
  };
  const onRowClick = (event: MouseEvent, id: string) => {
    if (event.ctrlKey || event.metaKey) choose(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id].slice(-100));
    else choose([id]);
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = shown.findIndex((m) => m.itemId === selected[selected.length - 1]);
    const next = event.key === "ArrowDown" ? Math.min(shown.length - 1, index + 1) : event.key === "ArrowUp" ? Math.max(0, index - 1) : -1;
    if (next >= 0 && shown[next]) {
      event.preventDefault();
      choose([shown[next].itemId]);
      document.getElementById(`msg-${shown[next].itemId}`)?.focus();
    }
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.shell}>
      <header className={styles.bar}>
        <Title3 as="h1">Workbench</Title3>
        <Text>Simulated Outlook · {model.firmName} · now {fmt(model.now().toISOString())}</Text>
        <span style={{ flex: 1 }} />
        <Button size="small" onClick={() => { setDark(!dark); model.setTheme(dark ? "light" : "dark"); }} data-testid="theme-toggle">
          {dark ? "Light theme" : "Dark theme"}
        </Button>
        <label style={{ display: "flex", gap: 6, alignItems: "center" }}>
          Fault mode
          <select
            data-testid="fault-mode"
            value={fault}
            onChange={(e) => { const mode = e.target.value as FaultMode; setFault(mode); model.setFault(mode); }}
          >
            {(Object.keys(FAULT_LABELS) as FaultMode[]).map((mode) => (
              <option key={mode} value={mode}>{FAULT_LABELS[mode]}</option>
            ))}
          </select>
        </label>
      </header>
      <div className={styles.main}>
        <nav className={styles.folders} aria-label="Folders">
          {(["inbox", "sentitems"] as FolderId[]).map((f) => (
            <Button key={f} appearance={folder === f ? "primary" : "subtle"} onClick={() => setFolder(f)} data-testid={`folder-${f}`}>
              {f === "inbox" ? "Inbox" : "Sent Items"} ({model.messages.filter((m) => m.folder === f).length})
            </Button>
          ))}
          <Caption1>Ctrl+click selects several emails for bulk tagging.</Caption1>
        </nav>
        <ul className={styles.list} role="listbox" aria-label="Messages" aria-multiselectable onKeyDown={onListKey} data-testid="message-list">
          {shown.map((m) => {
            const cats = model.categoriesOf(m.itemId);
            const isSel = selected.includes(m.itemId);
            return (
              <li
                key={m.itemId}
                id={`msg-${m.itemId}`}
                role="option"
                aria-selected={isSel}
                tabIndex={isSel || (!selected.length && m === shown[0]) ? 0 : -1}
                className={mergeClasses(styles.row, isSel && styles.rowSelected)}
                onClick={(e) => onRowClick(e, m.itemId)}
                onKeyDown={(e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose([m.itemId]); } }}
                data-testid="message-row"
                data-item-id={m.itemId}
              >
                <Text weight="semibold" truncate wrap={false}>{folder === "sentitems" ? `To: ${m.message.to.map((a) => a.name ?? a.email).join(", ")}` : m.message.from?.name ?? m.message.from?.email}</Text>
                <Text size={200} truncate wrap={false}>{m.message.subject}</Text>
                <Caption1>{fmt(m.message.receivedAt)}</Caption1>
                {cats.length ? (
                  <span className={styles.cats} data-testid="row-categories">
                    {cats.map((c) => <Badge key={c} size="small" appearance="tint" color={c === "Overdue reply" ? "danger" : "brand"}>{c}</Badge>)}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
        <article className={styles.reading} aria-label="Reading pane" data-testid="reading-pane">
          {current ? <MessageText message={current.message} categories={model.categoriesOf(current.itemId)} /> : <Text>Select a message.</Text>}
          {selected.length > 1 ? <Caption1 block>{selected.length} messages selected.</Caption1> : null}
        </article>
        <aside className={styles.pane} aria-label="Matterline task pane">
          <iframe className={styles.frame} src={paneUrl} title="Matterline task pane" data-testid="taskpane-frame" />
        </aside>
      </div>
    </FluentProvider>
  );
}
