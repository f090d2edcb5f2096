import type { Address } from "@domain/model/mail";

/** A calendar event as the follow-ups feature asks for it. Times are ISO-8601 UTC instants. */
export interface CalendarEventInput {
  readonly subject: string;
  /** HTML body (escaped by the caller), e.g. a summary and a link back to the message. */
  readonly bodyHtml: string;
  readonly start: string;
  readonly end: string;
  readonly categories: readonly string[];
  /** Minutes before start; null turns the reminder off. */
  readonly reminderMinutes: number | null;
  readonly showAs: "free" | "tentative" | "busy" | "oof" | "workingElsewhere";
  /** "private" hides the details from people who share the calendar; absent leaves Outlook's default ("normal"). */
  readonly sensitivity?: "normal" | "private";
  /** The IANA zone the event is written in (the firm's), so Outlook shows it in that zone; UTC when absent. */
  readonly timeZone?: string;
  /** People invited. Empty for a private follow-up: attendees receive invitations. */
  readonly attendees: readonly Address[];
  /** Idempotency key: a retried create with the same key makes no second event. */
  readonly transactionId: string;
}

export interface CalendarEvent {
  readonly id: string;
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly categories: readonly string[];
  readonly showAs: string;
  readonly transactionId: string | null;
}

/** Writes and reads the user's calendar (`mailbox` null = the signed-in user). */
export interface CalendarWriter {
  /** Creates the event, or returns the one already made with this transactionId. */
  create(input: CalendarEventInput, mailbox?: string | null): Promise<CalendarEvent>;
  /** Events overlapping [start, end), in start order. */
  listView(start: string, end: string, mailbox?: string | null): Promise<CalendarEvent[]>;
  update(id: string, patch: Partial<Omit<CalendarEventInput, "transactionId">>, mailbox?: string | null): Promise<CalendarEvent>;
  /** Deletes the event; deleting one already gone is not an error. */
  remove(id: string, mailbox?: string | null): Promise<void>;
}
