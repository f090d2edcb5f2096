import { useState } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorNotice } from "@shell/ErrorNotice";
import { checkDraft, type DraftCheck, type Finding } from "@domain/readability";

/** Props: read the draft being composed, and optionally apply a finding's one-click fix to it. */
export interface DraftCheckerProps {
  readonly getDraftText: () => Promise<string>;
  /** Applies `finding.fix` to the open draft. Without it, fixes are shown but not applied. */
  readonly fixInDraft?: (finding: Finding) => Promise<void>;
}

const KIND_LABEL: Record<Finding["kind"], string> = {
  jargon: "Legal jargon",
  wordy: "Wordy",
  "long-sentence": "Long sentence",
  passive: "Passive voice",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
});

/** Checks the attorney's draft: grade, reading ease, and findings with one-click replacement. */
export function DraftChecker({ getDraftText, fixInDraft }: DraftCheckerProps) {
  const styles = useStyles();
  const [result, setResult] = useState<(DraftCheck & { readonly text: string }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setError(null);
    setBusy(true);
    try {
      const text = await getDraftText();
      setResult({ ...checkDraft(text), text });
    } catch (e) {
      setError(e ?? new Error("The draft could not be read."));
    } finally {
      setBusy(false);
    }
  };
  const fix = async (f: Finding): Promise<void> => {
    if (!fixInDraft || !f.oneClick) return;
    try {
      await fixInDraft(f);
      await run(); // spans move after a replacement: check again
    } catch (e) {
      setError(e ?? new Error("The draft could not be changed."));
    }
  };
  return (
    <section aria-label="Draft checker" className={styles.root}>
      <Button onClick={() => void run()} disabled={busy}>
        Check my draft
      </Button>
      {busy ? <Spinner size="tiny" label="Checking…" /> : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {result && (
        <>
          <Text role="status">
            Grade {result.grade} · reading ease {result.readingEase} ·{" "}
            {result.findings.length === 0 ? "no problems found" : `${result.findings.length} to look at`}
          </Text>
          <ul className={styles.list}>
            {result.findings.map((f) => (
              <li key={`${f.kind}-${f.start}`} className={styles.item} data-testid="draft-finding">
                <Text weight="semibold">{KIND_LABEL[f.kind]}</Text>
                <Text>{f.message}</Text>
                {f.oneClick && f.fix && f.replacement !== null && fixInDraft && (
                  <Button
                    size="small"
                    onClick={() => void fix(f)}
                    aria-label={
                      f.replacement ? `Replace “${result.text.slice(f.fix.start, f.fix.end)}” with “${f.fix.text}”` : `Remove “${f.text}”`
                    }
                  >
                    {f.replacement ? `Use “${f.replacement}”` : "Remove it"}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
