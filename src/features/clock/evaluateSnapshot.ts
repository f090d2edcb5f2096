import { personName } from "@domain/directory/personName";
import type { MailMessage } from "@domain/model/mail";
import { normalizeEmail } from "@domain/model/mail";
import type { Directory } from "@domain/directory/types";
import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import type { FilingHistory } from "@domain/recognition/types";
import { assessMessages, type AssessmentContext } from "@domain/assessment/assess";
import { rankUrgent, type ClockResult, type ClockState } from "@domain/clock/responseClock";
import { clockSummary } from "@domain/clock/clockText";
import { matterLabel } from "@domain/directory/matterLabel";
import type { OverdueSettings } from "@domain/clock/overdueSettings";
import type { FirmCalendar } from "@domain/time/firmCalendar";
import { toMillis } from "@domain/time/firmCalendar";
import type { MailboxSnapshot } from "./mailboxScan";
import type { ScannedMessage } from "./scanRows";
import { isNeverFromClient, unpackBodyFacts } from "@domain/assessment/bodyFacts";
import type { ClockDecision } from "./clockDecisions";
import { currentDecision, noReplyCategoryHint, noReplyDecisionKey } from "./noReplyDecisions";

/** One client message on (or deliberately off) the response clock, with everything the list and alerts show. */
export interface OverdueItem {
  /** Unique across mailboxes: "<mailbox or me>|<message id>". */
  readonly key: string;
  /** The watched mailbox it was found in; null for the user's own. */
  readonly mailbox: string | null;
  readonly messageId: string;
  readonly internetMessageId: string | null;
  /** The mailbox's own (Graph) id, for writes and for opening the message. */
  readonly graphId: string | null;
  readonly conversationId: string | null;
  readonly subject: string;
  readonly fromName: string;
  readonly fromEmail: string;
  readonly categories: readonly string[];
  /** Matterline's own "no reply needed" property is on the message (a decision taken in the pane, on some device). */
  readonly noReplyMarked: boolean;
  /** The "No reply needed" category without that property: a hint shown on the item, which does not stop the clock. */
  readonly noReplyHint: string | null;
  readonly clientId: string | null;
  readonly clientName: string | null;
  readonly matterId: string | null;
  readonly matterNumber: string | null;
  readonly matterTitle: string | null;
  /** The matter's name for the user (`matterLabel`), null when no matter was recognized. */
  readonly matterLabel: string | null;
  /** The matter's responsible attorney (person id and name), when a matter was recognized. */
  readonly attorneyId: string | null;
  readonly attorneyName: string | null;
  readonly slaHours: number;
  /** Why the clock runs or not (needs-reply's reason). */
  readonly needsReplyReason: string;
  /** The client reads as unhappy with the firm (the list marks the email). */
  readonly unhappy: boolean;
  /** The signs of it, each with the client's words, e.g. `repeated chasing: "the third time i have asked"`. */
  readonly unhappyReasons: readonly string[];
  /** The clock after decisions: a "no reply needed" decision turns an open clock into `no-reply-needed`. */
  readonly clock: ClockResult;
  /** The clock as the mail alone says it, before any decision. */
  readonly rawClock: ClockResult;
  readonly decision: ClockDecision | null;
  /** Who took `decision`, by name ("you", a colleague's name from the directory), else as recorded. */
  readonly decidedBy: string | null;
  /** Snoozed until this time (ISO), still counted as overdue; null when not snoozed now. */
  readonly snoozedUntil: string | null;
  /** True when a decision (no reply needed, or a snooze still running) is what keeps it off the list: it can be undone. */
  readonly undoable: boolean;
  /** One line: "Client waiting 27 h — reply was due 3 h ago". */
  readonly summary: string;
}

/** Everything besides the mail that decides the clock. */
export interface OverdueContext {
  readonly directory: Directory;
  readonly index: DirectoryIndex;
  readonly calendar: FirmCalendar;
  readonly settings: OverdueSettings;
  /** The signed-in user's address: the owner of the mailbox scanned with `mailbox: null`. */
  readonly me: string;
  readonly history?: FilingHistory;
  /** This device's clock decisions by internetMessageId. */
  readonly decisions: ReadonlyMap<string, ClockDecision>;
  /** The category that shares "no reply needed" through the mailbox (noReplyDecisions.ts). */
  readonly noReplyCategoryName?: string;
  /** Outbox keys of no-reply decisions not in the mailbox yet (noReplyDecisionKey): those messages' own decisions hold. */
  readonly pendingNoReplyDecisions?: ReadonlySet<string>;
  readonly now: string;
}

