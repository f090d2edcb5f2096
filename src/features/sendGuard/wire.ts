import type { PaneContext } from "@hosts/context";
import type { SkippedCheck } from "@ports/sendCheckNotes";
import type { SendGuardCapability } from "./api";
import { buildIndex, checkDraft, publishIndex, type BuiltIndex, type IndexStatus } from "./service";
import { createOfficeSendDraft } from "@adapters/office/sendDraft";
import { createOfficeSendMatterChoice } from "@adapters/office/sendMatterChoice";
import { createRoamingSendCheckNotes, createRoamingSendIndexStore } from "@adapters/office/roamingSendGuard";
import { createSettingsSendCheckNotes, createSettingsSendIndexStore } from "@adapters/storage/sendGuardStores";

/**
 * Builds the send guard for the pane: keeps the recipient index the send handler reads up to date with the directory
 * (on start and after every import) and checks the open draft live.
 */
export function buildSendGuard(ctx: PaneContext): SendGuardCapability {
  const device = createSettingsSendIndexStore(ctx.stores.settings);
  const mailbox = createRoamingSendIndexStore(ctx.office);
  const notes = [createSettingsSendCheckNotes(ctx.stores.settings), createRoamingSendCheckNotes(ctx.office)];
  let built: BuiltIndex | null = null;
  const current = async (): Promise<BuiltIndex | null> => {
    const loaded = await ctx.directory.current();
    if (!loaded) return null;
    if (built?.importedAt !== loaded.importedAt) built = buildIndex(loaded.directory, loaded.importedAt);
    return built;
  };
  let status: Promise<IndexStatus | null> = Promise.resolve(null);
  const refresh = () => {
    status = current().then((b) => (b ? publishIndex(b, { device, mailbox }) : null));
    status.catch((error: unknown) => console.warn("Matterline: the send check's recipient index was not saved:", error));
  };
  // After the pane's first work: the index of a large directory takes a moment to make.
  setTimeout(refresh, 0);
  ctx.directory.onChanged(() => refresh());

  const draft = createOfficeSendDraft(ctx.office);
  const choice = createOfficeSendMatterChoice(ctx.office);
  const supports = (v: string) => ctx.office.context.requirements.isSetSupported("Mailbox", v);
  return {
    check: () =>
      checkDraft({
        draft,
        choice,
        threadMatter: (conversationId) => ctx.stores.history.matterForConversation(conversationId),
        index: async () => (await current())?.index ?? null,
      }),
    onDraftChanged: (listener) => draft.onChanged(listener),
    applyFix: (recipient, fix) => draft.apply(recipient, fix),
    async skipped() {
      const lists = await Promise.all(notes.map((n) => n.list().catch((): SkippedCheck[] => [])));
      const seen = new Set<string>();
      return lists
        .flat()
        .filter((n) => {
          const key = `${n.at}\n${n.subject}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .sort((a, b) => a.at.localeCompare(b.at));
    },
    async dismissSkipped() {
      await Promise.all(notes.map((n) => n.clear()));
    },
    status: () => status,
    onSendSupported: supports("1.12"),
    followsRecipients: supports("1.7"),
  };
}
