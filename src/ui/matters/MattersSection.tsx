import type { Capabilities } from "../capabilities";


/** Placeholder until the feature lands. */
export function MattersSection(_: { capabilities: Capabilities }) {
  return null;
}
