/** Working hours and time zone of a mailbox, as the mailbox settings say. */
export interface MailboxWorkingHours {
  /** IANA or Windows time zone name as Graph returns it. */
  readonly timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly days: readonly number[];
  /** "HH:mm" */
  readonly start: string;
  readonly end: string;
}

/** Reads a mailbox's working hours. Graph denies this for shared mailboxes: then the answer is null. */
export interface MailboxSettingsReader {
  workingHours(mailbox?: string | null): Promise<MailboxWorkingHours | null>;
}
