import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import type { Digest, OverdueItem, OverdueScanProgress, OverdueView, SnoozeChoice } from "..";
import { ErrorNotice } from "@shell/ErrorNotice";
import { OverdueItemRow } from "./OverdueItemRow";
import { TeamView } from "./TeamView";
import { DigestPreview } from "./DigestPreview";
import { SetAsideList } from "./SetAsideList";
import { RefreshNotice, passingFailure, retryDelaySeconds, type StaleMailbox } from "./RefreshNotice";
import { formatDateTime } from "@shell/dates";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalMNudge },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalSNudge, alignItems: "center" },
  list: { margin: 0, padding: 0 },
});

function progressText(p: OverdueScanProgress): string {
  const where = p.mailbox ?? "your mailbox";
  const folder = p.folder === "inbox" ? "inbox" : "sent items";
  const of = p.mailboxCount > 1 ? ` (${p.mailboxNumber} of ${p.mailboxCount})` : "";
  return `${p.phase === "full" ? "Reading" : "Checking for changes in"} ${where}${of}: ${p.messages} messages in ${folder}`;
}

function Group({
  title,
  items,
  count,
  testId,
  ...actions
}: {
  title: string;
  items: readonly OverdueItem[];
  /** Every email in this state, snoozed ones too: the number the digest and the team view give. */
  count: { readonly total: number; readonly snoozed: number };
  testId: string;
  busy: boolean;
  onReply: (i: OverdueItem) => void;
  onNoReply: (i: OverdueItem, r: string) => void;
  onSnooze: (i: OverdueItem, c: SnoozeChoice) => void;
}) {
  const styles = useStyles();
  return (
    <section aria-label={title} data-testid={testId}>
      <Subtitle2 as="h3" block>
        {title} ({count.total})
      </Subtitle2>
      {count.snoozed ? (
        <Caption1 block data-testid="group-snoozed">
          {count.snoozed} of them snoozed: {count.snoozed === 1 ? "it is" : "they are"} under Set aside until the snooze ends.
        </Caption1>
      ) : null}
      {items.length ? (
        <ul className={styles.list}>
          {items.map((i) => (
            <OverdueItemRow key={i.key} item={i} {...actions} />
          ))}
        </ul>
      ) : count.snoozed ? null : (
        <Caption1 block>None.</Caption1>
      )}
    </section>
  );
}

/** How a snoozed email still counts, by the state it was in. */
const STATE_WORDS: Partial<Record<OverdueItem["clock"]["state"], string>> = {
  overdue: "overdue",
  "due-soon": "due soon",
  waiting: "waiting",
};

