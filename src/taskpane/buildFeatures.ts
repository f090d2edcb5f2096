import type { Capabilities } from "../ui/capabilities";
import type { OfficeNamespace } from "../adapters/office";
import type { HostEnvironment } from "./hostEnvironment";
import { createPaneContext } from "./paneContext";
import { buildFiling } from "./features/filing";
import { buildOverdue } from "./features/overdue";
import { buildReplies } from "./features/replies";
import { buildFollowUp } from "./features/followups";
import { buildMatters } from "./features/matters";

export type FeatureCapabilities = Pick<Capabilities, "filing" | "matters" | "overdue" | "replies" | "followUps">;

/**
 * Wires adapters into the feature capabilities. Loaded as its own chunk after the first render, so opening the pane
 * never waits for storage, the Graph SDK or the engines. The only place that knows both adapters and capabilities.
 */
export async function buildFeatures(office: typeof Office, host: HostEnvironment | undefined): Promise<FeatureCapabilities> {
  const ctx = await createPaneContext(office as unknown as OfficeNamespace, host);
  const [filing, matters, overdue, replies, followUps] = await Promise.all([buildFiling(ctx), buildMatters(ctx), buildOverdue(ctx), buildReplies(ctx), buildFollowUp(ctx)]);
  return { filing, matters, overdue, replies, followUps };
}
