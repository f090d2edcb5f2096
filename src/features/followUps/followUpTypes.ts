import type { Address, MailMessage } from "@domain/model/mail";
import type { Directory } from "@domain/directory/types";
import type { CalendarEvent, CalendarWriter } from "@ports/calendarWriter";
import type { MessageReader } from "@ports/messageReader";
import type { OutboxStore } from "@ports/outboxStore";
import type { SettingsStore } from "@ports/settingsStore";
import type { FollowUpKind, FollowUpProposal } from "@domain/followUps/proposeDates";
import type { GraphEventPayload, NoReplyReminder } from "@domain/followUps/eventDraft";

/** What a stored follow-up is for. */
export type FollowUpType = "follow-up" | "no-reply" | "check-in";

/**
 * scheduled: in the calendar; queued: waiting in the outbox (offline); cancelled: removed by the user (or deleted in
 * Outlook); replied: a no-reply reminder removed because the client answered.
 */
export type FollowUpStatus = "scheduled" | "queued" | "cancelled" | "replied";

export type CheckInCadence = "weekly" | "biweekly";

/** One follow-up as the feature keeps it (the `data` of a stored record, plain data for structured clone). */
export interface FollowUpEntry {
  readonly transactionId: string;
  readonly type: FollowUpType;
  readonly matterId: string | null;
  readonly clientId: string | null;
  readonly internetMessageId: string | null;
  readonly subject: string;
  /** ISO-8601 UTC. For a check-in, the first occurrence. */
  readonly start: string;
  readonly end: string;
  /** Graph event id once created. */
  readonly eventId: string | null;
  readonly status: FollowUpStatus;
  readonly createdAt: string;
  /** The Graph payload, kept so a queued create (or a re-send) needs nothing else. */
  readonly payload: GraphEventPayload;
  /** Who gets an invitation (only when the user chose to invite the client to a call). */
  readonly invited: string | null;
  /** For no-reply reminders: whose reply cancels it and how to find it. */
  readonly reminder?: NoReplyReminder;
  readonly cadence?: CheckInCadence;
  /** When it was cancelled or removed on a reply. */
  readonly closedAt?: string | null;
  /** Closed while offline: the calendar delete waits in the outbox. */
  readonly deleteQueued?: boolean;
  /** Found in the calendar, made by Matterline on another device (no message details here). */
  readonly discovered?: boolean;
}

/** The stored record, structurally the storage schema's `FollowUpRecord` (a feature's pure files cannot import adapters). */
export interface StoredFollowUp {
  readonly transactionId: string;
  readonly matterId: string | null;
  readonly internetMessageId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Where follow-ups are kept (IdbRecords<FollowUpRecord> in the pane). */
export interface FollowUpStore {
  get(key: string): Promise<StoredFollowUp | undefined>;
  put(value: StoredFollowUp): Promise<void>;
  all(): Promise<StoredFollowUp[]>;
}

/** Creates a recurring event from a full Graph payload (the CalendarWriter port has no recurrence). */
export interface SeriesWriter {
  createSeries(payload: GraphEventPayload): Promise<CalendarEvent>;
}

/** Client and matter of a message, as recognition (or the matter log) says. */
export interface MatterGuess {
  readonly clientId: string | null;
  readonly matterId: string | null;
  /** Other matters worth offering (recognition candidates), best first. */
  readonly candidates: readonly string[];
}

/** Per-device follow-up settings. */
export interface FollowUpSettings {
  /** Minutes before the start; 0 turns the reminder off. */
  readonly reminderMinutes: number;
  readonly durationMinutes: number;
  /** Default N of "remind me if no reply in N days" (working days). */
  readonly noReplyDays: number;
}

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { reminderMinutes: 15, durationMinutes: 30, noReplyDays: 3 };

export interface FollowUpDeps {
  readonly calendar: CalendarWriter;
  readonly series: SeriesWriter;
  readonly mail: Pick<MessageReader, "listConversation" | "listWindow">;
  readonly store: FollowUpStore;
  readonly outbox: OutboxStore;
  readonly settings: SettingsStore;
  readonly directory: () => Promise<{ readonly directory: Directory } | null>;
  readonly resolveMatter: (message: MailMessage) => Promise<MatterGuess>;
  readonly now: () => Date;
  /** The signed-in user's address. */
  readonly me: string;
  /** Called after work was queued in the outbox (the pane drains it soon). */
  readonly onQueued?: () => void;
}

/** A matter the user may pick for the follow-up. */
export interface MatterOption {
  readonly matterId: string;
  readonly label: string;
  /** A closed matter: the pane lists it only when asked ("Show closed matters"). */
  readonly closed?: boolean;
}

/** What the pane offers for one message. */
export interface FollowUpPlan {
  readonly messageId: string;
  readonly timeZone: string;
  readonly clientName: string | null;
  readonly matterId: string | null;
  readonly matterOptions: readonly MatterOption[];
  /** Ranked: deadline, hearing, meeting, action, other; then date. */
  readonly proposals: readonly FollowUpProposal[];
  /** The next working day at the start of working hours, firm-local. */
  readonly fallback: { readonly date: string; readonly time: string };
  /**
   * Whom the user may invite to a call, by matter option: the contacts of that matter's client in the firm directory
   * (those on this email first). An invitation goes to no one else.
   */
  readonly inviteOptions: Readonly<Record<string, readonly Address[]>>;
  /** For mail the user sends: who a no-reply reminder waits for (outside the firm). Empty when it does not apply. */
  readonly noReplyWaitingFor: readonly string[];
}

/** The user's choice in the pane. */
export interface FollowUpChoice {
  readonly date: string;
  /** "HH:MM" firm-local; absent = start of working hours. */
  readonly time?: string;
  readonly kind: FollowUpKind;
  /** null = no matter (the sender goes in the subject). */
  readonly matterId: string | null;
  /** The address of the directory contact the user chose to invite to a call; null for a private follow-up. */
  readonly invite: string | null;
  readonly summary?: string;
}

/** The event as it will be created, after the calendar check. */
export interface PreparedFollowUp {
  readonly payload: GraphEventPayload;
  readonly matterId: string | null;
  readonly clientId: string | null;
  readonly internetMessageId: string | null;
  /** The proposed start before moving off a busy slot (ISO UTC). */
  readonly requestedStart: string;
  readonly start: string;
  readonly end: string;
  readonly moved: boolean;
  /** Busy throughout the search window: kept where asked. */
  readonly conflict: boolean;
  /** False when the calendar could not be read (offline): no busy check was made. */
  readonly calendarChecked: boolean;
  readonly invited: string | null;
  /** The event would start before now: the pane asks before creating it. */
  readonly inPast: boolean;
}

/** What happened to a create: in the calendar now, or waiting in the outbox. */
export interface ScheduleResult {
  readonly outcome: "created" | "queued";
  readonly entry: FollowUpEntry;
}

export interface ReplyCheckResult {
  /** Reminders removed because the client replied. */
  readonly removed: readonly FollowUpEntry[];
  readonly checked: number;
  /** True when Graph could not be reached: nothing was decided. */
  readonly offline: boolean;
}

export interface UpcomingGroup {
  readonly matterId: string | null;
  readonly label: string;
  readonly entries: readonly FollowUpEntry[];
}
