import { htmlToText } from "@domain/text/htmlToText";
import { promiseTry } from "@domain/promiseTry";
import { buildComposeItem, fireItemEvent, recipientsChanged } from "./composeItem";
import { mailboxEventSince, officeEnums, themes } from "./enums";
import { MailboxState, type DraftState } from "./mailboxState";
import { buildReadItem } from "./readItem";
import { readManifest, type ManifestDeclarations } from "./manifest";
import { PROJECT_MANIFEST_XML } from "./projectManifest";
import { FakeOfficeCallError, FakeRuntime, versionAtLeast } from "./runtime";
import type {
  FakeActionEvent,
  FakeCategory,
  FakeCompletedOptions,
  FakeDraft,
  FakeError,
  FakeMailItem,
  FakePerson,
  FakeRequirementSets,
  FakeTheme,
  OfficeFakeOptions,
  RecordedDialog,
  RecordedInsert,
  RecordedNotification,
  RecordedReplyForm,
} from "./types";

/** Outlook lets add-ins act on at most 100 selected messages. */
export const MAX_SELECTED_ITEMS = 100;
/** Outlook's limit on an add-in's roaming settings. */
const ROAMING_LIMIT_CHARS = 32 * 1024;

type Handler = (args: { type: string; [k: string]: unknown }) => void;
type ActionHandler = (event: FakeActionEvent) => unknown;

/** Drives the fake Outlook and lets tests look inside it. */
export interface OfficeFakeController {
  /** Selects a message (null: nothing selected). `item` reads null until ItemChanged fires; resolves after it fired. */
  selectItem(item: FakeMailItem | null, options?: { nullFirst?: boolean }): Promise<void>;
  /** Multi-select (Mailbox 1.13, at most 100). With more than one, `mailbox.item` is null. */
  selectItems(items: readonly FakeMailItem[]): Promise<void>;
  /** Switches into compose mode on a new draft; resolves after ItemChanged fired. */
  compose(draft: FakeDraft): Promise<void>;
  /** Makes other messages known to loadItemByIdAsync without selecting them. */
  addItems(items: readonly FakeMailItem[]): void;
  setTheme(theme: "light" | "dark"): Promise<void>;
  /** Makes the next `times` calls of `method` fail, e.g. "body.getAsync", "categories.addAsync", "displayReplyForm". */
  failNext(method: string, error: FakeError | string, times?: number): void;
  /** Drops every queued failure. */
  clearFailures(): void;
  setRequirementSets(sets: FakeRequirementSets): void;
  /** Another person signs in (the workbench's person switcher): Office's userProfile follows. */
  setUserProfile(profile: { emailAddress: string; displayName: string }): void;
  /** Resolves when every pending callback has run. */
  idle(): Promise<void>;
  /** Id (or draft key) of the current item, null when none. */
  currentItemKey(): string | null;
  readonly replyForms: readonly RecordedReplyForm[];
  /** Item ids passed to mailbox.displayMessageForm, in order. */
  readonly messageForms: readonly string[];
  /** Notification bars on an item (the current one by default). */
  notifications(itemKey?: string): RecordedNotification[];
  categories(itemKey: string): string[];
  /** Sets an item's categories from outside (e.g. the Graph simulator), without calling onCategoriesChanged. */
  setCategories(itemKey: string, categories: readonly string[]): void;
  masterCategories(): FakeCategory[];
  /** Text inserted into the current draft (or the given draft key) with setSelectedDataAsync. */
  insertedText(draftKey?: string): RecordedInsert[];
  /** The current draft's body as the fake holds it. */
  draftBody(): { html: string; text: string; type: "html" | "text" } | null;
  /**
   * The user typing into the current draft: `text` goes in at the top (where Outlook puts the cursor in a reply,
   * above the quoted history) or at the end. Outlook fires no event for typing, and neither does the fake.
   */
  typeInDraft(text: string, where?: "start" | "end"): void;
  /**
   * Called after a draft's body, recipients or attachments changed (by the add-in or through the controller), e.g. for
   * the workbench to redraw it.
   */
  onDraftBodyChanged(listener: (draftKey: string) => void): () => void;
  /** The user editing a recipient line of the current draft (raises RecipientsChanged, as Outlook does). */
  setDraftRecipients(field: "to" | "cc" | "bcc", people: readonly FakePerson[]): void;
  /** The current draft's recipient lines. */
  draftRecipients(): { to: FakePerson[]; cc: FakePerson[]; bcc: FakePerson[] } | null;
  /** The user attaching a file to the current draft (raises AttachmentsChanged). */
  attachToDraft(name: string): void;
  /** Names of the files attached to the current draft. */
  draftAttachments(): string[];
  /** Saved custom properties of an item (the current one by default). */
  customProperties(itemKey?: string): Record<string, unknown>;
  /**
   * Sending: the draft's saved custom properties stay readable on its Sent Items copy, as Outlook keeps them
   * (learn.microsoft.com/javascript/api/outlook/office.customproperties, Remarks).
   */
  carryCustomProperties(draftKey: string, sentItemKey: string): void;
  /** Saved roaming settings. */
  roamingSettings(): Record<string, unknown>;
  readonly dialogs: readonly RecordedDialog[];
  /** Functions registered with Office.actions.associate. */
  readonly actions: ReadonlyMap<string, ActionHandler>;
  /**
   * Runs an associated action the way Outlook does; resolves with what it passed to event.completed. Rejects when the
   * manifest declares no button or launch event that runs `name` (or this Outlook lacks the launch event's set).
   */
  runAction(name: string, event?: { type?: string }): Promise<FakeCompletedOptions | undefined>;
  /** The function Outlook runs for a launch event such as "OnMessageSend", or null when it runs none (manifest, version). */
  launchEventHandler(type: string): string | null;
  /**
   * Whether Outlook shows the task pane now, and why not: the manifest lacks what the selection needs (no item
   * context, multi-select, a compose pane), or this Outlook's Mailbox version does. A closed pane opens again when a
   * single message is selected, as the user would reopen it from that message.
   */
  pane(): PaneState;
  /** Called when the pane opens or closes. */
  onPaneChanged(listener: () => void): () => void;
}

