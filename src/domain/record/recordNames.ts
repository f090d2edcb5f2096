/**
 * Names in the firm's document library: a folder per matter ("<number> <title>") and one `.eml` per filed email,
 * both made safe for SharePoint, whose rules are: none of `" * : < > ? / \ |` or control characters, no leading or
 * trailing spaces or dots, no reserved names, and a decoded path of at most 400 characters.
 * support.microsoft.com/office/restrictions-and-limitations-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa
 */

/** A matter folder's name stays short enough to read and to leave room for the site, library and file name. */
export const FOLDER_NAME_MAX = 80;
/** A stored email's file name, ".eml" included. */
export const FILE_NAME_MAX = 100;

const RESERVED = /^(\.lock|con|prn|aux|nul|com\d|lpt\d|desktop\.ini)$/i;

/** Replaces what SharePoint refuses with a space, folds runs of spaces, and trims spaces and dots from both ends. */
export function safeName(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || code === 0x7f || '"*:<>?/\\|'.includes(ch) ? " " : ch;
  }
  out = out.replace(/_vti_/gi, "vti").replace(/^~\$/, "").replace(/\s+/g, " ");
  out = trimEnds(out);
  if (out.length > max) {
    const cut = out.slice(0, max);
    const space = cut.lastIndexOf(" ");
    out = trimEnds(space > max * 0.6 ? cut.slice(0, space) : cut);
  }
  if (!out || RESERVED.test(out)) out = `_${out}`;
  return out;
}

function trimEnds(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === " " || text[start] === ".")) start++;
  while (end > start && (text[end - 1] === " " || text[end - 1] === ".")) end--;
  return text.slice(start, end);
}

/** The folder of a matter: "2025-0042 Kowalski v Northgate Logistics Ltd …". Depends only on the directory. */
export function matterFolderName(matter: { readonly number: string; readonly title: string }): string {
  return safeName(`${matter.number} ${matter.title}`, FOLDER_NAME_MAX);
}

function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A short, stable tag of a message id: the same email always gets the same file name, and two emails almost never do. */
export function messageTag(internetMessageId: string): string {
  const a = hash32(internetMessageId, 0x811c9dc5).toString(16).padStart(8, "0");
  const b = hash32(internetMessageId, 0x01000193).toString(16).padStart(8, "0");
  return `${a}${b}`.slice(0, 12);
}

/**
 * The stored email's file name: "2025-08-26 1530 Subject words [tag].eml" (UTC time of sending or receipt). The same
 * email always gets the same name, so a second filing by anyone overwrites rather than duplicates it.
 */
export function messageFileName(entry: {
  readonly internetMessageId: string;
  readonly subject: string;
  readonly sentAt: string | null;
  readonly receivedAt: string | null;
}): string {
  const at = entry.sentAt ?? entry.receivedAt;
  const ms = at ? Date.parse(at) : Number.NaN;
  const stamp = Number.isNaN(ms) ? "" : `${new Date(ms).toISOString().slice(0, 16).replace("T", " ").replace(":", "")} `;
  const tag = ` [${messageTag(entry.internetMessageId)}].eml`;
  const subject = safeName(entry.subject || "(no subject)", FILE_NAME_MAX - stamp.length - tag.length);
  return `${stamp}${subject}${tag}`;
}

/**
 * A stored attachment's file name. With the matter folder (≤ 80) and the attachments' subfolder (≤ 96) this keeps the
 * path inside the library under 300 characters, leaving room for the site and library under SharePoint's 400.
 */
export const ATTACHMENT_NAME_MAX = 120;

/** The subfolder beside a stored `.eml` that holds its attachments: the `.eml`'s name without the extension. */
export function attachmentFolderName(emlFileName: string): string {
  return safeName(emlFileName.replace(/\.eml$/i, ""), FILE_NAME_MAX);
}

/** One attachment name made safe, its extension kept when the name is cut short. */
function safeFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  const rawExt = dot > 0 && name.length - dot <= 12 ? name.slice(dot + 1) : "";
  const cleanExt = rawExt ? safeName(rawExt, 11) : "";
  const ext = cleanExt && !cleanExt.startsWith("_") ? `.${cleanExt}` : "";
  const stem = ext ? name.slice(0, dot) : name;
  return `${safeName(stem || "attachment", ATTACHMENT_NAME_MAX - ext.length)}${ext}`;
}

/**
 * The names the attachments of one email get in the library, in order: each safe for SharePoint and unique within
 * its folder (SharePoint compares names without regard to case), so two attachments of one name both survive, as
 * "scan.pdf" and "scan (2).pdf". The same attachments always get the same names, so storing them again replaces them.
 */
export function attachmentFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const safe = safeFileName(name);
    let candidate = safe;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const dot = safe.lastIndexOf(".");
      const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ""];
      const suffix = ` (${n})`;
      candidate = `${stem.slice(0, ATTACHMENT_NAME_MAX - ext.length - suffix.length).trimEnd()}${suffix}${ext}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
