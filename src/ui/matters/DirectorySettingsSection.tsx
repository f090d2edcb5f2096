import type { Capabilities } from "../capabilities";

/** Placeholder until the feature lands. */
export function DirectorySettingsSection(_: { capabilities: Capabilities }) {
  return null;
}
