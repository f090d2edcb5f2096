import { htmlToText } from "./htmlToText";
import { analysedHtml, analysedText } from "./analysedText";

/**
 * A message body cut into what its writer wrote now, what they forwarded, the reply history they
 * quoted and their signature. Intent, tone, reply need and follow-up dates look only at the first
 * two: quoted history repeats other people's words, signatures and disclaimers repeat every time.
 */
export interface MessageTextParts {
  /** The writer's own new text, signature removed. */
  readonly newText: string;
  /** Text of messages this one forwards (their header blocks and signatures removed). */
  readonly forwarded: string;
  /** Quoted reply history, dropped from reasoning. */
  readonly quoted: string;
  /** Signatures, sign-off name blocks, mobile footers and disclaimers, dropped from reasoning. */
  readonly signature: string;
}

// --- Line tests. All anchored and bounded so that the whole split stays linear in the body size. ---

const FORWARD_MARKER =
  /^\s*(?:-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|mensaje reenviado)\s*-{0,}|begin forwarded message:?|start of forwarded message:?)\s*$/i;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:original message|urspr[üu]ngliche nachricht|message d'origine|mensaje original)\s*-{2,}\s*$/i;
const RULE = /^\s*(?:_{8,}|-{8,}|={8,})\s*$/;
/** First line of a mail header block (Outlook and most clients, a few languages, optionally bold from HTML). */
const HEADER_FROM = /^\s*\*?(?:from|de|von|van|da|fra|od)\s?:\*?\s*\S/i;
const HEADER_OTHER =
  /^\s*\*?(?:sent|date|to|cc|subject|envoy[ée]|[àa]|objet|gesendet|an|betreff|datum|enviado|para|asunto|verzonden|aan|onderwerp)\s?:\*?/i;
const HEADER_SENT = /^\s*\*?(?:sent|date|envoy[ée]|gesendet|datum|enviado|verzonden)\s?:\*?/i;
/** Outlook on the web sometimes flattens the block into one line. */
const HEADER_ONE_LINE = /^\s*\*?from:\*?\s.{1,200}\b(?:sent|date):\*?\s.{1,120}\b(?:to|subject):/i;
const ATTRIBUTION = /^\s*(?:on|le|am|el|il|op|em)\s.{0,250}(?:wrote|a [ée]crit|schrieb|escribi[óo]|ha scritto|schreef|escreveu)\s*:?\s*$/i;
const ATTRIBUTION_START = /^\s*(?:on|le|am|el|il|op|em)\s.{3,250}$/i;
const ATTRIBUTION_END = /^.{0,250}(?:wrote|a [ée]crit|schrieb|escribi[óo]|ha scritto|schreef|escreveu)\s*:?\s*$/i;
const ADDRESS_WROTE = /^.{0,200}<?[^\s<>@]+@[^\s<>@]+>?\)?\s+wrote\s*:\s*$/i;
const QUOTED = /^\s*>/;

/** `QUOTED.test(line)` without running an expression for the common line that starts with a letter. */
function isQuoted(line: string): boolean {
  if (line.length === 0) return false;
  const c = line.charCodeAt(0);
  if (c === 62) return true; // ">"
  // Only a line starting with a space (ASCII or Unicode, as `\s` reads it) can have ">" after spaces.
  if (c > 32 && c < 128) return false;
  return QUOTED.test(line);
}

const DASH_SIGNATURE = /^--\s?$/;

/** `DASH_SIGNATURE.test(line)`, with the expression run only on a short line starting "--". */
function isDashSignature(line: string): boolean {
  return line.length <= 3 && line.charCodeAt(0) === 45 && line.charCodeAt(1) === 45 && DASH_SIGNATURE.test(line);
}

/** A table of the lower-case ASCII letters `letters`, to judge a line from its first letter before any expression runs. */
function letterTable(letters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let k = 0; k < letters.length; k++) table[letters.charCodeAt(k)] = 1;
  return table;
}

/**
 * False only for a line that an expression of the form `^\s*(?:word|…)` cannot match because its first character
 * after ASCII spaces is in ASCII and no word starts with it (case folded). Unicode spaces are left to the expression.
 */