/** Items whose client still waits for a reply, at now, before snoozes are applied. */
const OPEN: ReadonlySet<ClockState> = new Set(["overdue", "due-soon", "waiting"]);

/** A scanned message the pipeline could not assess: reported, while the rest of the mailbox is still listed. */
export interface UnassessedMessage {
  readonly mailbox: string | null;
  readonly subject: string;
  readonly error: string;
}

/** The clock over one scanned mailbox: its client mail, and the messages that could not be assessed. */
export interface SnapshotEvaluation {
  readonly items: OverdueItem[];
  readonly unassessed: UnassessedMessage[];
}

/**
 * Runs the assessment pipeline (`assessMessage`: recognize → needs reply → clock, the one `triage` runs) over a scanned
 * mailbox. Only mail from client contacts is kept: everything else is not on the clock and the list has no use for
 * it. The thread of a message is the inbound and sent mail of its conversation, so a colleague's answer that copied
 * the mailbox counts. A message the pipeline fails on (or a client message with no date) is reported in `unassessed`
 * and the others go on.
 */
export function evaluateSnapshot(snapshot: MailboxSnapshot, ctx: OverdueContext): SnapshotEvaluation {
  const owner = normalizeEmail(snapshot.mailbox ?? ctx.me);
  const inboundByConversation = new Map<string, MailMessage[]>();
  for (const m of snapshot.inbound) {
    if (!m.conversationId) continue;
    const list = inboundByConversation.get(m.conversationId);
    if (list) list.push(m);
    else inboundByConversation.set(m.conversationId, [m]);
  }
  const assessment: AssessmentContext = {
    index: ctx.index,
    calendar: ctx.calendar,
    owners: [owner],
    history: ctx.history,
    settings: ctx.settings,
    now: ctx.now,
  };
  // Mail from a sender who can never be a client (a colleague, the court, …) is never on the clock: its row keeps only
  // that role (bodyFacts.ts), so it is not assessed.
  const fromOthers = snapshot.inbound.filter((m) => {
    const from = normalizeEmail(m.from?.email);
    const packed = m.facts;
    return !!from && from !== owner && !(packed && isNeverFromClient(packed));
  });
  const threadOf = (message: MailMessage): MailMessage[] =>
    message.conversationId
      ? [...(inboundByConversation.get(message.conversationId) ?? []), ...(snapshot.sentByConversation[message.conversationId] ?? [])]
      : [];
  const items: OverdueItem[] = [];
  const unassessed: UnassessedMessage[] = [];
  // Scanned mail carries what was read from its body when it arrived (scanRows.ts); a message given whole is read now.
  const factsOf = (m: MailMessage) => {
    const packed = (m as ScannedMessage).facts;
    return packed ? unpackBodyFacts(packed, ctx.index) : undefined;
  };
  for (const result of assessMessages(fromOthers, threadOf, assessment, undefined, factsOf)) {
    const { message } = result;
    if (result.error !== null) {
      unassessed.push({ mailbox: snapshot.mailbox, subject: message.subject, error: result.error });
      continue;
    }
    const a = result.assessment;
    if (!a.fromClient) continue;
    if (!a.clock) {
      unassessed.push({ mailbox: snapshot.mailbox, subject: message.subject, error: "It has no date, so its reply cannot be timed." });
      continue;
    }
    const from = normalizeEmail(message.from?.email);
    const attorney = a.matter ? (ctx.directory.people.find((p) => p.id === a.matter?.responsible) ?? null) : null;
    // This device's decision, or the mailbox's when it changed since (a colleague's or another device's).
    const imid = message.internetMessageId;
    const decision = currentDecision(imid ? ctx.decisions.get(imid) : undefined, message, {
      categoryName: ctx.noReplyCategoryName,
      sharePending: !!imid && !!ctx.pendingNoReplyDecisions?.has(noReplyDecisionKey(snapshot.mailbox, imid)),
      now: ctx.now,
    });
    const raw = a.clock;
    items.push(
      withDecision(
        {
          key: `${snapshot.mailbox ?? "me"}|${message.id}`,
          mailbox: snapshot.mailbox,
          messageId: message.id,
          internetMessageId: message.internetMessageId,
          graphId: snapshot.graphIds[message.id] ?? null,
          conversationId: message.conversationId,
          subject: message.subject,
          fromName: message.from?.name || from,
          fromEmail: from,
          categories: message.categories ?? [],
          noReplyMarked: message.noReplyMarked === true,
          noReplyHint: noReplyCategoryHint(message, ctx.noReplyCategoryName),
          clientId: a.client?.id ?? null,
          clientName: a.client?.name ?? null,
          matterId: a.matter?.id ?? null,
          matterNumber: a.matter?.number ?? null,
          matterTitle: a.matter?.title ?? null,
          matterLabel: a.matter ? matterLabel(a.matter) : null,
          attorneyId: attorney?.id ?? null,
          attorneyName: attorney?.name ?? null,
          slaHours: a.slaHours,
          needsReplyReason: a.reply?.reason ?? "",
          unhappy: a.reading.unhappy,
          unhappyReasons: a.reading.unhappyReasons,
          clock: raw,
          rawClock: raw,
          decision: null,
          decidedBy: decision ? personName(ctx.directory, decision.by, ctx.me) : null,
          snoozedUntil: null,
          undoable: false,
          summary: clockSummary(raw),
        },
        decision,
        ctx.now,
      ),
    );
  }
  return { items, unassessed };
}

