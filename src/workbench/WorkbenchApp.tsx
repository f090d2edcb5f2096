import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
  webDarkTheme,
  Badge,
  Button,
  Caption1,
  Text,
  Title3,
  Spinner,
  makeStyles,
  tokens,
  mergeClasses,
} from "@fluentui/react-components";
import type { FolderId, WorkbenchMessage } from "./types";
import { MessageText } from "./MessageText";
import { OutlookSurfaces, type SurfaceState } from "./OutlookSurfaces";
import { SmartAlertDialog } from "./SmartAlertDialog";
import type { RecipientLine } from "./DraftRecipients";
import type { FakeCompletedOptions, PaneState } from "@simulators/office";
import { LibraryTree } from "./LibraryTree";
import type { LibraryNode } from "@simulators/graph/sharePoint";
import type { PickedFile } from "./firmFiles";
import type { SeedSource } from "./seed";

export type WorkbenchFolder = FolderId | "calendar" | "library";

export type FaultMode = "none" | "offline" | "server-errors" | "throttled" | "slow" | "office-fails" | "send-check-fails";

export const FAULT_LABELS: Record<FaultMode, string> = {
  none: "Everything works",
  offline: "Offline (Graph unreachable)",
  "server-errors": "Graph answers 503",
  throttled: "Graph throttles (429)",
  slow: "Slow network (800 ms)",
  "office-fails": "Outlook calls fail",
  "send-check-fails": "Send check cannot read its index",
};

/**
 * Outlook versions the workbench can play, by the highest Mailbox requirement set: the pane degrades (or takes
 * another route) where a feature needs a newer set. Chosen with `?mailbox=` in the workbench's address.
 */
export const OUTLOOK_VERSIONS: Record<string, string> = {
  "1.15": "Outlook today (Mailbox 1.15)",
  "1.13": "Selects many, cannot open them (Mailbox 1.13)",
  "1.9": "Outlook 2021 LTSC (Mailbox 1.9)",
};

/** The Outlook version asked for in `search` ("?mailbox=1.13"), else the newest. */
export function outlookVersionOf(search: string): string {
  const asked = new URLSearchParams(search).get("mailbox");
  return asked !== null && Object.hasOwn(OUTLOOK_VERSIONS, asked) ? asked : "1.15";
}

/** What the workbench shell needs from its host wiring. */
export interface CalendarEntry {
  readonly id: string;
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly categories: readonly string[];
}

