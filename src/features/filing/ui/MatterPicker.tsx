import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button, Caption1, Field, Input, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { NamedMatter } from "../api";
import { useActiveOptionStyles } from "@shell/activeOption";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyle: "none", margin: 0, padding: 0 },
  option: { padding: "4px 6px", cursor: "pointer", borderRadius: tokens.borderRadiusMedium },
});

/**
 * "Change matter": fuzzy search as you type, ArrowUp/ArrowDown to move, Enter to choose, Escape to cancel.
 * A combobox over a listbox so screen readers announce the active result.
 */
export function MatterPicker({
  search,
  onPick,
  onCancel,
  label = "Find a matter",
}: {
  search: (query: string) => Promise<NamedMatter[]>;
  onPick: (matter: NamedMatter) => void;
  onCancel?: () => void;
  label?: string;
}) {
  const styles = useStyles();
  const activeOption = useActiveOptionStyles();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<NamedMatter[]>([]);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // The picker opens when the user asks to choose a matter: typing goes straight into its search box.
  useEffect(() => inputRef.current?.focus(), []);

  // Each keystroke searches; only the newest search may settle the list.
  const onQuery = (next: string) => {
    setQuery(next);
    const mine = ++seq.current;
    if (!next.trim()) {
      setResults([]);
      return;
    }
    setBusy(true);
    search(next).then(
      (r) => {
        if (mine !== seq.current) return;
        setResults(r);
        setActive(0);
        setError(null);
        setBusy(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (results[active]) onPick(results[active]);
    } else if (e.key === "Escape" && onCancel) {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <div data-testid="matter-picker" className={styles.root}>
      <Field label={label} validationMessage={error ?? undefined}>
        <Input
          ref={inputRef}
          value={query}
          onChange={(_, d) => onQuery(d.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
          placeholder="Number, title or client"
          data-testid="matter-search"
        />
      </Field>
      {busy ? <Spinner size="tiny" label="Searching…" /> : null}
      <ul id={listId} role="listbox" aria-label="Matching matters" className={styles.list}>
        {results.map((m, i) => (
          // Keyboard users choose in the search box (arrow keys and Enter, aria-activedescendant), so options take no focus.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the combobox input handles the keys for every option
          <li
            key={m.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            data-testid="matter-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(m)}
            className={mergeClasses(styles.option, i === active && activeOption.active)}
          >
            <div>{m.label}</div>
            <Caption1>
              {m.clientName}
              {m.status === "closed" ? " · closed" : ""}
            </Caption1>
          </li>
        ))}
      </ul>
      {query.trim() && !busy && results.length === 0 && !error ? <Caption1>No matter matches “{query}”.</Caption1> : null}
      {onCancel ? (
        <Button size="small" appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </div>
  );
}
