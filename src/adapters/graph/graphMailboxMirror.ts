import type { MailboxMirror, MirrorItem, MirrorOutcome } from "@ports/mailboxMirror";
import type { GraphClient } from "./graphClient";
import { applyCategoryPatches } from "./categoryPatcher";

/**
 * MailboxMirror over Graph: the matter's category plus our MatterId property, for many messages in few `$batch`
 * requests (100 items take about 7). The master list is read once per mailbox and remembered.
 */
export function createGraphMailboxMirror(graph: GraphClient): MailboxMirror {
  const knownCategories = new Map<string, Set<string>>();
  return {
    async apply(items: readonly MirrorItem[]): Promise<MirrorOutcome[]> {
      if (items.length === 0) return [];
      return applyCategoryPatches(
        graph,
        items.map((i) => ({
          key: i.key,
          mailbox: i.mailbox,
          graphId: i.graphId,
          internetMessageId: i.internetMessageId,
          add: i.category,
          remove: i.removeCategories,
          matterId: i.matterId,
        })),
        knownCategories,
      );
    },
  };
}
