import type { Client, Matter, Person } from "@domain/directory/types";
import type { MatterSearchHit } from "@domain/directory/directoryIndex";
import type { SelectedItemRef } from "@ports/selectedItems";
import type { DirectorySummary, ImportFile } from "./directoryImport";
import type { TimelineItem } from "./matterTimeline";
import type { BulkCandidate, BulkDecision, BulkOutcome } from "./bulkTagging";
import type { QueueItem, UntaggedQueueResult } from "./untaggedQueue";
import type { LogResult } from "@domain/matterLog/matterLog";

/** A matter opened in the pane: its people and its timeline (newest first). */
export interface MatterView {
  readonly matter: Matter;
  readonly client: Client | undefined;
  readonly responsible: Person | undefined;
  readonly team: readonly Person[];
  /** The newest entries asked for, newest first, each with its reply status. */
  readonly timeline: readonly TimelineItem[];
  /** How many entries the matter holds in all (the timeline shows the newest of them). */
  readonly timelineTotal: number;
}

/**
 * Timeline entries a matter opens with, and how many more each "Show more" reads: several screens of a task pane.
 * Measured in Chromium on a matter of 5,000 (`npm run bench`, record.timelineShownMs5k), Enter to first row took about
 * 90 ms with a page of 100 and 65 ms with 50, against 350 ms when every entry was read first.
 */
export const TIMELINE_PAGE = 50;

/** A file ready to download: the UI turns it into a Blob link. */
export interface ExportFile {
  readonly filename: string;
  readonly mimeType: string;
  readonly text: string;
}

/** Assistants' bulk tagging of the emails selected in Outlook (Mailbox 1.13). */
export interface BulkTagging {
  /** False when this Outlook cannot multi-select: the UI says so plainly. */
  readonly supported: boolean;
  selection(): Promise<SelectedItemRef[]>;
  onSelectionChanged(listener: () => void): () => void;
  /** Reads and recognizes each selected email. */
  prepare(refs: readonly SelectedItemRef[], onProgress?: (done: number, total: number) => void): Promise<BulkCandidate[]>;
  /** Logs them in one action, then drains the outbox once. */
  log(
    candidates: readonly BulkCandidate[],
    decision: BulkDecision,
    onProgress?: (done: number, total: number, outcome: BulkOutcome) => void,
  ): Promise<BulkOutcome[]>;
}

/** The untagged client mail queue (recent inbox through Graph). */
export interface UntaggedQueue {
  /** The untagged client mail, and the emails that could not be checked (reported, never hiding the rest). */
  load(): Promise<UntaggedQueueResult>;
  log(item: QueueItem, matterId: string): Promise<LogResult>;
}

/** What the UI can do with the directory and the matters (import, search, timeline, export, bulk tagging, queue). */
export interface MattersCapability {
  /** The current directory's summary, null before any import. */
  directory(): Promise<DirectorySummary | null>;
  onDirectoryChanged(listener: () => void): () => void;
  /** Imports directory.json or the three CSV files, all or nothing (rejects with every problem listed). */
  importFiles(files: readonly ImportFile[]): Promise<DirectorySummary>;
  sharedDirectoryUrl(): Promise<string | null>;
  saveSharedDirectoryUrl(url: string): Promise<void>;
  refreshFromShared(): Promise<DirectorySummary>;
  /** Fuzzy matter search over number, alias, title and client. */
  search(query: string, limit?: number): Promise<MatterSearchHit[]>;
  clients(): Promise<readonly Client[]>;
  /**
   * Opens a matter with its newest `newest` timeline entries (TIMELINE_PAGE unless asked): a matter the firm filed to
   * for years holds thousands, and only those shown are read.
   */
  openMatter(matterId: string, newest?: number): Promise<MatterView>;
  exportLog(matterId: string, format: "csv" | "json"): Promise<ExportFile>;
  /** Adds an address as a contact of a client (validated, saved through the directory). */
  addContact(clientId: string, contact: { name?: string; email: string }): Promise<void>;
  /** The number and title of a matter, for labels. */
  matterLabel(matterId: string): Promise<string>;
  readonly bulk: BulkTagging;
  readonly queue: UntaggedQueue;
}
