import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import { isFirmAddress } from "@domain/directory/directoryIndex";
import type { Matter } from "@domain/directory/types";
import { emailDomain, normalizeEmail } from "@domain/model/mail";
import type { LogEntry } from "@domain/matterLog/types";
import { formatDuration } from "@domain/clock/clockText";

/** The default reply deadline when neither the matter nor the client sets one (DESIGN: 24 h). */
export const DEFAULT_SLA_HOURS = 24;

/** How a client message on the timeline was answered. */
export type TimelineResponse =
  | { readonly kind: "answered"; readonly repliedAt: string; readonly minutes: number; readonly late: boolean; readonly text: string }
  | { readonly kind: "waiting"; readonly minutes: number; readonly late: boolean; readonly text: string };

/** One logged communication of a matter as the timeline shows it. */
export interface TimelineItem {
  readonly entry: LogEntry;
  /** Received time, else sent time, else logged time (ISO-8601 UTC). */
  readonly at: string;
  /** The other side of the message: the sender for inbound mail, the recipients otherwise. */
  readonly who: string;
  /**
   * True for inbound mail from the matter's client (its contacts, its domains, or an unlisted address — not the
   * matter's opposing parties nor another client's contacts): the messages whose response time counts.
   */
  readonly fromClient: boolean;
  /** Set for client messages only. */
  readonly response: TimelineResponse | null;
}

function when(e: LogEntry): string {
  return e.receivedAt ?? e.sentAt ?? e.loggedAt;
}

function display(a: { name?: string; email: string } | null): string {
  return a ? (a.name ? `${a.name} <${a.email}>` : a.email) : "(unknown sender)";
}

function ms(iso: string): number {
  return Date.parse(iso);
}

/**
 * The matter's log as a timeline, newest first, with the response time of each client message: the first message
 * sent from the firm in the same conversation after it arrived (at or before `now`). A client message with no such
 * reply is "waiting" for as long as it has been open. Late means longer than the matter's reply deadline.
 */
export function buildTimeline(
  entries: readonly LogEntry[],
  context: { readonly index: DirectoryIndex; readonly matter: Matter; readonly now: Date },
): TimelineItem[] {
  const { index, matter } = context;
  const nowMs = context.now.getTime();
  const client = index.clientById.get(matter.clientId);
  const clientDomains = new Set((client?.domains ?? []).map((d) => d.toLowerCase()));
  const slaMinutes = (matter.slaHours ?? DEFAULT_SLA_HOURS) * 60;
  const opposingEmails = new Set((matter.opposing ?? []).flatMap((o) => o.emails ?? []).map(normalizeEmail));
  const opposingDomains = new Set((matter.opposing ?? []).flatMap((o) => o.domains ?? []).map((d) => d.toLowerCase()));
  // A client's people often write from personal addresses the directory does not list; mail the firm filed to the
  // client's matter from such an address is the client's. The other side and other clients' contacts are not.
  const isClient = (email: string) => {
    const e = normalizeEmail(email);
    const contactOf = index.contactByEmail.get(e)?.clientId;
    if (contactOf) return contactOf === matter.clientId;
    if (clientDomains.has(emailDomain(e))) return true;
    if (opposingEmails.has(e) || opposingDomains.has(emailDomain(e))) return false;
    return !isFirmAddress(index, e);
  };
  const fromFirm = entries.filter((e) => e.from && isFirmAddress(index, e.from.email));

  const items = entries.map((entry): TimelineItem => {
    const at = when(entry);
    const fromClient = entry.direction === "inbound" && entry.from !== null && isClient(entry.from.email);
    const who =
      entry.direction === "inbound" ? display(entry.from) : [...entry.to, ...entry.cc].map(display).join(", ") || display(entry.from);
    if (!fromClient) return { entry, at, who, fromClient, response: null };
    const arrived = ms(at);
    let reply: { at: number; iso: string } | null = null;
    for (const r of fromFirm) {
      if (!entry.conversationId || r.conversationId !== entry.conversationId) continue;
      const iso = r.sentAt ?? r.receivedAt ?? r.loggedAt;
      const t = ms(iso);
      if (!(t > arrived) || t > nowMs) continue;
      if (!reply || t < reply.at) reply = { at: t, iso };
    }
    if (reply) {
      const minutes = Math.round((reply.at - arrived) / 60_000);
      const late = minutes > slaMinutes;
      return {
        entry,
        at,
        who,
        fromClient,
        response: {
          kind: "answered",
          repliedAt: reply.iso,
          minutes,
          late,
          text: `Answered in ${formatDuration(minutes)}${late ? " (late)" : ""}`,
        },
      };
    }
    const minutes = Math.max(0, Math.round((nowMs - arrived) / 60_000));
    const late = minutes > slaMinutes;
    return {
      entry,
      at,
      who,
      fromClient,
      response: { kind: "waiting", minutes, late, text: `No reply logged yet — waiting ${formatDuration(minutes)}` },
    };
  });
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.entry.internetMessageId.localeCompare(b.entry.internetMessageId)));
}
