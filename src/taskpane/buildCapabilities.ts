import type { Capabilities } from "../ui/capabilities";
import type { HostFeature } from "../core/ports/hostSupport";
import { createOfficeMailSource, createOfficeThemeSource, type OfficeNamespace } from "../adapters/office";
import type { HostEnvironment } from "./hostEnvironment";
import { createPaneContext } from "./paneContext";
import { buildFiling } from "./features/filing";
import { buildOverdue } from "./features/overdue";
import { buildReplies } from "./features/replies";
import { buildFollowUp } from "./features/followups";
import { buildMatters } from "./features/matters";

const FEATURES: HostFeature[] = ["pinning", "categories", "on-send", "multi-select", "load-item", "nested-app-auth"];

/** Wires adapters into the capabilities the UI receives. The only place that knows both. */
export async function buildCapabilities(office: typeof Office, host: HostEnvironment | undefined): Promise<Capabilities> {
  const ns = office as unknown as OfficeNamespace;
  const ctx = await createPaneContext(ns, host);
  const supports = Object.fromEntries(FEATURES.map((f) => [f, ctx.support.supports(f)])) as Record<HostFeature, boolean>;
  const [filing, matters, overdue, replies, followUps] = await Promise.all([buildFiling(ctx), buildMatters(ctx), buildOverdue(ctx), buildReplies(ctx), buildFollowUp(ctx)]);
  return {
    mail: createOfficeMailSource(ns),
    theme: createOfficeThemeSource(ns),
    clock: { now: ctx.now },
    host: { name: host?.name ?? "Outlook", mailboxVersion: ctx.support.mailboxVersion(), supports },
    filing,
    matters,
    overdue,
    replies,
    followUps,
  };
}
