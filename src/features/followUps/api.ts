import type { CurrentItem } from "@ports/mailSource";
import type {
  CheckInCadence,
  FollowUpChoice,
  FollowUpEntry,
  FollowUpPlan,
  FollowUpSettings,
  MatterOption,
  PreparedFollowUp,
  ReplyCheckResult,
  ScheduleResult,
  UpcomingGroup,
} from "./followUpTypes";

export type * from "./followUpTypes";

/** What the UI can do about follow-up calendar events. Every call may reject with a MatterlineError. */
export interface FollowUpCapability {
  /** Proposed dates, matter and call option for the open item; null when there is no message. */
  plan(item: CurrentItem): Promise<FollowUpPlan | null>;
  /** The event the choice will create, moved off busy slots in the user's calendar. */
  prepare(item: CurrentItem, plan: FollowUpPlan, choice: FollowUpChoice): Promise<PreparedFollowUp>;
  /** Creates it (idempotent), or queues it in the outbox when offline. */
  schedule(prepared: PreparedFollowUp): Promise<ScheduleResult>;
  /** The open no-reply reminder of this sent message or draft, if any. */
  reminderFor(item: CurrentItem): Promise<FollowUpEntry | null>;
  remindNoReply(item: CurrentItem, days: number): Promise<ScheduleResult>;
  /** Looks for client replies to open no-reply reminders and removes those answered. */
  checkReplies(): Promise<ReplyCheckResult>;
  startCheckIn(matterId: string, cadence: CheckInCadence): Promise<ScheduleResult>;
  upcoming(): Promise<UpcomingGroup[]>;
  /** Re-reads the calendar (when online) so moves and deletions made in Outlook show. */
  refresh(): Promise<{ readonly offline: boolean; readonly changed: number }>;
  reschedule(transactionId: string, date: string, time: string): Promise<FollowUpEntry>;
  cancel(transactionId: string): Promise<FollowUpEntry>;
  openMatters(): Promise<MatterOption[]>;
  settings(): Promise<FollowUpSettings>;
  saveSettings(settings: FollowUpSettings): Promise<FollowUpSettings>;
  /** Called when follow-ups change anywhere in the pane (created, queued event sent, removed on a reply). */
  onChanged(listener: () => void): () => void;
}
