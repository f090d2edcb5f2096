import type { Capabilities } from "@shell/capabilities";
import type { HostEnvironment } from "@hosts/hostEnvironment";
import { createPaneContext, type PaneContext } from "@hosts/context";
import { paneZoneOf } from "@domain/time/mailboxZone";
import { buildFiling } from "@features/filing/wire";
import { buildOverdue } from "@features/clock/wire";
import { buildReplies } from "@features/replies/wire";
import { buildFollowUp } from "@features/followUps/wire";
import { buildMatters } from "@features/matters/wire";
import { buildSendGuard } from "@features/sendGuard/wire";
import { buildRecord } from "@features/record/wire";

export type FeatureCapabilities = Pick<
  Capabilities,
  "filing" | "matters" | "overdue" | "replies" | "followUps" | "sendGuard" | "record" | "signIn"
>;

/**
 * Wires adapters into the feature capabilities. Loaded as its own chunk after the first render, so opening the pane
 * never waits for storage, the Graph SDK or the engines. The only place that knows both adapters and capabilities.
 */
export async function buildFeatures(office: typeof Office, host: HostEnvironment | undefined): Promise<FeatureCapabilities> {
  return (await buildPane(office, host)).features;
}

/**
 * The features and the zone the pane writes times in: the mailbox's (Outlook's user profile), else the firm's from
 * the directory, else null (the device's).
 */
export async function buildPane(
  office: typeof Office,
  host: HostEnvironment | undefined,
): Promise<{ features: FeatureCapabilities; timeZone: () => Promise<string | null> }> {
  const ctx = await createPaneContext(office, host);
  const timeZone = async () => ctx.mailboxTimeZone ?? paneZoneOf(null, (await ctx.directory.current())?.directory.firm.timeZone);
  return { features: await wireFeatures(ctx), timeZone };
}

async function wireFeatures(ctx: PaneContext): Promise<FeatureCapabilities> {
  return {
    filing: buildFiling(ctx),
    matters: buildMatters(ctx),
    overdue: buildOverdue(ctx),
    replies: buildReplies(ctx),
    followUps: buildFollowUp(ctx),
    sendGuard: buildSendGuard(ctx),
    record: await buildRecord(ctx),
    signIn: ctx.signIn,
  };
}