function mayStartWith(line: string, firstLetters: Uint8Array): boolean {
  const n = line.length;
  let k = 0;
  while (k < n && isAsciiSpace(line.charCodeAt(k))) k++;
  if (k >= n) return false;
  const c = line.charCodeAt(k);
  return c >= 128 || firstLetters[c | 0x20] === 1;
}
const MOBILE_FOOTER =
  /^\s*(?:sent (?:from|with|via) (?:my |the )?(?:iphone|ipad|android|samsung|galaxy|blackberry|mobile|phone|smartphone|outlook|mail for windows|yahoo|aol|huawei|pixel|proton)|get outlook for (?:ios|android)|sent from outlook|envoy[ée] de mon|von meinem .{0,30} gesendet|enviado desde mi)\b.{0,60}$/i;
/** Firm and company footers: confidentiality notices, fraud warnings, and the like, each named by its first words. */
const DISCLAIMER_ANCHORED =
  /^\s*(?:(?:this|the information in this|the contents of this) (?:e-?mail|message|communication|transmission)\b.{0,80}\b(?:confidential|privileged|intended (?:only|solely)|is for the|may contain)|confidential(?:ity)?(?: notice| note)?\s*[:\-–]|disclaimer\s*[:\-–]|privileged (?:and|&) confidential|(?:cyber.?crime|fraud|payment fraud|scam|bank details) (?:warning|alert|notice)|important(?: notice)?\s*:\s.{0,40}\b(?:bank|confidential|fraud)|please consider the environment before printing|if you (?:have received|received) this (?:e-?mail|message) in error)/i;
/** Regulatory lines, which may start with the firm's name: "… is authorised and regulated by …", "… registered in …". */
const DISCLAIMER_REGULATORY =
  /^\s*(?:.{0,80}\bis (?:authori[sz]ed and regulated|regulated) by\b|.{0,60}\b(?:limited liability partnership|company) registered in\b)/i;
/**
 * What each group needs: its first words at the line start, or "regulated by" / "registered in" anywhere. Kept
 * apart because the regulatory expressions retry up to 80 positions, which a line starting "The …" must not pay.
 */
const DISCLAIMER_START = /^\s*(?:th|confidential|disclaimer|privileged|cyber|fraud|payment|scam|bank|important|please|if)/i;
const REGULATORY_HINT = /regulated by|registered in/i;

/** First letters of the DISCLAIMER_START words. */
const DISCLAIMER_LETTERS = letterTable("tcdpfsbi");

/** A footer line: a firm or company notice, or a regulatory line. */
function isDisclaimer(line: string): boolean {
  if (line.length >= 600) return false;
  return (
    (mayStartWith(line, DISCLAIMER_LETTERS) && DISCLAIMER_START.test(line) && DISCLAIMER_ANCHORED.test(line)) ||
    (REGULATORY_HINT.test(line) && DISCLAIMER_REGULATORY.test(line))
  );
}

/** A closing line: only the phrase, maybe a short name on the same line, no sentence after it. */
const SIGN_OFF_PHRASE =
  /^\s*(?:(?:with )?(?:kind|kindest|best|warm|warmest|many|sincere)?\s*(?:regards|wishes)|best|all the best|many thanks|thanks(?: again| very much| so much| a lot| in advance)?|thank you(?: (?:very|so) much| again| in advance)?|cheers|sincerely|yours(?: sincerely| faithfully| truly)?|respectfully|with thanks|with best wishes|speak soon|talk soon|take care|rgds)\s*[,.!\-–]*/i;
/** After a sign-off phrase, at most a capitalised name on the same line (case matters here). */
const SIGN_OFF_REST = /^\s*(?:\p{Lu}[\p{L}'’.-]{0,20}\s*){0,2}$/u;

/** First letters of every SIGN_OFF_PHRASE alternative ("regards", "best", "all the best", "cheers", "yours", …). */
const SIGN_OFF_LETTERS = letterTable("abckmrstwy");

function isSignOff(line: string): boolean {
  if (line.length > 60 || !mayStartWith(line, SIGN_OFF_LETTERS)) return false;
  const m = SIGN_OFF_PHRASE.exec(line);
  return m !== null && SIGN_OFF_REST.test(line.slice(m[0].length));
}

function isHeaderBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  if (HEADER_ONE_LINE.test(line)) return true;
  if (!HEADER_FROM.test(line)) return false;
  let others = 0;
  let sent = false;
  for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
    const next = lines[j];
    if (HEADER_OTHER.test(next)) {
      others++;
      if (HEADER_SENT.test(next)) sent = true;
    }
  }
  return others >= 2 || (others >= 1 && sent);
}

