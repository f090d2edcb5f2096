import { MatterlineError } from "@domain/errors";
import type { DraftEdit } from "@ports/draftEditor";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches `phrase` with any run of white space (including no-break spaces and line breaks) between its words. */
function phraseRegExp(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map(escapeRegExp);
  return new RegExp(words.join("\\s+"), "gu");
}

/** Start offsets of every match of `phrase` in `text`. */
function matchesOf(text: string, phrase: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!phrase.trim()) return out;
  for (const m of text.matchAll(phraseRegExp(phrase))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The edit naming the span `start`..`end` of `text` (what the checker found there). */
export function editAt(text: string, start: number, end: number): DraftEdit {
  const phrase = text.slice(start, end);
  const occurrence = matchesOf(text, phrase).filter((m) => m.start < start).length;
  return { phrase, occurrence };
}

function missing(edit: DraftEdit): MatterlineError {
  return new MatterlineError("not-found", `“${edit.phrase}” is no longer in your draft. Check the draft again.`);
}

/** Applies an edit to plain text. */
export function replaceInText(text: string, edit: DraftEdit, replacement: string): string {
  const m = matchesOf(text, edit.phrase)[edit.occurrence];
  if (!m) throw missing(edit);
  const head = text.slice(0, m.start);
  let tail = text.slice(m.end);
  // deleting a word between two spaces leaves one (in HTML the browser collapses them anyway)
  if (replacement === "" && /[ \t]$/.test(head) && /^[ \t,.;:!?]/.test(tail)) tail = tail.replace(/^[ \t]+/, "");
  return head + replacement + tail;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'" };

function decodeEntity(name: string): string | null {
  const lower = name.toLowerCase();
  if (ENTITIES[lower] !== undefined) return ENTITIES[lower];
  const num = /^#x([0-9a-f]+)$/i.exec(name) ?? /^#(\d+)$/.exec(name);
  if (!num) return null;
  const code = parseInt(num[1], num[0].startsWith("#x") || num[0].startsWith("#X") ? 16 : 10);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/**
 * The visible text of an HTML body with, for each character of it, the HTML range it came from. Tags, comments
 * and the contents of <style>, <script> and <head> are not text; a tag that breaks lines counts as a line break
 * (no HTML range) so that words either side of it never join into one phrase.
 */
function projectHtml(html: string): { text: string; from: number[]; to: number[] } {
  let text = "";
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === "<") {
      if (html.startsWith("<!--", i)) {
        const e = html.indexOf("-->", i + 4);
        i = e < 0 ? html.length : e + 3;
        continue;
      }
      const e = html.indexOf(">", i);
      const tag = html.slice(i, e < 0 ? html.length : e + 1);
      const name = /^<\/?\s*([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? "";
      i = e < 0 ? html.length : e + 1;
      if (!tag.startsWith("</") && (name === "style" || name === "script" || name === "head")) {
        const close = html.toLowerCase().indexOf(`</${name}`, i);
        i = close < 0 ? html.length : close;
        continue;
      }
      if (/^(br|p|div|li|tr|td|h[1-6]|blockquote|table|ul|ol|hr)$/.test(name)) {
        text += "\n";
        from.push(-1);
        to.push(-1);
      }
      continue;
    }
    if (c === "&") {
      const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(html.slice(i, i + 12));
      const decoded = m ? decodeEntity(m[1]) : null;
      if (m && decoded !== null) {
        for (const ch of decoded) {
          text += ch;
          from.push(i);
          to.push(i + m[0].length);
        }
        i += m[0].length;
        continue;
      }
    }
    text += c;
    from.push(i);
    to.push(i + 1);
    i++;
  }
  return { text, from, to };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Applies an edit to an HTML body, touching only text: the replacement (escaped) takes the place of the
 * phrase's first character and the phrase's other characters are removed, so tags inside the phrase
 * (a bold word, a line break) stay balanced.
 */
export function replaceInHtml(html: string, edit: DraftEdit, replacement: string): string {
  const p = projectHtml(html);
  const m = matchesOf(p.text, edit.phrase)[edit.occurrence];
  if (!m) throw missing(edit);
  const cuts: { start: number; end: number }[] = [];
  for (let k = m.start; k < m.end; k++) {
    if (p.from[k] < 0) continue;
    const last = cuts[cuts.length - 1];
    if (last && p.from[k] >= last.start && p.to[k] <= last.end) continue; // one entity, several characters
    if (last && last.end === p.from[k]) last.end = p.to[k];
    else cuts.push({ start: p.from[k], end: p.to[k] });
  }
  let out = html;
  // right to left so earlier offsets stay valid; the first cut gets the replacement
  for (let k = cuts.length - 1; k >= 0; k--) {
    out = out.slice(0, cuts[k].start) + (k === 0 ? escapeHtml(replacement) : "") + out.slice(cuts[k].end);
  }
  return out;
}

/**
 * The part of a draft the attorney wrote: the text before the quoted history of a reply (offsets unchanged),
 * so the checker does not mark the client's own words.
 */
export function ownPartOfDraft(text: string, quoted: string): string {
  const firstLine = quoted
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim();
  if (!firstLine) return text;
  const at = text.indexOf(firstLine);
  return at > 0 ? text.slice(0, at).replace(/\s+$/, "") : text;
}
