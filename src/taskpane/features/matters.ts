import type { PaneContext } from "../paneContext";
import type { MattersCapability } from "../../ui/matters/mattersCapability";

/** Builds the matters capability from the pane's adapters. */
export async function buildMatters(_ctx: PaneContext): Promise<MattersCapability | undefined> {
  return undefined;
}
