import { officeCall, type OfficeNamespace } from "./officeCall";
import type { MailMessage } from "@domain/model/mail";

/** A sent message waiting to be written to the matter log by the pane. Kept small: roaming settings hold 32 KB in all. */
export interface PendingSendLog {
  /** Identifies the entry, so the pane removes exactly what it logged and nothing queued meanwhile. */
  readonly id: string;
  readonly matterId: string;
  readonly conversationId: string | null;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly sentAt: string | null;
}

/** A sent message that will not be logged by itself: shown to the user, who logs it by hand. */
export interface UnloggedSend {
  readonly matterId: string;
  readonly subject: string;
  readonly sentAt: string | null;
  /** Why: the queue was full, or the sent copy never turned up in Sent Items. */
  readonly reason: "queue-full" | "not-found";
}

/** Roaming-settings key of the queue. */
export const PENDING_SEND_LOG_KEY = "matterline.pendingSendLogs";
/** Roaming-settings key of the sent mail given up on, until the user has seen it. */
export const UNLOGGED_SENDS_KEY = "matterline.unloggedSends";
/** At most this many entries wait, so the queue never fills the 32 KB of roaming settings. */
export const MAX_PENDING_SEND_LOGS = 50;
/** At most this many given-up entries are kept for the user; past it, only their number grows. */
export const MAX_UNLOGGED_SENDS = 20;
/** Roaming-settings key of how many given-up entries did not fit in the list. */
export const UNLOGGED_OVERFLOW_KEY = "matterline.unloggedSendsMore";
const MAX_SUBJECT_CHARS = 200;

function isEntry(v: unknown): v is Omit<PendingSendLog, "id"> & { id?: unknown } {
  const e = v as PendingSendLog | null;
  return !!e && typeof e === "object" && typeof e.matterId === "string" && typeof e.subject === "string";
}

/** Entries written before entries had ids get one from their content, the same on every read. */
function readQueue(office: OfficeNamespace): PendingSendLog[] {
  const value: unknown = office.context.roamingSettings.get(PENDING_SEND_LOG_KEY);
  if (!Array.isArray(value)) return [];
  return value
    .filter(isEntry)
    .map((e, i) =>
      typeof e.id === "string"
        ? (e as PendingSendLog)
        : { ...e, id: `legacy:${i}:${e.sentAt ?? ""}:${e.matterId}:${e.subject.slice(0, 40)}` },
    );
}

function readUnlogged(office: OfficeNamespace): UnloggedSend[] {
  const value: unknown = office.context.roamingSettings.get(UNLOGGED_SENDS_KEY);
  return Array.isArray(value) ? (value as UnloggedSend[]) : [];
}

function newId(): string {
  // The send handler's runtime may lack crypto.randomUUID (classic Outlook's JavaScript-only runtime).
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The default `onSendLog`: a queue in roaming settings. Classic Outlook on Windows runs the OnMessageSend handler
 * in a JavaScript-only runtime without IndexedDB, so the handler leaves the entry here and the pane writes it to the
 * matter log on its next start (roaming settings are read when an add-in loads, so a running pane sees it after reload).
 *
 * Nothing is lost on the way: the pane reads entries without taking them out (`peek`) and removes only those it has
 * logged or given up on (`settle`), by id, so an entry queued meanwhile stays. What cannot be kept (the queue is
 * full, or the sent copy never turned up) moves to a short list the pane shows the user (`unlogged`).
 */
export function createPendingSendLog(office: OfficeNamespace) {
  const save = () => officeCall<void>("save the pending log entry", (cb) => office.context.roamingSettings.saveAsync(cb));
  function giveUp(entries: readonly UnloggedSend[]): void {
    if (entries.length === 0) return;
    const all = [...readUnlogged(office), ...entries];
    const over = Math.max(0, all.length - MAX_UNLOGGED_SENDS);
    office.context.roamingSettings.set(UNLOGGED_SENDS_KEY, all.slice(over));
    if (over > 0) {
      const more = Number(office.context.roamingSettings.get(UNLOGGED_OVERFLOW_KEY) ?? 0);
      office.context.roamingSettings.set(UNLOGGED_OVERFLOW_KEY, (Number.isFinite(more) ? more : 0) + over);
    }
  }
  const unloggedOf = (e: PendingSendLog, reason: UnloggedSend["reason"]): UnloggedSend => ({
    matterId: e.matterId,
    subject: e.subject,
    sentAt: e.sentAt,
    reason,
  });
  return {
    /** Queues the sent draft for `matterId`. A full queue hands its oldest entries to the user instead of dropping them. */
    async record(draft: MailMessage, matterId: string): Promise<void> {
      const entry: PendingSendLog = {
        id: newId(),
        matterId,
        conversationId: draft.conversationId,
        subject: draft.subject.slice(0, MAX_SUBJECT_CHARS),
        to: draft.to.map((a) => a.email),
        cc: draft.cc.map((a) => a.email),
        sentAt: draft.sentAt,
      };
      const queue = [...readQueue(office), entry];
      const over = Math.max(0, queue.length - MAX_PENDING_SEND_LOGS);
      giveUp(queue.slice(0, over).map((e) => unloggedOf(e, "queue-full")));
      office.context.roamingSettings.set(PENDING_SEND_LOG_KEY, queue.slice(over));
      await save();
    },
    /** Every queued entry, left in the queue until `settle` says what became of it. */
    peek(): Promise<PendingSendLog[]> {
      return Promise.resolve(readQueue(office));
    },
    /**
     * Removes the entries logged and those given up on (which join the list shown to the user); entries not named
     * here, including any queued since `peek`, stay queued.
     */
    async settle(result: { readonly logged: readonly string[]; readonly notFound: readonly PendingSendLog[] }): Promise<void> {
      if (result.logged.length === 0 && result.notFound.length === 0) return;
      const done = new Set([...result.logged, ...result.notFound.map((e) => e.id)]);
      giveUp(result.notFound.map((e) => unloggedOf(e, "not-found")));
      const rest = readQueue(office).filter((e) => !done.has(e.id));
      if (rest.length) office.context.roamingSettings.set(PENDING_SEND_LOG_KEY, rest);
      else office.context.roamingSettings.remove(PENDING_SEND_LOG_KEY);
      await save();
    },
    /** Sent mail that will not be logged by itself, and how many more did not fit in the list. */
    unlogged(): { readonly entries: readonly UnloggedSend[]; readonly more: number } {
      const more = Number(office.context.roamingSettings.get(UNLOGGED_OVERFLOW_KEY) ?? 0);
      return { entries: readUnlogged(office), more: Number.isFinite(more) ? more : 0 };
    },
    /** The user has seen the list. */
    async dismissUnlogged(): Promise<void> {
      office.context.roamingSettings.remove(UNLOGGED_SENDS_KEY);
      office.context.roamingSettings.remove(UNLOGGED_OVERFLOW_KEY);
      await save();
    },
  };
}
