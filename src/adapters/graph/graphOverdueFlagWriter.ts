import type { MirrorOutcome } from "../../core/ports/mailboxMirror";
import type { OverdueFlagItem, OverdueFlagWriter } from "../../core/ports/overdueFlagWriter";
import type { GraphClient } from "./graphClient";
import { applyCategoryPatches } from "./categoryPatcher";
import { OVERDUE_CATEGORY } from "./matterProperty";

/**
 * Sets/clears one category through Graph so every device's message list shows it: "Overdue reply" by default, or
 * another (the shared "No reply needed").
 */
export function createGraphOverdueFlagWriter(graph: GraphClient, category: { readonly name: string; readonly color: string } = OVERDUE_CATEGORY): OverdueFlagWriter {
  const knownCategories = new Map<string, Set<string>>();
  return {
    async setOverdue(items: readonly OverdueFlagItem[], overdue: boolean): Promise<MirrorOutcome[]> {
      if (items.length === 0) return [];
      return applyCategoryPatches(
        graph,
        items.map((i) => ({ ...i, add: overdue ? { name: category.name, color: category.color } : null, remove: overdue ? [] : [category.name] })),
        knownCategories,
      );
    },
  };
}
