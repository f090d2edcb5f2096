import type { MailMessage } from "@domain/model/mail";

/** Groups sent mail by conversationId, oldest first within each conversation. */
export function joinByConversation(sent: readonly MailMessage[]): Record<string, MailMessage[]> {
  const out: Record<string, MailMessage[]> = {};
  for (const m of sent) {
    if (!m.conversationId) continue;
    (out[m.conversationId] ??= []).push(m);
  }
  for (const list of Object.values(out)) list.sort((a, b) => (a.sentAt ?? "").localeCompare(b.sentAt ?? ""));
  return out;
}

/**
 * The first sent message of the same conversation after `message` arrived, or null. A reply sent before the
 * question is not an answer to it.
 */
export function firstReplyAfter(
  sentByConversation: Readonly<Record<string, readonly MailMessage[]>>,
  message: MailMessage,
): MailMessage | null {
  if (!message.conversationId || !message.receivedAt) return null;
  const arrived = Date.parse(message.receivedAt);
  return sentByConversation[message.conversationId]?.find((s) => Date.parse(s.sentAt ?? "") > arrived) ?? null;
}
