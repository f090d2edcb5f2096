import type { Address, MailMessage } from "@domain/model/mail";
import type { BodyFacts } from "@domain/assessment/bodyFacts";

/** A scanned message without its body: what the clock reads, plus the facts read once from the body. */
export type ScannedMessage = MailMessage & {
  /** Recognition's and the language reading's findings in the body (inbound mail from others only). */
  readonly facts?: BodyFacts;
};

/**
 * One message as a scan keeps it: ids, times, sender, recipients' addresses (what answered-detection and recognition
 * compare), conversation, categories and our extended properties, and the body's facts; never the body. Short keys
 * and absent defaults keep a 30-day window of a busy mailbox small.
 */
export interface MessageRow {
  /** Our message id when it is not the internetMessageId. */
  readonly id?: string;
  readonly imid: string | null;
  readonly conv: string | null;
  readonly subject: string;
  readonly from: Address | null;
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly sent: string | null;
  readonly recv: string | null;
  readonly mod?: string;
  readonly cats?: readonly string[];
  readonly noReply?: true;
  readonly logged?: string;
  readonly facts?: BodyFacts;
}

/** The row kept for `message` (its body left out), with the facts read from that body. */
export function toRow(message: MailMessage, facts: BodyFacts | null): MessageRow {
  const from = message.from
    ? message.from.name
      ? { name: message.from.name, email: message.from.email }
      : { email: message.from.email }
    : null;
  return {
    ...(message.id !== message.internetMessageId ? { id: message.id } : {}),
    imid: message.internetMessageId,
    conv: message.conversationId,
    subject: message.subject,
    from,
    ...(message.to.length ? { to: message.to.map((a) => a.email) } : {}),
    ...(message.cc.length ? { cc: message.cc.map((a) => a.email) } : {}),
    sent: message.sentAt,
    recv: message.receivedAt,
    ...(message.modifiedAt ? { mod: message.modifiedAt } : {}),
    ...(message.categories?.length ? { cats: [...message.categories] } : {}),
    ...(message.noReplyMarked ? { noReply: true as const } : {}),
    ...(message.loggedMatterId ? { logged: message.loggedMatterId } : {}),
    ...(facts ? { facts } : {}),
  };
}

/** The message a row stands for: body empty, its facts attached. */
export function fromRow(row: MessageRow): ScannedMessage {
  return {
    id: row.id ?? row.imid ?? "",
    internetMessageId: row.imid,
    conversationId: row.conv,
    subject: row.subject,
    from: row.from,
    to: (row.to ?? []).map((email) => ({ email })),
    cc: (row.cc ?? []).map((email) => ({ email })),
    sentAt: row.sent,
    receivedAt: row.recv,
    bodyText: "",
    attachmentNames: [],
    categories: row.cats ?? [],
    modifiedAt: row.mod ?? null,
    ...(row.noReply ? { noReplyMarked: true } : {}),
    ...(row.logged ? { loggedMatterId: row.logged } : {}),
    ...(row.facts ? { facts: row.facts } : {}),
  };
}

/** True when `v` has a row's shape (a row of another version or a damaged one is read as absent). */
export function isMessageRow(v: unknown): v is MessageRow {
  const r = v as MessageRow | null;
  return !!r && typeof r === "object" && typeof r.subject === "string" && (r.imid === null || typeof r.imid === "string");
}
