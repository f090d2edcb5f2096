import type { Directory } from "@domain/directory/types";
import { MatterlineError, toMatterlineError } from "@domain/errors";
import { checkSend, loadRecipientIndex, serializeRecipientIndex, type RecipientIndex } from "@domain/sendGuard";
import type { SendWarning } from "@domain/sendGuard/types";
import type { SendCheckNotes } from "@ports/sendCheckNotes";
import type { DraftForCheck, SendDraft } from "@ports/sendDraft";
import type { SendIndexStore, StoredSendIndex } from "@ports/sendIndexStore";
import type { SendMatterChoice } from "@ports/sendMatterChoice";
import { smartAlertFor, warningsFingerprint, type AlertSupport, type SmartAlertOptions } from "./alert";
import { packIndex, unpackIndex } from "./packing";

/** What checking the open draft needs. */
export interface DraftCheckDeps {
  readonly draft: SendDraft;
  /** The matter chosen in the pane for logging the mail (kept on the draft). */
  readonly choice: SendMatterChoice;
  /** The matter the draft's thread was filed to, where this runtime can see the filing history. */
  readonly threadMatter?: (conversationId: string) => Promise<string | null>;
  /** The recipient index, or null when none has been made on this device (no directory imported yet). */
  readonly index: () => Promise<RecipientIndex | null>;
}

/** A checked draft: the warnings, and the matters that were taken as what it is about. */
export interface DraftCheck {
  readonly warnings: readonly SendWarning[];
  readonly subject: string;
}

/** Matters known for the draft without reading its text: chosen in the pane first, then the thread's. Failures read as unknown. */
async function knownMatters(deps: DraftCheckDeps, draft: DraftForCheck): Promise<string[]> {
  const [chosen, thread] = await Promise.all([
    deps.choice.chosen().catch(() => null),
    draft.conversationId && deps.threadMatter ? deps.threadMatter(draft.conversationId).catch(() => null) : Promise.resolve(null),
  ]);
  return [chosen, thread].filter((m): m is string => Boolean(m));
}

/** Checks the open draft; throws MatterlineError when there is no index or the draft cannot be read. */
export async function checkDraft(deps: DraftCheckDeps, read?: (draft: DraftForCheck) => void): Promise<DraftCheck> {
  const draft = await deps.draft.read();
  read?.(draft);
  const [index, matterIds] = await Promise.all([deps.index(), knownMatters(deps, draft)]);
  if (!index)
    throw new MatterlineError("invalid-config", "No recipient index is on this device yet: import the firm directory in Matterline first.");
  return { warnings: checkSend(index, draft.mail, { matterIds }), subject: draft.mail.subject };
}

/** What the OnMessageSend handler needs besides the draft check. */
export interface OnSendDeps extends DraftCheckDeps {
  readonly support: AlertSupport;
  /** Where the fingerprint of warnings already shown once is kept on the draft (for Outlooks without Send Anyway). */
  readonly acknowledged: { get(): Promise<string | null>; set(fingerprint: string | null): Promise<void> };
  readonly notes: SendCheckNotes;
  readonly now: () => Date;
  /** Longer than this and the mail goes unchecked (Outlook says "taking longer than expected" at 5 s). */
  readonly timeoutMs: number;
}

const ALLOW: SmartAlertOptions = { allowEvent: true };

function timeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MatterlineError("timeout", `it took longer than ${Math.round(ms / 100) / 10} seconds`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The send-time decision: let the mail go, or stop it with a Smart Alert listing the warnings. Never stops mail
 * because of its own failure: when the draft or the index cannot be read in time, the mail goes and a note is left
 * for the pane to say the check could not run.
 */
export async function decideOnSend(deps: OnSendDeps): Promise<SmartAlertOptions> {
  let subject = "";
  try {
    const { warnings } = await timeout(
      checkDraft(deps, (d) => (subject = d.mail.subject)),
      deps.timeoutMs,
    );
    if (warnings.length === 0) return ALLOW;
    if (!deps.support.promptUser) {
      // No "Send Anyway" before Mailbox 1.14: the same warnings on a second Send mean the sender has seen them.
      const fingerprint = warningsFingerprint(warnings);
      if ((await deps.acknowledged.get().catch(() => null)) === fingerprint) {
        await deps.acknowledged.set(null).catch(() => undefined);
        return ALLOW;
      }
      await deps.acknowledged.set(fingerprint).catch(() => undefined);
    }
    return smartAlertFor(warnings, deps.support);
  } catch (error) {
    const e = toMatterlineError(error, "office-failed");
    await deps.notes
      .record({ at: deps.now().toISOString(), subject: subject.slice(0, 200), reason: e.message.slice(0, 300) })
      .catch(() => undefined);
    return ALLOW;
  }
}

/** How the index the handler reads stands, for the pane. */
export interface IndexStatus {
  readonly builtAt: string;
  readonly gzipBytes: number;
  readonly clients: number;
  readonly contacts: number;
  readonly matters: number;
  /** Held in the mailbox's roaming settings too, where classic Outlook on Windows reads it; false when too large. */
  readonly inMailbox: boolean | null;
}

/** The index text and its loaded form for one directory import, made once. */
export interface BuiltIndex {
  readonly importedAt: string;
  readonly text: string;
  readonly index: RecipientIndex;
}

export function buildIndex(directory: Directory, importedAt: string): BuiltIndex {
  const text = serializeRecipientIndex(directory, importedAt);
  return { importedAt, text, index: loadRecipientIndex(text) };
}

/**
 * Leaves the index where the send handler looks for it: in this device's storage (every Outlook whose handler runs
 * in a browser runtime) and, when it fits, in the mailbox's roaming settings (classic Outlook on Windows). A store
 * that already holds this import's index is not written again.
 */
export async function publishIndex(
  built: BuiltIndex,
  stores: { readonly device: SendIndexStore; readonly mailbox?: SendIndexStore },
): Promise<IndexStatus> {
  let packed: StoredSendIndex | null = null;
  const pack = (): StoredSendIndex => (packed ??= { builtAt: built.importedAt, ...packIndex(built.text) });
  const ensure = async (store: SendIndexStore): Promise<boolean> => {
    const held = await store.load().catch(() => null);
    if (held?.builtAt === built.importedAt) return true;
    return store.save(pack());
  };
  await ensure(stores.device);
  const inMailbox = stores.mailbox ? await ensure(stores.mailbox).catch(() => false) : null;
  const stored = packed ?? (await stores.device.load().catch(() => null)) ?? pack();
  return { builtAt: built.importedAt, gzipBytes: stored.gzipBytes, ...built.index.stats, inMailbox };
}

/** Reads the index a store holds, loaded for checking; null when it holds none. */
export async function readIndex(store: SendIndexStore): Promise<RecipientIndex | null> {
  const held = await store.load();
  return held ? loadRecipientIndex(unpackIndex(held.data)) : null;
}
