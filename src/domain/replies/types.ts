import type { Client, Matter, Person } from "@domain/directory/types";
import type { Intent } from "@domain/language/intentTypes";
import type { MailMessage } from "@domain/model/mail";

/** The angle a draft takes: answer the point, ask for what is missing, or offer a call. */
export type Angle = "answer" | "ask" | "call" | "note";

/** One suggested reply, plain text, vetted against the plain-language rules. */
export interface Draft {
  /** Short button label, e.g. "Give an update". */
  readonly label: string;
  readonly angle: Angle;
  /** The reply as plain text (paragraphs separated by blank lines). */
  readonly text: string;
  /** Flesch–Kincaid grade of `text` (always ≤ 8). */
  readonly grade: number;
  /** Words in the longest sentence (always ≤ 20). */
  readonly longestSentenceWords: number;
}

/** A known date worth naming in a reply ("hearing", ISO date or date-time). */
export interface KnownDate {
  readonly label: string;
  /** "YYYY-MM-DD" or an ISO-8601 date-time. */
  readonly date: string;
}

/** Everything `suggestReplies` personalises from. Pure data: nothing is fetched. */
export interface SuggestInput {
  readonly message: MailMessage;
  readonly intent: Intent;
  readonly negativeTone: boolean;
  /**
   * The needs-reply reading of the message (the one the response clock uses). False: the mail needs no reply, so the
   * drafts are an acknowledgement at most. Absent: judged from the text alone (what it asks).
   */
  readonly needsReply?: boolean;
  /** What the client is unhappy about, most telling first (the language reading's sign kinds, e.g. "repeated chasing"). */
  readonly unhappyKinds?: readonly string[];
  /** The client the message is from; null for non-client mail (no drafts then). */
  readonly client: Client | null;
  /** Display name of the client contact who wrote ("Lucy Brennan"); the first name greets them. */
  readonly contactName?: string | null;
  readonly matter?: Matter | null;
  /** The attorney responsible for the matter. */
  readonly attorney?: Person | null;
  /** Who will send the reply (signs it); defaults to the attorney. */
  readonly sender?: Person | null;
  readonly nextDates?: readonly KnownDate[];
  /** IANA zone of the firm: dates in drafts are the firm's local dates. */
  readonly timeZone: string;
  /** The moment of suggesting (ISO-8601 or epoch ms); drafts promise times relative to it. */
  readonly now: string | number;
  /** ISO weekdays the firm works (default Monday–Friday) and its holidays ("YYYY-MM-DD"). */
  readonly workingDays?: readonly number[];
  readonly holidays?: readonly string[];
}
