import Papa from "papaparse";
import { MatterlineError } from "@domain/errors";
import type { Directory, Firm, Person } from "./types";
import { isValidEmail, validateDirectory } from "./parseDirectory";

/** The three CSV files of a directory export (text, any encoding already decoded). */
export interface DirectoryCsvFiles {
  readonly clients: string;
  readonly contacts: string;
  readonly matters: string;
}

interface Row {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** Splits a multi-valued cell: ";" or "|" separate values, because keywords and titles may hold commas. */
function multi(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * An `slaHours` cell as the directory's field: absent when empty, a number when it reads as one, else the text
 * itself, so the directory's own check reports it with the row's file and line.
 */
function slaCell(cell: string | undefined): { slaHours?: number | string } {
  const text = (cell ?? "").trim();
  if (text === "") return {};
  const hours = Number(text);
  return { slaHours: Number.isFinite(hours) ? hours : text };
}

/** Line numbers of increasing offsets, counted incrementally so big files stay linear. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset && at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

/**
 * Reads one CSV file into rows keyed by lower-cased, trimmed header names, with the source line of
 * each row (quoted fields may span lines, so the line is where the row starts).
 */
function readCsv(file: string, text: string, required: readonly string[], problems: string[]): Row[] {
  const body = text.replace(/^\uFEFF/, "");
  // A row's own line: skip the line break(s) left over from the previous row.
  const lineAt = lineCounter(body);
  const startLine = (start: number): number => {
    let i = start;
    while (i < body.length && (body[i] === "\r" || body[i] === "\n")) i++;
    return lineAt(i);
  };
  const records: { line: number; cells: string[] }[] = [];
  let prevCursor = 0;
  const parseErrors: string[] = [];
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: "greedy",
    step: (result) => {
      const line = startLine(prevCursor);
      records.push({ line, cells: result.data });
      for (const e of result.errors) parseErrors.push(`${file} line ${line}: ${e.message}`);
      prevCursor = result.meta.cursor;
    },
  });
  problems.push(...parseErrors);
  if (records.length === 0) {
    problems.push(`${file}: empty file (a header line is required: ${required.join(", ")})`);
    return [];
  }
  const header = records[0].cells.map((h) => h.trim().toLowerCase());
  for (const col of required) if (!header.includes(col)) problems.push(`${file} line 1: missing column "${col}"`);
  const rows: Row[] = [];
  for (const rec of records.slice(1)) {
    if (rec.cells.every((c) => c.trim() === "")) continue;
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h && !(h in cells)) cells[h] = (rec.cells[i] ?? "").trim();
    });
    rows.push({ line: rec.line, cells });
  }
  return rows;
}

/**
 * Imports a directory from CSV files onto a base directory's firm and people (CSV holds the
 * client side; firm settings and people come from `directory.json` or the admin screen).
 * All or nothing, like `parseDirectoryJson`: every problem is reported by file and line.
 *
 * Columns (header names are case-insensitive; extra columns are ignored; a BOM, CRLF and quoted
 * fields holding commas or line breaks are fine; multi-valued cells separate values with ";" or "|"):
 * - `clients.csv`: `id`, `name`, `domains`, `slaHours`
 * - `contacts.csv`: `clientId`, `name`, `email`
 * - `matters.csv`: `id`, `number`, `clientId`, `title`, `status` (open|closed), `responsible` (person id),
 *   `team`, `keywords`, `aliases`, `opposingName`, `opposingDomains`, `opposingEmails`, `slaHours`, `jointClientIds`
 *   (one opposing party per matter row; several opposing names separated by ";" share the domains/emails).
 * The format is described in `docs/directory.md`.
 */
export function parseDirectoryCsv(files: DirectoryCsvFiles, base: { readonly firm: Firm; readonly people: readonly Person[] }): Directory {
  const problems: string[] = [];
  const clientRows = readCsv("clients.csv", files.clients, ["id", "name"], problems);
  const contactRows = readCsv("contacts.csv", files.contacts, ["clientid", "email"], problems);
  const matterRows = readCsv("matters.csv", files.matters, ["id", "number", "clientid", "title", "status", "responsible"], problems);

  const where = new Map<string, string>();
  const clients = clientRows.map((r, i) => {
    const id = r.cells.id ?? "";
    where.set(`clients[${i}]`, `clients.csv line ${r.line}`);
    return {
      id,
      name: r.cells.name ?? "",
      domains: multi(r.cells.domains),
      contacts: [] as { name: string; email: string }[],
      ...slaCell(r.cells.slahours),
    };
  });
  const byId = new Map(clients.map((c) => [c.id, c]));
  for (const r of contactRows) {
    const clientId = r.cells.clientid ?? "";
    const email = (r.cells.email ?? "").toLowerCase();
    const client = byId.get(clientId);
    if (!client) problems.push(`contacts.csv line ${r.line}: clientId "${clientId}" names no client in clients.csv`);
    if (!isValidEmail(email)) problems.push(`contacts.csv line ${r.line}: "${r.cells.email ?? ""}" is not a valid email address`);
    else client?.contacts.push({ name: r.cells.name || email, email });
  }
  const matters = matterRows.map((r, i) => {
    const c = r.cells;
    const id = c.id ?? "";
    where.set(`matters[${i}]`, `matters.csv line ${r.line}`);
    const oppNames = multi(c.opposingname);
    const opposing = oppNames.map((name) => ({ name, domains: multi(c.opposingdomains), emails: multi(c.opposingemails) }));
    return {
      id,
      number: c.number ?? "",
      clientId: c.clientid ?? "",
      title: c.title ?? "",
      status: (c.status ?? "").toLowerCase(),
      responsible: c.responsible ?? "",
      team: multi(c.team),
      keywords: multi(c.keywords),
      aliases: multi(c.aliases),
      opposing,
      ...(c.jointclientids ? { jointClientIds: multi(c.jointclientids) } : {}),
      ...slaCell(c.slahours),
    };
  });
  const raw = { firm: base.firm, people: base.people, clients, matters };
  try {
    return validateDirectory(raw, (_id, path) => where.get(/^\w+\[\d+\]/.exec(path)?.[0] ?? "") ?? null, problems);
  } catch (error) {
    if (error instanceof MatterlineError) throw error;
    throw new MatterlineError("invalid-directory", "The CSV directory could not be read.", { cause: error, details: problems });
  }
}
