import type { Capabilities } from "../capabilities";


/** Placeholder until the feature lands. */
export function FollowUpSettingsSection(_: { capabilities: Capabilities }) {
  return null;
}
