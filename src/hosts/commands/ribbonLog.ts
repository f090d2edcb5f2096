import { createFilingService, type FilingService } from "@features/filing/service";
import { createDirectoryProvider } from "@domain/directory/directoryProvider";
import { createPaneRecognizer } from "@domain/recognition/paneRecognition";
import { MatterlineError } from "@domain/errors";
import { MatterLog, categoryResolver } from "@domain/matterLog";
import type { MailMessage } from "@domain/model/mail";
import type { ItemCategories } from "@ports/itemCategories";
import type { OfficeNamespace } from "@adapters/office/officeCall";
import { createOfficeItemCategories, officeCategoryColor } from "@adapters/office/itemCategories";

/**
 * The ribbon's "Log to suggested matter": recognizes the open message from this device's log and directory and
 * logs it when recognition is sure (the same rule as auto-logging). Otherwise it says which matters it hesitates
 * between, so the user opens the pane. The mailbox copy waits in the outbox until the pane next runs; when this
 * Outlook can set categories (Mailbox 1.8) the category is put on the item at once as well.
 */
export async function ribbonLog(
  message: MailMessage,
  deps: { service: FilingService; categories?: ItemCategories | null },
): Promise<string> {
  const view = await deps.service.recognize(message, { useMailbox: false, allowAutoLog: false });
  const r = view.pane.recognition;
  const label = (id: string) => view.matters[id]?.label ?? id;
  if (view.pane.logged) return `Already logged to ${label(view.pane.logged.entry.matterId)}.`;
  const decision = view.autoLog.log ? view.autoLog : null;
  const matterId = decision?.matterId ?? null;
  if (!matterId) {
    const options = r.candidates.slice(0, 3).map((c) => view.matters[c.matterId]?.number ?? c.matterId);
    return options.length
      ? `Not sure which matter (${options.join(" or ")}). Open Matterline to choose.`
      : "No matter recognized for this email. Open Matterline to choose one.";
  }
  const { view: after } = await deps.service.log(message, matterId, { source: "manual" });
  const matter = after.matters[matterId];
  if (deps.categories && matter) {
    // Best effort: the outbox mirror sets it anyway; this only makes it visible before the pane runs.
    await deps.categories.add({ name: matter.category, color: officeCategoryColor(matter.categoryColor) }).catch(() => undefined);
  }
  return `Logged to ${label(matterId)}. The mailbox copy syncs when Matterline next opens.`;
}

/** Builds the filing service over this runtime's IndexedDB (Outlook on the web and new Outlook have it). */
export async function createRibbonFiling(
  office: OfficeNamespace,
  now: () => Date,
): Promise<{ service: FilingService; categories: ItemCategories | null }> {
  if (typeof indexedDB === "undefined") {
    throw new MatterlineError("not-supported", "This Outlook cannot log from the ribbon. Open the Matterline pane to log this email.");
  }
  const { openAccountDb, idbStores } = await import("@adapters/storage");
  const me = office.context.mailbox.userProfile.emailAddress.toLowerCase();
  // The pane's own database (one per account), so a ribbon filing is on the pane's timeline and reaches the record.
  const stores = idbStores(await openAccountDb(me));
  const directory = createDirectoryProvider(stores.directory);
  // The pane's recognizer, without the mailbox: the ribbon's function runtime has no Graph sign-in of its own.
  const recognizer = createPaneRecognizer({
    directory: () => directory.current(),
    me: [me],
    history: stores.history,
    log: stores.log,
    outbox: stores.outbox,
    record: stores.record,
    now,
    // Loaded with the first email logged from the ribbon, not with the command's own script.
    newWork: (message, fromFirm) => import("@domain/language/newWork").then((l) => l.newWorkOf(message, fromFirm)),
  });
  let log: MatterLog | null = null;
  const service = createFilingService({
    directory: () => directory.current(),
    async matterLog() {
      const loaded = await directory.current();
      if (!loaded) return null;
      log ??= new MatterLog({
        log: stores.log,
        history: stores.history,
        outbox: stores.outbox,
        categoryFor: categoryResolver(loaded.directory),
        firmDomains: loaded.directory.firm.domains,
      });
      return log;
    },
    recognizer,
    settings: { get: () => Promise.resolve({ autoLog: true }), set: () => Promise.resolve(), remove: () => Promise.resolve() },
    me,
    now,
    afterWrite: () => undefined,
    categoriesSupported: office.context.requirements.isSetSupported("Mailbox", "1.8"),
  });
  const categories = office.context.requirements.isSetSupported("Mailbox", "1.8") ? createOfficeItemCategories(office) : null;
  return { service, categories };
}
