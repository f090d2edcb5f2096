import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import { isFirmAddress } from "@domain/directory/directoryIndex";
import type { MailMessage } from "@domain/model/mail";
import type { MessageReader } from "@ports/messageReader";
import type { Recognition } from "@domain/recognition/types";
import { matterOfEmail } from "@domain/recognition/emailMatter";
import type { BatchRecognizer, MatterLogWriter } from "./bulkTagging";

/** How far back the queue looks by default: two weeks of inbox. */
export const QUEUE_DAYS = 14;

/** One untagged client email with what recognition suggests. */
export interface QueueItem {
  readonly message: MailMessage;
  readonly recognition: Recognition;
  /** The suggested matter, null when recognition is not sure (the user picks one). */
  readonly suggestedMatterId: string | null;
}

/** An inbox email the queue could not read or recognize: reported by subject while the others are still listed. */
export interface UnreadableEmail {
  readonly subject: string;
  readonly error: string;
}

/** The queue: the untagged client mail, and the emails that could not be checked. */
export interface UntaggedQueueResult {
  readonly items: QueueItem[];
  readonly unreadable: UnreadableEmail[];
}

/**
 * Recent client mail not yet logged: inbox messages of the last `days` days that have no local log entry and no
 * MatterId mark from another device, whose sender is a client contact or that recognition puts on a matter.
 * Bulk mail and the firm's own mail never enter the queue. Newest first. Each email is checked on its own: one that
 * makes a step fail is reported in `unreadable` and the others go on.
 */
export async function loadUntaggedQueue(deps: {
  readonly reader: Pick<MessageReader, "listWindow">;
  readonly log: Pick<MatterLogWriter, "entryFor">;
  readonly recognize: BatchRecognizer;
  readonly index: DirectoryIndex;
  readonly now: Date;
  readonly days?: number;
  readonly mailbox?: string | null;
}): Promise<UntaggedQueueResult> {
  const since = new Date(deps.now.getTime() - (deps.days ?? QUEUE_DAYS) * 86_400_000).toISOString();
  const messages = await deps.reader.listWindow({ mailbox: deps.mailbox ?? null, folder: "inbox", since }, { includeBody: true });
  const items: QueueItem[] = [];
  const unreadable: UnreadableEmail[] = [];
  for (const message of messages) {
    try {
      const item = await queueItemOf(message, deps);
      if (item) items.push(item);
    } catch (e) {
      unreadable.push({ subject: String(message.subject ?? ""), error: e instanceof Error ? e.message : String(e) });
    }
  }
  items.sort((a, b) => (b.message.receivedAt ?? "").localeCompare(a.message.receivedAt ?? ""));
  return { items, unreadable };
}

/** The queue's item for one inbox email, or null when it does not belong in the queue. */
async function queueItemOf(
  message: MailMessage,
  deps: { readonly log: Pick<MatterLogWriter, "entryFor">; readonly recognize: BatchRecognizer; readonly index: DirectoryIndex },
): Promise<QueueItem | null> {
  if (message.loggedMatterId) return null;
  if (!message.from || isFirmAddress(deps.index, message.from.email)) return null;
  if (message.internetMessageId && (await deps.log.entryFor(message.internetMessageId))) return null;
  const { recognition } = await deps.recognize(message);
  const isClientMail = recognition.senderRole === "client" || (recognition.matterId !== null && recognition.senderRole !== "bulk");
  if (!isClientMail) return null;
  return { message, recognition, suggestedMatterId: matterOfEmail(null, recognition).matterId };
}
