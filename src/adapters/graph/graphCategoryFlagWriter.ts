import type { MirrorOutcome } from "@ports/mailboxMirror";
import type { CategoryFlagItem, CategoryFlagWriter } from "@ports/categoryFlagWriter";
import type { GraphClient } from "./graphClient";
import { applyCategoryPatches } from "./categoryPatcher";
import { OVERDUE_CATEGORY } from "./matterProperty";

/**
 * Sets/clears one category through Graph so every device's message list shows it: "Overdue reply" by default, or
 * another (the shared "No reply needed"). With `noReplyProperty`, our NoReplyNeeded property is set and cleared in the
 * same PATCH: the proof the clock trusts, since anyone can set a category.
 */
export function createGraphCategoryFlagWriter(
  graph: GraphClient,
  category: { readonly name: string; readonly color: string } = OVERDUE_CATEGORY,
  options: { readonly noReplyProperty?: boolean } = {},
): CategoryFlagWriter {
  const knownCategories = new Map<string, Set<string>>();
  return {
    async setCategory(items: readonly CategoryFlagItem[], on: boolean): Promise<MirrorOutcome[]> {
      if (items.length === 0) return [];
      return applyCategoryPatches(
        graph,
        items.map((i) => ({
          ...i,
          add: on ? { name: category.name, color: category.color } : null,
          remove: on ? [] : [category.name],
          ...(options.noReplyProperty ? { noReplyNeeded: on } : {}),
        })),
        knownCategories,
      );
    },
  };
}
