import { MatterlineError } from "@domain/errors";
import type { Directory } from "@domain/directory/types";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { parseDirectoryCsv } from "@domain/directory/parseDirectoryCsv";
import type { DirectoryFileReader } from "@ports/directoryFileReader";
import type { SettingsStore } from "@ports/settingsStore";
import type { DirectoryProvider, LoadedDirectory } from "@domain/directory/directoryProvider";

/** A file the user picked, already read as text (the UI decodes; this file never touches File objects). */
export interface ImportFile {
  readonly name: string;
  readonly text: string;
}

/** What the Settings tab shows about the current directory. */
export interface DirectorySummary {
  readonly firm: string;
  readonly people: number;
  readonly clients: number;
  readonly matters: number;
  readonly openMatters: number;
  /** ISO-8601 UTC. */
  readonly importedAt: string;
}

/** The settings key holding the firm-shared directory link (a OneDrive/SharePoint sharing URL). */
export const SHARED_DIRECTORY_URL_KEY = "matters.sharedDirectoryUrl";

const CSV_NAMES = ["clients", "contacts", "matters"] as const;

/** Counts for the Settings tab. */
export function summarizeDirectory(loaded: LoadedDirectory): DirectorySummary {
  const d = loaded.directory;
  return {
    firm: d.firm.name,
    people: d.people.length,
    clients: d.clients.length,
    matters: d.matters.length,
    openMatters: d.matters.filter((m) => m.status === "open").length,
    importedAt: loaded.importedAt,
  };
}

function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).trim().toLowerCase();
}

/**
 * Turns the picked files into one validated directory: either one `directory.json`, or the three CSV files
 * (`clients.csv`, `contacts.csv`, `matters.csv`) over the firm settings and people of `base` (the current directory).
 * Throws one `invalid-directory` error listing every problem, so nothing partial is ever stored.
 */
export function parseDirectoryFiles(files: readonly ImportFile[], base: Directory | null): Directory {
  if (files.length === 0)
    throw new MatterlineError("invalid-input", "Choose directory.json, or clients.csv, contacts.csv and matters.csv.");
  const json = files.filter((f) => baseName(f.name).endsWith(".json"));
  const csv = files.filter((f) => baseName(f.name).endsWith(".csv"));
  const other = files.filter((f) => !json.includes(f) && !csv.includes(f));
  const problems: string[] = other.map((f) => `${f.name}: not a .json or .csv file`);
  if (json.length > 1) problems.push(`choose one directory.json, not ${json.length} JSON files`);
  if (json.length && csv.length) problems.push("choose either directory.json or the CSV files, not both");
  if (problems.length) throw new MatterlineError("invalid-directory", "These files cannot be imported together.", { details: problems });

  if (json.length === 1) return parseDirectoryJson(json[0].text);

  const byName = new Map<string, ImportFile>();
  for (const f of csv) {
    const stem = baseName(f.name).replace(/\.csv$/, "");
    const kind = CSV_NAMES.find((n) => stem === n || stem.endsWith(`-${n}`) || stem.endsWith(`_${n}`));
    if (!kind) problems.push(`${f.name}: name it clients.csv, contacts.csv or matters.csv`);
    else if (byName.has(kind)) problems.push(`${f.name}: a second ${kind}.csv`);
    else byName.set(kind, f);
  }
  for (const n of CSV_NAMES) if (!byName.has(n) && csv.length) problems.push(`${n}.csv is missing (the CSV import needs all three files)`);
  if (!base)
    problems.push(
      "the CSV files hold no firm settings or people: import directory.json first, then CSV files to update clients and matters",
    );
  if (problems.length || !base) throw new MatterlineError("invalid-directory", "The CSV files were not imported.", { details: problems });
  return parseDirectoryCsv(
    { clients: byName.get("clients")!.text, contacts: byName.get("contacts")!.text, matters: byName.get("matters")!.text },
    { firm: base.firm, people: base.people },
  );
}

/** Validates the files and, only when all is well, makes them the current directory. The stored one is untouched on any problem. */
export async function importDirectoryFiles(
  provider: DirectoryProvider,
  files: readonly ImportFile[],
  now: Date,
): Promise<DirectorySummary> {
  const current = await provider.current();
  const directory = parseDirectoryFiles(files, current?.directory ?? null);
  return summarizeDirectory(await provider.replace(directory, now.toISOString()));
}

/** Reads the saved sharing link, validates the file behind it like a picked directory.json, and replaces the directory. */
export async function refreshSharedDirectory(
  deps: { readonly provider: DirectoryProvider; readonly reader: DirectoryFileReader; readonly settings: SettingsStore },
  now: Date,
): Promise<DirectorySummary> {
  const url = await deps.settings.get(SHARED_DIRECTORY_URL_KEY);
  if (typeof url !== "string" || !url)
    throw new MatterlineError("invalid-config", "No shared directory link is saved. Paste the OneDrive or SharePoint sharing link first.");
  const text = await deps.reader.readSharedFile(url);
  return summarizeDirectory(await deps.provider.replace(parseDirectoryJson(text), now.toISOString()));
}

/** Saves (or, when blank, forgets) the firm-shared directory link after checking it is an https link. */
export async function saveSharedDirectoryUrl(settings: SettingsStore, url: string): Promise<void> {
  const u = url.trim();
  if (!u) return settings.remove(SHARED_DIRECTORY_URL_KEY);
  if (!/^https:\/\/[^\s/]+\/\S*$/i.test(u))
    throw new MatterlineError("invalid-input", "The directory link must be an https sharing link from OneDrive or SharePoint.");
  return settings.set(SHARED_DIRECTORY_URL_KEY, u);
}
