import { analysedText } from "@domain/text/analysedText";
/** Lines that start the quoted history or a forwarded copy in common mail clients. */
const HISTORY_MARKERS = [
  /^-{2,}\s*original message\s*-{2,}/i,
  /^on .{3,200}wrote:\s*$/i,
  /^from:\s.+/i,
  /^_{10,}\s*$/,
  /^-- $/, // signature delimiter
];

/** Default snippet length: enough to recognise the email in a timeline row or an export. */
export const SNIPPET_MAX = 200;

/** A short excerpt of the message's own words: quoted history, signatures and blank space left out. */
export function snippetOf(bodyText: string, max: number = SNIPPET_MAX): string {
  const own: string[] = [];
  for (const line of analysedText(bodyText).split(/\r?\n/)) {
    const trimmed = line.trim();
    if (HISTORY_MARKERS.some((re) => re.test(line) || re.test(trimmed))) break;
    if (trimmed.startsWith(">")) continue;
    if (trimmed) own.push(trimmed);
  }
  const text = own.join(" ").replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
