import type { PaneContext } from "../paneContext";
import type { OverdueCapability } from "../../ui/overdue/overdueCapability";

/** Builds the overdue capability from the pane's adapters. */
export async function buildOverdue(_ctx: PaneContext): Promise<OverdueCapability | undefined> {
  return undefined;
}
