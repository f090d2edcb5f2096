import type { SendWarning } from "@domain/sendGuard/types";

/**
 * What the OnMessageSend handler passes to `event.completed` (Office.SmartAlertsEventCompletedOptions,
 * https://learn.microsoft.com/javascript/api/outlook/office.smartalertseventcompletedoptions).
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

/** Lines that fit in `room` characters joined by `sep`, with "…and N more" when some do not. */
function fit(lines: readonly string[], head: string, tail: string, sep: string, more: (n: number) => string): string {
  let out = head;
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.length - i - 1;
    const candidate = `${out}${sep}${lines[i]}`;
    const needed = candidate.length + (rest > 0 ? sep.length + more(rest).length : 0) + tail.length;
    if (needed > MAX_MESSAGE) {
      const room = MAX_MESSAGE - out.length - sep.length - more(lines.length - i).length - tail.length;
      return room > 40
        ? `${out}${sep}${lines[i].slice(0, room - 1)}…${sep}${more(rest)}${tail}`
        : `${out}${sep}${more(lines.length - i)}${tail}`;
    }
    out = candidate;
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
    errorMessage: fit(
      reasons.map((r) => `• ${r}`),
      head,
      tail,
      "\n",
      more,
    ),
  };
  if (!support.promptUser) return options;
  return {
    ...options,
    ...(support.markdown
      ? {
          errorMessageMarkdown: fit(
            reasons.map((r) => `- ${markdownText(r)}\r`),
            `**${head}**\n\n`,
            "",
            "",
            (k) => `- ${markdownText(more(k))}\r`,
          ),
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
