import { DateTime } from "luxon";
import type { MailMessage } from "@domain/model/mail";
import type { Directory } from "@domain/directory/types";
import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import type { FilingHistory } from "@domain/recognition/types";
import type { MailFolderSync } from "@ports/mailFolderSync";
import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";
import type { SettingsStore } from "@ports/settingsStore";
import type { CategoryFlagItem, CategoryFlagWriter } from "@ports/categoryFlagWriter";
import type { MailSender } from "@ports/mailSender";
import type { Clock } from "@ports/clock";
import { MatterlineError, noDirectoryError, toMatterlineError } from "@domain/errors";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import { scanMailbox, type MailboxSnapshot, type ScanProgress } from "./mailboxScan";
import { describeDecision, supersede, type ClockDecision, type ClockDecisionStore } from "./clockDecisions";
import { NO_REPLY_DECISION_KIND, noReplyDecisionKey, type NoReplyDecisionPayload } from "./noReplyDecisions";
import { enqueue, newOperation } from "@domain/outbox/queue";
import type { OutboxStore } from "@ports/outboxStore";
import {
  evaluateSnapshot,
  groupUrgent,
  withDecision,
  type OverdueItem,
  type UnassessedMessage,
  type UrgentGroups,
} from "./evaluateSnapshot";
import { factsReader, factsStamp, mailboxOwner } from "./scanStamp";
import { buildDigest, type Digest, type SentDigest } from "./digest";
import { buildTeamView, TEAM_VIEW_DAYS, type TeamView } from "./teamStats";
import { OVERDUE_SETTINGS_KEY, readOverdueSettings, validateOverdueSettings, type OverdueSettings } from "@domain/clock/overdueSettings";

/** What the service needs from the outside world; the pane's builder wires adapters in. */
export interface OverdueServiceDeps {
  readonly sync: MailFolderSync;
  readonly checkpoints: ScanCheckpointStore;
  readonly settings: SettingsStore;
  /** This device's decisions (no reply needed, snoozes, undos), the audit. */
  readonly decisions: ClockDecisionStore;
  readonly directory: () => Promise<{ readonly directory: Directory; readonly index: DirectoryIndex } | null>;
  readonly history?: () => Promise<FilingHistory | undefined>;
  /** Sets/clears the "Overdue reply" category; absent when the host cannot. */
  readonly flags?: CategoryFlagWriter;
  /** Name of that category, to know which messages carry it already. */
  readonly overdueCategoryName: string;
  /**
   * Where "no reply needed" is shared: the outbox that will put the category on the message (noReplyDecisions.ts) and
   * the category's name, read back from every scanned message. Absent: decisions stay on this device.
   */
  readonly noReplyDecisions?: { readonly outbox: OutboxStore; readonly categoryName: string; readonly queued?: () => void };
  readonly sender: MailSender;
  readonly me: { readonly email: string; readonly name: string };
  readonly clock: Clock;
  /** The mailbox's time zone (IANA), for the digest's "as of"; absent or null: the firm's. */
  readonly timeZone?: () => string | null;
}

/** Scan progress across mailboxes, for a ProgressBar with counts. */
export interface OverdueScanProgress extends ScanProgress {
  /** 1-based position of this mailbox among those scanned. */
  readonly mailboxNumber: number;
  readonly mailboxCount: number;
}

/** How one mailbox's last scan went. */
export interface MailboxScanStatus {
  /** null for the user's own mailbox. */
  readonly mailbox: string | null;
  readonly label: string;
  /** When its results were last refreshed (ISO), null before any success. */
  readonly scannedAt: string | null;
  /** The last attempt's error; the previous results (if any) are still shown. */
  readonly error: MatterlineError | null;
}

