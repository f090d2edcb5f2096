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

/**
 * Recent client mail not yet logged: inbox messages of the last `days` days that have no local log entry and no
 * MatterId mark from another device, whose sender is a client contact or that recognition puts on a matter.
 * Bulk mail and the firm's own mail never enter the queue. Newest first.
 */
export async function loadUntaggedQueue(deps: {
  readonly reader: Pick<MessageReader, "listWindow">;
  readonly log: Pick<MatterLogWriter, "entryFor">;
  readonly recognize: BatchRecognizer;
  readonly index: DirectoryIndex;
  readonly now: Date;
  readonly days?: number;
  readonly mailbox?: string | null;
}): Promise<QueueItem[]> {
  const since = new Date(deps.now.getTime() - (deps.days ?? QUEUE_DAYS) * 86_400_000).toISOString();
  const messages = await deps.reader.listWindow({ mailbox: deps.mailbox ?? null, folder: "inbox", since }, { includeBody: true });
  const out: QueueItem[] = [];
  for (const message of messages) {
    if (message.loggedMatterId) continue;
    if (!message.from || isFirmAddress(deps.index, message.from.email)) continue;
    if (message.internetMessageId && (await deps.log.entryFor(message.internetMessageId))) continue;
    const { recognition } = await deps.recognize(message);
    const isClientMail = recognition.senderRole === "client" || (recognition.matterId !== null && recognition.senderRole !== "bulk");
    if (!isClientMail) continue;
    out.push({ message, recognition, suggestedMatterId: matterOfEmail(null, recognition).matterId });
  }
  return out.sort((a, b) => (b.message.receivedAt ?? "").localeCompare(a.message.receivedAt ?? ""));
}
