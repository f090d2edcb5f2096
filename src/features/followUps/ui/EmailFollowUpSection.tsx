import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import type { CurrentItem } from "@ports/mailSource";
import type { FollowUpKind } from "@domain/followUps/proposeDates";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { FollowUpCapability, FollowUpPlan, PreparedFollowUp, ScheduleResult } from "../api";
import { formatFirmDayTime, formatWhen, readerTimeZone } from "./formatWhen";
import { NoReplyReminder } from "./NoReplyReminder";

const KIND_WORD: Record<FollowUpKind, string> = {
  deadline: "Deadline",
  hearing: "Hearing",
  meeting: "Meeting",
  action: "Action",
  other: "Date",
};
const FALLBACK = "fallback";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  when: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  moved: { color: tokens.colorPaletteMarigoldForeground1 },
});

/** Follow-ups for the open email: proposed dates, the event it will create, and "remind me if no reply". */
export function EmailFollowUpSection({ capabilities, item }: { capabilities: Capabilities; item: CurrentItem }) {
  const cap = capabilities.followUps;
  if (!cap || !item.message || item.mode === "none") return null;
  return <EmailFollowUp cap={cap} item={item} />;
}

interface Choice {
  readonly pick: string;
  readonly date: string;
  readonly time: string;
  readonly kind: FollowUpKind;
  readonly matterId: string;
  /** The contact to invite to a call ("" = nobody: a private follow-up). */
  readonly invite: string;
}

