import type { MailMessage } from "@domain/model/mail";
import type { PackedFacts } from "@domain/assessment/bodyFacts";

/** A scanned message without its body: what the clock reads, plus the facts read once from the body. */
export type ScannedMessage = MailMessage & {
  /** Recognition's and the language reading's findings in the body (inbound mail from others only). */
  readonly facts?: PackedFacts;
};

/** The mailbox owner's address in a row's recipients: "@" is no address, so it cannot stand for anyone else. */
const OWNER = "@";

/** A time as kept: ms since the epoch for the adapters' ISO-8601 UTC times (half the bytes), else as given. */
type KeptTime = number | string | null;

/**
 * One message as a scan keeps it: ids, times, sender, recipients' addresses (what answered-detection and recognition
 * compare), conversation, categories and our extended properties, and the body's facts; never the body. A 30-day
 * window of a busy mailbox holds thousands of these, so keys are short and defaults are left out.
 */
export interface MessageRow {
  /** Our message id when it is not the internetMessageId. */
  readonly id?: string;
  /** internetMessageId. */
  readonly im: string | null;
  /** conversationId. */
  readonly cv: string | null;
  /** subject. */
  readonly s: string;
  /** The sender as [address, name]. */
  readonly f: readonly [string, string?] | null;
  /** Recipients' addresses, the mailbox owner's written {@link OWNER} (it is on almost every inbound message). */
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

/** The row kept for `message` (its body left out), with the facts read from that body. */
export function toRow(message: MailMessage, facts: PackedFacts | null, owner?: string): MessageRow {
  const addresses = (list: MailMessage["to"]) => list.map((a) => (owner && a.email === owner ? OWNER : a.email));
  const received = keepTime(message.receivedAt);
  const sent = keepTime(message.sentAt);
  const modified = keepTime(message.modifiedAt);
  const from: MessageRow["f"] = message.from ? (message.from.name ? [message.from.email, message.from.name] : [message.from.email]) : null;
  return {
    ...(message.id !== message.internetMessageId ? { id: message.id } : {}),
    im: message.internetMessageId,
    cv: message.conversationId,
    s: message.subject,
    f: from,
    ...(message.to.length ? { to: addresses(message.to) } : {}),
    ...(message.cc.length ? { cc: addresses(message.cc) } : {}),
    t: received,
    ...(sent !== received ? { st: sent } : {}),
    ...(modified !== received ? { mt: modified } : {}),
    ...(message.categories?.length ? { cat: [...message.categories] } : {}),
    ...(message.noReplyMarked ? { nr: 1 as const } : {}),
    ...(message.loggedMatterId ? { lm: message.loggedMatterId } : {}),
    ...(facts ? { fx: facts } : {}),
  };
}

/** The message a row stands for: body empty, its facts attached. */
export function fromRow(row: MessageRow, owner?: string): ScannedMessage {
  const received = timeOf(row.t);
  const addresses = (list: readonly string[] | undefined) => (list ?? []).map((e) => ({ email: e === OWNER && owner ? owner : e }));
  return {
    id: row.id ?? row.im ?? "",
    internetMessageId: row.im,
    conversationId: row.cv,
    subject: row.s,
    from: row.f ? (row.f[1] !== undefined ? { email: row.f[0], name: row.f[1] } : { email: row.f[0] }) : null,
    to: addresses(row.to),
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
  };
}

/** True when `v` has a row's shape (a row of another version or a damaged one is read as absent). */
export function isMessageRow(v: unknown): v is MessageRow {
  const r = v as MessageRow | null;
  return !!r && typeof r === "object" && typeof r.s === "string" && (r.im === null || typeof r.im === "string");
}
