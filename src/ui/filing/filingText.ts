import type { SenderRole } from "../../core/recognition/types";
import type { MatterLabel } from "./filingCapability";

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

export function matterText(m: MatterLabel | undefined, id: string): string {
  return m ? `${m.number} ${m.title}` : id;
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** "16:31" today, else "26 Aug, 16:31", in the user's own time zone (the pane runs where they are). */
export function whenText(iso: string, now: Date): string {
  const d = new Date(iso);
  const time = d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", hour12: false });
  return d.toDateString() === now.toDateString() ? time : `${d.toLocaleDateString(undefined, { day: "numeric", month: "short" })}, ${time}`;
}