/** The Overdue tab: client email waiting for a reply across the watched mailboxes, the digest and the team view. */
export function OverdueSection({ capabilities }: { capabilities: Capabilities }) {
  const styles = useStyles();
  const overdue = capabilities.overdue;
  const [view, setView] = useState<OverdueView | null>(null);
  const [progress, setProgress] = useState<OverdueScanProgress | null>(null);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The item of the last decision, so the success note can offer to take it back.
  const [lastDecided, setLastDecided] = useState<OverdueItem | null>(null);
  const [team, setTeam] = useState(false);
  const [digest, setDigest] = useState<Digest | null>(null);
  const alive = useRef(true);

  const scan = useCallback(() => {
    if (!overdue) return;
    setScanning(true);
    setError(null);
    overdue
      .scan((p) => alive.current && setProgress(p))
      .then((v) => alive.current && setView(v))
      .catch((e: unknown) => alive.current && setError(e))
      .finally(() => {
        if (!alive.current) return;
        setScanning(false);
        setProgress(null);
      });
  }, [overdue]);

  useEffect(() => {
    alive.current = true;
    if (!overdue) return;
    // Show the last results at once, then bring them up to date (incremental after the first scan).
    overdue
      .current()
      .then((v) => alive.current && v && setView(v))
      .catch(() => undefined)
      .finally(scan);
    const timer = setInterval(scan, overdue.refreshMinutes * 60_000);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [overdue, scan]);

  // Refreshes that failed for a passing reason: said once, calmly, above the last list, and retried by the pane itself.
  const stale: StaleMailbox[] = [
    ...(view?.mailboxes ?? []).flatMap((m) =>
      passingFailure(m.error) ? [{ label: m.label, scannedAt: m.scannedAt, error: m.error }] : [],
    ),
    ...(passingFailure(error) ? [{ label: "Your mailbox", scannedAt: null, error }] : []),
  ];
  const retryIn = retryDelaySeconds(stale.map((s) => s.error));
  const retrying = stale.length > 0 && !scanning;
  useEffect(() => {
    if (!retrying) return;
    const timer = setTimeout(scan, retryIn * 1000);
    return () => clearTimeout(timer);
  }, [retrying, retryIn, scan, view, error]);

  if (!overdue) return <Text>The response clock is not available in this Outlook.</Text>;

  const act = (run: () => Promise<OverdueView | null | string>, done?: string, decided: OverdueItem | null = null) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setLastDecided(null);
    run()
      .then((v) => {
        if (v && typeof v === "object") setView(v);
        // An action may say what happened itself (Reply now: reply form or message opened).
        if (done || typeof v === "string") setNotice(done ?? (v as string));
        setLastDecided(decided);
      })
      .catch((e: unknown) => setError(e))
      .finally(() => setBusy(false));
  };
  const actions = {
    busy,
    onReply: (i: OverdueItem) =>
      act(async () => {
        const open = await capabilities.mail.currentItem().catch(() => null);
        const how = await overdue.replyNow(i, open);
        return how === "reply-form" ? "Reply form opened." : "Message opened: reply from its window.";
      }),
    onNoReply: (i: OverdueItem, reason: string) => act(() => overdue.markNoReplyNeeded(i, reason), "Marked as no reply needed.", i),
    onSnooze: (i: OverdueItem, c: SnoozeChoice) =>
      act(
        () => overdue.snooze(i, c),
        `Snoozed. It still counts as ${STATE_WORDS[i.clock.state] ?? "waiting"} in the digest and the team view.`,
        i,
      ),
  };
  const undo = (i: OverdueItem) => act(() => overdue.undo(i), `Undone: “${i.subject || "(no subject)"}” is back on the reply clock.`);
  const failing = view?.mailboxes.filter((m) => m.error) ?? [];

  return (
    <section aria-label="Overdue client email" data-testid="overdue-section" className={styles.root}>
      <div className={styles.toolbar}>
        <Button onClick={scan} disabled={scanning} data-testid="overdue-refresh">
          Refresh
        </Button>
        <Button
          onClick={() =>
            act(async () => {
              setDigest(await overdue.digest());
              return null;
            })
          }
          disabled={busy}
          data-testid="digest-open"
        >
          Preview digest
        </Button>
        <Switch label="Team view" checked={team} onChange={(_, d) => setTeam(d.checked)} data-testid="team-toggle" />
      </div>
      {scanning ? (
        <div data-testid="overdue-progress">
          <ProgressBar aria-label="Scanning mail" />
          <Caption1 block>{progress ? progressText(progress) : "Starting the scan…"}</Caption1>
        </div>
      ) : null}
      <RefreshNotice stale={stale} retryInSeconds={retryIn} />
      {error && !passingFailure(error) ? <ErrorNotice error={error} onRetry={scan} onDismiss={() => setError(null)} /> : null}
      {failing
        .filter((m) => !passingFailure(m.error))
        .map((m) => (
          <div key={m.label}>
            <ErrorNotice error={m.error} onRetry={scan} />
            <Caption1 block>
              {m.label}: {m.scannedAt ? `showing results from ${formatDateTime(m.scannedAt)}.` : "no results yet."}
            </Caption1>
          </div>
        ))}
      {view?.flagError ? <ErrorNotice error={view.flagError} /> : null}
      {view?.assessError ? <ErrorNotice error={view.assessError} /> : null}
      {notice ? (
        <MessageBar intent="success" data-testid="overdue-notice">
          <MessageBarBody>
            {notice}{" "}
            {lastDecided ? (
              <Button
                size="small"
                appearance="transparent"
                disabled={busy}
                onClick={() => undo(lastDecided)}
                data-testid="overdue-notice-undo"
              >
                Undo
              </Button>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {digest ? <DigestPreview digest={digest} onSend={() => overdue.sendDigest()} onClose={() => setDigest(null)} /> : null}
      {view && team ? <TeamView team={view.team} windowDays={view.windowDays} /> : null}
      {view ? (
        <>
          <Group title="Overdue" items={view.groups.overdue} count={view.groups.counts.overdue} testId="overdue-group" {...actions} />
          <Group title="Due soon" items={view.groups.dueSoon} count={view.groups.counts.dueSoon} testId="due-soon-group" {...actions} />
          <Group title="Waiting" items={view.groups.waiting} count={view.groups.counts.waiting} testId="waiting-group" {...actions} />
          <SetAsideList items={view.groups.setAside} busy={busy} onUndo={undo} />
        </>
      ) : !scanning && !error ? (
        <Caption1 block>No scan yet.</Caption1>
      ) : null}
    </section>
  );
}
