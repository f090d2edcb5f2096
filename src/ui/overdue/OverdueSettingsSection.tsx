import type { Capabilities } from "../capabilities";


/** Placeholder until the feature lands. */
export function OverdueSettingsSection(_: { capabilities: Capabilities }) {
  return null;
}
