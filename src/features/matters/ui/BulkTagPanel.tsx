import { useCallback, useEffect, useRef, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SelectedItemRef } from "@ports/selectedItems";
import type { BulkCandidate, BulkOutcome } from "../bulkTagging";
import { targetOf, bulkSummary, differingFromAll } from "../bulkTagging";
import type { MattersCapability } from "../api";
import { MatterSearch } from "./MatterSearch";
import { ErrorNotice } from "@shell/ErrorNotice";
import { sentence } from "@shell/sentence";
import { matterLabel } from "@domain/directory/matterLabel";
import { matterOfEmail } from "@domain/recognition/emailMatter";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    paddingBottom: "4px",
    minWidth: 0,
  },
});

type Phase = "idle" | "preparing" | "review" | "logging" | "done";

const RESULT_COLOR = { logged: "success", "already-logged": "informative", skipped: "warning", failed: "danger" } as const;

/** "Tag N selected emails": recognize each selected email, accept suggestions or set one matter for all, log in one action. */
export function BulkTagPanel({ matters }: { matters: MattersCapability }) {
  const styles = useStyles();
  const bulk = matters.bulk;
  const [refs, setRefs] = useState<SelectedItemRef[]>([]);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState<{ done: number; total: number }>({ done: 0, total: 0 });
  const [candidates, setCandidates] = useState<BulkCandidate[]>([]);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const [forAll, setForAll] = useState<{ id: string; label: string } | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, BulkOutcome>>({});
  // Emails given their own matter in the panel, and the one whose matter search is open.
  const [chosenMatter, setChosenMatter] = useState<Record<string, { id: string; label: string }>>({});
  const [choosingFor, setChoosingFor] = useState<string | null>(null);
  // "One matter for all" would move emails that seem to belong elsewhere: listed, and filed only once confirmed.
  const [confirmingAll, setConfirmingAll] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);

  const refresh = useCallback(() => {
    if (busy.current) return;
    bulk.selection().then(
      (r) => {
        setRefs(r);
        setPhase("idle");
        setCandidates([]);
        setOutcomes({});
        setForAll(null);
        setAccepted({});
        setChosenMatter({});
        setChoosingFor(null);
        setConfirmingAll(false);
      },
      (e: unknown) => setError(e),
    );
  }, [bulk]);

  useEffect(() => {
    if (!bulk.supported) return;
    refresh();
    return bulk.onSelectionChanged(refresh);
  }, [bulk, refresh]);

  if (!bulk.supported) {
    return (
      <Caption1 block data-testid="bulk-unsupported">
        Bulk tagging needs an Outlook that can select several emails at once (Mailbox 1.13). This one cannot.
      </Caption1>
    );
  }
  if (refs.length < 2 && phase === "idle") {
    return (
      <Caption1 block data-testid="bulk-hint">
        To tag many emails at once, select several in Outlook (up to 100).
      </Caption1>
    );
  }

  const prepare = async () => {
    busy.current = true;
    setPhase("preparing");
    setError(null);
    setProgress({ done: 0, total: refs.length });
    try {
      const c = await bulk.prepare(refs, (done, total) => setProgress({ done, total }));
      const ids = [...new Set(c.flatMap((x) => [x.recognition?.matterId, x.loggedMatterId]).filter((x): x is string => Boolean(x)))];
      const pairs = await Promise.all(ids.map(async (id) => [id, await matters.matterLabel(id)] as const));
      setLabels(Object.fromEntries(pairs));
      setCandidates(c);
      setPhase("review");
    } catch (e) {
      setError(e);
      setPhase("idle");
    } finally {
      busy.current = false;
    }
  };

  const chosenIds = Object.fromEntries(Object.entries(chosenMatter).map(([k, v]) => [k, v.id]));
  const logAll = async (confirmed = false) => {
    if (forAll && !confirmed && differingFromAll(candidates, forAll.id).length) {
      setConfirmingAll(true);
      return;
    }
    setConfirmingAll(false);
    busy.current = true;
    setPhase("logging");
    setError(null);
    setOutcomes({});
    setProgress({ done: 0, total: candidates.length });
    try {
      await bulk.log(candidates, { matterForAll: forAll?.id ?? null, accepted, chosen: chosenIds }, (done, total, o) => {
        setProgress({ done, total });
        setOutcomes((prev) => ({ ...prev, [o.itemId]: o }));
      });
      setPhase("done");
    } catch (e) {
      setError(e);
      setPhase("review");
    } finally {
      busy.current = false;
    }
  };

  const decision = { matterForAll: forAll?.id ?? null, accepted, chosen: chosenIds };
  const differing = forAll ? differingFromAll(candidates, forAll.id) : [];
  const toLog = candidates.filter((c) => c.message && targetOf(c, decision).matterId).length;
  const counts = bulkSummary(Object.values(outcomes));
  const n = phase === "idle" || phase === "preparing" ? refs.length : candidates.length;

  return (
    <section aria-label="Bulk tagging" className={styles.panel} data-testid="bulk-panel">
      <Subtitle2 as="h3">Tag {n} selected emails</Subtitle2>
      {phase === "idle" ? (
        <div>
          <Button appearance="primary" onClick={() => void prepare()} data-testid="bulk-recognize">
            Recognize {refs.length} emails
          </Button>
        </div>
      ) : null}
      {phase === "preparing" || phase === "logging" ? (
        <Field
          validationMessage={`${phase === "preparing" ? "Reading" : "Logging"} ${progress.done} of ${progress.total}`}
          validationState="none"
        >
          <ProgressBar
            value={progress.total ? progress.done / progress.total : 0}
            data-testid="bulk-progress"
            aria-label={phase === "preparing" ? "Reading the selected emails" : "Logging the selected emails"}
          />
        </Field>
      ) : null}
      {phase === "review" ? (
        <>
          <MatterSearch
            matters={matters}
            label="One matter for all (optional)"
            testId="bulk-matter"
            onPick={(h) => {
              setForAll({ id: h.matter.id, label: matterLabel(h.matter) });
              setConfirmingAll(false);
            }}
          />
          {forAll ? (
            <Caption1 block data-testid="bulk-for-all">
              All to {forAll.label}{" "}
              <Button
                size="small"
                appearance="subtle"
                onClick={() => {
                  setForAll(null);
                  setConfirmingAll(false);
                }}
              >
                Use each suggestion instead
              </Button>
            </Caption1>
          ) : null}
        </>
      ) : null}
      {candidates.length ? (
        <ul className={styles.list} aria-label="Selected emails">
          {candidates.map((c) => {
            const target = targetOf(c, decision);
            const o = outcomes[c.itemId];
            const chosen = matterOfEmail(c.loggedMatterId, c.recognition);
            const notSure = chosen.basis === null && !c.error;
            const suggestion =
              chosen.basis === "logged"
                ? `Already logged to ${labels[chosen.matterId] ?? chosen.matterId}`
                : c.error
                  ? `Could not read: ${c.error}`
                  : chosen.basis === "recognized"
                    ? `${labels[chosen.matterId] ?? chosen.matterId} (${Math.round((c.recognition?.confidence ?? 0) * 100)}%)`
                    : // One line says both what and why; no separate "skipped: not sure" under it.
                      `Not sure which matter, so it is skipped.${c.recognition?.decideHint ? ` ${sentence(c.recognition.decideHint)}` : ""}`;
            const own = chosenMatter[c.itemId];
            const canAccept = Boolean(c.message && !forAll && chosen.matterId && !own);
            const canChoose = phase === "review" && Boolean(c.message) && !forAll && chosen.basis !== "logged";
            return (
              <li key={c.itemId} className={styles.row} data-testid="bulk-row">
                <Text weight="semibold" truncate wrap={false}>
                  {c.subject || "(no subject)"}
                </Text>
                {own && !forAll ? (
                  <Caption1 data-testid="bulk-own-matter">→ {own.label} (your choice)</Caption1>
                ) : phase === "review" && canAccept ? (
                  <Checkbox
                    checked={accepted[c.itemId] !== false}
                    onChange={(_, d) => setAccepted((a) => ({ ...a, [c.itemId]: Boolean(d.checked) }))}
                    label={suggestion}
                  />
                ) : (
                  <Caption1>{forAll && c.message ? `→ ${forAll.label}` : suggestion}</Caption1>
                )}
                {canChoose && choosingFor === c.itemId ? (
                  <MatterSearch
                    matters={matters}
                    label={`Matter for “${c.subject || "(no subject)"}”`}
                    testId="bulk-row-matter"
                    onPick={(h) => {
                      setChosenMatter((m) => ({ ...m, [c.itemId]: { id: h.matter.id, label: matterLabel(h.matter) } }));
                      setChoosingFor(null);
                    }}
                  />
                ) : canChoose ? (
                  <div>
                    <Button size="small" appearance="subtle" data-testid="bulk-choose" onClick={() => setChoosingFor(c.itemId)}>
                      {own || chosen.matterId ? "Another matter…" : "Choose its matter…"}
                    </Button>
                  </div>
                ) : null}
                {o ? (
                  <span data-testid="bulk-result">
                    <Badge appearance="tint" color={RESULT_COLOR[o.status]}>
                      {o.text}
                    </Badge>
                  </span>
                ) : phase === "review" && !target.matterId && !notSure ? (
                  <Caption1>{target.skip || "skipped"}</Caption1>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {phase === "review" && confirmingAll && forAll && differing.length ? (
        <MessageBar intent="warning" layout="multiline" data-testid="bulk-differs">
          <MessageBarBody>
            {differing.length === 1 ? "This email seems" : `These ${differing.length} emails seem`} to belong to another matter. Filing{" "}
            {differing.length === 1 ? "it" : "them"} to {forAll.label} moves {differing.length === 1 ? "it" : "them"}:
            <ul>
              {differing.map((c) => {
                const theirs = matterOfEmail(c.loggedMatterId, c.recognition);
                return (
                  <li key={c.itemId} data-testid="bulk-differs-item">
                    {c.subject || "(no subject)"} — {theirs.basis === "logged" ? "logged to" : "looks like"}{" "}
                    {theirs.matterId ? (labels[theirs.matterId] ?? theirs.matterId) : ""}
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" data-testid="bulk-differs-confirm" onClick={() => void logAll(true)}>
              File all to {forAll.label}
            </Button>
            <Button size="small" onClick={() => setConfirmingAll(false)}>
              Back
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {phase === "review" ? (
        <div>
          <Button appearance="primary" disabled={toLog === 0 || confirmingAll} onClick={() => void logAll()} data-testid="bulk-log">
            Log {toLog} emails
          </Button>
        </div>
      ) : null}
      {phase === "done" ? (
        <Text data-testid="bulk-summary" role="status">
          {counts.logged} logged · {counts["already-logged"]} already logged · {counts.skipped} skipped · {counts.failed} failed
        </Text>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
