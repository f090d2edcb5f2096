import type { ExecutorOutcome, OutboxExecutor } from "../../outbox/drain";
import type { GraphEventPayload } from "../../followups/eventDraft";
import { MatterlineError } from "../../errors";
import type { FollowUpService } from "./followUpService";

interface EventOutboxPayload {
  readonly transactionId: string;
  readonly payload: GraphEventPayload;
}

function isEventPayload(value: unknown): value is EventOutboxPayload {
  const v = value as Partial<EventOutboxPayload> | null;
  return Boolean(v && typeof v.transactionId === "string" && v.payload && typeof v.payload.subject === "string" && v.payload.start && v.payload.end);
}

/**
 * The outbox executor of queued follow-up events (kind "event"). Each create carries its transactionId, so an
 * attempt whose answer was lost is repeated without making a second event.
 */
export function followUpEventExecutor(service: Pick<FollowUpService, "send" | "markCreated">): OutboxExecutor {
  return {
    // Events are created one by one (Graph has no idempotent batch create); keep a drain short.
    batchSize: 4,
    async execute(ops) {
      const outcomes: ExecutorOutcome[] = [];
      for (const op of ops) {
        if (!isEventPayload(op.payload)) {
          outcomes.push({ key: op.key, ok: false, retryable: false, error: "The queued calendar event is damaged and cannot be sent." });
          continue;
        }
        try {
          const event = await service.send(op.payload.payload);
          await service.markCreated(op.payload.transactionId, event);
          outcomes.push({ key: op.key, ok: true, graphId: event.id });
        } catch (error) {
          const retryable = error instanceof MatterlineError ? error.retryable : true;
          outcomes.push({ key: op.key, ok: false, retryable, error: error instanceof Error ? error.message : String(error) });
        }
      }
      return outcomes;
    },
  };
}
