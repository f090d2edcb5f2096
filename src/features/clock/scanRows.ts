import type { MailMessage } from "@domain/model/mail";
import type { PackedFacts } from "@domain/assessment/bodyFacts";
import { idDigest } from "./idDigest";

/** A scanned message without its body: what the clock reads, plus the facts read once from the body. */
export type ScannedMessage = MailMessage & {
  /** Recognition's and the language reading's findings in the body (inbound mail from others only). */
  readonly facts?: PackedFacts;
  /** Kept only as a member of its conversation's thread (see {@link MessageRow}); its id is the scan's key for it. */
  readonly threadOnly?: true;
};

/** The mailbox owner's address in a row's sender and recipients: "@" is no address, so it cannot stand for anyone else. */
const OWNER = "@";

/** A time as kept: ms since the epoch for the adapters' ISO-8601 UTC times (half the bytes), else as given. */
type KeptTime = number | string | null;

/**
 * One message as a scan keeps it: ids, times, sender, recipients' addresses (what answered-detection and recognition
 * compare), conversation, categories and our extended properties, and the body's facts; never the body. A 30-day
 * window of a busy mailbox holds thousands of these, so keys are short and defaults are left out.
 *
 * Mail the clock never assesses — sent mail, and inbound mail from a sender who can never be a client (its facts say
 * so, `isNeverFromClient`) — is only read as a member of its conversation's thread (`answerCandidates`,
 * `threadContextOf`: sender address, recipients, times, conversation, id). Its row is "thread-only": no subject (its
 * mark), internetMessageId, categories, extended properties or sender's name; its id is the scan's key for it; its
 * conversation id is kept as its {@link idDigest}, given back whole from the assessed inbound mail of the same
 * conversation (`restoreConversations`), the only mail it is compared with. Assessed rows keep the conversation id
 * whole: recognition looks it up in the filing history.
 */
export interface MessageRow {
  /** Our message id when it is not the internetMessageId. */
  readonly id?: string;
  /** internetMessageId (not in thread-only rows). */
  readonly im?: string | null;
  /** conversationId; in thread-only rows its {@link idDigest}. */
  readonly cv: string | null;
  /** subject; absent in thread-only rows, and only there. */
  readonly s?: string;
  /** The sender as [address, name], the mailbox owner's address written {@link OWNER}. */
  readonly f: readonly [string, string?] | null;
  /**
   * Recipients' addresses, the mailbox owner's written {@link OWNER} (it is on almost every inbound message); left out
   * when the owner alone is the recipient (most inbound mail), so no recipient at all is written [].
   */
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  /** receivedAt. */
  readonly t: KeptTime;
  /** sentAt, kept only when it differs from receivedAt. */
  readonly st?: KeptTime;
  /** modifiedAt, kept only when it differs from receivedAt. */
  readonly mt?: KeptTime;
  readonly cat?: readonly string[];
  /** Our "no reply needed" property is on the message. */
  readonly nr?: 1;
  /** The matter id our extended property names. */
  readonly lm?: string;
  readonly fx?: PackedFacts;
}

function keepTime(iso: string | null | undefined): KeptTime {
  if (iso === null || iso === undefined) return null;
  const ms = Date.parse(iso);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === iso ? ms : iso;
}

function timeOf(kept: KeptTime): string | null {
  return typeof kept === "number" ? new Date(kept).toISOString() : kept;
}

/**
 * The row kept for `message` (its body left out), with the facts read from that body; `threadOnly` for mail the clock
 * never assesses (see {@link MessageRow}).
 */
