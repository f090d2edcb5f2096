import { MatterlineError } from "@domain/errors";
import { loadRecipientIndex, type RecipientIndex } from "@domain/sendGuard";
import type { SendCheckNotes, SkippedCheck } from "@ports/sendCheckNotes";
import type { SendIndexStore } from "@ports/sendIndexStore";
import { decideOnSend } from "@features/sendGuard/service";
import { unpackIndex } from "@features/sendGuard/packing";
import type { SmartAlertOptions } from "@features/sendGuard/alert";
import type { OfficeNamespace } from "@adapters/office/officeCall";
import { createOfficeSendAck, createOfficeSendDraft } from "@adapters/office/sendDraft";
import { createOfficeSendMatterChoice } from "@adapters/office/sendMatterChoice";
import { createRoamingSendCheckNotes, createRoamingSendIndexStore } from "@adapters/office/roamingSendGuard";

/** The check gives up and lets the mail go after this long (Outlook shows "taking longer than expected" at 5 s). */
export const SEND_CHECK_TIMEOUT_MS = 3000;

/** Where this runtime can read the recipient index, the filing history and leave notes. */
interface HandlerStores {
  readonly index: SendIndexStore[];
  readonly notes: SendCheckNotes[];
  readonly threadMatter?: (conversationId: string) => Promise<string | null>;
}

/**
 * The stores of this runtime. Outlook on the web, new Outlook on Windows and Outlook on Mac run the handler in a
 * browser runtime on the add-in's origin: it reads the pane's IndexedDB (the index, the filing history) and leaves
 * notes there, where an open pane sees them at once. Classic Outlook on Windows runs it in a JavaScript-only runtime
 * without IndexedDB (learn.microsoft.com/office/dev/add-ins/testing/runtimes): there only the mailbox's
 * roaming settings reach it. Roaming settings are read second, and written for notes everywhere.
 *
 * The handler signs in to nothing: fetching the directory through Graph at send time would need a token in the event
 * runtime, where Office's SSO gives an identity token that only a middle tier can exchange
 * (learn.microsoft.com/office/dev/add-ins/outlook/use-sso-in-event-based-activation), nested app authentication
 * has been reported missing in classic Outlook's event handlers (github.com/OfficeDev/office-js/issues/4450), and a
 * network round trip would eat into the seconds before Outlook says the add-in is slow. The index is local instead.
 */
async function handlerStores(office: OfficeNamespace): Promise<HandlerStores> {
  const roaming = { index: createRoamingSendIndexStore(office), notes: createRoamingSendCheckNotes(office) };
  if (typeof indexedDB === "undefined") return { index: [roaming.index], notes: [roaming.notes] };
  try {
    const storage = await import(/* webpackChunkName: "handler-storage" */ "@adapters/storage");
    const { createSettingsSendCheckNotes, createSettingsSendIndexStore } = await import(
      /* webpackChunkName: "handler-storage" */ "@adapters/storage/sendGuardStores"
    );
    // The pane's own database: each account has its own (openAccountDb), so the handler opens the mailbox user's.
    const stores = storage.idbStores(await storage.openAccountDb(office.context.mailbox.userProfile.emailAddress));
    return {
      index: [createSettingsSendIndexStore(stores.settings), roaming.index],
      notes: [createSettingsSendCheckNotes(stores.settings), roaming.notes],
      threadMatter: (conversationId) => stores.history.matterForConversation(conversationId),
    };
  } catch {
    return { index: [roaming.index], notes: [roaming.notes] };
  }
}

/** Notes recorded everywhere this runtime can write (each may fail alone). */
function allNotes(list: readonly SendCheckNotes[]): SendCheckNotes {
  return {
    async record(note: SkippedCheck) {
      const done = await Promise.allSettled(list.map((n) => n.record(note)));
      if (done.every((d) => d.status === "rejected")) throw new MatterlineError("storage-failed", "The note could not be saved anywhere.");
    },
    list: async () => (await Promise.all(list.map((n) => n.list().catch(() => [])))).flat(),
    clear: async () => void (await Promise.allSettled(list.map((n) => n.clear()))),
  };
}

export interface HandlerSendCheckOptions {
  readonly now: () => Date;
  readonly timeoutMs?: number;
  /** The workbench's fault mode: makes reading the index fail, to show that the mail still goes. */
  readonly indexFault?: () => Error | null;
}

/**
 * The OnMessageSend handler's send check: reads the draft, the matter chosen for it and its thread's matter, loads the
 * recipient index (kept between sends of this runtime while the directory is the same) and decides. Resolves with the
 * options for `event.completed`; never rejects.
 */
export function createHandlerSendCheck(office: OfficeNamespace, options: HandlerSendCheckOptions): () => Promise<SmartAlertOptions> {
  let stores: Promise<HandlerStores> | null = null;
  let cached: { builtAt: string; index: RecipientIndex } | null = null;
  const loadIndex = async (list: readonly SendIndexStore[]): Promise<RecipientIndex | null> => {
    const fault = options.indexFault?.();
    if (fault) throw fault;
    for (const store of list) {
      const held = await store.load().catch(() => null);
      if (!held) continue;
      if (cached?.builtAt === held.builtAt) return cached.index;
      const index = loadRecipientIndex(unpackIndex(held.data));
      cached = { builtAt: held.builtAt, index };
      return index;
    }
    return null;
  };
  const requirements = office.context.requirements;
  return async () => {
    try {
      stores ??= handlerStores(office);
      const s = await stores;
      return await decideOnSend({
        draft: createOfficeSendDraft(office),
        choice: createOfficeSendMatterChoice(office),
        threadMatter: s.threadMatter,
        index: () => loadIndex(s.index),
        support: { promptUser: requirements.isSetSupported("Mailbox", "1.14"), markdown: requirements.isSetSupported("Mailbox", "1.15") },
        acknowledged: createOfficeSendAck(office),
        notes: allNotes(s.notes),
        now: options.now,
        timeoutMs: options.timeoutMs ?? SEND_CHECK_TIMEOUT_MS,
      });
    } catch {
      // decideOnSend never rejects; this only guards the wiring itself. Our failure never stops the mail.
      return { allowEvent: true };
    }
  };
}