type BoundaryKind = "forward" | "outlook" | "reply";

interface Boundary {
  readonly kind: BoundaryKind;
  /** First line of the boundary (marker, rule or attribution). */
  readonly start: number;
  /** First line after the marker and any header block that belongs to it. */
  readonly bodyStart: number;
}

/**
 * The narrowest line width at which mail programs wrap quoted text: a header line and the first word of the next line
 * that together would pass it are one header line wrapped ("From: County Court at Central London" over
 * "<enquiries.centrallondon…@justice.example>"); shorter, the next line was written as a line of its own.
 */
const WRAP_COLUMNS = 72;

/** Whether `line` is the wrapped (or folded, space-first) continuation of the header line `previous`. */
function continuesHeader(previous: string, line: string): boolean {
  if (isAsciiSpace(line.charCodeAt(0))) return true;
  const space = line.indexOf(" ");
  const firstWord = space < 0 ? line.length : space;
  return previous.trimEnd().length + 1 + firstWord > WRAP_COLUMNS;
}

/**
 * Skips header lines after a marker, up to the first blank line, with the wrapped or folded continuations of a header
 * line. Any other line ends the block: the quoted message's text can follow its headers with no blank line ("Subject:
 * Your statement" then "Please find attached…"), and it is that message's text, not more header.
 */
function skipHeaders(lines: readonly string[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j].trim() === "") j++;
  const headerStart = j;
  let sawHeader = false;
  while (j < lines.length && j < headerStart + 12) {
    const line = lines[j];
    if (line.trim() === "") break;
    if (HEADER_FROM.test(line) || HEADER_OTHER.test(line)) sawHeader = true;
    else if (!sawHeader) return headerStart;
    else if (!continuesHeader(lines[j - 1], line)) break;
    j++;
  }
  return sawHeader ? j : headerStart;
}

/**
 * First two letters (lower-case) after leading spaces with which a boundary test can match: "on", "le", "am", "el",
 * "il", "op", "em" (attributions), "fr", "de", "da", "vo", "va", "od" (header blocks), "be", "st" (forward markers).
 */
const BOUNDARY_STARTS = new Set(
  ["on", "le", "am", "el", "il", "op", "em", "fr", "de", "da", "vo", "va", "od", "be", "st"].map(
    (p) => p.charCodeAt(0) * 256 + p.charCodeAt(1),
  ),
);

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * False only for a line none of the boundary tests of `findBoundary` can match, found from its first two
 * characters (and "@" for ADDRESS_WROTE): most lines of a message then cost no regular expression at all.
 * Anything outside ASCII at the start is left to the full tests, since `\s` also takes Unicode spaces.
 */
function mayStartBoundary(line: string): boolean {
  const n = line.length;
  let k = 0;
  while (k < n && isAsciiSpace(line.charCodeAt(k))) k++;
  if (k >= n) return false;
  const c0 = line.charCodeAt(k);
  if (c0 >= 128 || c0 === 45 || c0 === 95 || c0 === 61 || c0 === 42) return true; // - _ = *
  if (line.includes("@")) return true;
  if (k + 1 >= n) return false;
  const c1 = line.charCodeAt(k + 1);
  if (c1 >= 128) return true;
  return BOUNDARY_STARTS.has((c0 | 0x20) * 256 + (c1 | 0x20));
}

/** First two letters (lower-case) of every MOBILE_FOOTER phrase: "sent …", "get outlook", "envoyé …", "von meinem", "enviado …". */
const FOOTER_STARTS = new Set(["se", "ge", "en", "vo"].map((p) => p.charCodeAt(0) * 256 + p.charCodeAt(1)));