export interface WorkbenchModel {
  readonly firmName: string;
  /** Mail files (or messages) that could not be loaded, each with why: shown above the list, the rest is loaded. */
  readonly loadProblems: readonly { readonly file: string; readonly error: string }[];
  /** Where the firm came from, and the problems of a firm's files refused as a whole (the sample is shown then). */
  readonly firm: { readonly source: SeedSource; readonly refused: readonly string[] };
  /**
   * Loads a firm's own directory and/or mail files (dropped on the message list, or picked): when they are good the
   * workbench starts again with them; otherwise nothing changes and every problem is returned.
   */
  loadFirmFiles(files: readonly PickedFile[]): Promise<string[]>;
  /** Forgets the dropped files: the workbench starts again with the sample firm. */
  unloadFirm(): Promise<void>;
  /** The Mailbox requirement set the simulated Outlook supports (a key of OUTLOOK_VERSIONS). */
  readonly mailboxVersion: string;
  readonly timeZone: string;
  /** Seeded mail plus mail sent through Graph since (e.g. a digest). */
  messages(): readonly WorkbenchMessage[];
  events(): readonly CalendarEntry[];
  surfaces(): SurfaceState;
  /** Opens a reply to the message in compose mode (the pane switches to the draft). */
  composeReply(itemId: string): void;
  /** Outlook was asked to open a message (displayMessageForm): the list selects it. */
  onOpenRequest(listener: (itemId: string) => void): () => void;
  /** Types into the draft as the attorney would. */
  typeInDraft(text: string): void;
  /**
   * Outlook's Send on the open draft: runs the add-in's OnMessageSend handler, then files the mail in Sent Items.
   * When the handler stops the mail, resolves with its Smart Alert. `anyway` is the alert's "Send Anyway": the mail
   * goes without running the handler again, as in Outlook.
   */
  sendDraft(options?: { anyway?: boolean }): Promise<{ sent: boolean; message?: string; alert?: FakeCompletedOptions }>;
  /** The user editing a recipient line of the draft, or attaching a file to it. */
  setDraftRecipients(line: RecipientLine, emails: readonly string[]): void;
  attachToDraft(name: string): void;
  categoriesOf(itemId: string): readonly string[];
  /** Called whenever categories change anywhere (Graph or Office). */
  subscribe(listener: () => void): () => void;
  select(itemIds: readonly string[]): void;
  setFault(mode: FaultMode): void;
  setTheme(theme: "light" | "dark"): void;
  /**
   * Whether Outlook would show the task pane now, from what manifest.xml declares and this Outlook supports (a
   * multiple selection needs SupportsMultiSelect, nothing selected needs SupportsNoItemContext, both Mailbox 1.13).
   */
  pane(): PaneState;
  now(): Date;
  /** The firm's people; one of them is signed in. */
  readonly people: readonly { readonly email: string; readonly name: string; readonly role: string }[];
  person(): string;
  /** Signs another person in (their mailbox, their own local database); the pane then reloads. */
  switchPerson(email: string): void;
  /** The matter record's document library as a folder tree, and how many items its list holds. */
  library(): LibraryNode | null;
  recordItems(): number;
}

const useStyles = makeStyles({
  shell: { height: "100vh", display: "grid", gridTemplateRows: "auto 1fr", backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: "12px",
    padding: "6px 12px",
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexWrap: "wrap",
  },
  main: { display: "grid", gridTemplateColumns: "150px minmax(220px, 1fr) minmax(260px, 1.3fr) 340px", minHeight: 0 },
  folders: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: "8px", display: "flex", flexDirection: "column", gap: "4px" },
  list: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: "auto",
    margin: 0,
    padding: 0,
    listStyle: "none",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: {
    padding: "6px 10px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    outlineOffset: "-2px",
  },
  rowSelected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  reading: { overflowY: "auto", padding: "12px", backgroundColor: tokens.colorNeutralBackground1, minWidth: 0 },
  pane: { borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, display: "flex", minHeight: 0 },
  paneClosed: { margin: "12px", alignSelf: "flex-start" },
  frame: { border: 0, width: "100%", height: "100%" },
  cats: { display: "flex", gap: "4px", flexWrap: "wrap" },
  spacer: { flex: 1 },
  personSwitch: { display: "flex", gap: "6px", alignItems: "center" },
  picker: { display: "flex", gap: "6px", alignItems: "center" },
  problems: { flexBasis: "100%", maxHeight: "30vh", overflowY: "auto" },
  typing: { display: "flex", gap: "6px", margin: "8px 0" },
  typingInput: { flex: 1 },
  dropping: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
  hiddenInput: { display: "none" },
});

function fmt(iso: string | null, timeZone = "UTC"): string {
  return iso
    ? new Date(iso).toLocaleString("en-GB", {
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
      })
    : "";
}

/** A text box standing in for Outlook's editor: what is typed is appended to the draft body. */
function DraftTyping({ onType }: { onType: (text: string) => void }) {
  const styles = useStyles();
  const [text, setText] = useState("");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text) {
          onType(text);
          setText("");
        }
      }}
      className={styles.typing}
    >
      <input
        aria-label="Type in the draft"
        data-testid="draft-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={styles.typingInput}
      />
      <Button size="small" type="submit" data-testid="draft-type">
        Type
      </Button>
    </form>
  );
}