/** Everything the Overdue tab shows, computed at `now`. */
export interface OverdueView {
  readonly now: string;
  /** Client mail received in the list's window (settings' `windowDays`): the list, the digest and the category. */
  readonly items: readonly OverdueItem[];
  /** The list's window in days (the team view covers `team.days`, read by a wider scan when the window is shorter). */
  readonly windowDays: number;
  readonly groups: UrgentGroups;
  readonly team: TeamView;
  readonly mailboxes: readonly MailboxScanStatus[];
  /** Trouble setting or clearing the "Overdue reply" category (the list is still right). */
  readonly flagError: MatterlineError | null;
  /** Scanned messages that could not be assessed (each listed); every other message is in the view. */
  readonly assessError: MatterlineError | null;
}

/** The response clock over the user's and the watched mailboxes. */
export interface OverdueService {
  loadSettings(): Promise<OverdueSettings>;
  /** Validates and stores settings; the next scan uses them. */
  saveSettings(settings: OverdueSettings): Promise<OverdueSettings>;
  /** Scans (incrementally after the first time) every mailbox; one already running is shared, not doubled. */
  scan(onProgress?: (progress: OverdueScanProgress) => void): Promise<OverdueView>;
  /** The last results re-evaluated at now with the current decisions; null before the first scan. */
  current(): Promise<OverdueView | null>;
  /** The item for an open message (by internetMessageId, else id), scanning first when nothing was scanned. */
  itemFor(message: MailMessage): Promise<OverdueItem | null>;
  /** Records "no reply needed" with a reason (audited: who and when). */
  markNoReplyNeeded(item: OverdueItem, reason: string): Promise<OverdueView | null>;
  /** Hides an open item from the list until `until` (ISO); it still counts as overdue. */
  snooze(item: OverdueItem, until: string): Promise<OverdueView | null>;
  /**
   * Takes back the current "no reply needed" or snooze: the clock runs again as the mail says. The undo is itself a
   * recorded decision (who, when, what was undone); the undone decision stays in the decision's history.
   */
  undo(item: OverdueItem): Promise<OverdueView | null>;
  /** The digest of overdue client mail, for the preview. */
  digest(): Promise<Digest>;
  /** Sends the digest to the signed-in user; says to which address. */
  sendDigest(): Promise<SentDigest>;
}

const keyOf = (mailbox: string | null) => mailbox ?? "me";

/** One error naming the messages the clock could not assess (at most five listed), or null when there are none. */
function unassessedError(unassessed: readonly UnassessedMessage[], me: string): MatterlineError | null {
  if (!unassessed.length) return null;
  const n = unassessed.length;
  return new MatterlineError("invalid-input", `${n} email${n === 1 ? "" : "s"} could not be checked for the reply clock.`, {
    details: unassessed.slice(0, 5).map((u) => `${u.mailbox ?? me}: “${u.subject || "(no subject)"}” — ${u.error}`),
  });
}

