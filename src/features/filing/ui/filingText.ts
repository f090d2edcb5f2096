import type { SenderRole } from "@domain/recognition/types";
import type { NamedMatter } from "../api";
import { formatWhen } from "@shell/dates";

export { sentence } from "@shell/sentence";

/** The sender's role in plain words, for "Not a client". */
export const ROLE_TEXT: Record<SenderRole, string> = {
  me: "sent by you",
  colleague: "a colleague at the firm",
  client: "a client contact",
  opposing_counsel: "opposing counsel",
  court: "a court or e-filing service",
  bulk: "bulk or automated mail",
  unknown: "a sender not in the firm directory",
};

export function matterText(m: NamedMatter | undefined, id: string): string {
  return m ? m.label : id;
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** "16:31" today, else "Tue 26 Aug, 16:31": the pane's one date format (shell/dates), in the user's own time zone. */
export function whenText(iso: string, now: Date): string {
  return formatWhen(iso, now);
}