/** A three-pane Outlook look-alike (folders, message list, reading pane) with the real task pane on the right. */
export function WorkbenchApp({ model, paneUrl }: { model: WorkbenchModel; paneUrl: string }) {
  const styles = useStyles();
  const [folder, setFolder] = useState<WorkbenchFolder>("inbox");
  const [selected, setSelected] = useState<string[]>([]);
  const [dark, setDark] = useState(false);
  const [fault, setFault] = useState<FaultMode>("none");
  const [sending, setSending] = useState(false);
  // Outlook loads an add-in afresh when its pane is reopened; the key makes the frame do the same.
  const [paneLoads, setPaneLoads] = useState(0);
  const [sendNote, setSendNote] = useState<string | null>(null);
  const [alert, setAlert] = useState<FakeCompletedOptions | null>(null);
  const [, setVersion] = useState(0);
  useEffect(() => model.subscribe(() => setVersion((v) => v + 1)), [model]);
  // Office and Graph state change under the pane's hands (notifications, reply forms, events): poll it like a host would repaint.
  useEffect(() => {
    const timer = setInterval(() => setVersion((v) => v + 1), 400);
    return () => clearInterval(timer);
  }, []);
  const all = model.messages();
  const paneState = model.pane();
  const [firmProblems, setFirmProblems] = useState<readonly string[]>(model.firm.refused);
  const [loadingFirm, setLoadingFirm] = useState(false);
  const [dropping, setDropping] = useState(false);
  const filePicker = useRef<HTMLInputElement>(null);
  const loadFirm = (files: readonly PickedFile[]) => {
    setLoadingFirm(true);
    setFirmProblems([]);
    model.loadFirmFiles(files).then(
      (problems) => {
        setLoadingFirm(false);
        setFirmProblems(problems);
      },
      (e: unknown) => {
        setLoadingFirm(false);
        setFirmProblems([e instanceof Error ? e.message : String(e)]);
      },
    );
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    setDropping(false);
    loadFirm(Array.from(event.dataTransfer.files));
  };
  useEffect(
    () =>
      model.onOpenRequest((id) => {
        const w = model.messages().find((m) => m.itemId === id);
        if (w) setFolder(w.folder);
        setSelected([id]);
        model.select([id]);
      }),
    [model],
  );

  const shown = useMemo(
    () => all.filter((m) => m.folder === folder).sort((a, b) => (b.message.receivedAt ?? "").localeCompare(a.message.receivedAt ?? "")),
    [all, folder],
  );
  const current = all.find((m) => m.itemId === selected[selected.length - 1]);

  const choose = (ids: string[]) => {
    setSelected(ids);
    model.select(ids);
  };
  const send = (anyway = false) => {
    setSending(true);
    setSendNote(null);
    setAlert(null);
    model.sendDraft({ anyway }).then(
      (r) => {
        setSending(false);
        if (r.sent) setSelected([]);
        else if (r.alert) setAlert(r.alert);
        else setSendNote(r.message ?? "Not sent.");
      },
      (e: unknown) => {
        setSending(false);
        setSendNote(`Not sent: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
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
        <Text>
          Simulated Outlook · {model.firmName} · now {fmt(model.now().toISOString(), model.timeZone)} ({model.timeZone})
        </Text>
        <span className={styles.spacer} />
        <label className={styles.personSwitch}>
          Signed in as
          <select
            data-testid="person-switch"
            value={model.person()}
            onChange={(e) => {
              model.switchPerson(e.target.value);
              setSelected([]);
              setPaneLoads((n) => n + 1);
            }}
          >
            {model.people.map((p) => (
              <option key={p.email} value={p.email}>
                {p.name} ({p.role})
              </option>
            ))}
          </select>
        </label>
        <Button
          size="small"
          onClick={() => {
            setDark(!dark);
            model.setTheme(dark ? "light" : "dark");
          }}
          data-testid="theme-toggle"
        >
          {dark ? "Light theme" : "Dark theme"}
        </Button>
        <Button size="small" onClick={() => setPaneLoads((n) => n + 1)} data-testid="reload-pane">
          Reopen pane
        </Button>
        <label className={styles.picker}>
          Outlook
          <select
            data-testid="outlook-version"
            value={model.mailboxVersion}
            // The pane reads what Outlook supports when it starts, as in Outlook: a new version is a new page.
            onChange={(e) => {
              window.location.search = `?mailbox=${encodeURIComponent(e.target.value)}`;
            }}
          >
            {Object.entries(OUTLOOK_VERSIONS).map(([version, label]) => (
              <option key={version} value={version}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.picker}>
          Fault mode
          <select
            data-testid="fault-mode"
            value={fault}
            onChange={(e) => {
              const mode = e.target.value as FaultMode;
              setFault(mode);
              model.setFault(mode);
            }}
          >
            {(Object.keys(FAULT_LABELS) as FaultMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {FAULT_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
        <input
          ref={filePicker}
          type="file"
          multiple
          accept=".json,.csv,.eml"
          className={styles.hiddenInput}
          aria-hidden
          tabIndex={-1}
          data-testid="firm-files-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = "";
            if (files.length) loadFirm(files);
          }}
        />
        <Button size="small" onClick={() => filePicker.current?.click()} disabled={loadingFirm} data-testid="firm-files-pick">
          Load firm files…
        </Button>
        {model.firm.source === "dropped" ? (
          <Button size="small" onClick={() => void model.unloadFirm()} data-testid="firm-unload">
            Forget the dropped files
          </Button>
        ) : null}
        {loadingFirm ? <Spinner size="tiny" label="Loading the firm's files…" /> : null}
        {firmProblems.length ? (
          <MessageBar intent="error" className={styles.problems} data-testid="firm-problems">
            <MessageBarBody>
              <MessageBarTitle>
                The firm&apos;s files were not loaded ({firmProblems.length} problem{firmProblems.length === 1 ? "" : "s"}); nothing
                changed.
              </MessageBarTitle>
              <ul>
                {firmProblems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {model.loadProblems.length ? (
          <MessageBar intent="warning" className={styles.problems} data-testid="load-problems">
            <MessageBarBody>
              <MessageBarTitle>
                {model.loadProblems.length} email{model.loadProblems.length === 1 ? "" : "s"} could not be loaded; the rest are here.
              </MessageBarTitle>
              <ul>
                {model.loadProblems.map((p, i) => (
                  <li key={i}>
                    {p.file}: {p.error}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </header>
      <div className={styles.main}>
        <nav className={styles.folders} aria-label="Folders">
          {(["inbox", "sentitems"] as FolderId[]).map((f) => (
            <Button key={f} appearance={folder === f ? "primary" : "subtle"} onClick={() => setFolder(f)} data-testid={`folder-${f}`}>
              {f === "inbox" ? "Inbox" : "Sent Items"} ({all.filter((m) => m.folder === f).length})
            </Button>
          ))}
          <Button
            appearance={folder === "calendar" ? "primary" : "subtle"}
            onClick={() => setFolder("calendar")}
            data-testid="folder-calendar"
          >
            Calendar ({model.events().length})
          </Button>
          <Button
            appearance={folder === "library" ? "primary" : "subtle"}
            onClick={() => setFolder("library")}
            data-testid="folder-library"
          >
            Matter record (SharePoint)
          </Button>
          <Caption1>Ctrl+click selects several emails for bulk tagging.</Caption1>
          <Caption1>
            Drop your firm&apos;s directory.json (or CSV files) and .eml files on the message list to try Matterline on them.
          </Caption1>
        </nav>
        {folder === "library" ? (
          <LibraryTree root={model.library()} items={model.recordItems()} />
        ) : folder === "calendar" ? (
          <ul className={styles.list} aria-label="Calendar" data-testid="calendar">
            {model.events().map((e) => (
              <li key={e.id} className={styles.row} data-testid="calendar-event">
                <Text weight="semibold">{e.subject}</Text>
                <Caption1>
                  {fmt(e.start, model.timeZone)} – {fmt(e.end, model.timeZone)}
                </Caption1>
                {e.categories.length ? (
                  <span className={styles.cats}>
                    {e.categories.map((c) => (
                      <Badge key={c} size="small" appearance="tint">
                        {c}
                      </Badge>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
            {model.events().length === 0 ? (
              <li className={styles.row}>
                <Text>No events.</Text>
              </li>
            ) : null}
          </ul>
        ) : (
          <ul
            className={mergeClasses(styles.list, dropping && styles.dropping)}
            onDragOver={onDragOver}
            onDragLeave={() => setDropping(false)}
            onDrop={onDrop}
            role="listbox"
            aria-label="Messages"
            aria-multiselectable
            onKeyDown={onListKey}
            data-testid="message-list"
          >
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
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      choose([m.itemId]);
                    }
                  }}
                  data-testid="message-row"
                  data-item-id={m.itemId}
                >
                  <Text weight="semibold" truncate wrap={false}>
                    {folder === "sentitems"
                      ? `To: ${m.message.to.map((a) => a.name ?? a.email).join(", ")}`
                      : (m.message.from?.name ?? m.message.from?.email)}
                  </Text>
                  <Text size={200} truncate wrap={false}>
                    {m.message.subject}
                  </Text>
                  <Caption1>{fmt(m.message.receivedAt, model.timeZone)}</Caption1>
                  {cats.length ? (
                    <span className={styles.cats} data-testid="row-categories">
                      {cats.map((c) => (
                        <Badge key={c} size="small" appearance="tint" color={c === "Overdue reply" ? "danger" : "brand"}>
                          {c}
                        </Badge>
                      ))}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <article className={styles.reading} aria-label="Reading pane" data-testid="reading-pane">
          <OutlookSurfaces
            state={model.surfaces()}
            onSend={() => send()}
            sending={sending}
            editing={{
              onRecipients: (line, emails) => model.setDraftRecipients(line, emails),
              onAttach: (name) => model.attachToDraft(name),
            }}
          />
          {sendNote ? (
            <Text block data-testid="send-note">
              {sendNote}
            </Text>
          ) : null}
          {current ? (
            <>
              <Button size="small" onClick={() => model.composeReply(current.itemId)} data-testid="compose-reply">
                Reply in compose mode
              </Button>
              {model.surfaces().draft ? <DraftTyping onType={(t) => model.typeInDraft(t)} /> : null}
              <MessageText
                message={current.message}
                categories={model.categoriesOf(current.itemId)}
                sent={fmt(current.message.sentAt ?? current.message.receivedAt, model.timeZone)}
              />
            </>
          ) : (
            <Text>Select a message.</Text>
          )}
          {selected.length > 1 ? <Caption1 block>{selected.length} messages selected.</Caption1> : null}
        </article>
        <SmartAlertDialog
          alert={alert}
          onSendAnyway={() => send(true)}
          onDontSend={() => setAlert(null)}
          onTakeAction={() => {
            // The Take Action button opens the add-in's task pane; in the workbench it is always open: bring it forward.
            setAlert(null);
            document.querySelector<HTMLIFrameElement>("[data-testid='taskpane-frame']")?.focus();
          }}
        />
        <aside className={styles.pane} aria-label="Matterline task pane">
          {paneState.open ? (
            <iframe key={paneLoads} className={styles.frame} src={paneUrl} title="Matterline task pane" data-testid="taskpane-frame" />
          ) : (
            // Outlook would not show the add-in here: say why instead of showing a pane Outlook would not open.
            <MessageBar intent="warning" layout="multiline" className={styles.paneClosed} data-testid="pane-closed">
              <MessageBarBody>
                <MessageBarTitle>Outlook does not show Matterline here</MessageBarTitle>
                {paneState.reason}
              </MessageBarBody>
            </MessageBar>
          )}
        </aside>
      </div>
    </FluentProvider>
  );
}