function EmailFollowUp({ cap, item }: { cap: FollowUpCapability; item: CurrentItem }) {
  const styles = useStyles();
  const [plan, setPlan] = useState<FollowUpPlan | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [prepared, setPrepared] = useState<PreparedFollowUp | null>(null);
  // The request the preview was last prepared for, and its error: the current request is being prepared until then.
  const [settled, setSettled] = useState<{ request: object; error: unknown } | null>(null);
  const [creating, setCreating] = useState(false);
  const [result, setResult] = useState<ScheduleResult | null>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const [removedNote, setRemovedNote] = useState<string | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  // The event would start in the past and the user has not said yet whether that is what they want.
  const [askPast, setAskPast] = useState(false);

  useEffect(() => {
    let live = true;
    cap.plan(item).then(
      (p) => {
        if (!live || !p) return;
        setPlan(p);
        const first = p.proposals[0];
        setChoice({
          pick: first ? "0" : FALLBACK,
          date: first?.date ?? p.fallback.date,
          time: first?.time ?? (first ? "" : p.fallback.time),
          kind: first?.kind ?? "other",
          matterId: p.matterId ?? "",
          invite: "",
        });
      },
      (e: unknown) => live && setLoadError(e),
    );
    // Opening the section is a moment to notice client replies to open no-reply reminders.
    cap.checkReplies().then(
      (r) => {
        if (live && r.removed.length) setRemovedNote(`Removed ${r.removed.map((e) => `“${e.subject}”`).join(", ")}: the client replied.`);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [cap, item]);

  // What the preview must answer; a new one each time the email, the plan or the choice changes.
  const request = useMemo(() => (plan && choice?.date ? { cap, item, plan, choice } : null), [cap, item, plan, choice]);
  const preparing = request !== null && settled?.request !== request;
  const prepareError = request !== null && settled?.request === request ? settled.error : null;

  useEffect(() => {
    if (!request) return;
    const asked = request.choice;
    let live = true;
    const timer = setTimeout(() => {
      request.cap
        .prepare(request.item, request.plan, {
          date: asked.date,
          ...(asked.time ? { time: asked.time } : {}),
          kind: asked.kind,
          matterId: asked.matterId || null,
          invite: asked.invite || null,
        })
        .then(
          (p) => {
            if (!live) return;
            setPrepared(p);
            setSettled({ request, error: null });
          },
          (e: unknown) => {
            if (!live) return;
            setPrepared(null);
            setSettled({ request, error: e });
          },
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [request]);

  if (loadError) return <ErrorNotice error={loadError} />;
  if (!plan || !choice) return <Spinner size="tiny" label="Looking for dates…" />;

  const pickProposal = (pick: string) => {
    setResult(null);
    if (pick === FALLBACK) setChoice({ ...choice, pick, date: plan.fallback.date, time: plan.fallback.time, kind: "other" });
    else {
      const p = plan.proposals[Number(pick)];
      setChoice({ ...choice, pick, date: p.date, time: p.time ?? "", kind: p.kind });
    }
  };

  // Only the chosen matter's client contacts from the directory can be invited.
  const invitees = choice.matterId ? (plan.inviteOptions[choice.matterId] ?? []) : [];

  const create = (confirmed = false) => {
    if (!prepared) return;
    if (prepared.inPast && !confirmed) {
      setAskPast(true);
      return;
    }
    setAskPast(false);
    setCreating(true);
    setCreateError(null);
    cap
      .schedule(prepared)
      .then(setResult, setCreateError)
      .finally(() => setCreating(false));
  };

  return (
    <section aria-label="Follow-up" data-testid="followup-section" className={styles.root}>
      <Subtitle2 as="h3">Follow-up</Subtitle2>
      {removedNote ? (
        <MessageBar intent="success" data-testid="followup-replies-removed">
          <MessageBarBody>{removedNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      <RadioGroup aria-label="Follow-up date" value={choice.pick} onChange={(_, d) => pickProposal(d.value)}>
        {plan.proposals.map((p, i) => (
          <Radio
            key={`${p.date}-${i}`}
            value={String(i)}
            data-testid="followup-proposal"
            label={`${KIND_WORD[p.kind]}: ${formatFirmDayTime(p.date, p.time, plan.timeZone)} — “${p.phrase}”`}
          />
        ))}
        <Radio
          value={FALLBACK}
          data-testid="followup-fallback"
          label={`${plan.proposals.length ? "Or the" : "No dates in this email. The"} next working day: ${formatFirmDayTime(plan.fallback.date, plan.fallback.time, plan.timeZone)}`}
        />
      </RadioGroup>
      <div className={styles.when}>
        <Field label="Date" size="small">
          <Input
            type="date"
            data-testid="followup-date"
            value={choice.date}
            onChange={(_, d) => d.value && setChoice({ ...choice, date: d.value })}
          />
        </Field>
        <Field
          label={plan.timeZone !== readerTimeZone() ? `Time (${plan.timeZone})` : "Time"}
          size="small"
          hint={choice.time ? undefined : "Start of working hours"}
        >
          <Input type="time" data-testid="followup-time" value={choice.time} onChange={(_, d) => setChoice({ ...choice, time: d.value })} />
        </Field>
      </div>
      <Field label="Matter" size="small">
        <Select
          data-testid="followup-matter"
          value={choice.matterId}
          onChange={(_, d) => setChoice({ ...choice, matterId: d.value, invite: "" })}
        >
          {plan.matterOptions
            .filter((m) => showClosed || !m.closed || m.matterId === choice.matterId)
            .map((m) => (
              <option key={m.matterId} value={m.matterId}>
                {m.closed ? `${m.label} (closed)` : m.label}
              </option>
            ))}
          <option value="">No matter (the sender names it)</option>
        </Select>
      </Field>
      {plan.matterOptions.some((m) => m.closed) ? (
        <Checkbox
          data-testid="followup-show-closed"
          checked={showClosed}
          onChange={(_, d) => setShowClosed(Boolean(d.checked))}
          label="Show closed matters"
        />
      ) : null}
      {invitees.length ? (
        <Field
          label="Invite to a call"
          size="small"
          hint={choice.invite ? "They get a meeting invitation that names only the firm." : undefined}
        >
          <Select data-testid="followup-invite" value={choice.invite} onChange={(_, d) => setChoice({ ...choice, invite: d.value })}>
            <option value="">No one (a private follow-up)</option>
            {invitees.map((c) => (
              <option key={c.email} value={c.email}>
                {c.name ? `${c.name} <${c.email}>` : c.email}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <EventPreview prepared={prepared} preparing={preparing} timeZone={plan.timeZone} />
      {prepareError ? <ErrorNotice error={prepareError} /> : null}
      <div>
        <Button appearance="primary" data-testid="followup-create" disabled={!prepared || preparing || creating} onClick={() => create()}>
          {prepared?.invited ? "Create and send invitation" : "Create follow-up"}
        </Button>
        {creating ? <Spinner size="tiny" label="Creating…" /> : null}
      </div>
      {askPast && prepared?.inPast ? (
        <MessageBar intent="warning" layout="multiline" data-testid="followup-past">
          <MessageBarBody>
            {formatWhen(prepared.start, plan.timeZone)} has already passed. Create the follow-up in the past anyway?
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" data-testid="followup-past-create" onClick={() => create(true)}>
              Create anyway
            </Button>
            <Button size="small" onClick={() => setAskPast(false)}>
              Change the time
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {result ? (
        <MessageBar intent={result.outcome === "created" ? "success" : "warning"} data-testid="followup-result">
          <MessageBarBody>
            {result.outcome === "created"
              ? `Added to your calendar: ${formatWhen(result.entry.start, plan.timeZone)}.`
              : "You are offline. The follow-up is saved and will be added to your calendar when Matterline can reach Microsoft 365."}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {createError ? <ErrorNotice error={createError} onDismiss={() => setCreateError(null)} /> : null}
      {plan.noReplyWaitingFor.length ? <NoReplyReminder cap={cap} item={item} waitingFor={plan.noReplyWaitingFor} /> : null}
    </section>
  );
}

function EventPreview({ prepared, preparing, timeZone }: { prepared: PreparedFollowUp | null; preparing: boolean; timeZone: string }) {
  const styles = useStyles();
  if (!prepared) return preparing ? <Spinner size="tiny" label="Checking your calendar…" /> : null;
  const p = prepared.payload;
  return (
    <div data-testid="followup-preview" className={styles.preview}>
      <Text weight="semibold" block data-testid="followup-preview-subject">
        {p.subject}
      </Text>
      <Caption1 block>{formatWhen(prepared.start, timeZone)}</Caption1>
      <Caption1 block>
        {p.isReminderOn ? `Reminder ${p.reminderMinutesBeforeStart} min before` : "No reminder"}
        {p.categories.length ? ` · Category ${p.categories[0]}` : ""}
      </Caption1>
      <Caption1 block>
        {prepared.invited
          ? `Sends ${prepared.invited} an invitation with this subject and a neutral note (no summary, no link); private, shown as busy.`
          : "Private: no attendees, shown as free."}
      </Caption1>
      {prepared.moved ? (
        <Caption1 block data-testid="followup-moved" className={styles.moved}>
          Moved from {formatWhen(prepared.requestedStart, timeZone)}: your calendar is busy then.
        </Caption1>
      ) : null}
      {prepared.conflict ? <Caption1 block>Your calendar is busy for the next two weeks; kept at the time asked.</Caption1> : null}
      {!prepared.calendarChecked ? (
        <Caption1 block>Your calendar could not be checked (offline); busy times were not avoided.</Caption1>
      ) : null}
      {preparing ? <Spinner size="tiny" label="Checking your calendar…" /> : null}
    </div>
  );
}
