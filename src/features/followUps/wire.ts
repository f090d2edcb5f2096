import type { PaneContext } from "@hosts/context";
import type { FollowUpCapability } from "./api";
import { createGraphCalendarWriter, createGraphMessageReader, createGraphSeriesWriter } from "@adapters/graph";
import type { MailMessage } from "@domain/model/mail";
import type { CurrentItem } from "@ports/mailSource";
import { MatterlineError } from "@domain/errors";
import { loggedMatterOf, matterOfEmail } from "@domain/recognition/emailMatter";
import {
  createFollowUpService,
  followUpEventDeleteExecutor,
  followUpEventExecutor,
  EVENT_DELETE_OUTBOX_KIND,
  EVENT_OUTBOX_KIND,
  type MatterGuess,
} from "./";

function messageOf(item: CurrentItem): { message: MailMessage; mode: "read" | "compose" } {
  if (!item.message || item.mode === "none") throw new MatterlineError("no-item", "Select an email first.");
  return { message: item.message, mode: item.mode };
}

/** Builds the followups capability from the pane's adapters. */
export function buildFollowUp(ctx: PaneContext): FollowUpCapability {
  const calendar = createGraphCalendarWriter(ctx.graph);
  const reader = createGraphMessageReader(ctx.graph);
  // webLink is not on the Office item: ask Graph once per message (null when offline or not found).
  const webLinks = new Map<string, Promise<string | null>>();
  const withWebLink = async (message: MailMessage): Promise<MailMessage> => {
    if (message.webLink || !message.conversationId || !message.internetMessageId) return message;
    const key = message.internetMessageId;
    if (!webLinks.has(key)) {
      webLinks.set(
        key,
        reader
          .listConversation(null, message.conversationId)
          .then((thread) => thread.find((m) => m.internetMessageId === key)?.webLink ?? null)
          .catch(() => {
            webLinks.delete(key);
            return null;
          }),
      );
    }
    const link = await webLinks.get(key)!;
    return link ? { ...message, webLink: link } : message;
  };

  const resolveMatter = async (message: MailMessage): Promise<MatterGuess> => {
    const loaded = await ctx.directory.current();
    if (!loaded) return { clientId: null, matterId: null, candidates: [] };
    // The pane's one recognizer, so the event names the matter filing and replies name.
    const pr = await ctx.recognizer.recognize(message);
    const { matterId } = matterOfEmail(loggedMatterOf(pr), pr.recognition);
    const clientId = (matterId ? loaded.index.matterById.get(matterId)?.clientId : null) ?? pr.recognition.clientId;
    return { clientId: clientId ?? null, matterId, candidates: pr.recognition.candidates.map((c) => c.matterId) };
  };

  const service = createFollowUpService({
    calendar,
    series: createGraphSeriesWriter(ctx.graph),
    mail: reader,
    store: ctx.stores.followUps,
    outbox: ctx.stores.outbox,
    settings: ctx.stores.settings,
    directory: () => ctx.directory.current(),
    resolveMatter,
    now: ctx.now,
    me: ctx.me.email,
    onQueued: () => ctx.outbox.drainSoon(),
  });
  ctx.outbox.register(EVENT_OUTBOX_KIND, followUpEventExecutor(service));
  ctx.outbox.register(EVENT_DELETE_OUTBOX_KIND, followUpEventDeleteExecutor(calendar));
  // On pane start: remove reminders the client has answered since the pane last ran.
  void service.checkReplies().catch((error: unknown) => console.warn("Matterline follow-ups:", error));

  return {
    async plan(item) {
      if (!item.message || item.mode === "none") return null;
      return service.plan(item.message, item.mode);
    },
    async prepare(item, plan, choice) {
      const { message } = messageOf(item);
      return service.prepare(await withWebLink(message), plan, choice);
    },
    schedule: (prepared) => service.schedule(prepared),
    async reminderFor(item) {
      if (!item.message || item.mode === "none") return null;
      return service.reminderFor(item.message, item.mode);
    },
    async remindNoReply(item, days) {
      const { message, mode } = messageOf(item);
      return service.remindNoReply(mode === "read" ? await withWebLink(message) : message, mode, days);
    },
    checkReplies: () => service.checkReplies(),
    startCheckIn: (matterId, cadence) => service.startCheckIn(matterId, cadence),
    upcoming: () => service.upcoming(),
    refresh: () => service.refresh(),
    reschedule: (id, date, time) => service.reschedule(id, date, time),
    cancel: (id) => service.cancel(id),
    openMatters: () => service.openMatters(),
    settings: () => service.settings(),
    saveSettings: (s) => service.saveSettings(s),
    onChanged(listener) {
      const offService = service.onChanged(listener);
      // A queued create that went out changes the list too.
      const offOutbox = ctx.outbox.onDrained((r) => {
        if (r.done.some((op) => op.kind === EVENT_OUTBOX_KIND)) listener();
      });
      return () => {
        offService();
        offOutbox();
      };
    },
  };
}