export function toRow(message: MailMessage, facts: PackedFacts | null, owner?: string, threadOnly = false): MessageRow {
  const short = (email: string) => (owner && email === owner ? OWNER : email);
  const addresses = (list: MailMessage["to"]) => list.map((a) => short(a.email));
  const received = keepTime(message.receivedAt);
  const sent = keepTime(message.sentAt);
  const modified = keepTime(message.modifiedAt);
  const from: MessageRow["f"] = message.from
    ? message.from.name && !threadOnly
      ? [short(message.from.email), message.from.name]
      : [short(message.from.email)]
    : null;
  const cv = threadOnly && message.conversationId !== null ? idDigest(message.conversationId) : message.conversationId;
  const assessed: Partial<MessageRow> = threadOnly
    ? {}
    : {
        ...(message.id !== message.internetMessageId ? { id: message.id } : {}),
        im: message.internetMessageId,
        s: message.subject,
      };
  return {
    ...assessed,
    cv,
    f: from,
    ...(owner && message.to.length === 1 && message.to[0].email === owner ? {} : { to: addresses(message.to) }),
    ...(message.cc.length ? { cc: addresses(message.cc) } : {}),
    t: received,
    ...(sent !== received ? { st: sent } : {}),
    ...(modified !== received ? { mt: modified } : {}),
    ...(!threadOnly && message.categories?.length ? { cat: [...message.categories] } : {}),
    ...(!threadOnly && message.noReplyMarked ? { nr: 1 as const } : {}),
    ...(!threadOnly && message.loggedMatterId ? { lm: message.loggedMatterId } : {}),
    ...(facts ? { fx: facts } : {}),
  };
}

/**
 * The message a row stands for: body empty, its facts attached (a thread-only row's conversationId is its digest until
 * {@link restoreConversations}). `key` is the scan's key for the row, the id of a message whose row keeps none.
 */
export function fromRow(row: MessageRow, owner?: string, key = ""): ScannedMessage {
  const received = timeOf(row.t);
  const long = (e: string) => (e === OWNER && owner ? owner : e);
  const addresses = (list: readonly string[] | undefined) => (list ?? []).map((e) => ({ email: long(e) }));
  return {
    id: row.id ?? row.im ?? key,
    internetMessageId: row.im ?? null,
    conversationId: row.cv,
    subject: row.s ?? "",
    from: row.f ? (row.f[1] !== undefined ? { email: long(row.f[0]), name: row.f[1] } : { email: long(row.f[0]) }) : null,
    to: row.to === undefined && owner ? [{ email: owner }] : addresses(row.to),
    cc: addresses(row.cc),
    sentAt: row.st === undefined ? received : timeOf(row.st),
    receivedAt: received,
    bodyText: "",
    attachmentNames: [],
    categories: row.cat ?? [],
    modifiedAt: row.mt === undefined ? received : timeOf(row.mt),
    ...(row.nr ? { noReplyMarked: true } : {}),
    ...(row.lm ? { loggedMatterId: row.lm } : {}),
    ...(row.fx ? { facts: row.fx } : {}),
    ...(row.s === undefined ? { threadOnly: true as const } : {}),
  };
}

/** True when `v` has a row's shape (a row of another version or a damaged one is read as absent). */
export function isMessageRow(v: unknown): v is MessageRow {
  const r = v as MessageRow | null;
  return (
    !!r &&
    typeof r === "object" &&
    (r.s === undefined || typeof r.s === "string") &&
    (r.im === undefined || r.im === null || typeof r.im === "string") &&
    (r.cv === null || typeof r.cv === "string")
  );
}

/**
 * Mail with the conversation ids its thread-only rows keep as digests given back whole, from the assessed inbound mail
 * of the same conversation (`inbound` without thread-only messages). A conversation with no such message keeps the
 * digest: no assessed message is ever compared with it (a digest is 14 characters and never equals a Graph
 * conversation id).
 */
export function restoreConversations(messages: readonly ScannedMessage[], inbound: readonly ScannedMessage[]): ScannedMessage[] {
  const whole = new Map<string, string>();
  for (const m of inbound) if (!m.threadOnly && m.conversationId !== null) whole.set(idDigest(m.conversationId), m.conversationId);
  return messages.map((m) => {
    const cv = m.threadOnly && m.conversationId !== null ? whole.get(m.conversationId) : undefined;
    return cv === undefined ? m : { ...m, conversationId: cv };
  });
}
