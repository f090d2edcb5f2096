import type { PaneContext } from "@hosts/context";
import type { OverdueCapability } from "./api";
import { NO_REPLY_DECISION_KIND, createOverdueService, noReplyDecisionExecutor, snoozeUntil, type OverdueItem } from "./";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import { MatterlineError, noDirectoryError } from "@domain/errors";
import { filingHistoryFromSnapshot } from "@domain/matterLog";
import {
  createGraphFolderSync,
  createGraphMailSender,
  withQuickReads,
  createGraphCategoryFlagWriter,
  NO_REPLY_CATEGORY,
  OVERDUE_CATEGORY,
} from "@adapters/graph";
import { createOfficeItemNotifier, createOfficeReplyComposer } from "@adapters/office";
import { createOfficeMessageOpener } from "@adapters/office/messageOpener";

/** Key of the clock's notification bar on a message, so a later state replaces it. */
export const CLOCK_BAR_KEY = "matterline-clock";

/** Builds the overdue capability from the pane's adapters. */
export function buildOverdue(ctx: PaneContext): OverdueCapability {
  const service = createOverdueService({
    // The list is shown while it refreshes: a failing read gives up within seconds (the pane keeps the last list,
    // says "couldn't refresh — retrying" and tries again itself) rather than spending the full retry budget.
    sync: createGraphFolderSync(withQuickReads(ctx.graph)),
    checkpoints: ctx.stores.scanCheckpoints,
    settings: ctx.stores.settings,
    decisions: ctx.stores.clockDecisions,
    directory: () => ctx.directory.current(),
    history: async () => filingHistoryFromSnapshot(await ctx.stores.history.snapshot()),
    flags: createGraphCategoryFlagWriter(ctx.graph),
    overdueCategoryName: OVERDUE_CATEGORY.name,
    noReplyDecisions: { outbox: ctx.stores.outbox, categoryName: NO_REPLY_CATEGORY.name, queued: () => ctx.outbox.drainSoon() },
    sender: createGraphMailSender(ctx.graph),
    me: ctx.me,
    clock: { now: ctx.now },
    timeZone: () => ctx.mailboxTimeZone,
  });
  // "No reply needed" reaches the mailbox through the outbox, so a decision taken offline is shared once back online.
  ctx.outbox.register(
    NO_REPLY_DECISION_KIND,
    noReplyDecisionExecutor(createGraphCategoryFlagWriter(ctx.graph, NO_REPLY_CATEGORY, { noReplyProperty: true })),
  );
  const notifier = createOfficeItemNotifier(ctx.office);
  const composer = createOfficeReplyComposer(ctx.office);
  const opener = createOfficeMessageOpener(ctx.office);

  const isOpen = (item: OverdueItem, open: { mode: string; message: { id: string; internetMessageId: string | null } | null } | null) =>
    open?.mode === "read" &&
    !!open.message &&
    ((!!item.internetMessageId && open.message.internetMessageId === item.internetMessageId) || open.message.id === item.messageId);

  return {
    loadSettings: () => service.loadSettings(),
    saveSettings: (s) => service.saveSettings(s),
    scan: (onProgress) => service.scan(onProgress),
    current: () => service.current(),
    itemFor: (m) => service.itemFor(m),
    markNoReplyNeeded: (item, reason) => service.markNoReplyNeeded(item, reason),
    undo: (item) => service.undo(item),
    async snooze(item, choice) {
      const loaded = await ctx.directory.current();
      if (!loaded) throw noDirectoryError("Snoozes end at the firm's working hours, which the directory holds.");
      return service.snooze(item, snoozeUntil(choice, ctx.now(), createFirmCalendar(loaded.directory.firm)));
    },
    async replyNow(item, open) {
      if (isOpen(item, open)) {
        await composer.openReply("");
        return "reply-form";
      }
      if (!item.graphId) throw new MatterlineError("not-found", "This message's mailbox id is unknown; open it from the message list.");
      await opener.open(item.graphId, item.mailbox);
      return "message-opened";
    },
    async alertOnItem(item) {
      const state = item?.clock.state;
      if (item && (state === "overdue" || state === "due-soon")) await notifier.show(CLOCK_BAR_KEY, item.summary);
      else await notifier.clear(CLOCK_BAR_KEY);
    },
    digest: () => service.digest(),
    sendDigest: () => service.sendDigest(),
    refreshMinutes: 5,
  };
}
