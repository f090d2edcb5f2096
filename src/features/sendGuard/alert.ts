import type { SendWarning } from "@domain/sendGuard/types";

/**
 * What the OnMessageSend handler passes to `event.completed` (Office.SmartAlertsEventCompletedOptions,
 * learn.microsoft.com/javascript/api/outlook/office.smartalertseventcompletedoptions).
 */
export interface SmartAlertOptions {
  readonly allowEvent: boolean;
  /** Mailbox 1.12; 500 characters at most. */
  readonly errorMessage?: string;
  /** Mailbox 1.15; 500 characters at most; bold, lists ("- item\r"), links and "\n\n" line breaks only. */
  readonly errorMessageMarkdown?: string;
  /** Mailbox 1.14; 20 characters at most: the text of the button that opens `commandId`. */
  readonly cancelLabel?: string;
  /** Mailbox 1.14: the task pane the dialog's button opens (the id of its Control in the manifest). */
  readonly commandId?: string;
  /** Mailbox 1.14: only "promptUser", which adds "Send Anyway" to a dialog of a SoftBlock add-in. */
  readonly sendModeOverride?: string;
}

/** What this Outlook can show in a Smart Alert, by Mailbox requirement set. */
export interface AlertSupport {
  /** Mailbox 1.14: sendModeOverride (Send Anyway), cancelLabel and a task pane commandId. */
  readonly promptUser: boolean;
  /** Mailbox 1.15: errorMessageMarkdown. */
  readonly markdown: boolean;
}

/** The compose-mode task pane button of manifest.xml: the dialog's "Fix in Matterline" opens it. */
export const FIX_PANE_COMMAND_ID = "msgComposeOpenPaneButton";
export const FIX_LABEL = "Fix in Matterline";
const MAX_MESSAGE = 500;

/**
 * A message of at most 500 characters: `head`, then one item per text (`open` + text + `close`), then `tail`. An item
 * that does not fit is cut short with "…" when enough of it would remain, else it and the rest are counted in a
 * last item ("…and N more").
 */
function fit(texts: readonly string[], head: string, tail: string, open: string, close: string, more: (n: number) => string): string {
  const item = (text: string) => `${open}${text}${close}`;
  let out = head;
  for (let i = 0; i < texts.length; i++) {
    const rest = texts.length - i - 1;
    const reserve = (rest > 0 ? item(more(rest)).length : 0) + tail.length;
    const next = out + item(texts[i]);
    if (next.length + reserve <= MAX_MESSAGE) {
      out = next;
      continue;
    }
    const room = MAX_MESSAGE - out.length - open.length - close.length - 1 - reserve;
    if (room >= 40) return `${out}${item(`${texts[i].slice(0, room)}…`)}${rest > 0 ? item(more(rest)) : ""}${tail}`;
    return `${out}${item(more(texts.length - i))}${tail}`;
  }
  return out + tail;
}

/** Characters that would start emphasis or a link in the dialog's Markdown ("j_smith@…" has one), escaped with a backslash. */
function markdownText(text: string): string {
  return text.replace(/([\\*_[\]])/g, "\\$1");
}

/**
 * The Smart Alert for warnings found at send time. With Mailbox 1.14 the dialog gets "Send Anyway" (the manifest's
 * SoftBlock overridden to prompt the user) and a "Fix in Matterline" button opening the pane; without it, Outlook
 * shows only "Don't Send", so the message says that pressing Send again sends it as it is (the handler lets the same
 * warnings through the second time).
 */
export function smartAlertFor(warnings: readonly SendWarning[], support: AlertSupport): SmartAlertOptions {
  const n = warnings.length;
  const head = `Check ${n === 1 ? "this" : `these ${n} things`} before the email goes:`;
  const tail = support.promptUser ? "" : "\n\nFix it and send, or press Send again to send it as it is.";
  const more = (k: number) => `…and ${k} more (open Matterline to see ${k === 1 ? "it" : "them"}).`;
  const reasons = warnings.map((w) => w.reason);
  const options: SmartAlertOptions = {
    allowEvent: false,
    errorMessage: fit(reasons, head, tail, "\n• ", "", more),
  };
  if (!support.promptUser) return options;
  return {
    ...options,
    ...(support.markdown
      ? {
          errorMessageMarkdown: fit(reasons.map(markdownText), `**${head}**\n\n`, "", "- ", "\r", (k) => markdownText(more(k))),
        }
      : {}),
    cancelLabel: FIX_LABEL,
    commandId: FIX_PANE_COMMAND_ID,
    sendModeOverride: "promptUser",
  };
}

/** A short fingerprint of a set of warnings: the same warnings on a second Send mean "send it as it is". */
export function warningsFingerprint(warnings: readonly SendWarning[]): string {
  let h = 0x811c9dc5;
  const text = warnings
    .map((w) => `${w.kind}|${w.recipient}|${w.suggestion ?? ""}`)
    .sort()
    .join("\n");
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
