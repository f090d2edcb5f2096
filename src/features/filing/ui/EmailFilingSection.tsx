import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import type { CurrentItem } from "@ports/mailSource";
import type { RecognitionCandidate } from "@domain/recognition/types";
import { ErrorNotice } from "@shell/ErrorNotice";
import type { FilingCapability, FilingView, NamedMatter } from "../api";
import { EMPTY_TIME, parseTime, TimeEntryFields, type TimeDraft } from "./TimeEntryFields";
import { MatterPicker } from "./MatterPicker";
import { LoggedStatus } from "./LoggedStatus";
import { ComposeFiling } from "./ComposeFiling";
import { matterText, percent, ROLE_TEXT, sentence } from "./filingText";
import { CandidateReasons } from "./CandidateReasons";
import { UnloggedSendsNotice } from "./UnloggedSendsNotice";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: "anywhere" },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Takes focus after logging (so keyboard users stay in the section); the status itself is the visible cue.
  status: { outlineStyle: "none" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  // Reasons sit under their radio's label (the radio's indicator is 20 px plus its padding).
  candidateReasons: { paddingLeft: tokens.spacingHorizontalXXXL },
  // Read by screen readers, not shown: the visible status lines appear where the buttons were.
  announcer: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** "This email": client and matter with reasons, one-click logging, change matter, time entry; log on send in compose. */
export function EmailFilingSection({
  capabilities,
  item,
  onFiled,
}: {
  capabilities: Capabilities;
  item: CurrentItem;
  /** Called after the user logs, moves or undoes the email: the sections that name its matter read it again. */
  onFiled?: () => void;
}) {
  const styles = useStyles();
  const filing = capabilities.filing;
  if (!filing || !item.message) return null;
  return (
    <section aria-label="Client and matter" data-testid="filing-section" className={styles.section}>
      <Subtitle2 as="h3">Client and matter</Subtitle2>
      <UnloggedSendsNotice filing={filing} />
      {item.mode === "compose" ? (
        <ComposeFiling filing={filing} item={item} />
      ) : (
        <ReadFiling filing={filing} item={item} now={() => capabilities.clock.now()} onFiled={onFiled} />
      )}
    </section>
  );
}

function ReadFiling({
  filing,
  item,
  now,
  onFiled,
}: {
  filing: FilingCapability;
  item: CurrentItem;
  now: () => Date;
  onFiled?: () => void;
}) {
  const styles = useStyles();
  const [announce, setAnnounce] = useState("");
  const [view, setView] = useState<FilingView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const [time, setTime] = useState<TimeDraft>(EMPTY_TIME);
  const alive = useRef(true);

  // A quick local answer first, then the mailbox's evidence (a colleague's filing, the thread) when Graph answers.
  const recognize = useCallback(() => {
    filing
      .recognize(item, { useMailbox: false })
      .then((local) => {
        if (alive.current) setView((v) => v ?? local);
        return filing.recognize(item);
      })
      .then(
        (full) => {
          if (!alive.current) return;
          setView(full);
          setLoading(false);
        },
        (e: unknown) => {
          if (!alive.current) return;
          setError(e);
          setLoading(false);
        },
      );
  }, [filing, item]);

  // Retry after an error.
  const load = () => {
    setLoading(true);
    setError(null);
    recognize();
  };

  // The same email read again (a new item object): loading again, the earlier error gone (adjusted while rendering).
  const [shownFor, setShownFor] = useState({ filing, item });
  if (shownFor.filing !== filing || shownFor.item !== item) {
    setShownFor({ filing, item });
    setLoading(true);
    setError(null);
  }

  // The first render already shows "loading": just recognize.
  useEffect(() => {
    alive.current = true;
    recognize();
    return () => {
      alive.current = false;
    };
  }, [recognize]);

  // The outbox drained: the mailbox copy may have arrived or failed; re-read local state only (no Graph traffic).
  useEffect(
    () =>
      filing.onMirrorChanged(() => {
        filing.recognize(item, { useMailbox: false }).then(
          (local) => {
            if (alive.current)
              setView((v) => (v ? { ...local, pane: { ...local.pane, mailbox: v.pane.mailbox }, autoLogged: v.autoLogged } : local));
          },
          () => undefined,
        );
      }),
    [filing, item],
  );

  const loggedRef = useRef<HTMLDivElement>(null);
  const [focusStatus, setFocusStatus] = useState(0);
  // After the commit that shows the new status (a timer could run before React has rendered it).
  useEffect(() => {
    if (focusStatus) loggedRef.current?.focus();
  }, [focusStatus]);
  const run = (work: () => Promise<FilingView>, done: (next: FilingView) => string) => {
    setBusy(true);
    setError(null);
    setAnnounce("");
    work().then(
      (next) => {
        if (!alive.current) return;
        setView(next);
        setBusy(false);
        setPicking(false);
        setAnnounce(done(next));
        onFiled?.();
        // The button that was pressed is gone: keep keyboard focus in the section, on the new status.
        setFocusStatus((n) => n + 1);
      },
      (e: unknown) => {
        if (!alive.current) return;
        setError(e);
        setBusy(false);
      },
    );
  };

  const timeCheck = parseTime(time);
  const logTo = (matterId: string) => {
    if (timeCheck.error) return;
    run(
      () => filing.log(item, matterId, { timeEntry: timeCheck.entry }).then((r) => r.view),
      (next) => `Logged to ${matterText(next.matters[matterId], matterId)}.`,
    );
  };

  if (!view) {
    return error ? <ErrorNotice error={error} onRetry={load} /> : <Spinner size="tiny" label="Recognizing client and matter…" />;
  }
  const r = view.pane.recognition;
  const logged = view.pane.logged;
  const suggested = !r.abstained && r.matterId ? r.matterId : null;
  const top: RecognitionCandidate[] = r.candidates.slice(0, 3);
  const picked = choice ?? suggested ?? null;
  // Evidence every candidate shares (usually "the sender is a contact of the client") is said once, under the client.
  const shared = top.length > 1 ? top[0].reasons.filter((x) => top.every((c) => c.reasons.includes(x))) : [];

  const picker = picking ? (
    <MatterPicker
      search={(query) => filing.searchMatters(query)}
      label={logged ? "Move to another matter" : "Find a matter"}
      onPick={(m: NamedMatter) => logTo(m.id)}
      onCancel={() => setPicking(false)}
    />
  ) : null;

  return (
    <div data-testid="filing-read" className={styles.section}>
      <div role="status" aria-live="polite" className={styles.announcer} data-testid="filing-announce">
        {announce}
      </div>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {view.pane.recordRefusal ? (
        <MessageBar intent="warning" layout="multiline" data-testid="record-refusal">
          <MessageBarBody>{view.pane.recordRefusal} Nothing was filed there.</MessageBarBody>
        </MessageBar>
      ) : null}
      {loading ? <Spinner size="extra-tiny" label="Checking the mailbox…" /> : null}
      {view.pane.mailbox.status === "unavailable" ? (
        <Caption1 data-testid="filing-mailbox-note">
          The mailbox could not be read just now; recognized from this device's log only.
        </Caption1>
      ) : null}
      {view.pane.mailbox.categoryHint && view.pane.mailbox.categoryHint !== logged?.entry.matterId ? (
        <Caption1 data-testid="filing-category-hint">
          Outlook category says {view.matters[view.pane.mailbox.categoryHint]?.number ?? view.pane.mailbox.categoryHint} — not confirmed:
          anyone can set a category, so it files nothing.
        </Caption1>
      ) : null}
      {logged ? (
        <div ref={loggedRef} tabIndex={-1} className={mergeClasses(styles.section, styles.status)}>
          <LoggedStatus
            view={view}
            me={filing.me}
            now={now()}
            busy={busy}
            onUndo={() =>
              run(
                () => filing.unlog(item),
                () => "Undone: the email is no longer logged.",
              )
            }
            onRetry={() => {
              setBusy(true);
              filing.retryMirror(item).then(
                () =>
                  filing.recognize(item, { useMailbox: false }).then((v) => {
                    if (alive.current) {
                      setView(v);
                      setBusy(false);
                    }
                  }),
                (e: unknown) => {
                  if (alive.current) {
                    setError(e);
                    setBusy(false);
                  }
                },
              );
            }}
          />
          {picking ? (
            picker
          ) : (
            <div>
              <Button size="small" onClick={() => setPicking(true)} disabled={busy} data-testid="filing-change">
                Change matter
              </Button>
            </div>
          )}
        </div>
      ) : (
        <>
          {suggested ? (
            <div data-testid="filing-suggestion" className={styles.stack}>
              <Text block>
                Client: <strong>{view.clientName}</strong>
              </Text>
              <Text block data-testid="filing-matter">
                Matter: <strong>{matterText(view.matters[suggested], suggested)}</strong> ({percent(r.confidence)} sure)
              </Text>
              <CandidateReasons reasons={r.reasons} />
            </div>
          ) : top.length ? (
            <div data-testid="filing-candidates" className={styles.stack}>
              {view.clientName ? (
                <Text block>
                  Client: <strong>{view.clientName}</strong>
                </Text>
              ) : null}
              {shared.length ? <CandidateReasons reasons={shared} testId="filing-shared-reasons" /> : null}
              <RadioGroup aria-label="Which matter?" value={choice ?? ""} onChange={(_, d) => setChoice(d.value)}>
                <Text weight="semibold">Which matter?</Text>
                {top.map((c) => (
                  <div key={c.matterId} data-testid="filing-candidate">
                    <Radio
                      value={c.matterId}
                      label={`${matterText(view.matters[c.matterId], c.matterId)} (${percent(c.share)} of the evidence)`}
                    />
                    {c.reasons.some((x) => !shared.includes(x)) ? (
                      <div className={styles.candidateReasons}>
                        <CandidateReasons reasons={c.reasons.filter((x) => !shared.includes(x))} max={2} />
                      </div>
                    ) : null}
                  </div>
                ))}
              </RadioGroup>
              {r.decideHint ? (
                <Caption1 block data-testid="filing-hint">
                  {sentence(r.decideHint)}
                </Caption1>
              ) : null}
            </div>
          ) : (
            <div data-testid="filing-not-client" className={styles.stack}>
              <Text block weight="semibold">
                {r.senderRole === "client" || view.clientName
                  ? `Client: ${view.clientName ?? "unknown"} — no matter recognized`
                  : "Not a client"}
              </Text>
              <Caption1 block>Sender: {ROLE_TEXT[r.senderRole]}</Caption1>
              {r.decideHint ? (
                <Caption1 block data-testid="filing-hint">
                  {sentence(r.decideHint)}
                </Caption1>
              ) : null}
            </div>
          )}
          <TimeEntryFields value={time} onChange={setTime} />
          <div className={styles.actions}>
            {picked ? (
              <Button appearance="primary" onClick={() => logTo(picked)} disabled={busy || !!timeCheck.error} data-testid="filing-log">
                Log to {view.matters[picked]?.number ?? "matter"}
              </Button>
            ) : null}
            {!picking ? (
              <Button onClick={() => setPicking(true)} disabled={busy} data-testid="filing-change">
                {picked ? "Change matter" : "Choose matter"}
              </Button>
            ) : null}
            {busy ? <Spinner size="tiny" label="Logging…" /> : null}
          </div>
          {picker}
        </>
      )}
    </div>
  );
}
