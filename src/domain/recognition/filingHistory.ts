import type { FilingHistory } from "./types";

/** A filing history that can learn, for callers that build one from their own log (the CLI, tests). */
export interface MutableFilingHistory extends FilingHistory {
  readonly byAddress: Map<string, Map<string, number>>;
  readonly byConversation: Map<string, string>;
}

/** A history with nothing filed yet. */
export function emptyFilingHistory(): MutableFilingHistory {
  return { byAddress: new Map(), byConversation: new Map() };
}

/** Records one filed message: its conversation now belongs to the matter, and each outside address counts once more. */
export function recordFiling(
  history: MutableFilingHistory,
  entry: { conversationId: string | null; addresses: readonly string[]; matterId: string },
): void {
  if (entry.conversationId) history.byConversation.set(entry.conversationId, entry.matterId);
  for (const raw of new Set(entry.addresses.map((a) => a.toLowerCase()).filter(Boolean))) {
    const counts = history.byAddress.get(raw) ?? new Map<string, number>();
    counts.set(entry.matterId, (counts.get(entry.matterId) ?? 0) + 1);
    history.byAddress.set(raw, counts);
  }
}