/** False only for a line MOBILE_FOOTER cannot match, judged from its first two letters like `mayStartBoundary`. */
function mayBeMobileFooter(line: string): boolean {
  const n = line.length;
  let k = 0;
  while (k < n && isAsciiSpace(line.charCodeAt(k))) k++;
  if (k + 1 >= n) return k < n && line.charCodeAt(k) >= 128;
  const c0 = line.charCodeAt(k);
  const c1 = line.charCodeAt(k + 1);
  if (c0 >= 128 || c1 >= 128) return true;
  return FOOTER_STARTS.has((c0 | 0x20) * 256 + (c1 | 0x20));
}

/** Finds the first reply or forward boundary at or after `from`. */
function findBoundary(lines: readonly string[], from: number): Boundary | null {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 400 || !mayStartBoundary(line)) continue;
    if (FORWARD_MARKER.test(line)) return { kind: "forward", start: i, bodyStart: skipHeaders(lines, i + 1) };
    if (ORIGINAL_MESSAGE.test(line)) return { kind: "outlook", start: i, bodyStart: skipHeaders(lines, i + 1) };
    if (RULE.test(line)) {
      let j = i + 1;
      while (j < lines.length && j <= i + 2 && lines[j].trim() === "") j++;
      if (j < lines.length && isHeaderBlock(lines, j)) return { kind: "outlook", start: i, bodyStart: skipHeaders(lines, j) };
      continue;
    }
    if (isHeaderBlock(lines, i)) return { kind: "outlook", start: i, bodyStart: skipHeaders(lines, i) };
    // ADDRESS_WROTE needs an "@"; checking for one first spares its backtracking on every other line.
    if (ATTRIBUTION.test(line) || (line.includes("@") && ADDRESS_WROTE.test(line))) return { kind: "reply", start: i, bodyStart: i + 1 };
    if (ATTRIBUTION_START.test(line) && i + 1 < lines.length && ATTRIBUTION_END.test(lines[i + 1]) && !isQuoted(line)) {
      return { kind: "reply", start: i, bodyStart: i + 2 };
    }
  }
  return null;
}

/** Index where the signature of a block of lines starts (lines.length when none). */
function signatureStart(lines: readonly string[]): { cut: number; bySignOff: boolean } {
  let hard = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isDashSignature(line) || (mayBeMobileFooter(line) && MOBILE_FOOTER.test(line)) || isDisclaimer(line)) {
      hard = i;
      break;
    }
  }
  // The last sign-off before the hard cut, when what follows it is a short name block, not more message.
  let signOff = -1;
  for (let i = hard - 1; i >= 0; i--) {
    const line = lines[i];
    if (!isSignOff(line)) continue;
    let next = i + 1;
    while (next < hard && lines[next].trim() === "") next++;
    const nextLine = next < hard ? lines[next].trim() : "";
    if (nextLine.length <= 50 && !nextLine.endsWith("?")) signOff = i;
    break;
  }
  if (signOff >= 0) return { cut: signOff, bySignOff: true };
  const echo = nameEchoStart(lines, hard);
  return { cut: echo >= 0 ? echo : nameBlockStart(lines, hard), bySignOff: false };
}

/** How far from the end a signature block under a signed first name may reach (lines). */
const ECHO_REACH = 10;

/**
 * "Bill\n\nBill Ostrowski | CFO\nLakeshore Fastener Supply, Inc. | 1400 Busse Road, …": a first name alone on its
 * line, then a block that opens with the same name in full, is a signature however long the block's lines are (a
 * company line with its street address often runs past the 70 characters `nameBlockStart` allows). Returns the
 * line of the lone name, or -1.
 */
function nameEchoStart(lines: readonly string[], end: number): number {
  const lowest = Math.max(1, end - ECHO_REACH);
  for (let i = end - 2; i >= lowest; i--) {
    const name = lines[i].trim();
    if (name === "" || name.includes(" ") || lines[i - 1].trim() !== "" || !NAME_LINE.test(name)) continue;
    let next = i + 1;
    while (next < end && lines[next].trim() === "") next++;
    if (next >= end) continue;
    const full = lines[next].trim();
    if (
      full.length > name.length + 1 &&
      full.startsWith(name) &&
      full.charCodeAt(name.length) === 32 &&
      /^\p{Lu}/u.test(full.slice(name.length + 1))
    )
      return i;
  }
  return -1;
}

