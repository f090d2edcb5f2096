import type { PaneContext } from "../paneContext";
import type { FilingCapability } from "../../ui/filing/filingCapability";

/** Builds the filing capability from the pane's adapters. */
export async function buildFiling(_ctx: PaneContext): Promise<FilingCapability | undefined> {
  return undefined;
}
