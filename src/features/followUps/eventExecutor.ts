import type { ExecutorOutcome, OutboxExecutor } from "@domain/outbox/drain";
import type { GraphEventPayload } from "@domain/followUps/eventDraft";
import { MatterlineError } from "@domain/errors";
import type { EventDeletePayload, FollowUpService } from "./service";
import type { CalendarWriter } from "@ports/calendarWriter";

interface EventOutboxPayload {
  readonly transactionId: string;
  readonly payload: GraphEventPayload;
}

function isEventPayload(value: unknown): value is EventOutboxPayload {
  const v = value as Partial<EventOutboxPayload> | null;
  return Boolean(
    v && typeof v.transactionId === "string" && v.payload && typeof v.payload.subject === "string" && v.payload.start && v.payload.end,
  );
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

function isDeletePayload(value: unknown): value is EventDeletePayload {
  const v = value as Partial<EventDeletePayload> | null;
  return Boolean(v && typeof v.eventId === "string" && v.eventId && typeof v.transactionId === "string");
}

/**
 * The outbox executor of follow-up deletes made offline (kind "event-delete"). Deleting an event that is already
 * gone is no error (the calendar writer says so), so a delete repeated after a lost answer is harmless.
 */
export function followUpEventDeleteExecutor(calendar: Pick<CalendarWriter, "remove">): OutboxExecutor {
  return {
    batchSize: 4,
    async execute(ops) {
      const outcomes: ExecutorOutcome[] = [];
      for (const op of ops) {
        if (!isDeletePayload(op.payload)) {
          outcomes.push({ key: op.key, ok: false, retryable: false, error: "The queued calendar delete is damaged and cannot be sent." });
          continue;
        }
        try {
          await calendar.remove(op.payload.eventId);
          outcomes.push({ key: op.key, ok: true, graphId: op.payload.eventId });
        } catch (error) {
          const retryable = error instanceof MatterlineError ? error.retryable : true;
          outcomes.push({ key: op.key, ok: false, retryable, error: error instanceof Error ? error.message : String(error) });
        }
      }
      return outcomes;
    },
  };
}
