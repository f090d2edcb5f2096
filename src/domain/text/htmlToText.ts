import { decodeHTML } from "entities";
import { scanHtml } from "./htmlTokens";

/** Tags that end a line of text. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "p",
  "div",
  "tr",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "ul",
  "ol",
  "hr",
  "pre",
]);

/** A text run's spaces as one space: mail HTML is laid out by tags, not by its own line breaks. */
function collapseSpaces(text: string): string {
  return /\s/.test(text) ? text.replace(/\s+/g, " ") : text;
}

/**
 * Plain text of an HTML fragment or document, for reasoning (never for display as HTML).
 * Block elements become line breaks, blockquotes keep a "> " prefix so quote stripping still sees them, and entities
 * are decoded as a browser decodes them (the `entities` package: every named entity, numeric ones past U+10FFFF or
 * naming a surrogate become U+FFFD instead of throwing). One pass over the HTML (see {@link scanHtml}).
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let depth = 0;
  let line = "";
  const flush = () => {
    out.push((depth > 0 ? "> ".repeat(depth) : "") + line.replace(/[ \t\u00a0]+/g, " ").trim());
    line = "";
  };
  scanHtml(html, {
    text(start, end) {
      const raw = collapseSpaces(html.slice(start, end));
      line += raw.includes("&") ? decodeHTML(raw) : raw;
    },
    tag(name, closing) {
      if (name === "br") flush();
      else if (BLOCK_TAGS.has(name)) {
        if (line.trim()) flush();
        if (name === "hr" || (name === "p" && closing)) out.push("");
      } else if (name === "blockquote") {
        if (line.trim()) flush();
        depth = Math.max(0, depth + (closing ? -1 : 1));
      }
    },
  });
  if (line.trim()) flush();
  const text = out.join("\n");
  return (text.includes("\n\n\n") ? text.replace(/\n{3,}/g, "\n\n") : text).trim();
}
