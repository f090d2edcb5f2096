import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import type { MailMessage } from "@domain/model/mail";
import { findRefs } from "@domain/recognition/scanText";
import { splitMessageText } from "@domain/text/newText";
import type { PaneRecognition } from "@domain/recognition/paneRecognition";

/**
 * Confidence at or above which an email is logged without asking. Recognition's confidence is
 * (1 − e^(−score/3.5)) × √separation: a lone client-contact match with a single matter scores 4 (≈ 0.68), a
 * contact plus filing history or a keyword ≈ 0.8, a thread (7) ≈ 0.86, a subject reference (10) ≈ 0.94. 0.85
 * therefore demands a reference, a logged thread, or two independent signals agreeing with no rival matter —
 * filing to the wrong matter is a confidentiality breach, so a click is cheaper than a wrong automatic filing.
 */
export const AUTO_LOG_THRESHOLD = 0.85;

/** The user's filing settings (stored per device). */
export interface FilingSettings {
  /** Log automatically when recognition is sure. Off by default: the firm opts in. */
  readonly autoLog: boolean;
}

export const DEFAULT_FILING_SETTINGS: FilingSettings = { autoLog: false };

/** Reads settings written by any version, falling back to defaults for anything unexpected. */
export function filingSettingsFrom(value: unknown): FilingSettings {
  const v = (value ?? {}) as { autoLog?: unknown };
  return { autoLog: typeof v.autoLog === "boolean" ? v.autoLog : DEFAULT_FILING_SETTINGS.autoLog };
}

/** Why a message was or was not logged automatically (shown to the user, and tested). */
export type AutoLogDecision =
  | { readonly log: true; readonly matterId: string; readonly basis: "sure" | "reference" | "thread" }
  | { readonly log: false; readonly why: "off" | "logged" | "undone" | "abstained" | "low-confidence" | "not-client" | "no-id" };

/** Whether the message cites the matter itself (subject or own text): said in the decision, never enough alone. */
export function citesMatter(index: DirectoryIndex, message: MailMessage, matterId: string): boolean {
  const parts = splitMessageText(message.bodyText, message.subject);
  return [message.subject, parts.newText, parts.signature].some(
    (text) => text && findRefs(index, text).some((hit) => hit.matterId === matterId && hit.label !== "other"),
  );
}

/** Whether the matter is the one the thread (or the message itself, elsewhere) was already logged to. */
export function threadSays(pane: PaneRecognition, matterId: string): boolean {
  const ids = new Set([...pane.localThreadMatterIds, ...pane.mailbox.threadMatterIds]);
  if (pane.mailbox.selfMatterId) ids.add(pane.mailbox.selfMatterId);
  return ids.size === 1 && ids.has(matterId);
}

/**
 * Whether the matter's own client is on the other end of the mail: the sender of inbound mail, or a recipient of mine,
 * is a contact of that client or writes from its domain. A number cited by anyone else (a stranger, another client's
 * contact mistyping their own matter's number) says nothing certain about our matter.
 */
export function citedByItsClient(index: DirectoryIndex, message: MailMessage, direction: string, matterId: string): boolean {
  const clientId = index.matterById.get(matterId)?.clientId;
  if (!clientId) return false;
  const outside = direction === "outbound" ? [...message.to, ...message.cc] : message.from ? [message.from] : [];
  return outside.some(({ email }) => {
    const address = email.trim().toLowerCase();
    const domain = address.slice(address.lastIndexOf("@") + 1);
    return index.contactByEmail.get(address)?.clientId === clientId || (index.clientsByDomain.get(domain) ?? []).includes(clientId);
  });
}

/**
 * Decides auto-logging. Never when the user undid a filing of this message (their "no" wins), never when recognition
 * abstained, and only for client-side mail (the client's, or mine to the client) at or above AUTO_LOG_THRESHOLD,
 * unless the thread was already filed to this matter (our own MatterId marks or this device's log: the firm's own
 * decision). A cited matter number never bypasses the client-side gate (anyone can type one: a stranger citing a
 * number files nothing); it stands in for the threshold only when the matter's own client cites it, so a typo that
 * names another client's matter files nothing on its own either (the user is asked instead).
 */
export function autoLogDecision(
  message: MailMessage,
  pane: PaneRecognition,
  index: DirectoryIndex,
  settings: FilingSettings,
): AutoLogDecision {
  if (!settings.autoLog) return { log: false, why: "off" };
  if (!message.internetMessageId) return { log: false, why: "no-id" };
  if (pane.logged) return { log: false, why: "logged" };
  if (wasUndone(pane.audit)) return { log: false, why: "undone" };
  const r = pane.recognition;
  if (r.abstained || !r.matterId) return { log: false, why: "abstained" };
  const cited = citesMatter(index, message, r.matterId);
  const thread = threadSays(pane, r.matterId);
  // Mail I send to a client is about the client as surely as mail they send me.
  const clientSide = r.senderRole === "client" || (r.senderRole === "me" && r.direction === "outbound");
  if (!clientSide && !thread) return { log: false, why: "not-client" };
  const citedByClient = cited && citedByItsClient(index, message, r.direction, r.matterId);
  if (r.confidence < AUTO_LOG_THRESHOLD && !thread && !citedByClient) return { log: false, why: "low-confidence" };
  return { log: true, matterId: r.matterId, basis: cited ? "reference" : thread ? "thread" : "sure" };
}

/** The user took this message off the log at some point: auto-log must not put it back. */
export function wasUndone(audit: readonly { readonly action: string }[]): boolean {
  return audit.some((a) => a.action === "unlogged");
}