/** A line that is only a name ("Nadia", "Dr Priya Raman MRCVS", "Moira Buchanan (Mrs)"). */
const NAME_LINE =
  /^\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?\p{Lu}[\p{L}'’.-]{0,24}(?:\s+(?:\p{Lu}[\p{L}'’.-]{0,24}|de|van|von|da|al|le|&)){0,3}(?:\s*\([^)]{1,15}\))?\s*$/u;

/**
 * Without a sign-off, a name on its own paragraph followed only by short lines (title, company,
 * phone) is a signature block. Takes the last such paragraph, plus a lone first name just before it.
 */
function nameBlockStart(lines: readonly string[], end: number): number {
  let regionStart = end;
  for (let i = end - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (line.length > 70 || line.endsWith("?")) break;
    regionStart = i;
  }
  let cut = end;
  for (let i = end - 1; i >= regionStart; i--) {
    if (NAME_LINE.test(lines[i]) && (i === 0 || lines[i - 1].trim() === "") && i > 0) {
      cut = i;
      break;
    }
  }
  if (cut === end) return end;
  // "Nadia\n\nNadia Okoro\nCEO": the lone first name above the block belongs to it.
  let prev = cut - 1;
  while (prev >= regionStart && lines[prev].trim() === "") prev--;
  if (
    prev >= regionStart &&
    prev > 0 &&
    NAME_LINE.test(lines[prev]) &&
    lines[prev - 1].trim() === "" &&
    lines[prev].trim().split(/\s+/).length <= 2
  )
    cut = prev;
  return cut;
}

/**
 * Trailing spaces and tabs off a line, as `/[ \t]+$/gm` would take them: that expression on the joined text
 * tries a match at every space of the body; a line ending in neither needs no work at all.
 */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c !== 32 && c !== 9) break;
    end--;
  }
  return end === line.length ? line : line.slice(0, end);
}

/** True when some line ends in a space or tab (most do not, and then no trimmed copy of the lines is needed). */
function anyLineEndsInBlank(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const c = line.length > 0 ? line.charCodeAt(line.length - 1) : 0;
    if (c === 32 || c === 9) return true;
  }
  return false;
}

/** A text cut into its lines, with where each line starts: a run of consecutive lines is then cut from the text, not joined. */
interface SplitLines {
  readonly text: string;
  readonly lines: readonly string[];
  /** starts[i] is where lines[i] starts in text; starts[lines.length] is text.length + 1. */
  readonly starts: readonly number[];
}

function splitLines(text: string): SplitLines {
  const lines = text.split("\n");
  const starts = new Array<number>(lines.length + 1);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = at;
    at += lines[i].length + 1;
  }
  starts[lines.length] = at;
  return { text, lines, starts };
}

/** lines[from, to) joined with "\n": one cut of the text, since the lines were split from it. */
function linesText(src: SplitLines, from: number, to: number): string {
  return from >= to ? "" : src.text.slice(src.starts[from], src.starts[to] - 1);
}

/** `lines` joined, trailing blanks off each line, runs of blank lines cut to one, trimmed. `joined`: lines.join("\n") if known. */
function joinTrim(lines: readonly string[], joined0?: string): string {
  let joined = anyLineEndsInBlank(lines) ? lines.map(trimLineEnd).join("\n") : (joined0 ?? lines.join("\n"));
  // Line separators inside a line also end a line for `$`: rare, so checked once on the whole block
  // (indexOf is a plain memory search; a character-class expression steps through the text).
  if (joined.indexOf("\u2028") >= 0 || joined.indexOf("\u2029") >= 0) joined = lines.join("\n").replace(/[ \t]+$/gm, "");
  if (joined.indexOf("\n\n\n") >= 0) joined = joined.replace(/\n{3,}/g, "\n\n");
  return joined.trim();
}

/**
 * Splits a block into its own text and its signature, keeping a bare "Thanks!" when it is the whole message. `from`:
 * where the block starts in `src` when it is a run of consecutive lines of it (then its parts are cut, not joined).
 */
