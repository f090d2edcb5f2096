import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";
import { ErrorBoundary } from "../ErrorBoundary";
import { FilingSettingsSection } from "@features/filing/ui/FilingSettingsSection";
import { DirectorySettingsSection } from "@features/matters/ui/DirectorySettingsSection";
import { OverdueSettingsSection } from "@features/clock/ui/OverdueSettingsSection";
import { FollowUpSettingsSection } from "@features/followUps/ui/FollowUpSettingsSection";
import { RecordSettingsSection } from "@features/record/ui/RecordSettingsSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, minWidth: 0 },
  host: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** Per-feature settings, and what this Outlook supports so a missing feature is explained rather than silently absent. */
export function SettingsTab({ capabilities }: { capabilities: Capabilities }) {
  const styles = useStyles();
  const h = capabilities.host;
  const yesNo = (v: boolean) => (v ? "yes" : "no");
  return (
    <section aria-label="Settings" data-testid="settings-tab" className={styles.root}>
      <ErrorBoundary>
        <DirectorySettingsSection capabilities={capabilities} />
      </ErrorBoundary>
      <ErrorBoundary>
        <RecordSettingsSection capabilities={capabilities} />
      </ErrorBoundary>
      <ErrorBoundary>
        <FilingSettingsSection capabilities={capabilities} />
      </ErrorBoundary>
      <ErrorBoundary>
        <OverdueSettingsSection capabilities={capabilities} />
      </ErrorBoundary>
      <ErrorBoundary>
        <FollowUpSettingsSection capabilities={capabilities} />
      </ErrorBoundary>
      <section aria-label="This Outlook" className={styles.host}>
        <Subtitle2 as="h3">This Outlook</Subtitle2>
        <Caption1 block>
          Host: {h.name}, Mailbox API {h.mailboxVersion}
        </Caption1>
        <Caption1 block>Bulk tagging of selected emails (Mailbox 1.13): {yesNo(h.supports["multi-select"])}</Caption1>
        <Caption1 block>Log on send (Mailbox 1.12): {yesNo(h.supports["on-send"])}</Caption1>
        <Caption1 block>Categories (Mailbox 1.8): {yesNo(h.supports.categories)}</Caption1>
        <Caption1 block>Single sign-on (nested app authentication): {yesNo(h.supports["nested-app-auth"])}</Caption1>
      </section>
    </section>
  );
}
