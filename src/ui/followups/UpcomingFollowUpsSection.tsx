import type { Capabilities } from "../capabilities";


/** Placeholder until the feature lands. */
export function UpcomingFollowUpsSection(_: { capabilities: Capabilities }) {
  return null;
}
