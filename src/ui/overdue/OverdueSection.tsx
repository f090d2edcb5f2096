import type { Capabilities } from "../capabilities";


/** Placeholder until the feature lands. */
export function OverdueSection(_: { capabilities: Capabilities }) {
  return null;
}
