import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button, Caption1, Spinner, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { QueueItem, UnreadableEmail } from "../untaggedQueue";
import type { MattersCapability } from "../api";
import { MatterSearch } from "./MatterSearch";
import { ErrorNotice } from "@shell/ErrorNotice";
import { useActiveOptionStyles } from "@shell/activeOption";
import { formatDateTime } from "@shell/dates";
import { matterLabel } from "@domain/directory/matterLabel";
import { MatterlineError } from "@domain/errors";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalSNudge },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineOffset: "2px",
  },
  row: {
    padding: "4px 8px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    cursor: "pointer",
    minWidth: 0,
  },
});

/** One notice naming the emails the queue could not read (at most five listed), or null when there are none. */
function unreadableNotice(unreadable: readonly UnreadableEmail[]): MatterlineError | null {
  const n = unreadable.length;
  if (!n) return null;
  return new MatterlineError("invalid-input", `${n} email${n === 1 ? "" : "s"} could not be read; the others are listed.`, {
    details: unreadable.slice(0, 5).map((u) => `“${u.subject || "(no subject)"}” — ${u.error}`),
  });
}

/**
 * Recent client mail nobody has logged, with the suggested matter. Keyboard: ArrowUp/ArrowDown move, Enter logs to
 * the suggestion, C chooses another matter, S skips. Logged and skipped emails leave the list.
 */
export function UntaggedQueuePanel({ matters }: { matters: MattersCapability }) {
  const styles = useStyles();
  const activeOption = useActiveOptionStyles();
  const listId = useId();
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [unreadable, setUnreadable] = useState<MatterlineError | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const load = async () => {
    setLoading(true);
    setError(null);
    try {
      const { items: q, unreadable: failed } = await matters.queue.load();
      setUnreadable(unreadableNotice(failed));
      const ids = [...new Set(q.map((i) => i.suggestedMatterId).filter((x): x is string => Boolean(x)))];
      setLabels(Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await matters.matterLabel(id)] as const))));
      setItems(q);
      setActive(0);
      setStatus(q.length ? `${q.length} untagged client emails.` : "No untagged client mail in the last 14 days.");
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (items?.length) listRef.current?.focus();
  }, [items]);
  // "Choose matter" (C or the button) opens the search: typing goes straight into it.
  useEffect(() => {
    if (choosing) searchRef.current?.focus();
  }, [choosing]);

  const remove = (item: QueueItem, text: string) => {
    setItems((list) => {
      const next = (list ?? []).filter((i) => i !== item);
      setActive((a) => Math.min(a, Math.max(0, next.length - 1)));
      return next;
    });
    setStatus(text);
    setTimeout(() => listRef.current?.focus(), 0);
  };
  const logTo = (item: QueueItem, matterId: string, label: string) => {
    setError(null);
    matters.queue.log(item, matterId).then(
      (r) => remove(item, `${r.status === "unchanged" ? "Already logged" : "Logged"}: “${item.message.subject}” to ${label}.`),
      (e: unknown) => setError(e),
    );
  };
  const current = items?.[active];

  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!items?.length || !current) return;
    const key = e.key.toLowerCase();
    if (key === "arrowdown") {
      e.preventDefault();
      setActive((a) => Math.min(items.length - 1, a + 1));
    } else if (key === "arrowup") {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (key === "enter") {
      e.preventDefault();
      if (current.suggestedMatterId)
        logTo(current, current.suggestedMatterId, labels[current.suggestedMatterId] ?? current.suggestedMatterId);
      else setChoosing(true);
    } else if (key === "c") {
      e.preventDefault();
      setChoosing(true);
    } else if (key === "s" || key === "delete") {
      e.preventDefault();
      remove(current, `Skipped “${current.message.subject}”.`);
    }
  };

  return (
    <section aria-label="Untagged client mail" data-testid="untagged-queue" className={styles.root}>
      <Subtitle2 as="h3">Untagged client mail</Subtitle2>
      <div>
        <Button onClick={() => void load()} disabled={loading} data-testid="queue-load">
          {items ? "Reload" : "Find untagged client mail (last 14 days)"}
        </Button>
      </div>
      {loading ? <Spinner size="tiny" label="Reading the inbox…" /> : null}
      <Caption1 aria-live="polite" data-testid="queue-status">
        {status}
      </Caption1>
      {unreadable ? (
        <div data-testid="queue-unreadable">
          <ErrorNotice error={unreadable} onDismiss={() => setUnreadable(null)} />
        </div>
      ) : null}
      {items?.length ? (
        <>
          <Caption1>↑/↓ move · Enter logs to the suggestion · C chooses another matter · S skips</Caption1>
          <ul
            ref={listRef}
            id={listId}
            role="listbox"
            tabIndex={0}
            aria-label="Untagged client mail"
            aria-activedescendant={current ? `${listId}-${active}` : undefined}
            className={styles.list}
            onKeyDown={onKey}
            data-testid="queue-list"
          >
            {items.map((item, i) => (
              // Keyboard users move with the arrow keys in the listbox (aria-activedescendant), so options take no focus.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the focused listbox handles the keys for every option
              <li
                key={item.message.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={mergeClasses(styles.row, i === active && activeOption.active)}
                onClick={() => setActive(i)}
                data-testid="queue-item"
              >
                <Text weight="semibold" truncate wrap={false}>
                  {item.message.subject || "(no subject)"}
                </Text>
                <Caption1>
                  {item.message.from?.name ?? item.message.from?.email} · {formatDateTime(item.message.receivedAt)}
                </Caption1>
                <Caption1>
                  {item.suggestedMatterId
                    ? `Suggested: ${labels[item.suggestedMatterId] ?? item.suggestedMatterId} (${Math.round(item.recognition.confidence * 100)}%)`
                    : `Not sure${item.recognition.decideHint ? ` — ${item.recognition.decideHint}` : ""}`}
                </Caption1>
              </li>
            ))}
          </ul>
          {current ? (
            <div className={styles.actions}>
              <Button
                size="small"
                appearance="primary"
                disabled={!current.suggestedMatterId}
                onClick={() =>
                  current.suggestedMatterId &&
                  logTo(current, current.suggestedMatterId, labels[current.suggestedMatterId] ?? current.suggestedMatterId)
                }
                data-testid="queue-log"
              >
                Log to suggestion
              </Button>
              <Button size="small" onClick={() => setChoosing(true)} data-testid="queue-choose">
                Choose matter…
              </Button>
              <Button
                size="small"
                appearance="subtle"
                onClick={() => remove(current, `Skipped “${current.message.subject}”.`)}
                data-testid="queue-skip"
              >
                Skip
              </Button>
            </div>
          ) : null}
          {choosing && current ? (
            <MatterSearch
              matters={matters}
              inputRef={searchRef}
              label={`Log “${current.message.subject}” to`}
              testId="queue-matter"
              onPick={(h) => {
                setChoosing(false);
                logTo(current, h.matter.id, matterLabel(h.matter));
              }}
            />
          ) : null}
        </>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
