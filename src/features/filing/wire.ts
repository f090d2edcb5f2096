import type { PaneContext } from "@hosts/context";
import type { FilingCapability, UnloggedSends } from "./api";
import { createFilingService } from "./service";
import { logPendingSends, SEND_MATCH_WINDOW_MS } from "./pendingSends";
import { MatterlineError } from "@domain/errors";
import { matterLabel } from "@domain/directory/matterLabel";
import type { MailMessage } from "@domain/model/mail";
import type { CurrentItem } from "@ports/mailSource";
import { createGraphMessageReader } from "@adapters/graph";
import { createOfficeSendMatterChoice } from "@adapters/office";
import { createPendingSendLog } from "@adapters/office/pendingSendLog";

function messageOf(item: CurrentItem): MailMessage {
  if (!item.message) throw new MatterlineError("no-item", "No message is open. Select a message and try again.");
  return item.message;
}

/** Builds the filing capability from the pane's adapters. */
export function buildFiling(ctx: PaneContext): FilingCapability {
  const service = createFilingService({
    directory: () => ctx.directory.current(),
    matterLog: () => ctx.matterLog(),
    recognizer: ctx.recognizer,
    settings: ctx.stores.settings,
    me: ctx.me.email,
    now: ctx.now,
    afterWrite: () => ctx.outbox.drainSoon(),
    categoriesSupported: ctx.support.supports("categories"),
  });
  const graphIdOf = (item: CurrentItem): string | null => {
    if (item.mode !== "read" || !item.itemId) return null;
    try {
      return ctx.support.toRestId(item.itemId);
    } catch {
      return null; // the mirror finds it by Internet message id instead
    }
  };
  const choice = createOfficeSendMatterChoice(ctx.office);

  // Mail sent with a matter chosen (log on send) waits in roaming settings until the pane writes it to the log.
  void drainPendingSends(ctx).catch((error: unknown) => console.warn("Matterline: pending sent mail not logged yet:", error));

  /**
   * The matter chosen for "log on send", read from a sent copy: custom properties saved on a draft stay readable on
   * its Sent Items copy (learn.microsoft.com/javascript/api/outlook/office.customproperties, Remarks), so the pane
   * files it at once instead of waiting for the queue the send handler left in roaming settings.
   */
  const sentToMatter = async (item: CurrentItem): Promise<string | null> => {
    if (item.mode !== "read" || !item.message || item.message.from?.email.toLowerCase() !== ctx.me.email.toLowerCase()) return null;
    return choice.chosen().catch(() => null); // unreadable properties: the queue still logs it later
  };

  return {
    recognize: async (item, options = {}) =>
      service.recognize(messageOf(item), {
        useMailbox: options.useMailbox,
        allowAutoLog: item.mode === "read",
        graphId: graphIdOf(item),
        sentToMatter: await sentToMatter(item),
      }),
    log: (item, matterId, options = {}) =>
      service.log(messageOf(item), matterId, { timeEntry: options.timeEntry, graphId: graphIdOf(item), source: "manual" }),
    unlog: (item) => service.unlog(messageOf(item)),
    async retryMirror(item) {
      await service.retryMirror(messageOf(item));
      await ctx.outbox.drainNow();
    },
    searchMatters: (query) => service.searchMatters(query),
    settings: () => service.settings(),
    saveSettings: (s) => service.saveSettings(s),
    chosenForSend: () => choice.chosen(),
    chooseForSend: (matterId) => choice.choose(matterId),
    onMirrorChanged(listener) {
      // The mailbox copy or the shared record changed: a drain, or a sync that brought a colleague's change.
      const offDrained = ctx.outbox.onDrained(() => listener());
      const offRecord = ctx.recordChanged.subscribe(listener);
      return () => {
        offDrained();
        offRecord();
      };
    },
    me: ctx.me.email,
    onSendSupported: ctx.support.supports("on-send"),
    unloggedSends: () => unloggedSends(ctx),
    async dismissUnloggedSends() {
      if (hasRoaming(ctx)) await createPendingSendLog(ctx.office).dismissUnlogged();
    },
    categoriesSupported: ctx.support.supports("categories"),
  };
}

function hasRoaming(ctx: PaneContext): boolean {
  return !!(ctx.office.context as { roamingSettings?: unknown }).roamingSettings;
}

/** Sent mail chosen for a matter that will not be logged by itself (the queue was full, or the sent copy never showed). */
async function unloggedSends(ctx: PaneContext): Promise<UnloggedSends> {
  if (!hasRoaming(ctx)) return { entries: [], more: 0 };
  const { entries, more } = createPendingSendLog(ctx.office).unlogged();
  if (entries.length === 0 && more === 0) return { entries: [], more: 0 };
  const directory = await ctx.directory.current();
  return {
    entries: entries.map((e) => {
      const matter = directory?.index.matterById.get(e.matterId) ?? null;
      return { subject: e.subject, sentAt: e.sentAt, matter: matter ? matterLabel(matter) : e.matterId, reason: e.reason };
    }),
    more,
  };
}

/**
 * Writes mail logged on send through the matter log (source "send"). Entries stay in the queue until logged (a crash
 * midway loses none); those too old to find are moved to the list the pane shows (`unloggedSends`).
 */
export async function drainPendingSends(ctx: PaneContext): Promise<number> {
  const roaming = (ctx.office.context as { roamingSettings?: unknown }).roamingSettings;
  if (!roaming) return 0;
  const queue = createPendingSendLog(ctx.office);
  const pending = await queue.peek();
  if (pending.length === 0) return 0;
  const log = await ctx.matterLog();
  if (!log) return 0;
  const reader = createGraphMessageReader(ctx.graph);
  const outcome = await logPendingSends(
    pending,
    {
      async sentAround(sentAt, conversationId) {
        const base = sentAt ? Date.parse(sentAt) : ctx.now().getTime();
        const since = new Date(base - SEND_MATCH_WINDOW_MS).toISOString();
        const rows = await reader.listWindow({ mailbox: null, folder: "sentitems", since });
        return conversationId ? rows.filter((m) => m.conversationId === conversationId) : rows;
      },
      async log(message, matterId) {
        // Already filed when the pane saw the sent copy, or taken off the log since: the queue must not file it again.
        const imid = message.internetMessageId;
        if (imid && ((await log.entryFor(imid)) || (await log.auditFor(imid)).length > 0)) return;
        await log.log({ message, matterId, by: ctx.me.email, now: ctx.now(), source: "send" });
      },
    },
    ctx.now(),
  );
  await queue.settle({ logged: outcome.logged, notFound: outcome.givenUp });
  if (outcome.logged.length) ctx.outbox.drainSoon();
  return outcome.logged.length;
}
