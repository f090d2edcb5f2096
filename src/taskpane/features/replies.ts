import type { PaneContext } from "../paneContext";
import type { RepliesCapability } from "../../ui/replies/repliesCapability";

/** Builds the replies capability from the pane's adapters. */
export async function buildReplies(_ctx: PaneContext): Promise<RepliesCapability | undefined> {
  return undefined;
}
