import type { SenderRole } from "../../core/recognition/types";
import type { MatterLabel } from "./filingCapability";
import { formatWhen } from "../shell/dates";

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

/** "16:31" today, else "Tue 26 Aug, 16:31": the pane's one date format (shell/dates), in the user's own time zone. */
export function whenText(iso: string, now: Date): string {
  return formatWhen(iso, now);
}

/**
 * A hint from recognition ("a matter reference … would decide it") as a sentence: capital first letter, full stop.
 * Recognition writes reasons as lower-case fragments for lists; shown alone, a hint reads as a sentence.
 */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}
