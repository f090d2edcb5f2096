import { useId, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { Caption1, Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MatterSearchHit } from "@domain/directory/directoryIndex";
import type { MattersCapability } from "../api";
import { ErrorNotice } from "@shell/ErrorNotice";
import { useActiveOptionStyles } from "@shell/activeOption";
import { matterLabel } from "@domain/directory/matterLabel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  option: {
    padding: "4px 8px",
    cursor: "pointer",
    display: "flex",
    flexDirection: "column",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
});

/**
 * A fuzzy matter picker: type a number, alias, title words or client; ArrowDown/ArrowUp move through the hits,
 * Enter picks, Escape clears. Focus stays in the box (aria-activedescendant), as screen readers expect of a combobox.
 */
export function MatterSearch({
  matters,
  label,
  onPick,
  testId = "matter-search",
  inputRef,
}: {
  matters: MattersCapability;
  label: string;
  onPick: (hit: MatterSearchHit) => void;
  testId?: string;
  /** The search box, for a parent that moves focus into it when the user opens the search. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const styles = useStyles();
  const activeOption = useActiveOptionStyles();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<MatterSearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  // Each change of the query searches; only the newest search may settle the hits.
  const changeQuery = (next: string) => {
    setQuery(next);
    const mine = ++seq.current;
    if (!next.trim()) {
      setHits([]);
      return;
    }
    matters.search(next, 8).then(
      (h) => {
        if (mine === seq.current) {
          setHits(h);
          setActive(0);
          setError(null);
        }
      },
      (e: unknown) => {
        if (mine === seq.current) setError(e);
      },
    );
  };

  const pick = (hit: MatterSearchHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    changeQuery("");
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && hits.length) {
      e.preventDefault();
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === "ArrowUp" && hits.length) {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === "Enter" && hits.length) {
      e.preventDefault();
      pick(hits[active]);
    } else if (e.key === "Escape") {
      changeQuery("");
    }
  };
  const optionId = (i: number) => `${listId}-o${i}`;

  return (
    <div className={styles.root}>
      <Field label={label}>
        <Input
          ref={inputRef}
          value={query}
          onChange={(_, d) => changeQuery(d.value)}
          onKeyDown={onKey}
          placeholder="Number, reference, title or client"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits.length ? optionId(active) : undefined}
          data-testid={`${testId}-input`}
        />
      </Field>
      {hits.length ? (
        <ul id={listId} role="listbox" aria-label="Matching matters" className={styles.list} data-testid={`${testId}-results`}>
          {hits.map((h, i) => (
            <li
              key={h.matter.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={mergeClasses(styles.option, i === active && activeOption.active)}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
              data-testid={`${testId}-option`}
            >
              <span>{matterLabel(h.matter)}</span>
              <Caption1>
                {h.client?.name ?? "Unknown client"} · {h.matter.status}
                {h.matter.aliases?.length ? ` · ${h.matter.aliases.join(", ")}` : ""}
              </Caption1>
            </li>
          ))}
        </ul>
      ) : query.trim() ? (
        <Caption1>No matching matter.</Caption1>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
