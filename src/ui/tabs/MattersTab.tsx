import { Text } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";

/** Browse and search the firm's matters and their logged communication. */
export function MattersTab(_: { capabilities: Capabilities }) {
  return <Text data-testid="matters-tab">No firm directory has been imported yet.</Text>;
}
