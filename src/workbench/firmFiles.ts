import type { Directory } from "@domain/directory/types";
import { MatterlineError } from "@domain/errors";
import { parseDirectoryFiles, type ImportFile } from "@features/matters/directoryImport";
import type { MailFile } from "./mailFiles";

/**
 * A firm's own data for the workbench: its directory (validated, all or nothing) and/or its mail files (each parsed on
 * its own later, a file that cannot be read is listed and the others load). A part left out keeps what was there.
 */
export interface FirmFiles {
  readonly directory: Directory | null;
  readonly mail: readonly MailFile[] | null;
}

/** The largest mail file the workbench takes (a bigger one is listed as a problem, the others load). */
export const MAX_MAIL_FILE_BYTES = 25 * 1024 * 1024;
/** The most mail files one load takes (the workbench keeps each in memory for every person of the firm). */
export const MAX_MAIL_FILES = 5_000;

/** A picked or dropped file: its name, size and a way to read it (a browser File fits). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const kindOf = (name: string): "directory" | "mail" | null => {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json") || lower.endsWith(".csv")) return "directory";
  if (lower.endsWith(".eml")) return "mail";
  return null;
};

/**
 * Reads what was dropped on the workbench (or picked): `.json`/`.csv` files are the directory, validated as the pane's
 * own import does (over `base` for CSV files, which carry no firm settings or people); `.eml` files are mail, kept as
 * bytes. Throws one `invalid-directory` error listing every problem when anything but a single mail file is wrong, so
 * a refused load changes nothing. A mail file too large is not a refusal: it is left out and named in `skipped`.
 */
export async function readFirmFiles(
  files: readonly PickedFile[],
  base: Directory | null,
): Promise<{ firm: FirmFiles; skipped: { file: string; error: string }[] }> {
  const problems: string[] = [];
  const directoryFiles: ImportFile[] = [];
  const mail: MailFile[] = [];
  const skipped: { file: string; error: string }[] = [];
  if (files.length === 0)
    problems.push("Nothing to load: drop directory.json (or clients.csv, contacts.csv and matters.csv) and/or .eml files.");
  for (const file of files) {
    const kind = kindOf(file.name);
    try {
      if (kind === null) problems.push(`${file.name}: not a directory file (.json, .csv) or an email (.eml)`);
      else if (kind === "directory") directoryFiles.push({ name: file.name, text: await file.text() });
      else if (file.size > MAX_MAIL_FILE_BYTES)
        skipped.push({ file: file.name, error: `larger than ${MAX_MAIL_FILE_BYTES / 1024 / 1024} MB, not loaded` });
      else if (mail.length >= MAX_MAIL_FILES) skipped.push({ file: file.name, error: `more than ${MAX_MAIL_FILES} emails, not loaded` });
      else mail.push({ name: file.name, raw: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      problems.push(`${file.name}: could not be read (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  let directory: Directory | null = null;
  if (directoryFiles.length) {
    try {
      directory = parseDirectoryFiles(directoryFiles, base);
    } catch (e) {
      if (e instanceof MatterlineError && e.details.length) problems.push(...e.details);
      else problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (problems.length) throw new MatterlineError("invalid-directory", "Nothing was loaded.", { details: problems });
  return { firm: { directory, mail: mail.length || skipped.length ? mail : null }, skipped };
}

/** The mail files served by `npm start -- --mail DIR`, as the dev server sends them (bytes in base64). */
export interface ServedFirm {
  readonly directory: readonly { readonly name: string; readonly text: string }[] | null;
  readonly mail: readonly { readonly name: string; readonly base64: string }[] | null;
  /** Files the server could not read or left out, each with why. */
  readonly skipped?: readonly { readonly file: string; readonly error: string }[];
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Turns what the dev server sent into the same files a drop gives, validated the same way. */
export async function readServedFirm(
  served: ServedFirm,
  base: Directory | null,
): Promise<{ firm: FirmFiles; skipped: { file: string; error: string }[] }> {
  const picked: PickedFile[] = [];
  for (const d of served.directory ?? [])
    picked.push({
      name: d.name,
      size: d.text.length,
      text: () => Promise.resolve(d.text),
      arrayBuffer: () => Promise.resolve(new TextEncoder().encode(d.text).buffer),
    });
  for (const m of served.mail ?? []) {
    const bytes = fromBase64(m.base64);
    picked.push({
      name: m.name,
      size: bytes.byteLength,
      text: () => Promise.resolve(new TextDecoder().decode(bytes)),
      arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    });
  }
  const { firm, skipped } = await readFirmFiles(picked, base);
  const serverSkipped = [...(served.skipped ?? [])];
  return {
    firm: { ...firm, mail: firm.mail ?? (serverSkipped.length || served.mail ? [] : null) },
    skipped: [...serverSkipped, ...skipped],
  };
}
