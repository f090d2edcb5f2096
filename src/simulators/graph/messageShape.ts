import type { MailMessage } from "@domain/model/mail";

/** A message as the simulated mailbox stores it (Graph's message resource), from the app's own model; sent mail is read. */
export function graphMessageOf(m: MailMessage, folder: string) {
  const addr = (a: { name?: string; email: string }) => ({ emailAddress: { name: a.name, address: a.email } });
  return {
    internetMessageId: m.internetMessageId ?? undefined,
    conversationId: m.conversationId ?? undefined,
    subject: m.subject,
    from: m.from ? addr(m.from) : undefined,
    sender: m.from ? addr(m.from) : undefined,
    toRecipients: m.to.map(addr),
    ccRecipients: m.cc.map(addr),
    receivedDateTime: m.receivedAt ?? undefined,
    sentDateTime: m.sentAt ?? undefined,
    body: { contentType: "text" as const, content: m.bodyText },
    bodyPreview: m.bodyText.slice(0, 255),
    hasAttachments: m.attachmentNames.length > 0,
    categories: [],
    isRead: folder === "sentitems",
  };
}
