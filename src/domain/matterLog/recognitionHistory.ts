import type { FilingHistorySnapshot } from "@ports/filingHistoryStore";
import type { FilingHistory } from "@domain/recognition/types";

/** Turns the stored filing history into the Map-based shape recognition reads (built once per directory load). */
export function filingHistoryFromSnapshot(snapshot: FilingHistorySnapshot): FilingHistory {
  return {
    byAddress: new Map(Object.entries(snapshot.addresses).map(([address, counts]) => [address, new Map(Object.entries(counts))])),
    byConversation: new Map(Object.entries(snapshot.conversations)),
  };
}
