import { createOfficeItemNotifier } from "@adapters/office/itemNotifier";
import { createOfficeMailSource } from "@adapters/office/mailSource";
import { isComposeItem, messageFromComposeItem } from "@adapters/office/messageFromItem";
import type { OfficeNamespace } from "@adapters/office/officeCall";
import { createOfficeSendMatterChoice } from "@adapters/office/sendMatterChoice";
import { MatterlineError, toMatterlineError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import type { SmartAlertOptions } from "@features/sendGuard/alert";

/** Function names as the manifest declares them (FunctionName / LaunchEvent FunctionName). */
export const COMMAND_NAMES = { ribbonLog: "logToSuggestedMatter", onSend: "onMessageSendHandler" } as const;

/** Notification-bar key the ribbon command reports under, so a second click replaces the first result. */
export const RIBBON_NOTICE_KEY = "matterline-ribbon-log";

/** The event Outlook passes to command functions and launch-event handlers. */
export interface CommandEvent {
  completed(options?: SmartAlertOptions): void;
}

export interface CommandDeps {
  /** Records the sent draft against the matter chosen in the pane. The lead wires the real matter log here. */
  onSendLog: (draft: MailMessage, matterId: string) => Promise<void> | void;
  /**
   * Ribbon "Log to suggested matter": logs the open message and resolves with one plain line for the
   * notification bar (e.g. "Logged to 2024-0012 Hollis lease"). Without it, the bar asks the user to open the pane.
   */
  onRibbonLog?: (message: MailMessage) => Promise<string>;
  /** Failures that were swallowed so Outlook is never blocked; defaults to console.warn. */
  onError?: (error: MatterlineError) => void;
  /** Clock for the sent time. */
  now?: () => Date;
  /** The send goes ahead after this long even if logging has not finished (Outlook shows a spinner meanwhile). */
  sendTimeoutMs?: number;
  /**
   * The send-time confidentiality check: resolves with what to pass to event.completed (a Smart Alert to stop the
   * mail, or allowEvent). Never rejects; without it every send is allowed.
   */
  sendCheck?(): Promise<SmartAlertOptions>;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new MatterlineError("timeout", `Logging the sent message took longer than ${ms} ms; the message was sent without waiting.`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Registers the function-file commands with Office.actions.associate and returns them (for tests).
 * Neither ever holds Outlook up on its own failure: every path ends in event.completed, and sending is stopped only
 * by a warning the send check found (a Smart Alert the sender can override).
 */
export function registerCommands(office: OfficeNamespace, deps: CommandDeps) {
  const onError = deps.onError ?? ((error: MatterlineError) => console.warn(error.message));
  const now = deps.now ?? (() => new Date());
  const timeoutMs = deps.sendTimeoutMs ?? 4000;
  const choice = createOfficeSendMatterChoice(office);
  const notifier = createOfficeItemNotifier(office);
  const source = createOfficeMailSource(office, { onError });

  async function logSent(): Promise<void> {
    const item = office.context.mailbox.item;
    if (!item || !isComposeItem(item)) return;
    const matterId = await choice.chosen();
    if (!matterId) return;
    const draft = await messageFromComposeItem(office, item, now().toISOString());
    await deps.onSendLog(draft, matterId);
  }

  /**
   * OnMessageSend (Mailbox 1.12): checks the recipients (a Smart Alert stops the mail when something looks wrong) and
   * queues the mail for logging to the chosen matter. The log entry is queued even when the alert stops the mail: the
   * pane only logs what it finds in Sent Items, and "Send Anyway" sends without running the handler again.
   */
  async function onMessageSend(event: CommandEvent): Promise<void> {
    let decision: SmartAlertOptions = { allowEvent: true };
    try {
      const [, checked] = await Promise.all([
        withTimeout(logSent(), timeoutMs).catch((error: unknown) => onError(toMatterlineError(error, "office-failed"))),
        deps.sendCheck ? deps.sendCheck().catch(() => undefined) : Promise.resolve(undefined),
      ]);
      if (checked && checked.allowEvent === false) decision = checked;
    } finally {
      // Our failure must never stop an attorney's mail: only a warning found by the check does.
      event.completed(decision);
    }
  }

  /** Ribbon button on a read message. */
  async function logToSuggestedMatter(event: CommandEvent): Promise<void> {
    try {
      const current = await source.currentItem();
      if (!current.message) throw new MatterlineError("no-item", "No message is open. Select a message and try again.");
      const line = deps.onRibbonLog ? await deps.onRibbonLog(current.message) : "Open Matterline to choose the matter for this message.";
      await notifier.show(RIBBON_NOTICE_KEY, line);
    } catch (error) {
      const e = toMatterlineError(error, "office-failed");
      onError(e);
      await notifier.show(RIBBON_NOTICE_KEY, `Not logged: ${e.message}`).catch(() => undefined);
    } finally {
      event.completed();
    }
  }

  // Outlook does not wait on a handler's promise: each one settles its event itself (event.completed in `finally`), and a
  // failure that still escapes (completing the event threw) is reported rather than left unhandled.
  const associate = (name: string, handler: (event: CommandEvent) => Promise<void>) =>
    office.actions.associate(name, (event: CommandEvent) => {
      handler(event).catch((error: unknown) => onError(toMatterlineError(error, "office-failed")));
    });
  associate(COMMAND_NAMES.onSend, onMessageSend);
  associate(COMMAND_NAMES.ribbonLog, logToSuggestedMatter);
  return { onMessageSend, logToSuggestedMatter };
}
