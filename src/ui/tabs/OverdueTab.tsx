import { Text } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";

/** Client email waiting for a reply, most urgent first. */
export function OverdueTab(_: { capabilities: Capabilities }) {
  return <Text data-testid="overdue-tab">No client email is being timed yet.</Text>;
}
