import { stateLabel } from "@domain/clock/clockText";
import type { OverdueItem } from "./evaluateSnapshot";

/** The digest a partner sends to themselves: subject, escaped HTML body, and how many messages it lists. */
export interface Digest {
  readonly subject: string;
  readonly html: string;
  readonly count: number;
}

/** Escapes text for HTML element content and attribute values: mail subjects and names are untrusted. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function groupBy(items: readonly OverdueItem[], keyOf: (i: OverdueItem) => string): [string, OverdueItem[]][] {
  const groups = new Map<string, OverdueItem[]>();
  for (const i of items) {
    const k = keyOf(i);
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function table(items: readonly OverdueItem[]): string {
  const rows = items
    .map((i) => {
      const cells = [
        i.clientName ?? i.fromName,
        i.matterLabel ?? "(matter not recognized)",
        i.subject || "(no subject)",
        i.fromEmail,
        i.summary,
      ];
      return `<tr>${cells.map((c) => `<td style="padding:2px 8px;border-bottom:1px solid #ccc">${escapeHtml(c)}</td>`).join("")}</tr>`;
    })
    .join("");
  const head = ["Client", "Matter", "Subject", "From", "Waiting"].map((h) => `<th align="left" style="padding:2px 8px">${h}</th>`).join("");
  return `<table style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The overdue digest: overdue client mail (snoozed too: a snooze hides, it does not excuse) grouped per watched
 * mailbox and per responsible attorney. Every value from mail or the directory is escaped.
 */
export function buildDigest(
  items: readonly OverdueItem[],
  options: { readonly me: string; readonly firmName: string; readonly nowLabel: string },
): Digest {
  const overdue = items.filter((i) => i.clock.state === "overdue").sort((a, b) => (a.clock.dueAt ?? "").localeCompare(b.clock.dueAt ?? ""));
  const subject = `${options.firmName}: ${overdue.length} overdue client ${overdue.length === 1 ? "email" : "emails"}`;
  const snoozed = overdue.filter((i) => i.snoozedUntil).length;
  const note = snoozed ? ` ${snoozed} of them ${snoozed === 1 ? "is" : "are"} snoozed: hidden from the list, still overdue.` : "";
  const parts: string[] = [`<p>${escapeHtml(`Overdue client email as of ${options.nowLabel}.${note}`)}</p>`];
  if (!overdue.length) {
    parts.push(
      `<p>${escapeHtml(stateLabel("overdue"))}: none. Every client email in the watched mailboxes has been answered or is still within its reply time.</p>`,
    );
  } else {
    parts.push("<h2>By mailbox</h2>");
    for (const [mailbox, group] of groupBy(overdue, (i) => i.mailbox ?? options.me)) {
      parts.push(`<h3>${escapeHtml(mailbox)} (${group.length})</h3>`, table(group));
    }
    parts.push("<h2>By attorney</h2>");
    for (const [attorney, group] of groupBy(overdue, (i) => i.attorneyName ?? "No matter recognized")) {
      parts.push(`<h3>${escapeHtml(attorney)} (${group.length})</h3>`, table(group));
    }
  }
  return { subject, html: `<div>${parts.join("")}</div>`, count: overdue.length };
}
