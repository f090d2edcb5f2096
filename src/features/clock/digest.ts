import { stateLabel } from "@domain/clock/clockText";
import type { OverdueItem } from "./evaluateSnapshot";

/** One overdue email as the digest lists it: plain text, escaped only when written into the mailed HTML. */
export interface DigestRow {
  readonly client: string;
  readonly matter: string;
  readonly subject: string;
  readonly from: string;
  readonly waiting: string;
}

/** A heading ("By mailbox" or "By attorney"), the group's name and its emails. */
export interface DigestGroup {
  readonly section: string;
  readonly name: string;
  readonly rows: readonly DigestRow[];
}

/**
 * The digest a partner sends to themselves: subject, escaped HTML body (for the mail), the same content as plain text
 * parts (for the pane's preview, which follows the pane's theme and width), and how many messages it lists.
 */
export interface Digest {
  readonly subject: string;
  readonly html: string;
  readonly count: number;
  /** The first paragraph: as of when, and how many are snoozed. */
  readonly intro: string;
  /** Said instead of the groups when nothing is overdue. */
  readonly empty: string | null;
  readonly groups: readonly DigestGroup[];
}

/** The digest once sent: where it went. */
export interface SentDigest extends Digest {
  readonly sentTo: string;
}

/** The columns of the digest's tables, in order, named as the preview labels them. */
export const DIGEST_COLUMNS: readonly { readonly key: keyof DigestRow; readonly label: string }[] = [
  { key: "client", label: "Client" },
  { key: "matter", label: "Matter" },
  { key: "subject", label: "Subject" },
  { key: "from", label: "From" },
  { key: "waiting", label: "Waiting" },
];

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

function rowOf(i: OverdueItem): DigestRow {
  return {
    client: i.clientName ?? i.fromName,
    matter: i.matterLabel ?? "(matter not recognized)",
    subject: i.subject || "(no subject)",
    from: i.fromEmail,
    waiting: i.summary,
  };
}

// The mailed HTML keeps its own inline styles (mail clients drop style sheets); the pane's preview does not use it.
function table(rows: readonly DigestRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr>${DIGEST_COLUMNS.map((c) => `<td style="padding:2px 8px;border-bottom:1px solid #ccc">${escapeHtml(r[c.key])}</td>`).join("")}</tr>`,
    )
    .join("");
  const head = DIGEST_COLUMNS.map((c) => `<th align="left" style="padding:2px 8px">${c.label}</th>`).join("");
  return `<table style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * The overdue digest: overdue client mail (snoozed too: a snooze hides, it does not excuse) grouped per watched
 * mailbox and per responsible attorney. Every value from mail or the directory is escaped in the HTML.
 */
export function buildDigest(
  items: readonly OverdueItem[],
  options: { readonly me: string; readonly firmName: string; readonly nowLabel: string },
): Digest {
  const overdue = items.filter((i) => i.clock.state === "overdue").sort((a, b) => (a.clock.dueAt ?? "").localeCompare(b.clock.dueAt ?? ""));
  const subject = `${options.firmName}: ${overdue.length} overdue client ${overdue.length === 1 ? "email" : "emails"}`;
  const snoozed = overdue.filter((i) => i.snoozedUntil).length;
  const note = snoozed ? ` ${snoozed} of them ${snoozed === 1 ? "is" : "are"} snoozed: hidden from the list, still overdue.` : "";
  const intro = `Overdue client email as of ${options.nowLabel}.${note}`;
  const empty = overdue.length
    ? null
    : `${stateLabel("overdue")}: none. Every client email in the watched mailboxes has been answered or is still within its reply time.`;
  const groups: DigestGroup[] = [
    ...groupBy(overdue, (i) => i.mailbox ?? options.me).map(([name, group]) => ({ section: "By mailbox", name, rows: group.map(rowOf) })),
    ...groupBy(overdue, (i) => i.attorneyName ?? "No matter recognized").map(([name, group]) => ({
      section: "By attorney",
      name,
      rows: group.map(rowOf),
    })),
  ];
  const parts: string[] = [`<p>${escapeHtml(intro)}</p>`];
  if (empty) parts.push(`<p>${escapeHtml(empty)}</p>`);
  let section = "";
  for (const g of groups) {
    if (g.section !== section) parts.push(`<h2>${escapeHtml((section = g.section))}</h2>`);
    parts.push(`<h3>${escapeHtml(g.name)} (${g.rows.length})</h3>`, table(g.rows));
  }
  return { subject, html: `<div>${parts.join("")}</div>`, count: overdue.length, intro, empty, groups };
}
