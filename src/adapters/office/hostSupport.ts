import { MatterlineError } from "@domain/errors";
import type { HostFeature, HostSupport } from "@ports/hostSupport";
import type { OfficeNamespace } from "./officeCall";

/** The requirement set behind each feature. */
export const featureRequirement: Readonly<Record<HostFeature, { readonly set: string; readonly version: string }>> = {
  pinning: { set: "Mailbox", version: "1.5" },
  categories: { set: "Mailbox", version: "1.8" },
  "on-send": { set: "Mailbox", version: "1.12" },
  "multi-select": { set: "Mailbox", version: "1.13" },
  "load-item": { set: "Mailbox", version: "1.15" },
  "nested-app-auth": { set: "NestedAppAuth", version: "1.1" },
};

/** What the user loses without a feature, in plain words. */
const featureLoss: Readonly<Record<HostFeature, string>> = {
  pinning: "keep the pane open while you move between messages",
  categories: "set categories on messages from the pane",
  "on-send": "log mail to a matter as you send it",
  "multi-select": "tag many selected messages at once",
  "load-item": "read several selected messages at once",
  "nested-app-auth": "sign in to Microsoft 365 without a pop-up window",
};

/** Mailbox versions probed from newest down; isSetSupported answers only yes/no for one version. */
const MAILBOX_VERSIONS = Array.from({ length: 15 }, (_, i) => `1.${15 - i}`);

/** HostSupport over Office.context.requirements and mailbox.convertToRestId. */
export function createOfficeHostSupport(office: OfficeNamespace): HostSupport {
  const requirements = office.context.requirements;
  return {
    mailboxVersion: () => MAILBOX_VERSIONS.find((v) => requirements.isSetSupported("Mailbox", v)) ?? "1.0",
    supports: (feature) => requirements.isSetSupported(featureRequirement[feature].set, featureRequirement[feature].version),
    toRestId: (itemId) => office.context.mailbox.convertToRestId(itemId, office.MailboxEnums.RestVersion.v2_0),
  };
}

/** Throws MatterlineError("not-supported") with a message naming what the user cannot do, when the host lacks `feature`. */
export function requireFeature(support: HostSupport, feature: HostFeature): void {
  if (support.supports(feature)) return;
  const need = featureRequirement[feature];
  throw new MatterlineError(
    "not-supported",
    `This version of Outlook cannot ${featureLoss[feature]} (it needs ${need.set} ${need.version}; it has Mailbox ${support.mailboxVersion()}).`,
  );
}
