/**
 * Turns an HTML mail body into plain text for reasoning (never for display as HTML).
 * Good enough for mail bodies: block elements become line breaks, blockquotes keep a "> " prefix
 * so quote stripping still sees them, entities are decoded.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  pound: "£",
  euro: "€",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  copy: "©",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment or document. */
export function htmlToText(html: string): string {
  let s = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style|head|title)\b[\s\S]*?<\/\1>/gi, "");
  // Mark blockquote depth so quoted history keeps a quote prefix.
  const out: string[] = [];
  let depth = 0;
  const tokens = s.split(/(<[^>]+>)/);
  let line = "";
  const flush = () => {
    out.push((depth > 0 ? "> ".repeat(depth) : "") + line.replace(/[ \t\u00a0]+/g, " ").trim());
    line = "";
  };
  for (const token of tokens) {
    if (token.startsWith("<")) {
      const m = /^<\s*(\/)?\s*([a-z0-9]+)/i.exec(token);
      if (!m) continue;
      const closing = Boolean(m[1]);
      const tag = m[2].toLowerCase();
      if (tag === "br") flush();
      else if (/^(p|div|tr|li|h[1-6]|table|ul|ol|hr|pre)$/.test(tag)) {
        if (line.trim()) flush();
        if (tag === "hr" || (tag === "p" && closing)) out.push("");
      } else if (tag === "blockquote") {
        if (line.trim()) flush();
        depth = Math.max(0, depth + (closing ? -1 : 1));
      }
    } else {
      line += decodeEntities(token.replace(/\s+/g, " "));
    }
  }
  if (line.trim()) flush();
  s = out.join("\n").replace(/\n{3,}/g, "\n\n");
  return s.trim();
}
