import { useEffect, useState } from "react";
import { Badge, Button, Caption1, Spinner, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { TIMELINE_PAGE, type MatterView, type MattersCapability } from "../api";
import type { TimelineItem } from "../matterTimeline";
import { ErrorNotice } from "@shell/ErrorNotice";
import { downloadText } from "./readFileText";
import { formatDateTime } from "@shell/dates";
import { matterLabel } from "@domain/directory/matterLabel";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: "8px",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    minWidth: 0,
  },
  inbound: { borderLeftColor: tokens.colorBrandStroke1 },
  subject: { overflowWrap: "anywhere" },
  snippet: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalSNudge },
  heading: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const ARROWS = { inbound: "← In", outbound: "→ Out", internal: "↔ Internal" } as const;

function TimelineRow({ item }: { item: TimelineItem }) {
  const styles = useStyles();
  const e = item.entry;
  return (
    <li className={mergeClasses(styles.item, e.direction === "inbound" && styles.inbound)} data-testid="timeline-item">
      <Caption1>
        <strong>{ARROWS[e.direction]}</strong> · {formatDateTime(item.at)} · {item.who}
      </Caption1>
      <Text weight="semibold" className={styles.subject}>
        {e.subject || "(no subject)"}
      </Text>
      {e.snippet ? <Caption1 className={styles.snippet}>{e.snippet}</Caption1> : null}
      {e.timeEntry ? (
        <Caption1>
          Time: {(e.timeEntry.tenths / 10).toFixed(1)} h{e.timeEntry.narrative ? ` — ${e.timeEntry.narrative}` : ""}
        </Caption1>
      ) : null}
      {item.response ? (
        <span data-testid="timeline-response">
          <Badge appearance="tint" color={item.response.late ? "danger" : item.response.kind === "answered" ? "success" : "warning"}>
            {item.response.text}
          </Badge>
        </span>
      ) : null}
    </li>
  );
}

/**
 * One matter: client, status, people, keywords, export, and its timeline of logged communication (newest first).
 * `revision` changes when a sync or a write changed the local copy of the shared record: the timeline is read again in
 * place, as many rows as are shown, and the rows shown stay until the new ones are read (a remount would blank the
 * matter to a spinner and fold it back to its first page on every sync).
 */
export function MatterDetails({
  matters,
  matterId,
  revision = 0,
  onClose,
}: {
  matters: MattersCapability;
  matterId: string;
  revision?: number;
  onClose: () => void;
}) {
  const styles = useStyles();
  const [view, setView] = useState<MatterView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  // A matter the whole firm filed to for years holds thousands of emails: the newest are read and shown first, more on
  // request (the rows already shown stay while the next ones are read).
  const [newest, setNewest] = useState(TIMELINE_PAGE);
  const [loadingMore, setLoadingMore] = useState(false);

  // Another matter: nothing of the previous one stays on screen while it opens (adjusted while rendering).
  const [openedFor, setOpenedFor] = useState({ matters, matterId });
  if (openedFor.matters !== matters || openedFor.matterId !== matterId) {
    setOpenedFor({ matters, matterId });
    setView(null);
    setError(null);
    setNewest(TIMELINE_PAGE);
  }

  useEffect(() => {
    let live = true;
    matters
      .openMatter(matterId, newest)
      .then(
        (v) => {
          if (live) setView(v);
        },
        (e: unknown) => {
          if (live) setError(e);
        },
      )
      .finally(() => {
        if (live) setLoadingMore(false);
      });
    return () => {
      live = false;
    };
  }, [matters, matterId, newest, revision]);

  const showMore = () => {
    setLoadingMore(true);
    setNewest((n) => n + TIMELINE_PAGE);
  };

  const exportAs = (format: "csv" | "json") => {
    setExporting(true);
    matters
      .exportLog(matterId, format)
      .then(
        (f) => downloadText(f.filename, f.mimeType, f.text),
        (e: unknown) => setError(e),
      )
      .finally(() => setExporting(false));
  };

  // A matter that did not open says why in its place; an export or more of the timeline that failed says so above the
  // rows already shown, which stay.
  if (error && !view) return <ErrorNotice error={error} onDismiss={onClose} />;
  if (!view) return <Spinner size="tiny" label="Opening the matter…" />;
  const m = view.matter;
  const people = [view.responsible ? `${view.responsible.name} (responsible)` : m.responsible, ...view.team.map((p) => p.name)];
  return (
    <section aria-label={`Matter ${m.number}`} data-testid="matter-details" className={styles.root}>
      <div className={styles.heading}>
        <Subtitle2 as="h3" data-testid="matter-title">
          {matterLabel(m)}
        </Subtitle2>
        <Badge appearance="outline" color={m.status === "open" ? "success" : "informative"} data-testid="matter-status">
          {m.status}
        </Badge>
      </div>
      <Caption1 block>Client: {view.client?.name ?? m.clientId}</Caption1>
      <Caption1 block>Team: {people.join(", ")}</Caption1>
      {m.aliases?.length ? <Caption1 block>References: {m.aliases.join(", ")}</Caption1> : null}
      {m.keywords?.length ? <Caption1 block>Keywords: {m.keywords.join(", ")}</Caption1> : null}
      <div className={styles.actions}>
        <Button size="small" onClick={() => exportAs("csv")} disabled={exporting} data-testid="export-csv">
          Export CSV
        </Button>
        <Button size="small" onClick={() => exportAs("json")} disabled={exporting} data-testid="export-json">
          Export JSON
        </Button>
        <Button size="small" appearance="subtle" onClick={onClose}>
          Close
        </Button>
      </div>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      <Subtitle2 as="h4">Timeline ({view.timelineTotal})</Subtitle2>
      {view.timeline.length === 0 ? (
        <Caption1 data-testid="timeline-empty">
          No email is logged to this matter yet. Log one from the This email tab, or from the untagged client mail below.
        </Caption1>
      ) : (
        <>
          <ol className={styles.list} aria-label="Logged communication, newest first" data-testid="timeline">
            {view.timeline.map((item) => (
              <TimelineRow key={item.entry.internetMessageId} item={item} />
            ))}
          </ol>
          {view.timelineTotal > view.timeline.length ? (
            <div>
              {/* disabledFocusable, not disabled: a keyboard user's focus stays on the button while more are read. */}
              <Button
                size="small"
                onClick={showMore}
                disabledFocusable={loadingMore}
                icon={loadingMore ? <Spinner size="extra-tiny" /> : undefined}
                data-testid="timeline-more"
              >
                {loadingMore
                  ? "Reading more of the timeline…"
                  : `Show ${Math.min(TIMELINE_PAGE, view.timelineTotal - view.timeline.length)} more of ${view.timelineTotal - view.timeline.length}`}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
