/** Office's `displayReplyForm({ htmlBody })` refuses bodies of 32 KB or more. */
export const REPLY_HTML_LIMIT_BYTES = 32 * 1024;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function paragraph(p: string): string {
  return `<p>${p.split("\n").map(escapeHtml).join("<br>")}</p>`;
}

/**
 * Plain draft text as safe HTML for the reply form: every character escaped (a draft can never inject
 * markup), blank lines → paragraphs, single line breaks → <br>. Always under 32 KB (UTF-8): when too long
 * it ends after the last whole paragraph — or whole word — that fits, with "…" to show it was cut.
 */
export function replyHtml(text: string, limitBytes: number = REPLY_HTML_LIMIT_BYTES): string {
  const paras = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const budget = limitBytes - 1; // strictly under the limit
  const out: string[] = [];
  let size = 0;
  for (const p of paras) {
    const html = paragraph(p);
    const len = utf8Length(html);
    if (size + len <= budget) {
      out.push(html);
      size += len;
      continue;
    }
    // cut this paragraph at a word boundary so that it, plus the ellipsis, still fits
    const room = budget - size - utf8Length("<p>…</p>");
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (utf8Length(paragraph(p.slice(0, mid))) - 7 <= room) lo = mid;
      else hi = mid - 1;
    }
    let cut = p.slice(0, lo);
    const space = cut.search(/\s\S*$/);
    if (space > 0 && lo < p.length) cut = cut.slice(0, space);
    // never split a surrogate pair
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
    if (cut.trim()) out.push(`<p>${cut.split("\n").map(escapeHtml).join("<br>")}…</p>`);
    else if (out.length) out[out.length - 1] = out[out.length - 1].replace(/<\/p>$/, "…</p>");
    break;
  }
  return out.join("");
}
