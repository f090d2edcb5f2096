import { officeCall, type OfficeNamespace } from "./officeCall";
import type { MailMessage } from "@domain/model/mail";

/** A sent message waiting to be written to the matter log by the pane. Kept small: roaming settings hold 32 KB in all. */
export interface PendingSendLog {
  readonly matterId: string;
  readonly conversationId: string | null;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly sentAt: string | null;
}

/** Roaming-settings key of the queue. */
export const PENDING_SEND_LOG_KEY = "matterline.pendingSendLogs";
/** Oldest entries are dropped beyond this, so the queue never fills the 32 KB of roaming settings. */
export const MAX_PENDING_SEND_LOGS = 50;
const MAX_SUBJECT_CHARS = 200;

function readQueue(office: OfficeNamespace): PendingSendLog[] {
  const value: unknown = office.context.roamingSettings.get(PENDING_SEND_LOG_KEY);
  return Array.isArray(value) ? (value as PendingSendLog[]) : [];
}

/**
 * The default `onSendLog`: a queue in roaming settings. Classic Outlook on Windows runs the OnMessageSend handler
 * in a JavaScript-only runtime without IndexedDB, so the handler leaves the entry here and the pane writes it to the
 * matter log on its next start (roaming settings are read when an add-in loads, so a running pane sees it after reload).
 */
export function createPendingSendLog(office: OfficeNamespace) {
  const save = () => officeCall<void>("save the pending log entry", (cb) => office.context.roamingSettings.saveAsync(cb));
  return {
    /** Queues the sent draft for `matterId`. */
    async record(draft: MailMessage, matterId: string): Promise<void> {
      const entry: PendingSendLog = {
        matterId,
        conversationId: draft.conversationId,
        subject: draft.subject.slice(0, MAX_SUBJECT_CHARS),
        to: draft.to.map((a) => a.email),
        cc: draft.cc.map((a) => a.email),
        sentAt: draft.sentAt,
      };
      office.context.roamingSettings.set(PENDING_SEND_LOG_KEY, [...readQueue(office), entry].slice(-MAX_PENDING_SEND_LOGS));
      await save();
    },
    /** Puts entries back (the pane could not find their sent copy yet, or was offline); kept ahead of newer ones. */
    async restore(entries: readonly PendingSendLog[]): Promise<void> {
      if (entries.length === 0) return;
      office.context.roamingSettings.set(PENDING_SEND_LOG_KEY, [...entries, ...readQueue(office)].slice(-MAX_PENDING_SEND_LOGS));
      await save();
    },
    /** Takes every queued entry out of the queue (for the pane to log through the matter log). */
    async drain(): Promise<PendingSendLog[]> {
      const queued = readQueue(office);
      if (queued.length === 0) return [];
      office.context.roamingSettings.remove(PENDING_SEND_LOG_KEY);
      await save();
      return queued;
    },
  };
}
