import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import type { DirectorySummary } from "../directoryImport";
import { ErrorNotice } from "@shell/ErrorNotice";
import { readFileText } from "./readFileText";
import { formatDateTime } from "@shell/dates";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  import: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Settings: the current firm directory, import from files (all or nothing), and refresh from a firm-shared file. */
export function DirectorySettingsSection({ capabilities }: { capabilities: Capabilities }) {
  const styles = useStyles();
  const matters = capabilities.matters;
  const inputId = useId();
  const hintId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [summary, setSummary] = useState<DirectorySummary | null | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [url, setUrl] = useState("");
  const [savedUrl, setSavedUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!matters) return;
    let live = true;
    const load = () => {
      matters.directory().then(
        (s) => {
          if (live) setSummary(s);
        },
        (e: unknown) => {
          if (live) setError(e);
        },
      );
    };
    load();
    matters.sharedDirectoryUrl().then(
      (u) => {
        if (live) {
          setSavedUrl(u);
          setUrl(u ?? "");
        }
      },
      () => undefined,
    );
    const off = matters.onDirectoryChanged(load);
    return () => {
      live = false;
      off();
    };
  }, [matters]);

  if (!matters) return null;

  const run = async (label: string, action: () => Promise<string>) => {
    setBusy(label);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    if (!files.length) return;
    void run("Importing…", async () => {
      try {
        const picked = await Promise.all(files.map(async (f) => ({ name: f.name, text: await readFileText(f) })));
        const s = await matters.importFiles(picked);
        setSummary(s);
        return `Imported ${s.clients} clients and ${s.matters} matters.`;
      } finally {
        // Picking the same (fixed) file again must fire change again.
        input.value = "";
      }
    });
  };

  return (
    <section aria-label="Firm directory" data-testid="directory-settings" className={styles.root}>
      <Subtitle2 as="h3">Firm directory</Subtitle2>
      {summary === undefined ? <Spinner size="tiny" label="Loading the directory…" /> : null}
      {summary === null ? (
        <Text data-testid="directory-summary">
          No firm directory yet. Import your directory.json (or the three CSV files) below so Matterline can recognize clients and matters.
        </Text>
      ) : null}
      {summary ? (
        <div data-testid="directory-summary">
          <Text block weight="semibold">
            {summary.firm}
          </Text>
          <Caption1 block>
            {summary.people} people · {summary.clients} clients · {summary.matters} matters ({summary.openMatters} open)
          </Caption1>
          <Caption1 block>Imported {formatDateTime(summary.importedAt)}</Caption1>
        </div>
      ) : null}
      {/* The browser's own file control ignores the Office theme (a light "Choose Files" box in dark mode): a Fluent
          button opens the hidden input instead, and the button is the one tab stop. */}
      <div className={styles.import}>
        <Button onClick={() => fileRef.current?.click()} disabled={busy !== null} aria-describedby={hintId} data-testid="directory-import">
          Import directory files…
        </Button>
        <Caption1 id={hintId}>
          directory.json, or clients.csv + contacts.csv + matters.csv. Nothing changes unless every file is valid.
        </Caption1>
        <input
          ref={fileRef}
          id={inputId}
          type="file"
          multiple
          accept=".json,.csv,application/json,text/csv"
          onChange={onFiles}
          disabled={busy !== null}
          tabIndex={-1}
          aria-label="Directory files"
          data-testid="directory-file-input"
          hidden
        />
      </div>
      <Field label="Firm-shared directory link (OneDrive or SharePoint)" hint="Optional. Matterline reads the file with your access to it.">
        <Input value={url} onChange={(_, d) => setUrl(d.value)} placeholder="https://…" data-testid="shared-directory-url" />
      </Field>
      <div className={styles.actions}>
        <Button
          disabled={busy !== null || url.trim() === (savedUrl ?? "")}
          onClick={() =>
            void run("Saving…", async () => {
              await matters.saveSharedDirectoryUrl(url);
              setSavedUrl(url.trim() || null);
              return url.trim() ? "Link saved." : "Link removed.";
            })
          }
        >
          Save link
        </Button>
        <Button
          disabled={busy !== null || !savedUrl}
          data-testid="refresh-shared-directory"
          onClick={() =>
            void run("Reading the shared file…", async () => {
              const s = await matters.refreshFromShared();
              setSummary(s);
              return `Refreshed: ${s.clients} clients and ${s.matters} matters.`;
            })
          }
        >
          Refresh from shared file
        </Button>
      </div>
      {/* Always present, so screen readers announce the progress and the result as they appear. */}
      <div aria-live="polite">
        {busy ? <Spinner size="tiny" label={busy} /> : null}
        {done ? (
          <MessageBar intent="success" layout="multiline" data-testid="directory-import-done">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {error ? (
        <div data-testid="directory-import-error">
          <ErrorNotice error={error} onDismiss={() => setError(null)} />
        </div>
      ) : null}
    </section>
  );
}
