/**
 * Plain-data shapes the Office fake is driven with. Tests and the workbench describe mail as data;
 * the fake turns it into objects shaped like Office.js items.
 */

/** A mailbox person as Office.js gives it (EmailAddressDetails). */
export interface FakePerson {
  readonly displayName: string;
  readonly emailAddress: string;
}

/** A received message as the reading pane would show it. */
export interface FakeMailItem {
  /** EWS-style id (may contain "/" and "+", which convertToRestId rewrites). */
  readonly itemId: string;
  readonly internetMessageId?: string;
  readonly conversationId?: string;
  readonly subject: string;
  readonly from: FakePerson;
  readonly to?: readonly FakePerson[];
  readonly cc?: readonly FakePerson[];
  /** Date or ISO-8601 string. */
  readonly dateTimeCreated: Date | string;
  readonly bodyText: string;
  readonly bodyHtml?: string;
  readonly attachments?: readonly string[];
  readonly categories?: readonly string[];
}

/** A message being written (compose mode). */
export interface FakeDraft {
  /** Absent until the draft is saved, as in Outlook. */
  readonly itemId?: string;
  readonly subject?: string;
  readonly to?: readonly FakePerson[];
  readonly cc?: readonly FakePerson[];
  readonly bcc?: readonly FakePerson[];
  readonly bodyText?: string;
  readonly bodyHtml?: string;
  /** Names of files attached to the draft. */
  readonly attachments?: readonly string[];
  /** Body format of the editor; Outlook on the web and new Outlook default to HTML. */
  readonly bodyType?: "html" | "text";
  readonly conversationId?: string;
  readonly categories?: readonly string[];
}

/** A category in the mailbox's master list. */
export interface FakeCategory {
  readonly displayName: string;
  readonly color: string;
}

/** What a failed call reports (Office.Error). */
export interface FakeError {
  readonly code?: number;
  readonly name?: string;
  readonly message: string;
}

export interface FakeTheme {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
  readonly isDarkTheme?: boolean;
}

export interface FakeRequirementSets {
  /** Highest Mailbox requirement set the simulated Outlook supports, e.g. "1.9" for LTSC 2021. */
  readonly mailbox?: string;
  /** NestedAppAuth 1.1 support. */
  readonly nestedAppAuth?: boolean;
}

export interface OfficeFakeOptions {
  /**
   * The text of the add-in's manifest.xml: the fake refuses what it does not declare (multi-select, no item context, a
   * compose pane, launch events, commands). The project's own manifest.xml by default.
   */
  readonly manifest?: string;
  /** The item selected at start; null or absent means nothing is selected. */
  readonly item?: FakeMailItem | null;
  readonly masterCategories?: readonly FakeCategory[];
  readonly requirementSets?: FakeRequirementSets;
  readonly userProfile?: { readonly emailAddress: string; readonly displayName: string; readonly timeZone?: string };
  /** Office.PlatformType value, "OfficeOnline" by default. */
  readonly platform?: string;
  /** mailbox.diagnostics.hostName, "OutlookWebApp" by default. */
  readonly hostName?: string;
  readonly theme?: "light" | "dark";
  /**
   * Runs a callback later. Office calls back asynchronously, so the default is setTimeout(fn, 0);
   * tests using fake timers can pass queueMicrotask instead.
   */
  readonly schedule?: (fn: () => void) => void;
  /** Called after categories on an item change, so the workbench can mirror them into its Graph store. */
  readonly onCategoriesChanged?: (itemId: string, categories: readonly string[]) => void;
  /** Called after a master category is added. */
  readonly onMasterCategoriesChanged?: (categories: readonly FakeCategory[]) => void;
}

/** A reply form opened by displayReplyForm / displayReplyAllForm (recorded, nothing is sent). */
export interface RecordedReplyForm {
  readonly itemId: string;
  readonly kind: "reply" | "replyAll";
  readonly htmlBody: string;
}

/** A notification bar on an item. */
export interface RecordedNotification {
  readonly key: string;
  readonly type: string;
  readonly message: string;
  readonly icon?: string;
  readonly persistent?: boolean;
}

/** Text put into a draft at the cursor. */
export interface RecordedInsert {
  readonly data: string;
  readonly coercionType: string;
}

/** A dialog opened with displayDialogAsync (recorded, never navigated). */
export interface RecordedDialog {
  readonly url: string;
  readonly options: Record<string, unknown>;
  closed: boolean;
  /** Simulates the dialog page calling Office.context.ui.messageParent(message). */
  messageParent(message: string): void;
  /** Simulates the user closing the dialog (event 12006). */
  closeByUser(): void;
}

/** What a launch-event handler may pass to event.completed (Office.SmartAlertsEventCompletedOptions). */
export interface FakeCompletedOptions {
  readonly allowEvent?: boolean;
  readonly errorMessage?: string;
  readonly errorMessageMarkdown?: string;
  readonly cancelLabel?: string;
  readonly commandId?: string;
  readonly contextData?: unknown;
  readonly sendModeOverride?: string;
}

/** The event object an add-in command or launch-event handler receives. */
export interface FakeActionEvent {
  readonly type?: string;
  readonly source?: { readonly id: string };
  completed(options?: FakeCompletedOptions): void;
}
