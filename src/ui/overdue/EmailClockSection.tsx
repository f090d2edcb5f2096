import type { Capabilities } from "../capabilities";
import type { CurrentItem } from "../../core/ports/mailSource";

/** Placeholder until the feature lands. */
export function EmailClockSection(_: { capabilities: Capabilities; item: CurrentItem }) {
  return null;
}