/** Builds the overdue service over its ports. */
export function createOverdueService(deps: OverdueServiceDeps): OverdueService {
  const snapshots = new Map<string, MailboxSnapshot>();
  const status = new Map<string, MailboxScanStatus>();
  let running: Promise<OverdueView> | null = null;
  let flagError: MatterlineError | null = null;
  // Every evaluated item of the scan (team view's period), so an open older message still finds its clock.
  let lastEverything: readonly OverdueItem[] = [];
  // Writes already made this session, so a message is not re-flagged before the next delta shows its category.
  const flagged = new Map<string, boolean>();
  const me = deps.me.email.toLowerCase();

  const nowIso = () => deps.clock.now().toISOString();

  async function loadSettings(): Promise<OverdueSettings> {
    return readOverdueSettings(await deps.settings.get(OVERDUE_SETTINGS_KEY));
  }

  async function evaluate(settings: OverdueSettings): Promise<OverdueView | null> {
    if (!snapshots.size) return null;
    const loaded = await deps.directory();
    if (!loaded) throw noDirectoryError("The response clock needs to know who your clients are.");
    // Facts read from bodies under another directory are stale: never shown. The mailbox is listed again after its
    // next scan, which reads every body afresh; with no mailbox left, there is nothing to show until then.
    for (const [key, snap] of [...snapshots])
      if (snap.stamp !== factsStamp(loaded.directory, mailboxOwner(snap.mailbox, me))) snapshots.delete(key);
    if (!snapshots.size) return null;
    const [history, decisions, queued] = await Promise.all([
      deps.history?.() ?? Promise.resolve(undefined),
      deps.decisions.all(),
      deps.noReplyDecisions?.outbox.list() ?? Promise.resolve([]),
    ]);
    const now = nowIso();
    const ctx = {
      directory: loaded.directory,
      index: loaded.index,
      calendar: createFirmCalendar(loaded.directory.firm),
      settings,
      me,
      history,
      decisions: new Map(decisions.map((d) => [d.internetMessageId, d])),
      noReplyCategoryName: deps.noReplyDecisions?.categoryName,
      pendingNoReplyDecisions: new Set(queued.filter((op) => op.kind === NO_REPLY_DECISION_KIND).map((op) => op.key)),
      now,
    };
    const wanted = [null, ...settings.watchedMailboxes];
    const unassessed: UnassessedMessage[] = [];
    const everything = wanted.flatMap((m) => {
      const snap = snapshots.get(keyOf(m));
      if (!snap) return [];
      const evaluated = evaluateSnapshot(snap, ctx);
      unassessed.push(...evaluated.unassessed);
      return evaluated.items;
    });
    lastEverything = everything;
    // The scan reads at least the team view's 30 days; the list keeps to the user's window.
    const fromMs = Date.parse(now) - settings.windowDays * 86_400_000;
    const items = everything.filter((i) => !i.clock.receivedAt || Date.parse(i.clock.receivedAt) >= fromMs);
    return {
      now,
      items,
      windowDays: settings.windowDays,
      groups: groupUrgent(items, now),
      team: buildTeamView(everything, { me, now, days: TEAM_VIEW_DAYS, listed: items }),
      mailboxes: wanted.map((m) => status.get(keyOf(m)) ?? { mailbox: m, label: m ?? me, scannedAt: null, error: null }),
      flagError,
      assessError: unassessedError(unassessed, me),
    };
  }

  async function syncFlags(view: OverdueView, enabled: boolean): Promise<void> {
    if (!deps.flags) return;
    const name = deps.overdueCategoryName;
    const add: CategoryFlagItem[] = [];
    const remove: CategoryFlagItem[] = [];
    for (const i of view.items) {
      if (!i.internetMessageId) continue;
      const want = enabled && i.clock.state === "overdue";
      const has = flagged.get(i.key) ?? i.categories.includes(name);
      if (want === has) continue;
      (want ? add : remove).push({ key: i.key, mailbox: i.mailbox, graphId: i.graphId, internetMessageId: i.internetMessageId });
    }
    flagError = null;
    for (const [list, value] of [
      [add, true],
      [remove, false],
    ] as const) {
      if (!list.length) continue;
      try {
        const outcomes = await deps.flags.setCategory(list, value);
        const failed = outcomes.filter((o) => !o.ok);
        for (const o of outcomes) if (o.ok) flagged.set(o.key, value);
        if (failed.length) {
          flagError = new MatterlineError("graph-error", `The "${name}" category could not be updated on ${failed.length} message(s).`, {
            details: failed.map((f) => (f.ok ? "" : f.error)).slice(0, 5),
          });
        }
      } catch (error) {
        flagError = toMatterlineError(error);
      }
    }
  }

  async function runScan(onProgress?: (p: OverdueScanProgress) => void): Promise<OverdueView> {
    const settings = await loadSettings();
    const mailboxes = [null, ...settings.watchedMailboxes];
    // Bodies are read once, as they arrive, against the directory: without one there is nothing to read them for.
    const loaded = await deps.directory();
    if (!loaded) throw noDirectoryError("The response clock needs to know who your clients are.");
    for (const [n, mailbox] of mailboxes.entries()) {
      const key = keyOf(mailbox);
      const label = mailbox ?? me;
      try {
        const snap = await scanMailbox(deps.sync, deps.checkpoints, {
          mailbox,
          now: nowIso(),
          windowDays: Math.max(settings.windowDays, TEAM_VIEW_DAYS),
          facts: factsReader(loaded, mailboxOwner(mailbox, me)),
          onProgress: (p) => onProgress?.({ ...p, mailboxNumber: n + 1, mailboxCount: mailboxes.length }),
        });
        snapshots.set(key, snap);
        status.set(key, { mailbox, label, scannedAt: nowIso(), error: null });
      } catch (error) {
        // One unreachable mailbox (offline, no delegate rights) keeps its last results and does not stop the rest.
        const previous = status.get(key);
        status.set(key, { mailbox, label, scannedAt: previous?.scannedAt ?? null, error: toMatterlineError(error) });
      }
    }
    const view = await evaluate(settings);
    if (!view) {
      const first = [...status.values()].find((s) => s.error)?.error;
      throw first ?? new MatterlineError("graph-error", "The mailbox could not be scanned.");
    }
    if (wantsFlagSync(view, settings)) {
      await syncFlags(view, settings.overdueCategory);
      return { ...view, flagError };
    }
    return view;
  }

  async function decide(
    item: OverdueItem,
    decision: Omit<ClockDecision, "internetMessageId" | "by" | "at" | "history">,
  ): Promise<OverdueView | null> {
    if (!item.internetMessageId)
      throw new MatterlineError("invalid-input", "This message has no Internet message id, so a decision on it cannot be saved.");
    const previous = await deps.decisions.get(item.internetMessageId);
    await deps.decisions.put(
      supersede(previous, {
        ...decision,
        internetMessageId: item.internetMessageId,
        by: me,
        at: nowIso(),
        ...(deps.noReplyDecisions ? { shared: true } : {}),
      }),
    );
    // Queued before anything else reads the decisions: while the share waits, this decision holds over the mailbox.
    const shared = await shareDecision(
      item,
      decision.kind === "no-reply-needed",
      (previous ?? item.decision ?? undefined)?.kind === "no-reply-needed",
    );
    const settings = await loadSettings();
    const view = await evaluate(settings);
    // The category follows the decision at once (set again after an undo, cleared after "no reply needed").
    const flaggedView =
      view && wantsFlagSync(view, settings) ? await syncFlags(view, settings.overdueCategory).then(() => ({ ...view, flagError })) : view;
    // The share is written after the flag: both rewrite the message's category list, and one at a time loses nothing.
    if (shared) deps.noReplyDecisions?.queued?.();
    return flaggedView;
  }

  /**
   * Queues the mailbox share of a decision: the category on for "no reply needed", off otherwise (a snooze or an undo
   * leaves the mail waiting for everyone else). Nothing is written when neither this decision nor the one before it
   * was "no reply needed" and the message shows no such category: a snooze on plain mail changes nothing in the
   * mailbox. True when a share was queued (the caller then asks for the outbox to run).
   */
  async function shareDecision(item: OverdueItem, noReplyNeeded: boolean, wasNoReplyNeeded: boolean): Promise<boolean> {
    const sharing = deps.noReplyDecisions;
    if (!sharing || !item.internetMessageId) return false;
    // Undoing clears both the category and our property, whichever of them the message carries.
    const marked = item.noReplyMarked || item.categories.some((c) => c.toLowerCase() === sharing.categoryName.toLowerCase());
    if (!noReplyNeeded && !wasNoReplyNeeded && !marked) return false;
    const payload: NoReplyDecisionPayload = {
      mailbox: item.mailbox,
      graphId: item.graphId,
      internetMessageId: item.internetMessageId,
      noReplyNeeded,
    };
    await enqueue(
      sharing.outbox,
      newOperation({
        key: noReplyDecisionKey(item.mailbox, item.internetMessageId),
        kind: NO_REPLY_DECISION_KIND,
        payload,
        now: deps.clock.now(),
      }),
    );
    return true;
  }

  function wantsFlagSync(view: OverdueView, settings: OverdueSettings): boolean {
    return (
      settings.overdueCategory ||
      [...flagged.values()].some(Boolean) ||
      view.items.some((i) => i.categories.includes(deps.overdueCategoryName))
    );
  }

  async function digest(): Promise<Digest> {
    const view = (await evaluate(await loadSettings())) ?? (await service.scan());
    const loaded = await deps.directory();
    // The digest is read by mail, away from the pane: say the time in the mailbox's zone (as the pane shows it, the
    // firm's when the mailbox names none), and name it.
    const zone = deps.timeZone?.() ?? loaded?.directory.firm.timeZone ?? "UTC";
    const local = DateTime.fromISO(view.now, { zone: "utc" }).setZone(zone);
    const nowLabel = local.isValid
      ? `${local.toFormat("ccc d LLL yyyy, HH:mm")} (${zone} time)`
      : `${view.now.slice(0, 16).replace("T", " ")} UTC`;
    return buildDigest(view.items, { me, firmName: loaded?.directory.firm.name ?? "Matterline", nowLabel });
  }

  const service: OverdueService = {
    loadSettings,
    async saveSettings(settings) {
      const valid = validateOverdueSettings(settings, me);
      await deps.settings.set(OVERDUE_SETTINGS_KEY, { ...valid, watchedMailboxes: [...valid.watchedMailboxes] });
      for (const key of [...snapshots.keys()]) if (key !== "me" && !valid.watchedMailboxes.includes(key)) snapshots.delete(key);
      return valid;
    },
    scan(onProgress) {
      running ??= runScan(onProgress).finally(() => (running = null));
      return running;
    },
    async current() {
      return evaluate(await loadSettings());
    },
    async itemFor(message) {
      const view = (await service.current()) ?? (await service.scan());
      const own = (i: OverdueItem) => (i.mailbox === null ? 0 : 1);
      const matches = lastEverything
        .filter((i) => (message.internetMessageId && i.internetMessageId === message.internetMessageId) || i.messageId === message.id)
        .sort((a, b) => own(a) - own(b));
      return matches[0] ? withDecision(matches[0], matches[0].decision, view.now) : null;
    },
    markNoReplyNeeded(item, reason) {
      const why = reason.trim();
      if (!why)
        return Promise.reject(new MatterlineError("invalid-input", "Say briefly why no reply is needed; it is kept for the audit."));
      return decide(item, { kind: "no-reply-needed", reason: why, until: null });
    },
    snooze(item, until) {
      if (Number.isNaN(Date.parse(until))) return Promise.reject(new MatterlineError("invalid-input", `"${until}" is not a time.`));
      return decide(item, { kind: "snooze", reason: null, until });
    },
    async undo(item) {
      // This device's decision, else the one read from the mailbox (a colleague's or another device's).
      const current = (item.internetMessageId ? await deps.decisions.get(item.internetMessageId) : undefined) ?? item.decision ?? undefined;
      if (!current || current.kind === "undo") throw new MatterlineError("invalid-input", "There is no decision on this message to undo.");
      return decide(item, {
        kind: "undo",
        reason: `Undid ${describeDecision(current)} of ${current.by}${current.source === "mailbox" ? "" : ` at ${current.at}`}`,
        until: null,
      });
    },
    digest,
    async sendDigest() {
      const d = await digest();
      await deps.sender.send({ to: [{ email: me, name: deps.me.name }], subject: d.subject, html: d.html });
      return { ...d, sentTo: me };
    },
  };
  return service;
}
