import type { FilingView, NamedMatter } from "./service";
import type { FilingSettings } from "./autoLog";
import type { LogStatus } from "@domain/matterLog/matterLog";
import type { TimeEntry } from "@domain/matterLog/types";
import type { CurrentItem } from "@ports/mailSource";

export type { FilingView, NamedMatter, FilingSettings };

/** Sent mail chosen for a matter at Send that will not reach the matter log by itself: the user logs it by hand. */
export interface UnloggedSends {
  readonly entries: readonly {
    readonly subject: string;
    readonly sentAt: string | null;
    /** The matter's label, or its id when the directory no longer has it. */
    readonly matter: string;
    /** "queue-full": more mail waited than the queue holds; "not-found": its sent copy never showed in Sent Items. */
    readonly reason: "queue-full" | "not-found";
  }[];
  /** How many more did not fit in the list. */
  readonly more: number;
}

/** What the UI can do about recognizing and logging email. */
export interface FilingCapability {
  /** Recognizes the item; `useMailbox: false` is the fast local pass, the full pass may auto-log (read mode). */
  recognize(item: CurrentItem, options?: { readonly useMailbox?: boolean }): Promise<FilingView>;
  /** Logs the item to a matter (idempotent) and queues the mailbox copy. */
  log(
    item: CurrentItem,
    matterId: string,
    options?: { readonly timeEntry?: TimeEntry | null },
  ): Promise<{ status: LogStatus; view: FilingView }>;
  /** Takes the item off the log (undo). */
  unlog(item: CurrentItem): Promise<FilingView>;
  /** Queues the mailbox copy again and drains now. */
  retryMirror(item: CurrentItem): Promise<void>;
  searchMatters(query: string): Promise<NamedMatter[]>;
  settings(): Promise<FilingSettings>;
  saveSettings(settings: FilingSettings): Promise<void>;
  /** Compose mode: the matter the sent mail will be logged to (kept on the draft for the OnMessageSend handler). */
  chosenForSend(): Promise<string | null>;
  chooseForSend(matterId: string | null): Promise<void>;
  /** Calls `listener` after the outbox drained (a mirror may have reached the mailbox); returns unsubscribe. */
  onMirrorChanged(listener: () => void): () => void;
  /** The signed-in user's address, to say "by you". */
  readonly me: string;
  /** Sent mail that log on send gave up on, for the pane to show until dismissed. */
  unloggedSends(): Promise<UnloggedSends>;
  dismissUnloggedSends(): Promise<void>;
  /** Log on send needs Mailbox 1.12. */
  readonly onSendSupported: boolean;
  /** Categories on items need Mailbox 1.8. */
  readonly categoriesSupported: boolean;
}