/** The task pane as Outlook shows it, or why it does not. */
export interface PaneState {
  readonly open: boolean;
  readonly reason: string | null;
}

export interface OfficeFake {
  /** Shaped like the `Office` namespace for the slice Matterline uses. */
  readonly office: typeof Office;
  readonly controller: OfficeFakeController;
}

type CurrentItem = { kind: "read"; data: FakeMailItem } | { kind: "compose"; draft: DraftState } | null;

/**
 * Builds a fake Outlook: an `Office`-shaped object and the controller that drives it.
 *
 * ```ts
 * const { office, controller } = createOfficeFake({ item: message, masterCategories: [] });
 * await controller.selectItem(other);            // fires ItemChanged
 * controller.failNext("body.getAsync", "busy");  // the next call reports failure
 * ```
 * Async methods follow Office's `(…args, options?, callback)` shape and call back on a later task.
 */
export function createOfficeFake(options: OfficeFakeOptions = {}): OfficeFake {
  const manifest: ManifestDeclarations = readManifest(options.manifest ?? PROJECT_MANIFEST_XML);
  const runtime = new FakeRuntime(options.schedule);
  const state = new MailboxState(
    runtime,
    {
      masterCategories: options.masterCategories ?? [],
      mailboxVersion: options.requirementSets?.mailbox ?? "1.15",
      nestedAppAuth: options.requirementSets?.nestedAppAuth ?? true,
    },
    { onCategoriesChanged: options.onCategoriesChanged, onMasterCategoriesChanged: options.onMasterCategoriesChanged },
  );
  const known = new Map<string, FakeMailItem>();
  const handlers = new Map<string, Handler[]>();
  const actions = new Map<string, ActionHandler>();
  const dialogs: RecordedDialog[] = [];
  const messageForms: string[] = [];
  let theme: FakeTheme = themes[options.theme ?? "light"];
  let current: CurrentItem = options.item ? { kind: "read", data: options.item } : null;
  let selected: FakeMailItem[] = options.item ? [options.item] : [];
  let draftCounter = 0;
  let attachmentCounter = 0;
  const draftListeners = new Set<(draftKey: string) => void>();
  state.bodyChanged = (key) => draftListeners.forEach((l) => l(key));
  state.draftChanged = (key) => draftListeners.forEach((l) => l(key));
  // A Smart Alert may name only a command control of the manifest: Outlook fails to open any other.
  const commandIds = manifest.controlIds;
  /** Outlook's rules for event.completed of a Smart Alerts handler (Office.SmartAlertsEventCompletedOptions). */
  const checkCompleted = (o: FakeCompletedOptions | undefined): FakeCompletedOptions | undefined => {
    if (!o || o.allowEvent !== false) return o;
    const needs = (what: string, version: string) => {
      if (!state.supports(version)) throw new TypeError(`${what} needs Mailbox ${version}; this Outlook has ${state.mailboxVersion}.`);
    };
    if (o.errorMessage !== undefined && o.errorMessage.length > 500) throw new RangeError("errorMessage must be 500 characters or less.");
    if (o.errorMessageMarkdown !== undefined) {
      needs("errorMessageMarkdown", "1.15");
      if (o.errorMessageMarkdown.length > 500) throw new RangeError("errorMessageMarkdown must be 500 characters or less.");
    }
    if (o.cancelLabel !== undefined) {
      needs("cancelLabel", "1.14");
      if (o.cancelLabel.length > 20) throw new RangeError("cancelLabel must be 20 characters or less.");
    }
    if (o.commandId !== undefined) {
      needs("commandId", "1.14");
      if (!commandIds.has(o.commandId)) throw new RangeError(`commandId "${o.commandId}" is not a command of the manifest.`);
    }
    if (o.contextData !== undefined && o.commandId === undefined) throw new TypeError("contextData needs a commandId.");
    if (o.sendModeOverride !== undefined) {
      needs("sendModeOverride", "1.14");
      if (o.sendModeOverride !== "promptUser") throw new RangeError(`sendModeOverride can only be "promptUser".`);
    }
    return o;
  };
  const currentDraft = (what: string): DraftState => {
    if (current?.kind !== "compose") throw new Error(`${what} needs a draft: call compose() first.`);
    return current.draft;
  };
  let built: { for: CurrentItem; item: unknown } | null = null;
  const roamingSaved: Record<string, unknown> = {};
  const roamingWorking: Record<string, unknown> = {};
  if (options.item) known.set(options.item.itemId, options.item);

  // What the manifest and this Outlook allow (https://learn.microsoft.com/javascript/api/manifest/action): multi-select
  // and no item context are Mailbox 1.13 elements of the read-mode ShowTaskpane action. SupportsNoItemContext also
  // turns on multi-select (https://learn.microsoft.com/office/dev/add-ins/outlook/item-multi-select); the reverse is not
  // documented, so the fake does not assume it.
  const readPane = manifest.readPane;
  const multiSelectDeclared = Boolean(readPane && (readPane.multiSelect || readPane.noItemContext));
  const noItemContextDeclared = Boolean(readPane?.noItemContext);
  const missingMultiSelect = (): string | null => {
    if (!readPane) return "manifest.xml declares no task pane for reading mail.";
    if (!multiSelectDeclared)
      return "manifest.xml does not declare SupportsMultiSelect on the read-mode task pane, so Outlook does not open the add-in on several selected messages.";
    if (!state.supports("1.13"))
      return `This Outlook (Mailbox ${state.mailboxVersion}) does not open add-ins on several selected messages.`;
    return null;
  };
  const refuseUndeclaredMultiSelect = () => {
    const missing = multiSelectDeclared ? null : missingMultiSelect();
    if (missing) throw new FakeOfficeCallError(5000, "NotSupported", missing);
  };
  const paneListeners = new Set<() => void>();
  // Closed until the first selection decides, so a pinned pane does not count as open before it ever opened.
  let paneState: PaneState = { open: false, reason: null };
  const setPane = (open: boolean, reason: string | null = null) => {
    if (paneState.open === open && paneState.reason === reason) return;
    paneState = { open, reason: open ? null : reason };
    paneListeners.forEach((l) => l());
  };
  /** The pane for a new selection: `items` selected messages (0 = nothing), or a draft. */
  const paneFor = (selection: { items: number } | "compose") => {
    if (selection === "compose")
      return manifest.composePane ? setPane(true) : setPane(false, "manifest.xml declares no task pane for writing mail.");
    if (!readPane) return setPane(false, "manifest.xml declares no task pane for reading mail.");
    if (selection.items === 1) return setPane(true);
    if (selection.items > 1) {
      const missing = missingMultiSelect();
      return missing ? setPane(false, missing) : setPane(true);
    }
    // Nothing selected: a pinned pane stays (its item reads null); else Outlook opens one only with no item context.
    if (paneState.open && readPane.pinning && state.supports("1.5")) return;
    if (!noItemContextDeclared)
      return setPane(
        false,
        "manifest.xml does not declare SupportsNoItemContext, so Outlook does not open the add-in with no message selected.",
      );
    if (!state.supports("1.13"))
      return setPane(false, `This Outlook (Mailbox ${state.mailboxVersion}) does not open add-ins with no message selected.`);
    setPane(true);
  };
  paneFor({ items: options.item ? 1 : 0 });
  /** The launch events this Outlook raises, by the Mailbox set that brought them. */
  const launchEventSince: Readonly<Record<string, string>> = { OnMessageSend: "1.12", OnNewMessageCompose: "1.10" };
  const launchEventHandler = (type: string): string | null => {
    const declared = manifest.launchEvents.get(type);
    const since = launchEventSince[type];
    return declared && since && state.supports(since) ? declared.functionName : null;
  };

  const platform = options.platform ?? officeEnums.PlatformType.OfficeOnline;
  const fire = (type: string, extra: Record<string, unknown> = {}) => {
    for (const handler of handlers.get(type) ?? []) handler({ type, ...extra });
  };
  /** Applies a change after a host round trip and fires the event; resolves once listeners ran. */
  const switchLater = (apply: () => void, events: string[]) =>
    new Promise<void>((resolve) =>
      runtime.later(() => {
        apply();
        events.forEach((e) => fire(e));
        resolve();
      }),
    );
  const currentKey = (): string | null => (current === null ? null : current.kind === "read" ? current.data.itemId : current.draft.key);

  const mailbox = {
    // One object per selection, as in Outlook, so code may hold on to it or spy on it.
    get item() {
      if (current === null) return null;
      if (!built || built.for !== current) {
        built = {
          for: current,
          item: current.kind === "read" ? buildReadItem(current.data, state) : buildComposeItem(current.draft, state),
        };
      }
      return built.item;
    },
    userProfile: {
      emailAddress: options.userProfile?.emailAddress ?? "user@firm.example",
      displayName: options.userProfile?.displayName ?? "Workbench User",
      timeZone: options.userProfile?.timeZone ?? "Eastern Standard Time",
      accountType: "enterprise",
    },
    diagnostics: { hostName: options.hostName ?? "OutlookWebApp", hostVersion: "16.0", OWAView: "ThreeColumns" },
    addHandlerAsync: (eventType: string, handler: Handler, ...tail: unknown[]) =>
      runtime.respond("addHandlerAsync", tail, () => {
        const since = mailboxEventSince[eventType];
        if (!since || !state.supports(since))
          throw new FakeOfficeCallError(5002, "InvalidEventType", `This Outlook does not raise "${eventType}".`);
        if (eventType === officeEnums.EventType.SelectedItemsChanged) refuseUndeclaredMultiSelect();
        handlers.set(eventType, [...(handlers.get(eventType) ?? []), handler]);
      }),
    // Like Office, removes every handler of that event type.
    removeHandlerAsync: (eventType: string, ...tail: unknown[]) =>
      runtime.respond("removeHandlerAsync", tail, () => void handlers.delete(eventType)),
    convertToRestId: (itemId: string, _version: string) => itemId.replace(/\//g, "-").replace(/\+/g, "_"),
    convertToEwsId: (itemId: string, _version: string) => itemId.replace(/-/g, "/").replace(/_/g, "+"),
    // Outlook opens the message in its own window; the fake records it (and throws like Outlook on a bad id).
    displayMessageForm: (itemId: string) => {
      runtime.throwIfFailing("displayMessageForm");
      if (typeof itemId !== "string" || !itemId)
        throw new FakeOfficeCallError(9041, "ItemNotFound", "displayMessageForm needs an item id.");
      messageForms.push(itemId);
    },
    get masterCategories() {
      if (!state.supports("1.8")) return undefined;
      return {
        getAsync: (...tail: unknown[]) =>
          runtime.respond("masterCategories.getAsync", tail, () => state.masterCategories.map((c) => ({ ...c }))),
        addAsync: (categories: FakeCategory[], ...tail: unknown[]) =>
          runtime.respond("masterCategories.addAsync", tail, () => state.addMasterCategories(categories)),
      };
    },
    get getSelectedItemsAsync() {
      if (!state.supports("1.13")) return undefined;
      return (...tail: unknown[]) =>
        runtime.respond("getSelectedItemsAsync", tail, () => {
          refuseUndeclaredMultiSelect();
          return selected.map((m) => ({
            itemId: m.itemId,
            itemMode: "Read",
            itemType: "Message",
            subject: m.subject,
            conversationId: m.conversationId,
            internetMessageId: m.internetMessageId,
            hasAttachment: (m.attachments ?? []).length > 0,
          }));
        });
    },
    get loadItemByIdAsync() {
      if (!state.supports("1.15")) return undefined;
      return (itemId: string, ...tail: unknown[]) =>
        runtime.respond("loadItemByIdAsync", tail, () => {
          refuseUndeclaredMultiSelect();
          const data = known.get(itemId);
          if (!data) throw new FakeOfficeCallError(9041, "ItemNotFound", `No item with id "${itemId}".`);
          return { ...buildReadItem(data, state), unloadAsync: (...t: unknown[]) => runtime.respond("unloadAsync", t, () => undefined) };
        });
    },
  };

  const roamingSettings = {
    get: (name: string) => roamingWorking[name],
    set: (name: string, value: unknown) => void (roamingWorking[name] = value),
    remove: (name: string) => void delete roamingWorking[name],
    saveAsync: (...tail: unknown[]) =>
      runtime.respond("roamingSettings.saveAsync", tail, () => {
        if (JSON.stringify(roamingWorking).length > ROAMING_LIMIT_CHARS) {
          throw new FakeOfficeCallError(9057, "SettingsStoreTooLarge", "Roaming settings are limited to 32 KB.");
        }
        Object.keys(roamingSaved).forEach((k) => delete roamingSaved[k]);
        Object.assign(roamingSaved, structuredClone(roamingWorking));
      }),
  };

  const ui = {
    displayDialogAsync: (url: string, ...tail: unknown[]) => {
      const dialogOptions = (tail[0] && typeof tail[0] === "object" ? tail[0] : {}) as Record<string, unknown>;
      const dialogHandlers = new Map<string, Array<(arg: unknown) => void>>();
      const emit = (type: string, arg: unknown) => dialogHandlers.get(type)?.forEach((h) => h(arg));
      const record: RecordedDialog = {
        url,
        options: dialogOptions,
        closed: false,
        messageParent: (message) => runtime.later(() => emit(officeEnums.EventType.DialogMessageReceived, { message, origin: url })),
        closeByUser: () => {
          record.closed = true;
          runtime.later(() => emit(officeEnums.EventType.DialogEventReceived, { error: 12006 }));
        },
      };
      runtime.respond("displayDialogAsync", tail, () => {
        dialogs.push(record);
        return {
          close: () => void (record.closed = true),
          addEventHandler: (type: string, handler: (arg: unknown) => void) =>
            dialogHandlers.set(type, [...(dialogHandlers.get(type) ?? []), handler]),
          messageChild: (_message: string) => undefined,
        };
      });
    },
  };

  const context = {
    host: officeEnums.HostType.Outlook,
    platform,
    mailbox,
    roamingSettings,
    ui,
    diagnostics: { host: officeEnums.HostType.Outlook, platform, version: "16.0" },
    get officeTheme() {
      return { ...theme };
    },
    requirements: {
      isSetSupported: (name: string, version = "1.1") => {
        const set = name.toLowerCase();
        if (set === "mailbox") return versionAtLeast(state.mailboxVersion, version);
        if (set === "nestedappauth") return state.nestedAppAuth && versionAtLeast("1.1", version);
        if (set === "dialogapi") return versionAtLeast("1.2", version);
        if (set === "identityapi") return versionAtLeast("1.3", version);
        return false;
      },
    },
  };

  const office = {
    ...officeEnums,
    context,
    onReady: (callback?: (info: { host: string; platform: string }) => void) =>
      new Promise<{ host: string; platform: string }>((resolve) =>
        runtime.later(() => {
          const info = { host: officeEnums.HostType.Outlook, platform };
          callback?.(info);
          resolve(info);
        }),
      ),
    actions: {
      associate: (name: string, handler: ActionHandler) => void actions.set(name, handler),
    },
  };

  const controller: OfficeFakeController = {
    selectItem(item, opts = {}) {
      current = null;
      selected = item ? [item] : [];
      if (item) known.set(item.itemId, item);
      const events = [officeEnums.EventType.ItemChanged];
      const select = () =>
        switchLater(() => {
          current = item ? { kind: "read", data: item } : null;
          paneFor({ items: item ? 1 : 0 });
        }, events);
      return opts.nullFirst && item ? switchLater(() => undefined, events).then(select) : select();
    },
    selectItems(items) {
      if (items.length > MAX_SELECTED_ITEMS)
        throw new RangeError(`Outlook lets add-ins act on at most ${MAX_SELECTED_ITEMS} selected messages.`);
      current = null;
      selected = [...items];
      items.forEach((m) => known.set(m.itemId, m));
      const only = items.length === 1 ? items[0] : null;
      // Outlook raises SelectedItemsChanged only for an add-in that declares multi-select, on Mailbox 1.13 and later.
      const raisesSelection = state.supports("1.13") && multiSelectDeclared;
      return switchLater(() => {
        current = only ? { kind: "read", data: only } : null;
        paneFor({ items: items.length });
      }, [officeEnums.EventType.ItemChanged, ...(raisesSelection ? [officeEnums.EventType.SelectedItemsChanged] : [])]);
    },
    compose(draft) {
      current = null;
      selected = [];
      const key = draft.itemId ?? `draft-${++draftCounter}`;
      const bodyType = draft.bodyType ?? "html";
      const state: DraftState = {
        key,
        itemId: draft.itemId,
        subject: draft.subject ?? "",
        to: [...(draft.to ?? [])],
        cc: [...(draft.cc ?? [])],
        bcc: [...(draft.bcc ?? [])],
        attachments: (draft.attachments ?? []).map((name) => ({ id: `att-${++attachmentCounter}`, name })),
        handlers: new Map(),
        bodyHtml: draft.bodyHtml ?? (draft.bodyText ? `<div>${escapeHtml(draft.bodyText)}</div>` : ""),
        bodyText: draft.bodyText ?? "",
        bodyType,
        conversationId: draft.conversationId,
      };
      return switchLater(() => {
        current = { kind: "compose", draft: state };
        paneFor("compose");
      }, [officeEnums.EventType.ItemChanged]);
    },
    addItems(items) {
      items.forEach((m) => known.set(m.itemId, m));
    },
    setTheme(name) {
      theme = themes[name];
      return switchLater(() => undefined, state.supports("1.14") ? [officeEnums.EventType.OfficeThemeChanged] : []);
    },
    failNext: (method, error, times) => runtime.failNext(method, error, times),
    clearFailures: () => runtime.clearFailures(),
    setUserProfile(profile) {
      Object.assign(office.context.mailbox.userProfile, profile);
    },
    setRequirementSets(sets) {
      if (sets.mailbox !== undefined) state.mailboxVersion = sets.mailbox;
      if (sets.nestedAppAuth !== undefined) state.nestedAppAuth = sets.nestedAppAuth;
      // Properties such as item.categories exist only from some versions: rebuild the item against the new sets.
      built = null;
    },
    idle: () => runtime.idle(),
    currentItemKey: currentKey,
    replyForms: state.replyForms,
    messageForms,
    notifications: (itemKey) => {
      const key = itemKey ?? currentKey();
      return key ? [...state.notificationsOf(key).values()] : [];
    },
    categories: (itemKey) => [...(state.categories.get(itemKey) ?? known.get(itemKey)?.categories ?? [])],
    setCategories: (itemKey, categories) => void state.categories.set(itemKey, [...categories]),
    masterCategories: () => state.masterCategories.map((c) => ({ ...c })),
    insertedText: (draftKey) => [...(state.inserts.get(draftKey ?? currentKey() ?? "") ?? [])],
    draftBody: () => {
      if (current?.kind !== "compose") return null;
      const d = current.draft;
      return { html: d.bodyHtml, text: d.bodyType === "html" ? htmlToText(d.bodyHtml) : d.bodyText, type: d.bodyType };
    },
    typeInDraft(text, where = "start") {
      if (current?.kind !== "compose") throw new Error("typeInDraft needs a draft: call compose() first.");
      const d = current.draft;
      if (d.bodyType === "html")
        d.bodyHtml = where === "start" ? `<div>${escapeHtml(text)}</div>${d.bodyHtml}` : `${d.bodyHtml}<div>${escapeHtml(text)}</div>`;
      else d.bodyText = where === "start" ? `${text}\n${d.bodyText}` : `${d.bodyText}${text}`;
      state.bodyChanged?.(d.key);
    },
    onDraftBodyChanged(listener) {
      draftListeners.add(listener);
      return () => void draftListeners.delete(listener);
    },
    setDraftRecipients(field, people) {
      const d = currentDraft("setDraftRecipients");
      d[field] = people.map((p) => ({ displayName: p.displayName, emailAddress: p.emailAddress }));
      recipientsChanged(d, state, [field]);
    },
    draftRecipients() {
      if (current?.kind !== "compose") return null;
      const d = current.draft;
      return { to: [...d.to], cc: [...d.cc], bcc: [...d.bcc] };
    },
    attachToDraft(name) {
      const d = currentDraft("attachToDraft");
      const attachment = { id: `att-${++attachmentCounter}`, name };
      d.attachments.push(attachment);
      state.draftChanged?.(d.key);
      fireItemEvent(d, state, "olkAttachmentsChanged", { attachmentStatus: "added", attachmentDetails: attachment });
    },
    draftAttachments: () => (current?.kind === "compose" ? current.draft.attachments.map((a) => a.name) : []),
    customProperties: (itemKey) => ({ ...(state.customProperties.get(itemKey ?? currentKey() ?? "") ?? {}) }),
    carryCustomProperties(draftKey, sentItemKey) {
      const saved = state.customProperties.get(draftKey);
      if (saved) state.customProperties.set(sentItemKey, { ...saved });
    },
    roamingSettings: () => structuredClone(roamingSaved),
    dialogs,
    actions,
    runAction(name, event = {}) {
      // Outlook runs only what the manifest names: an ExecuteFunction button, or the handler of a declared launch event.
      const launch = [...manifest.launchEvents].find(([, e]) => e.functionName === name)?.[0];
      if (launch ? launchEventHandler(launch) !== name : !manifest.commands.has(name))
        return Promise.reject(
          new Error(
            launch
              ? `This Outlook (Mailbox ${state.mailboxVersion}) does not raise ${launch}, so it never runs "${name}".`
              : `Outlook never runs "${name}": manifest.xml declares no ExecuteFunction button or LaunchEvent for it.`,
          ),
        );
      if (event.type && /send/i.test(event.type) && launchEventHandler("OnMessageSend") !== name)
        return Promise.reject(new Error(`manifest.xml declares no OnMessageSend LaunchEvent that runs "${name}".`));
      const handler = actions.get(name);
      if (!handler) return Promise.reject(new Error(`No function is associated with "${name}".`));
      return new Promise((resolve, reject) => {
        // A handler that fails (throws, or rejects) before calling completed() would leave Outlook waiting; surface it instead.
        promiseTry(() =>
          handler({
            type: event.type,
            source: { id: name },
            completed: (opts) => {
              try {
                resolve(checkCompleted(opts));
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            },
          }),
        ).catch(reject);
      });
    },
    launchEventHandler,
    pane: () => paneState,
    onPaneChanged(listener) {
      paneListeners.add(listener);
      return () => void paneListeners.delete(listener);
    },
  };

  // The fake implements only Matterline's slice of the namespace; the cast is the one place that admits it.
  return { office: office as unknown as typeof Office, controller };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Creates the fake and installs it as `Office` on `target` (the window, or globalThis by default). */
export function installOfficeFake(target: { Office?: unknown } = globalThis, options: OfficeFakeOptions = {}): OfficeFake {
  const fake = createOfficeFake(options);
  target.Office = fake.office;
  return fake;
}