function stripSignature(lines: readonly string[], src?: SplitLines, from?: number): { text: string; signature: string } {
  const { cut, bySignOff } = signatureStart(lines);
  let keep = cut;
  if (bySignOff && lines.slice(0, cut).every((l) => l.trim() === "")) keep = cut + 1;
  const run = src !== undefined && from !== undefined;
  return {
    text: joinTrim(lines.slice(0, keep), run ? linesText(src, from, from + keep) : undefined),
    signature: joinTrim(lines.slice(keep), run ? linesText(src, from + keep, from + lines.length) : undefined),
  };
}

/**
 * An HTML tag that marks a body as HTML, tried only where a "<" is (sticky: at `lastIndex` exactly). The name must end
 * at a space, "/" or ">": a plain-text header line "From: Pat <p.lee@firm.test>" or "<b@co.test>" is an address, not
 * a tag (with a word boundary alone it was read as HTML and its lines run together).
 */
const HTML_TAG_AT = /<(?:html|body|div|p|br|table|span)(?=[\s/>])[^>]*>/iy;

function looksLikeHtml(body: string): boolean {
  // Most plain mail has no "<" near the top, and in the rest a "<" is mostly an address ("<jane@…>"):
  // the tag expression is only tried at a "<" followed by a letter a tag name can start with.
  const head = body.length > 4000 ? body.slice(0, 4000) : body;
  for (let lt = head.indexOf("<"); lt >= 0; lt = head.indexOf("<", lt + 1)) {
    const c = head.charCodeAt(lt + 1) | 0x20;
    if (c !== 104 && c !== 98 && c !== 100 && c !== 112 && c !== 116 && c !== 115) continue; // h b d p t s
    HTML_TAG_AT.lastIndex = lt;
    if (HTML_TAG_AT.test(head)) return true;
  }
  return false;
}

const FORWARD_SUBJECT = /^\s*(?:fwd?|fw|tr|wg|rv|doorst)\s*:/i;

/**
 * Splits a mail body into new text, forwarded text, quoted history and signature.
 * `subject` is optional: when it starts with "FW:"/"Fwd:", an Outlook header block right after the
 * new text starts a forwarded message rather than quoted history (Outlook marks both the same way).
 * Linear in the body length.
 */
export function splitMessageText(body: string, subject?: string): MessageTextParts {
  return split(body, subject).parts;
}

/** Whether the first line of text from `from` is "> " quoted. */
function startsQuoted(lines: readonly string[], from: number): boolean {
  let i = from;
  while (i < lines.length && lines[i].trim() === "") i++;
  return i < lines.length && isQuoted(lines[i]);
}

/**
 * Whether, in the "> " quoted lines from `from` to `end` (the next boundary), the writer answered below or between
 * them: an unquoted line of text after a blank line. An unquoted line straight under a quoted one is taken for a
 * wrapped quoted line, not an answer.
 */
function answersBelowQuote(lines: readonly string[], from: number, end: number): boolean {
  let afterBlank = false;
  for (let i = from; i < end; i++) {
    const line = lines[i];
    if (line.trim() === "") afterBlank = true;
    else if (isQuoted(line)) afterBlank = false;
    else if (afterBlank) return true;
  }
  return false;
}

/** How many lines of the answered message are read: enough for any request, bounded whatever is quoted below it. */
const ANSWERED_LINES = 200;

/**
 * The own words of the message this one answers: the first quoted message under the reply's header block or "On …
 * wrote:" line, its own quoted history and signature dropped ("" when the body quotes nothing, or quotes only inline).
 * A reply to a request for new work is about that new work (recognition, `answersNewWork`). Linear in the body.
 */
export function answeredTextOf(body: string, subject?: string): string {
  const { lines, reply } = split(body, subject);
  if (!reply) return "";
  const end = Math.min(lines.length, reply.bodyStart + ANSWERED_LINES);
  // "> " quoting under an "On … wrote:" line: one level off, so the answered message reads as its writer wrote it.
  const block = lines.slice(reply.bodyStart, end).map((l) => (isQuoted(l) ? l.replace(QUOTE_MARK, "") : l));
  const nested = findBoundary(block, 0);
  const own = block.slice(0, nested ? nested.start : block.length).filter((l) => !isQuoted(l));
  return stripSignature(own).text;
}

