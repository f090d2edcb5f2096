import type { MailMessage } from "@domain/model/mail";

/** A sent message waiting to be logged: what the OnMessageSend handler could know before the mail had an id. */
export interface PendingSend {
  /** The queue's id for it: what is removed once it is logged. */
  readonly id: string;
  readonly matterId: string;
  readonly conversationId: string | null;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly sentAt: string | null;
}

/** Sent mail is matched within this window of the send time (servers stamp it a little later than the handler ran). */
export const SEND_MATCH_WINDOW_MS = 15 * 60 * 1000;

function normalizeSubject(subject: string): string {
  return subject
    .replace(/^\s*((re|fw|fwd|aw|wg)\s*:\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Finds the sent message a pending entry stands for among candidates (Sent Items around the send time): same
 * conversation when known, same subject, a shared recipient, closest send time. Null when nothing fits: better to
 * wait and try again than to log some other email.
 */
export function matchSentMessage(pending: PendingSend, candidates: readonly MailMessage[]): MailMessage | null {
  const sentMs = pending.sentAt ? Date.parse(pending.sentAt) : NaN;
  const recipients = new Set([...pending.to, ...pending.cc].map((a) => a.toLowerCase()));
  const subject = normalizeSubject(pending.subject);
  let best: { message: MailMessage; distance: number } | null = null;
  for (const m of candidates) {
    if (!m.internetMessageId) continue;
    if (pending.conversationId && m.conversationId && m.conversationId !== pending.conversationId) continue;
    if (normalizeSubject(m.subject) !== subject) continue;
    if (recipients.size && ![...m.to, ...m.cc].some((a) => recipients.has(a.email.toLowerCase()))) continue;
    const when = Date.parse(m.sentAt ?? m.receivedAt ?? "");
    const distance = Number.isNaN(sentMs) || Number.isNaN(when) ? SEND_MATCH_WINDOW_MS : Math.abs(when - sentMs);
    if (distance > SEND_MATCH_WINDOW_MS) continue;
    if (!best || distance < best.distance) best = { message: m, distance };
  }
  return best?.message ?? null;
}

/** Ports for writing pending sends through the matter log. */
export interface PendingSendDeps {
  /** Sent mail around a time (ISO), e.g. Graph's Sent Items; may reject when offline. */
  sentAround(sentAt: string | null, conversationId: string | null): Promise<MailMessage[]>;
  /** Logs one sent message with source "send". */
  log(message: MailMessage, matterId: string): Promise<void>;
}

/** What happened to the pending sends: logged, still waiting (the sent copy not found yet, or offline), or given up. */
export interface PendingSendOutcome<P extends PendingSend = PendingSend> {
  /** Ids of the entries written to the matter log. */
  readonly logged: readonly string[];
  readonly waiting: readonly P[];
  /** Too old to wait longer: the sent copy never turned up. The user is told; nothing is dropped silently. */
  readonly givenUp: readonly P[];
}

/** After this long a pending send whose sent copy never showed up is given up on (it was discarded, or sent elsewhere). */
export const PENDING_SEND_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Writes pending sends through the matter log. Each one is matched against the sent copy (which has the Internet
 * message id the log is keyed by); one that cannot be found yet waits for the next start, so nothing is lost. Each
 * entry is isolated: one that fails (offline, a log write refused) waits while the others go on.
 */
export async function logPendingSends<P extends PendingSend>(
  pending: readonly P[],
  deps: PendingSendDeps,
  now: Date,
): Promise<PendingSendOutcome<P>> {
  const logged: string[] = [];
  const waiting: P[] = [];
  const givenUp: P[] = [];
  for (const p of pending) {
    try {
      const found = matchSentMessage(p, await deps.sentAround(p.sentAt, p.conversationId));
      if (found) {
        await deps.log(found, p.matterId);
        logged.push(p.id);
        continue;
      }
    } catch {
      // Offline or throttled: keep it for next time.
    }
    const age = p.sentAt ? now.getTime() - Date.parse(p.sentAt) : 0;
    (age > PENDING_SEND_MAX_AGE_MS ? givenUp : waiting).push(p);
  }
  return { logged, waiting, givenUp };
}
