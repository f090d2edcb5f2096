import type { PaneContext } from "../paneContext";
import type { FollowUpCapability } from "../../ui/followups/followUpCapability";

/** Builds the followups capability from the pane's adapters. */
export async function buildFollowUp(_ctx: PaneContext): Promise<FollowUpCapability | undefined> {
  return undefined;
}
