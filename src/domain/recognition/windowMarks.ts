import type { MailMessage } from "@domain/model/mail";
import type { MailboxMarks, ThreadMark } from "./paneRecognition";
import { promiseTry } from "@domain/promiseTry";

/**
 * Mailbox marks read from messages already in hand (the inbox window of the queue, the emails of a bulk selection)
 * instead of asking Graph once or twice per message: a batch of 100 must not cost 200 requests before the first log.
 * `messages` is read at call time, so a list being filled while recognition runs is seen as it grows.
 */
export function marksFromMessages(messages: () => readonly MailMessage[]): MailboxMarks {
  const mark = (m: MailMessage): ThreadMark => ({
    internetMessageId: m.internetMessageId,
    matterId: m.loggedMatterId ?? null,
    categories: m.categories ?? [],
  });
  return {
    markOf: (internetMessageId) =>
      promiseTry(() => {
        const m = messages().find((x) => x.internetMessageId === internetMessageId);
        return m ? { graphId: "", matterId: m.loggedMatterId ?? null, categories: m.categories ?? [] } : null;
      }),
    threadMarks: (conversationId) =>
      promiseTry(() =>
        messages()
          .filter((x) => x.conversationId === conversationId)
          .map(mark),
      ),
  };
}