/**
 * Applies a decision to an item. "No reply needed" closes an open clock (an answered message stays answered: the
 * answer is the better fact). A snooze only hides the item from the list until its end; counts still see it. An
 * undo leaves the clock as the mail says (the decision stays on the item for the audit).
 */
export function withDecision(item: OverdueItem, decision: ClockDecision | null, now: string): OverdueItem {
  const raw = item.rawClock;
  const base = { ...item, decision, snoozedUntil: null, undoable: false, clock: raw, summary: clockSummary(raw) };
  if (!decision || decision.kind === "undo" || !OPEN.has(raw.state)) return base;
  if (decision.kind === "no-reply-needed") {
    const clock: ClockResult = { ...raw, state: "no-reply-needed", minutesLeft: null, waitingMinutes: null };
    return {
      ...base,
      clock,
      undoable: true,
      summary: `No reply needed: ${decision.reason ?? "decided"} (${item.decidedBy ?? decision.by})`,
    };
  }
  const snoozed = decision.until !== null && toMillis(decision.until) > toMillis(now);
  return { ...base, snoozedUntil: snoozed ? decision.until : null, undoable: snoozed };
}

/** The three groups of the Overdue tab, each most urgent first, snoozed items left out. */
export interface UrgentGroups {
  readonly overdue: readonly OverdueItem[];
  readonly dueSoon: readonly OverdueItem[];
  readonly waiting: readonly OverdueItem[];
  /** Open items hidden by a snooze (still counted). */
  readonly snoozed: number;
  /**
   * Emails per state, snoozed ones included: the number the list's headings, the digest and the team view all give
   * (`snoozed` says how many of them a snooze hides from the list).
   */
  readonly counts: Readonly<Record<"overdue" | "dueSoon" | "waiting", { readonly total: number; readonly snoozed: number }>>;
  /** Items a decision keeps off the list (no reply needed, or snoozed now), most recent decision first: each can be undone. */
  readonly setAside: readonly OverdueItem[];
}

/** Sorts the open items with the domain's `rankUrgent` and splits them by state. */
export function groupUrgent(items: readonly OverdueItem[], now: string): UrgentGroups {
  const byResult = new Map<ClockResult, OverdueItem>(items.map((i) => [i.clock, i]));
  const ranked = rankUrgent(
    items.map((i) => i.clock),
    now,
  ).map((r) => byResult.get(r)!);
  const visible = ranked.filter((i) => !i.snoozedUntil);
  const count = (state: ClockState) => {
    const all = ranked.filter((i) => i.clock.state === state);
    return { total: all.length, snoozed: all.filter((i) => i.snoozedUntil).length };
  };
  return {
    counts: { overdue: count("overdue"), dueSoon: count("due-soon"), waiting: count("waiting") },
    overdue: visible.filter((i) => i.clock.state === "overdue"),
    dueSoon: visible.filter((i) => i.clock.state === "due-soon"),
    waiting: visible.filter((i) => i.clock.state === "waiting"),
    snoozed: ranked.length - visible.length,
    setAside: items.filter((i) => i.undoable).sort((a, b) => (b.decision?.at ?? "").localeCompare(a.decision?.at ?? "")),
  };
}
