/**
 * A decision someone took on one client message's clock: "no reply needed" (with why), a snooze, or the undo of
 * either. The record is the audit: who decided, when, and why. One current decision per message; a later one
 * supersedes an earlier one, and the superseded ones travel along in `history`, so nothing is ever lost. A "no reply
 * needed" decision is also shared through the mailbox (noReplyDecisions.ts).
 */
export interface ClockDecision {
  readonly internetMessageId: string;
  /** "undo" takes back the decision before it: the clock runs again as the mail alone says. */
  readonly kind: "no-reply-needed" | "snooze" | "undo";
  /** Why (for "no reply needed"); for an undo, what was undone. */
  readonly reason: string | null;
  /** Address of whoever decided. */
  readonly by: string;
  /** ISO-8601 UTC of the decision. */
  readonly at: string;
  /** ISO-8601 UTC end of a snooze; null otherwise. */
  readonly until: string | null;
  /**
   * "mailbox" for a decision read from the message's shared category (noReplyDecisions.ts), taken by a colleague or on
   * another device: who and when are not known there (`at` is then the message's time). Absent for this device's own.
   */
  readonly source?: "mailbox";
  /** True when the decision was also put in the mailbox (noReplyDecisions.ts), so a later change there can supersede it. */
  readonly shared?: boolean;
  /** Earlier decisions on this message, oldest first (each without its own history). Absent on a first decision. */
  readonly history?: readonly ClockDecision[];
}

/** Where clock decisions live (IndexedDB in the pane). Keyed by internetMessageId. */
export interface ClockDecisionStore {
  get(internetMessageId: string): Promise<ClockDecision | undefined>;
  put(decision: ClockDecision): Promise<void>;
  all(): Promise<ClockDecision[]>;
}

/** An in-memory ClockDecisionStore, for tests and for hosts without storage. */
export function memoryClockDecisionStore(initial: readonly ClockDecision[] = []): ClockDecisionStore {
  const decisions = new Map(initial.map((d) => [d.internetMessageId, d]));
  return {
    get: (id) => Promise.resolve(decisions.get(id)),
    put: (decision) => {
      decisions.set(decision.internetMessageId, decision);
      return Promise.resolve();
    },
    all: () => Promise.resolve([...decisions.values()]),
  };
}

/**
 * The next decision on a message: `next` supersedes `previous`, which joins the history (audit kept, never deleted).
 */
export function supersede(previous: ClockDecision | undefined, next: Omit<ClockDecision, "history">): ClockDecision {
  if (!previous) return next;
  const { history = [], ...bare } = previous;
  return { ...next, history: [...history, bare] };
}

/** Every decision on a message, oldest first, the current one last. */
export function decisionTrail(decision: ClockDecision | null | undefined): ClockDecision[] {
  if (!decision) return [];
  const { history = [], ...bare } = decision;
  return [...history, bare];
}

/** A short description of a decision, for undo reasons and the audit ("no reply needed (Answered by phone)"). */
export function describeDecision(decision: Pick<ClockDecision, "kind" | "reason" | "until">): string {
  if (decision.kind === "no-reply-needed") return `no reply needed${decision.reason ? ` (${decision.reason})` : ""}`;
  if (decision.kind === "snooze") return `snooze${decision.until ? ` until ${decision.until}` : ""}`;
  return `undo${decision.reason ? ` (${decision.reason})` : ""}`;
}
