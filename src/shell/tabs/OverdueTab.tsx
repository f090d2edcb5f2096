import { Text } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";
import { OverdueSection } from "@features/clock/ui/OverdueSection";

/** Client email waiting for a reply, most urgent first, and the partner's team view. */
export function OverdueTab({ capabilities }: { capabilities: Capabilities }) {
  if (!capabilities.overdue) return <Text data-testid="overdue-tab">The response clock is not available in this Outlook.</Text>;
  return <OverdueSection capabilities={capabilities} />;
}
