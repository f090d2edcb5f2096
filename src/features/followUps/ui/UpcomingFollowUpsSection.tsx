import { useCallback, useEffect, useRef, useState } from "react";
import { Badge, Button, Caption1, Field, Input, Select, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { CheckInCadence, FollowUpCapability, FollowUpEntry, MatterOption, UpcomingGroup } from "../api";
import { formatWhen, localParts, readerTimeZone } from "./formatWhen";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: "4px 0" },
  edit: { display: "flex", gap: tokens.spacingHorizontalSNudge, alignItems: "end", flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalSNudge },
  checkIn: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalSNudge },
});

/** How long "Cancel event" can be taken back before the event is removed from the calendar. */
export const CANCEL_UNDO_MS = 8000;

/** Upcoming follow-ups per matter (Matters tab), with edit, cancel (undoable for a few seconds) and regular check-ins. */
export function UpcomingFollowUpsSection({
  capabilities,
  cancelUndoMs = CANCEL_UNDO_MS,
}: {
  capabilities: Capabilities;
  cancelUndoMs?: number;
}) {
  const cap = capabilities.followUps;
  if (!cap) return null;
  return <Upcoming cap={cap} undoMs={cancelUndoMs} />;
}

function Upcoming({ cap, undoMs }: { cap: FollowUpCapability; undoMs: number }) {
  const styles = useStyles();
  const [groups, setGroups] = useState<UpcomingGroup[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [offline, setOffline] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const load = useCallback(() => {
    cap.upcoming().then(setGroups, setError);
  }, [cap]);

  useEffect(() => {
    load();
    const off = cap.onChanged(load);
    // Show the store at once, then bring it in line with the calendar when Graph answers.
    cap.refresh().then(
      (r) => {
        setOffline(r.offline);
        if (r.changed) load();
      },
      () => setOffline(true),
    );
    return off;
  }, [cap, load]);

  return (
    <section aria-label="Upcoming follow-ups" data-testid="upcoming-followups" className={styles.root}>
      <Subtitle2 as="h3">Upcoming follow-ups</Subtitle2>
      {offline ? (
        <Caption1 block>Offline: showing what this device knows; changes made in Outlook show when you are back online.</Caption1>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {note ? (
        <Caption1 block data-testid="upcoming-note">
          {note}
        </Caption1>
      ) : null}
      {groups === null ? <Spinner size="tiny" label="Loading follow-ups…" /> : null}
      {groups?.length === 0 ? <Caption1 block>No follow-ups scheduled.</Caption1> : null}
      {groups?.map((g) => (
        <div key={g.matterId ?? "none"} data-testid="upcoming-group" data-matter-id={g.matterId ?? ""}>
          <Text weight="semibold" block>
            {g.label}
          </Text>
          <ul className={styles.list}>
            {g.entries.map((e) => (
              <UpcomingRow key={e.transactionId} cap={cap} entry={e} undoMs={undoMs} onError={setError} onNote={setNote} />
            ))}
          </ul>
        </div>
      ))}
      <CheckInForm cap={cap} onError={setError} />
    </section>
  );
}

const TYPE_WORD: Record<FollowUpEntry["type"], string> = {
  "follow-up": "Follow-up",
  "no-reply": "No-reply reminder",
  "check-in": "Check-in",
};

function tzOf(entry: FollowUpEntry): string {
  return entry.payload.start.timeZone || "UTC";
}

function UpcomingRow({
  cap,
  entry,
  undoMs,
  onError,
  onNote,
}: {
  cap: FollowUpCapability;
  entry: FollowUpEntry;
  undoMs: number;
  onError: (e: unknown) => void;
  onNote: (note: string | null) => void;
}) {
  const styles = useStyles();
  const zone = tzOf(entry);
  const [editing, setEditing] = useState(false);
  const [parts, setParts] = useState(() => localParts(entry.start, zone));
  const [busy, setBusy] = useState(false);
  const when = formatWhen(entry.start, zone);
  const run = (p: Promise<unknown>) => {
    setBusy(true);
    p.then(() => setEditing(false), onError).finally(() => setBusy(false));
  };
  // "Cancel event" waits `undoMs` before the event leaves the calendar, so a slip of the finger can be taken back.
  const pendingCancel = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const id = entry.transactionId;
  useEffect(
    () => () => {
      // The pane moves on before the time is up: the cancel the user asked for still happens.
      if (pendingCancel.current === null) return;
      clearTimeout(pendingCancel.current);
      cap.cancel(id).catch(() => undefined);
    },
    [cap, id],
  );
  const cancelNow = () => {
    pendingCancel.current = null;
    setCancelling(false);
    run(
      cap
        .cancel(id)
        .then((closed) =>
          onNote(
            closed.deleteQueued
              ? `Cancelled “${closed.subject}”. You are offline: it leaves your calendar when Matterline can reach Microsoft 365.`
              : `Cancelled “${closed.subject}”.`,
          ),
        ),
    );
  };
  const startCancel = () => {
    setCancelling(true);
    pendingCancel.current = setTimeout(cancelNow, undoMs);
  };
  const undoCancel = () => {
    if (pendingCancel.current !== null) clearTimeout(pendingCancel.current);
    pendingCancel.current = null;
    setCancelling(false);
    onNote(`Kept “${entry.subject}” in your calendar.`);
  };
  return (
    <li data-testid="upcoming-followup" className={styles.row}>
      <Text block>{entry.subject}</Text>
      <Caption1 block>
        {entry.discovered ? "Made on another device · " : ""}
        {TYPE_WORD[entry.type]}
        {entry.cadence ? (entry.cadence === "weekly" ? ", weekly from " : ", every two weeks from ") : " · "}
        {when}
        {entry.invited ? ` · invitation to ${entry.invited}` : ""}{" "}
        {entry.status === "queued" ? (
          <Badge appearance="outline" color="warning">
            waiting to sync
          </Badge>
        ) : null}
      </Caption1>
      {cancelling ? (
        <div className={styles.actions} role="status" data-testid="upcoming-cancelling">
          <Caption1>Cancelling in a few seconds…</Caption1>
          <Button size="small" data-testid="upcoming-undo-cancel" onClick={undoCancel}>
            Undo
          </Button>
        </div>
      ) : editing ? (
        <div className={styles.edit}>
          <Field label="Date" size="small">
            <Input
              type="date"
              data-testid="upcoming-edit-date"
              value={parts.date}
              onChange={(_, d) => setParts({ ...parts, date: d.value })}
            />
          </Field>
          <Field label={zone !== readerTimeZone() ? `Time (${zone})` : "Time"} size="small">
            <Input
              type="time"
              data-testid="upcoming-edit-time"
              value={parts.time}
              onChange={(_, d) => setParts({ ...parts, time: d.value })}
            />
          </Field>
          <Button
            size="small"
            appearance="primary"
            data-testid="upcoming-save"
            disabled={busy || !parts.date || !parts.time}
            onClick={() => run(cap.reschedule(entry.transactionId, parts.date, parts.time))}
          >
            Save
          </Button>
          <Button size="small" onClick={() => setEditing(false)}>
            Back
          </Button>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button size="small" data-testid="upcoming-edit" disabled={busy} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button size="small" data-testid="upcoming-cancel" disabled={busy} onClick={startCancel}>
            Cancel event
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      )}
    </li>
  );
}

function CheckInForm({ cap, onError }: { cap: FollowUpCapability; onError: (e: unknown) => void }) {
  const styles = useStyles();
  const [matters, setMatters] = useState<MatterOption[]>([]);
  const [matterId, setMatterId] = useState("");
  const [cadence, setCadence] = useState<CheckInCadence>("weekly");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    cap.openMatters().then((m) => {
      setMatters(m);
      setMatterId((id) => id || m[0]?.matterId || "");
    }, onError);
  }, [cap, onError]);
  if (matters.length === 0) return null;
  const start = () => {
    setBusy(true);
    setNote(null);
    cap
      .startCheckIn(matterId, cadence)
      .then(
        (r) =>
          setNote(
            r.outcome === "created"
              ? "Check-ins added to your calendar."
              : "Offline: the check-ins will be added when you are back online.",
          ),
        onError,
      )
      .finally(() => setBusy(false));
  };
  return (
    <div data-testid="checkin-form" className={styles.checkIn}>
      <Text weight="semibold">Regular check-ins with the client</Text>
      <Field label="Matter" size="small">
        <Select data-testid="checkin-matter" value={matterId} onChange={(_, d) => setMatterId(d.value)}>
          {matters.map((m) => (
            <option key={m.matterId} value={m.matterId}>
              {m.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="How often" size="small">
        <Select data-testid="checkin-cadence" value={cadence} onChange={(_, d) => setCadence(d.value as CheckInCadence)}>
          <option value="weekly">Weekly</option>
          <option value="biweekly">Every two weeks</option>
        </Select>
      </Field>
      <div>
        <Button data-testid="checkin-create" disabled={busy || !matterId} onClick={start}>
          Add check-ins
        </Button>
        {busy ? <Spinner size="tiny" /> : null}
      </div>
      {note ? (
        <Caption1 block data-testid="checkin-note">
          {note}
        </Caption1>
      ) : null}
    </div>
  );
}
