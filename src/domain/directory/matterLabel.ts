import type { Matter } from "./types";

/**
 * How a matter is named to the user everywhere (the pane, the digest, event subjects, the ribbon's messages): its
 * number, then its title, e.g. "2024-0012 Hollis lease". Mailbox categories keep their own shortened form
 * (`categoryNameFor`), which must fit Outlook's list.
 */
export function matterLabel(matter: Pick<Matter, "number" | "title">): string {
  return `${matter.number} ${matter.title}`.trim();
}
