import { Text } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";
import { ErrorBoundary } from "../ErrorBoundary";
import { MattersSection } from "@features/matters/ui/MattersSection";
import { UpcomingFollowUpsSection } from "@features/followUps/ui/UpcomingFollowUpsSection";
import { RecordBar } from "@features/record/ui/RecordBar";

/** Browse and search the firm's matters, their logged communication and upcoming follow-ups. */
export function MattersTab({ capabilities }: { capabilities: Capabilities }) {
  if (!capabilities.matters) return <Text data-testid="matters-tab">Matters are not available in this Outlook.</Text>;
  return (
    <>
      <ErrorBoundary>
        <RecordBar record={capabilities.record} now={() => capabilities.clock.now()} />
      </ErrorBoundary>
      <ErrorBoundary>
        <MattersSection capabilities={capabilities} />
      </ErrorBoundary>
      <ErrorBoundary>
        <UpcomingFollowUpsSection capabilities={capabilities} />
      </ErrorBoundary>
    </>
  );
}
