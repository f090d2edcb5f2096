import { Caption1, Subtitle2 } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";

/** What this Outlook supports, so a missing feature is explained rather than silently absent. */
export function SettingsTab({ capabilities }: { capabilities: Capabilities }) {
  const h = capabilities.host;
  const yesNo = (v: boolean) => (v ? "yes" : "no");
  return (
    <section aria-label="Settings" data-testid="settings-tab">
      <Subtitle2 as="h3">This Outlook</Subtitle2>
      <Caption1 block>Host: {h.name}, Mailbox API {h.mailboxVersion}</Caption1>
      <Caption1 block>Bulk tagging of selected emails (Mailbox 1.13): {yesNo(h.multiSelect)}</Caption1>
      <Caption1 block>Log on send (Mailbox 1.12): {yesNo(h.onSend)}</Caption1>
      <Caption1 block>Categories (Mailbox 1.8): {yesNo(h.categories)}</Caption1>
      <Caption1 block>Single sign-on (nested app authentication): {yesNo(h.nestedAppAuth)}</Caption1>
    </section>
  );
}
