/**
 * One left-to-right pass over HTML, cutting it into text runs and tags for {@link htmlToText}.
 *
 * Mail is hostile input: a body can hold thousands of unclosed `<!--`, `<script` or `<a` openers. Every search here
 * starts where the previous token ended and, when it fails, remembers that nothing follows, so no opener makes the
 * scanner read the rest of the body again. The work done is returned as a count of characters examined, which tests
 * use to prove the pass stays linear without timing anything.
 */

/** What the scanner reports: runs of text (entities still encoded) and the tags between them. */
export interface HtmlTokenVisitor {
  /** `html.slice(start, end)` is text between tags. */
  text(start: number, end: number): void;
  /** A tag by its lower-case name (letters and digits only); `closing` for `</name>`. */
  tag(name: string, closing: boolean): void;
}

/**
 * Elements whose content is never text to read. Script and style are raw text to the browser: unclosed, they run to
 * the end of the document (HTML Living Standard, "script data state"). Head and title are skipped only when closed,
 * so a body that forgets `</head>` keeps its text.
 */
const SKIPPED_TO_EOF: ReadonlySet<string> = new Set(["script", "style"]);
const SKIPPED_WHEN_CLOSED: ReadonlySet<string> = new Set(["head", "title"]);

/** A literal search each (case-insensitive), started where the opening tag ended: linear. */
const CLOSING_TAGS: ReadonlyMap<string, RegExp> = new Map(
  [...SKIPPED_TO_EOF, ...SKIPPED_WHEN_CLOSED].map((name) => [name, new RegExp(`</${name}(?![0-9a-z])`, "gi")] as const),
);

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Walks `html` once, calling `visit` for each text run and tag. Comments (`<!-- … -->`, to the end when unclosed),
 * script, style, head and title content, doctypes and processing instructions produce nothing.
 * @returns the number of characters the scanner's searches examined: at most about twice `html.length`.
 */
export function scanHtml(html: string, visit: HtmlTokenVisitor): number {
  const n = html.length;
  let examined = 0;
  // Past these positions a search is known to fail, so it is not run again.
  let noGreaterThanFrom = n + 1;
  const noCloseFrom = new Map<string, number>();

  /** Index of the next ">" at or after `from`, or -1. */
  const nextGreaterThan = (from: number): number => {
    if (from >= noGreaterThanFrom) return -1;
    const at = html.indexOf(">", from);
    examined += (at < 0 ? n : at + 1) - from;
    if (at < 0) noGreaterThanFrom = from;
    return at;
  };

  /** Index just past the `</name …>` closing tag at or after `from`, or -1 when there is none. */
  const pastClosing = (name: string, closing: RegExp, from: number): number => {
    const known = noCloseFrom.get(name);
    if (known !== undefined && from >= known) return -1;
    closing.lastIndex = from;
    const m = closing.exec(html);
    if (!m) {
      examined += n - from;
      noCloseFrom.set(name, from);
      return -1;
    }
    examined += m.index + m[0].length - from;
    const gt = nextGreaterThan(m.index + m[0].length);
    return gt < 0 ? n : gt + 1;
  };

  let i = 0;
  // Where the current text run started: a "<" that opens no markup ("a < b") stays inside the run.
  let textStart = 0;
  while (i < n) {
    if (textStart === n) textStart = i; // markup just ended
    const lt = html.indexOf("<", i);
    examined += (lt < 0 ? n : lt + 1) - i;
    if (lt < 0) break;
    // As in a browser, only "<" before a letter, "/", "!" or "?" opens markup; any other "<" is text.
    const c1 = lt + 1 < n ? html.charCodeAt(lt + 1) : 0;
    const letter1 = isLetter(c1);
    if (!letter1 && c1 !== 47 && c1 !== 33 && c1 !== 63) {
      i = lt + 1;
      continue;
    }
    if (lt > textStart) visit.text(textStart, lt);
    textStart = n; // until the markup ends
    i = lt;

    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      examined += (end < 0 ? n : end + 3) - lt;
      if (end < 0) break; // An unclosed comment hides the rest of the document, as in a browser.
      i = end + 3;
      continue;
    }

    const gt = nextGreaterThan(lt + 1);
    // Markup cut off by the end of the body shows nothing (a browser drops an unfinished tag at the end of input).
    if (gt < 0) break;
    i = gt + 1;
    // "</p>": an end tag; "<!DOCTYPE …>", "<?xml …>", "</ …>": bogus comments, skipped.
    const closing = c1 === 47 && isLetter(lt + 2 < n ? html.charCodeAt(lt + 2) : 0);
    if (!letter1 && !closing) continue;
    const nameStart = closing ? lt + 2 : lt + 1;
    let k = nameStart;
    while (k < gt && isNameChar(html.charCodeAt(k))) k++;
    const name = html.slice(nameStart, k).toLowerCase();

    const closer = closing ? undefined : CLOSING_TAGS.get(name);
    if (closer) {
      const past = pastClosing(name, closer, i);
      if (past >= 0) i = past;
      else if (SKIPPED_TO_EOF.has(name)) break;
      continue;
    }
    visit.tag(name, closing);
  }
  if (textStart < n) visit.text(textStart, n);
  return examined;
}
