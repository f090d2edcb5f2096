import type { Capabilities } from "../capabilities";


/** Placeholder until the feature lands. */
export function FilingSettingsSection(_: { capabilities: Capabilities }) {
  return null;
}