/** One level of "> " quoting at the start of a line (bounded: spaces, one mark, one space). */
const QUOTE_MARK = /^\s{0,8}> ?/;

/** The parts, with the lines read and the reply boundary that starts the quoted history (null when there is none). */
function split(body: string, subject?: string): { parts: MessageTextParts; lines: readonly string[]; reply: Boundary | null } {
  // Only the head of a huge body is read (analysedText.ts says why), HTML before and text after conversion.
  let text = analysedText(looksLikeHtml(body) ? htmlToText(analysedHtml(body)) : body);
  // Most bodies have neither: a memory search spares two expressions stepping through every character.
  if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
  if (text.indexOf("\u00a0") >= 0) text = text.replace(/\u00a0/g, " ");
  const src = splitLines(text);
  const { lines } = src;
  let first = findBoundary(lines, 0);
  let headEnd = first ? first.start : lines.length;
  // "On … wrote:" over "> " quoted lines with the writer's answer below or between them (bottom-posting, answers
  // inline): the attribution belongs to the history, and the unquoted lines down to the next boundary are the writer's.
  let attribution: Boundary | null = null;
  if (first && first.kind === "reply" && startsQuoted(lines, first.bodyStart)) {
    const next = findBoundary(lines, first.bodyStart);
    if (answersBelowQuote(lines, first.bodyStart, next ? next.start : lines.length)) {
      attribution = first;
      first = next;
      headEnd = first ? first.start : lines.length;
    }
  }

  // Inline "> " quoting without an attribution line: quoted lines are history, the rest is new.
  const own: string[] = [];
  const quotedParts: string[] = [];
  for (let i = 0; i < headEnd; i++) {
    const line = lines[i];
    const history = isQuoted(line) || (attribution !== null && i >= attribution.start && i < attribution.bodyStart);
    (history ? quotedParts : own).push(line);
  }
  // Without inline quoting (most mail) the writer's lines are the first lines of the text.
  const ownSplit = quotedParts.length === 0 ? stripSignature(own, src, 0) : stripSignature(own);
  const signatures = [ownSplit.signature];
  const forwardedParts: string[] = [];

  let boundary = first;
  let isForward =
    boundary !== null &&
    (boundary.kind === "forward" ||
      (boundary.kind === "outlook" && ((subject !== undefined && FORWARD_SUBJECT.test(subject)) || ownSplit.text === "")));
  while (boundary && isForward) {
    const next = findBoundary(lines, boundary.bodyStart);
    const end = next ? next.start : lines.length;
    const block = lines.slice(boundary.bodyStart, end).filter((l) => !isQuoted(l));
    const split = block.length === end - boundary.bodyStart ? stripSignature(block, src, boundary.bodyStart) : stripSignature(block);
    forwardedParts.push(split.text);
    signatures.push(split.signature);
    boundary = next;
    // A forward inside a forward is still forwarded content; a reply header ends it.
    isForward = boundary !== null && boundary.kind === "forward";
  }
  // Quoted history is the rest of the text from the reply boundary on, unless inline quoting came before it.
  const quotedRun = boundary !== null && quotedParts.length === 0 ? boundary.start : -1;
  if (boundary) quotedParts.push(...lines.slice(boundary.start));

  const parts = {
    newText: ownSplit.text,
    forwarded: forwardedParts.filter((p) => p !== "").join("\n\n"),
    quoted: quotedRun >= 0 ? joinTrim(quotedParts, linesText(src, quotedRun, lines.length)) : joinTrim(quotedParts),
    signature: signatures.filter((s) => s !== "").join("\n\n"),
  };
  // Inline quoting before the boundary means the boundary is not where the answered message starts.
  return { parts, lines, reply: quotedRun >= 0 ? boundary : null };
}

/** The text a message says itself: its new text plus what it forwards (quotes and signatures dropped). */
export function newTextOf(body: string, subject?: string): string {
  const parts = splitMessageText(body, subject);
  return parts.forwarded ? `${parts.newText}\n\n${parts.forwarded}`.trim() : parts.newText;
}
