import type { MailSender, OutgoingMail } from "@ports/mailSender";
import { GraphScopes } from "@ports/tokenProvider";
import type { GraphClient } from "./graphClient";
import type { SendMailBody } from "./graphTypes";

/**
 * MailSender over `POST /me/sendMail` (saved to Sent Items). Never retried, not even by the SDK's retry handler on a
 * 429/503/504: Graph has no idempotency key for sendMail, so a repeat could send twice; the user retries.
 */
export function createGraphMailSender(graph: GraphClient): MailSender {
  return {
    async send(mail: OutgoingMail): Promise<void> {
      await graph.call({
        method: "POST",
        path: "/me/sendMail",
        scopes: GraphScopes.send,
        retry: false,
        body: {
          message: {
            subject: mail.subject,
            body: { contentType: "html", content: mail.html },
            toRecipients: mail.to.map((a) => ({ emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) } })),
          },
          saveToSentItems: true,
        } satisfies SendMailBody,
      });
    },
  };
}
