import { MatterlineError } from "@domain/errors";
import type { MailboxMarks } from "@domain/recognition/paneRecognition";
import type { GraphClient } from "./graphClient";
import { createGraphMessageReader } from "./graphMessageReader";

/** A mailbox read that takes longer than this is given up for this view: local recognition must not wait on Graph. */
export const MAILBOX_READ_TIMEOUT_MS = 4000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MatterlineError("timeout", "The mailbox did not answer in time.")), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The signed-in user's mailbox as recognition reads it back through Graph: our MatterId property and the categories
 * of a message and of its conversation, each read given up after `timeoutMs`.
 */
export function createGraphMailboxMarks(graph: GraphClient, timeoutMs: number = MAILBOX_READ_TIMEOUT_MS): MailboxMarks {
  const reader = createGraphMessageReader(graph);
  return {
    markOf: (imid) => withTimeout(reader.readMark(null, imid), timeoutMs),
    threadMarks: (conversationId) =>
      withTimeout(reader.listConversation(null, conversationId, { marksOnly: true }), timeoutMs).then((rows) =>
        rows.map((m) => ({ internetMessageId: m.internetMessageId, matterId: m.loggedMatterId ?? null, categories: m.categories ?? [] })),
      ),
  };
}
