import type { FakeCategory, FakePerson, RecordedInsert, RecordedNotification, RecordedReplyForm } from "./types";
import { FakeOfficeCallError, versionAtLeast, type FakeRuntime } from "./runtime";

/** A draft as the fake keeps it while it is being edited. */
export interface DraftState {
  /** Internal key for per-draft data; the itemId once saved. */
  readonly key: string;
  itemId: string | undefined;
  subject: string;
  to: FakePerson[];
  cc: FakePerson[];
  bcc: FakePerson[];
  attachments: { id: string; name: string }[];
  /** Item-level event handlers (RecipientsChanged, AttachmentsChanged), by event type. */
  readonly handlers: Map<string, ((args: Record<string, unknown>) => void)[]>;
  bodyHtml: string;
  bodyType: "html" | "text";
  bodyText: string;
  conversationId: string | undefined;
}

/** Mutable mailbox data behind the fake objects, shared with the controller for inspection. */
export class MailboxState {
  readonly categories = new Map<string, string[]>();
  readonly notifications = new Map<string, Map<string, RecordedNotification>>();
  readonly customProperties = new Map<string, Record<string, unknown>>();
  readonly inserts = new Map<string, RecordedInsert[]>();
  readonly replyForms: RecordedReplyForm[] = [];
  /** Called after a draft's body was set (body.setAsync, or the user typing through the controller). */
  bodyChanged?: (draftKey: string) => void;
  /** Called after a draft's recipients or attachments changed (by the add-in or the user), e.g. for the workbench to redraw. */
  draftChanged?: (draftKey: string) => void;
  masterCategories: FakeCategory[];
  mailboxVersion: string;
  nestedAppAuth: boolean;

  constructor(
    readonly runtime: FakeRuntime,
    init: { masterCategories: readonly FakeCategory[]; mailboxVersion: string; nestedAppAuth: boolean },
    private readonly hooks: {
      onCategoriesChanged?: (itemId: string, categories: readonly string[]) => void;
      onMasterCategoriesChanged?: (categories: readonly FakeCategory[]) => void;
    },
  ) {
    this.masterCategories = [...init.masterCategories];
    this.mailboxVersion = init.mailboxVersion;
    this.nestedAppAuth = init.nestedAppAuth;
  }

  supports(version: string): boolean {
    return versionAtLeast(this.mailboxVersion, version);
  }

  categoriesOf(itemKey: string, seed: readonly string[] = []): string[] {
    let list = this.categories.get(itemKey);
    if (!list) {
      list = [...seed];
      this.categories.set(itemKey, list);
    }
    return list;
  }

  /** Outlook refuses a category that is not in the master list. */
  addCategories(itemKey: string, names: readonly string[]): void {
    const known = new Set(this.masterCategories.map((c) => c.displayName.toLowerCase()));
    const missing = names.filter((n) => !known.has(n.toLowerCase()));
    if (missing.length > 0) {
      throw new FakeOfficeCallError(9045, "InvalidCategory", `The category "${missing[0]}" is not in the mailbox's master category list.`);
    }
    const list = this.categoriesOf(itemKey);
    for (const name of names) if (!list.some((c) => c.toLowerCase() === name.toLowerCase())) list.push(name);
    this.hooks.onCategoriesChanged?.(itemKey, [...list]);
  }

  removeCategories(itemKey: string, names: readonly string[]): void {
    const drop = new Set(names.map((n) => n.toLowerCase()));
    const list = this.categoriesOf(itemKey).filter((c) => !drop.has(c.toLowerCase()));
    this.categories.set(itemKey, list);
    this.hooks.onCategoriesChanged?.(itemKey, [...list]);
  }

  addMasterCategories(categories: readonly FakeCategory[]): void {
    const clash = categories.find((c) => this.masterCategories.some((m) => m.displayName.toLowerCase() === c.displayName.toLowerCase()));
    if (clash)
      throw new FakeOfficeCallError(
        9046,
        "DuplicateCategory",
        `The category "${clash.displayName}" is already in the master category list.`,
      );
    this.masterCategories.push(...categories.map((c) => ({ displayName: c.displayName, color: c.color })));
    this.hooks.onMasterCategoriesChanged?.([...this.masterCategories]);
  }

  notificationsOf(itemKey: string): Map<string, RecordedNotification> {
    let map = this.notifications.get(itemKey);
    if (!map) {
      map = new Map();
      this.notifications.set(itemKey, map);
    }
    return map;
  }
}

export type MailboxStateHooks = ConstructorParameters<typeof MailboxState>[2];
