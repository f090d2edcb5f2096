import type { OutboxExecutor, ExecutorOutcome } from "@domain/outbox/drain";
import type { OutboxOperation } from "@domain/outbox/types";
import type { CategoryFlagItem, CategoryFlagWriter } from "@ports/categoryFlagWriter";
import type { MailMessage } from "@domain/model/mail";
import type { ClockDecision } from "./clockDecisions";

/**
 * The outbox kind that shares a "no reply needed" decision through the mailbox as a category on the message (Graph
 * sets it), so a colleague, a partner's team view and the user's other devices stop counting that mail as waiting.
 * The decision's reason, who took it and when stay in this device's clock decisions (the audit); snoozes stay
 * personal and are not shared.
 */
export const NO_REPLY_DECISION_KIND = "no-reply-decision";

/** What one outbox operation asks: put the category on a message (true) or take it off (false). */
export interface NoReplyDecisionPayload {
  readonly mailbox: string | null;
  readonly graphId: string | null;
  readonly internetMessageId: string;
  readonly noReplyNeeded: boolean;
}

function isNoReplyDecisionPayload(p: unknown): p is NoReplyDecisionPayload {
  const o = p as Partial<NoReplyDecisionPayload> | null;
  return (
    !!o &&
    typeof o.internetMessageId === "string" &&
    typeof o.noReplyNeeded === "boolean" &&
    (o.mailbox === null || typeof o.mailbox === "string")
  );
}

/** The outbox key of a message's no-reply decision: one per message, so a later decision replaces a pending earlier one. */
export function noReplyDecisionKey(mailbox: string | null, internetMessageId: string): string {
  return `${NO_REPLY_DECISION_KIND}|${mailbox ?? "me"}|${internetMessageId}`;
}

/** Runs no-reply decisions waiting in the outbox through a category writer: one call for the sets, one for the clears. */
export function noReplyDecisionExecutor(writer: CategoryFlagWriter): OutboxExecutor {
  return {
    batchSize: 100,
    async execute(ops: readonly OutboxOperation[]): Promise<ExecutorOutcome[]> {
      const outcomes: ExecutorOutcome[] = [];
      const set: CategoryFlagItem[] = [];
      const clear: CategoryFlagItem[] = [];
      for (const op of ops) {
        if (!isNoReplyDecisionPayload(op.payload)) {
          outcomes.push({ key: op.key, ok: false, retryable: false, error: "This no-reply decision could not be read." });
          continue;
        }
        const { mailbox, graphId, internetMessageId, noReplyNeeded } = op.payload;
        (noReplyNeeded ? set : clear).push({ key: op.key, mailbox, graphId, internetMessageId });
      }
      for (const [items, value] of [
        [set, true],
        [clear, false],
      ] as const) {
        if (items.length === 0) continue;
        outcomes.push(...(await writer.setCategory(items, value)));
      }
      return outcomes;
    },
  };
}

/**
 * The decision the mailbox carries for a message: Matterline's own "no reply needed" property, written with the
 * category when a colleague, another device or this one decided in the pane. The category alone is no decision: any
 * delegate can set it in Outlook, and mail can arrive from outside with it already set (`noReplyCategoryHint` says
 * so). Who and why are not in the mailbox, so the decision says where it came from (`currentDecision` picks between
 * it and this device's own decision).
 */
export function decisionFromMailbox(message: MailMessage, categoryName: string | undefined, now: string): ClockDecision | null {
  if (!categoryName || !message.noReplyMarked) return null;
  return {
    internetMessageId: message.internetMessageId ?? message.id,
    kind: "no-reply-needed",
    reason: `Marked “${categoryName}” in Matterline`,
    by: "a colleague or another device",
    at: message.receivedAt ?? now,
    until: null,
    source: "mailbox",
  };
}

/**
 * The hint shown when a message carries the "No reply needed" category without Matterline's property: someone set it
 * outside Matterline (or it came with the mail), so the clock still runs; null otherwise.
 */
export function noReplyCategoryHint(message: MailMessage, categoryName: string | undefined): string | null {
  if (!categoryName || message.noReplyMarked) return null;
  const name = categoryName.toLowerCase();
  if (!(message.categories ?? []).some((c) => c.toLowerCase() === name)) return null;
  return `Outlook category “${categoryName}” was not set in Matterline: the reply clock still runs.`;
}

/**
 * Which decision holds for a message: this device's own or the mailbox's. The device's own decision holds until the
 * mailbox changes after it (while its own no-reply decision still waits in the outbox, nothing has changed yet); then
 * the shared category says what holds now, since a colleague or another device may have undone or taken the decision.
 * Snoozes are personal and always hold, and so do decisions taken before they were shared.
 */
export function currentDecision(
  own: ClockDecision | undefined,
  message: MailMessage,
  opts: { readonly categoryName?: string; readonly sharePending: boolean; readonly now: string },
): ClockDecision | null {
  const shared = decisionFromMailbox(message, opts.categoryName, opts.now);
  if (!own) return shared;
  const changedSince = !!message.modifiedAt && Date.parse(message.modifiedAt) > Date.parse(own.at);
  if (own.kind === "snooze" || !own.shared || opts.sharePending || !changedSince) return own;
  if (shared) return own.kind === "no-reply-needed" ? own : shared;
  return own.kind === "undo" ? own : null;
}
