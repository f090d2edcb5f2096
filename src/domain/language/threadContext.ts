import type { MailMessage } from "@domain/model/mail";
import type { ThreadContext } from "./unhappySignals";

function timeOf(m: MailMessage): number {
  const t = Date.parse(m.receivedAt ?? m.sentAt ?? "");
  return Number.isNaN(t) ? Number.NaN : t;
}

/**
 * What a conversation says about a client's message: how many earlier messages from the same sender came after the
 * firm's last message in it (and so were still unanswered when this one came). `fromFirm` says whether a message
 * was sent by the firm. Messages without a time are left out: their order is unknown.
 */
export function threadContextOf(
  message: MailMessage,
  thread: readonly MailMessage[],
  fromFirm: (m: MailMessage) => boolean,
): ThreadContext {
  const at = timeOf(message);
  const sender = (message.from?.email ?? "").toLowerCase();
  if (Number.isNaN(at) || sender === "") return { earlierUnanswered: 0 };
  const earlier = thread.filter((m) => m !== message && m.id !== message.id && timeOf(m) < at).sort((a, b) => timeOf(a) - timeOf(b));
  let count = 0;
  for (const m of earlier) {
    if (fromFirm(m)) count = 0;
    else if ((m.from?.email ?? "").toLowerCase() === sender) count++;
  }
  return { earlierUnanswered: count };
}
