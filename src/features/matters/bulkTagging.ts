import { toMatterlineError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import type { LogEntry } from "@domain/matterLog/types";
import type { LogRequest, LogResult } from "@domain/matterLog/matterLog";
import type { SelectedItemRef } from "@ports/selectedItems";
import type { Recognition } from "@domain/recognition/types";
import type { PaneRecognition } from "@domain/recognition/paneRecognition";
import { loggedMatterOf, matterOfEmail } from "@domain/recognition/emailMatter";

/** Recognition of one message of a batch, as the pane's recognizer runs it (`PaneRecognizer.forBatch`). */
export type BatchRecognizer = (message: MailMessage) => Promise<PaneRecognition>;

/** The part of the matter log bulk tagging and the queue use. */
export interface MatterLogWriter {
  log(request: LogRequest): Promise<LogResult>;
  entryFor(internetMessageId: string): Promise<LogEntry | null>;
}

/** Most messages Outlook lets one select (Mailbox 1.13). */
export const MAX_BULK = 100;

/** One selected email, read and recognized, before the user decides. */
export interface BulkCandidate {
  readonly itemId: string;
  readonly subject: string;
  readonly message: MailMessage | null;
  readonly recognition: Recognition | null;
  /** The matter it is already logged to (`loggedMatterOf`: this device's log, else the mailbox's mark), if any. */
  readonly loggedMatterId: string | null;
  /** Why it could not be read or recognized. */
  readonly error: string | null;
}

export type BulkStatus = "logged" | "already-logged" | "skipped" | "failed";

/** What happened to one email of the batch. */
export interface BulkOutcome {
  readonly itemId: string;
  readonly subject: string;
  readonly status: BulkStatus;
  readonly matterId: string | null;
  /** Plain words shown next to the email: "logged", "already logged", "skipped: not sure", "failed: …". */
  readonly text: string;
}

/**
 * The user's decision: one matter for every email, else per email accept the suggestion (true) or leave it out
 * (false); `chosen` gives an email its own matter (one the recognizer was not sure of, or a different one).
 */
export interface BulkDecision {
  readonly matterForAll: string | null;
  readonly accepted: Readonly<Record<string, boolean>>;
  readonly chosen?: Readonly<Record<string, string>>;
}

/** Reads and recognizes each selected email (in order, so Outlook's few loaded items are never exceeded). */
export async function prepareBulk(
  refs: readonly SelectedItemRef[],
  deps: { readonly read: (itemId: string) => Promise<MailMessage>; readonly recognize: BatchRecognizer },
  onProgress?: (done: number, total: number) => void,
): Promise<BulkCandidate[]> {
  const list = refs.slice(0, MAX_BULK);
  const out: BulkCandidate[] = [];
  for (const ref of list) {
    try {
      const message = await deps.read(ref.itemId);
      const pane = await deps.recognize(message);
      out.push({
        itemId: ref.itemId,
        subject: message.subject || ref.subject,
        message,
        recognition: pane.recognition,
        loggedMatterId: loggedMatterOf(pane),
        error: null,
      });
    } catch (e) {
      out.push({
        itemId: ref.itemId,
        subject: ref.subject,
        message: null,
        recognition: null,
        loggedMatterId: null,
        error: toMatterlineError(e, "office-failed").message,
      });
    }
    onProgress?.(out.length, list.length);
  }
  return out;
}

/** The matter a candidate would be logged to under `decision`, or null to skip it, with the reason. */
export function targetOf(c: BulkCandidate, decision: BulkDecision): { matterId: string | null; skip: string } {
  if (decision.matterForAll) return { matterId: decision.matterForAll, skip: "" };
  const own = decision.chosen?.[c.itemId];
  if (own) return { matterId: own, skip: "" };
  if (decision.accepted[c.itemId] === false) return { matterId: null, skip: "skipped: left out" };
  const { matterId } = matterOfEmail(c.loggedMatterId, c.recognition);
  return matterId ? { matterId, skip: "" } : { matterId: null, skip: "skipped: not sure" };
}

/**
 * Logs the batch in one action (source "bulk"): each email to its target, one after another so the progress is
 * honest and one failure never stops the rest. Logging is idempotent, so running the same batch twice only
 * reports "already logged". The caller drains the outbox once afterwards so the mirror goes out in `$batch`es.
 */
export async function logBulk(
  candidates: readonly BulkCandidate[],
  decision: BulkDecision,
  deps: { readonly log: MatterLogWriter; readonly by: string; readonly now: () => Date },
  onProgress?: (done: number, total: number, outcome: BulkOutcome) => void,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const c of candidates) {
    const base = { itemId: c.itemId, subject: c.subject };
    let outcome: BulkOutcome;
    if (!c.message) outcome = { ...base, status: "failed", matterId: null, text: `failed: ${c.error ?? "could not be read"}` };
    else {
      const { matterId, skip } = targetOf(c, decision);
      if (!matterId) outcome = { ...base, status: "skipped", matterId: null, text: skip };
      else {
        try {
          const r = await deps.log.log({
            message: c.message,
            matterId,
            by: deps.by,
            now: deps.now(),
            source: "bulk",
            direction: c.recognition?.direction,
          });
          outcome =
            r.status === "unchanged" || r.status === "updated"
              ? { ...base, status: "already-logged", matterId, text: "already logged" }
              : { ...base, status: "logged", matterId, text: r.status === "refiled" ? "logged (moved from another matter)" : "logged" };
        } catch (e) {
          outcome = { ...base, status: "failed", matterId, text: `failed: ${toMatterlineError(e, "storage-failed").message}` };
        }
      }
    }
    outcomes.push(outcome);
    onProgress?.(outcomes.length, candidates.length, outcome);
  }
  return outcomes;
}

/**
 * The emails "one matter for all" would file somewhere other than where they seem to belong: already logged to
 * another matter, or confidently recognized as another matter. The panel lists them before it files anything.
 */
export function differingFromAll(candidates: readonly BulkCandidate[], matterForAll: string): BulkCandidate[] {
  return candidates.filter((c) => {
    if (!c.message) return false;
    const { matterId } = matterOfEmail(c.loggedMatterId, c.recognition);
    return matterId !== null && matterId !== matterForAll;
  });
}

/** Counts per status, for the summary line. */
export function bulkSummary(outcomes: readonly BulkOutcome[]): Record<BulkStatus, number> {
  const counts: Record<BulkStatus, number> = { logged: 0, "already-logged": 0, skipped: 0, failed: 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return counts;
}
