import type { OutboxOperation } from "@domain/outbox/types";
import { RECORD_FILE_KIND, RECORD_KIND, isRecordPayload } from "@domain/record/types";

/** Filings (emails) with work for the shared record still to do, and those the record refused for good. */
export interface FilingCounts {
  readonly waiting: number;
  readonly refused: number;
}

/**
 * Counts emails, not operations: one filing is first its list item's write, then its stored message's (`record-file`),
 * and both may sit in the queue at once (a re-filing while the message waits). An email with any refused write counts
 * as refused, not as waiting.
 */
export function filingCounts(ops: readonly OutboxOperation[]): FilingCounts {
  const waiting = new Set<string>();
  const refused = new Set<string>();
  for (const op of ops) {
    if (op.kind !== RECORD_KIND && op.kind !== RECORD_FILE_KIND) continue;
    // A damaged payload still counts, under its own key.
    const email = isRecordPayload(op.payload) ? op.payload.internetMessageId : op.key;
    if (op.status === "failed") refused.add(email);
    else if (op.status === "pending") waiting.add(email);
  }
  for (const email of refused) waiting.delete(email);
  return { waiting: waiting.size, refused: refused.size };
}
