/** Graph-shaped records the simulator stores and returns (the slice of Graph Matterline uses). */

export interface GraphEmailAddress {
  emailAddress: { name?: string; address: string };
}

export interface GraphExtendedProperty {
  id: string;
  value: string;
}

export interface GraphMessage {
  id: string;
  internetMessageId?: string;
  conversationId?: string;
  subject?: string;
  from?: GraphEmailAddress;
  sender?: GraphEmailAddress;
  toRecipients?: GraphEmailAddress[];
  ccRecipients?: GraphEmailAddress[];
  receivedDateTime?: string;
  sentDateTime?: string;
  lastModifiedDateTime?: string;
  body?: { contentType: "text" | "html"; content: string };
  bodyPreview?: string;
  categories?: string[];
  singleValueExtendedProperties?: GraphExtendedProperty[];
  hasAttachments?: boolean;
  webLink?: string;
  isRead?: boolean;
  parentFolderId?: string;
  [key: string]: unknown;
}

/** What `addMessage` accepts: every field optional, the id generated when absent. */
export type SeedMessage = Partial<GraphMessage>;

export interface GraphDateTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface GraphEvent {
  id: string;
  subject?: string;
  body?: { contentType: string; content: string };
  start: GraphDateTimeZone;
  end: GraphDateTimeZone;
  categories?: string[];
  showAs?: string;
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  attendees?: unknown[];
  transactionId?: string;
  [key: string]: unknown;
}

export interface GraphMasterCategory {
  id: string;
  displayName: string;
  color: string;
}

export interface GraphMailboxSettings {
  timeZone: string;
  workingHours: {
    daysOfWeek: string[];
    startTime: string;
    endTime: string;
    timeZone: { name: string };
  };
}

/** A fault the simulator injects into the next matching requests. */
export type SimulatedFault =
  { status: 400 | 413 | 429 | 500 | 502 | 503 | 504; retryAfterSec?: number } | "timeout" | "drop" | "drop-after-commit";

/** What a fault matcher sees of a request (top-level, or a `$batch` sub-request). */
export interface RequestSummary {
  method: string;
  /** Path after the version segment, e.g. `/me/messages/abc`. */
  path: string;
  /** Query string without the leading `?`. */
  query: string;
  body: unknown;
  /** True for a sub-request inside `$batch`. */
  inBatch: boolean;
}

export interface SimulatorStats {
  totalRequests: number;
  /** Highest number of top-level requests in flight at once, over all mailboxes. */
  maxInFlight: number;
  /** Same, per mailbox key ("me" resolves to the signed-in user's address). */
  maxInFlightByMailbox: Record<string, number>;
  /**
   * Highest number of top-level requests per mailbox key from arrival to answer, counting those the simulator refused
   * (429 past the concurrency limit) or faulted: what the client really had in flight at once.
   */
  maxConcurrentByMailbox: Record<string, number>;
  /** `METHOD /path` (no query) → count; `$batch` sub-requests are counted under their own path too. */
  requestsByPath: Record<string, number>;
  batchSubRequests: number;
  throttled: number;
  /** Every top-level request, in arrival order. */
  log: { method: string; url: string; status: number; prefer: string }[];
}

/**
 * An attachment seeded on a message. "file": a file (inline when it is an image the body shows); "item": an attached
 * email or event (`content` is its MIME); "reference": a link to a file in the cloud (no content in the mailbox).
 */
export interface SeedAttachment {
  kind?: "file" | "item" | "reference";
  name: string;
  contentType?: string;
  /** The file's bytes (a string is taken as UTF-8). */
  content?: Uint8Array | string;
  isInline?: boolean;
  contentId?: string;
}
