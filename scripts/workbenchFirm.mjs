// A firm's own files for the workbench, as `npm start -- --directory FILE --mail DIR` serves them: read from disk on
// every request (edit a file, reload the page), sent to the page on the same origin, so nothing leaves the machine.
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";

/** Same caps as the workbench's drop (src/workbench/firmFiles.ts). */
export const MAX_MAIL_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_MAIL_FILES = 5_000;

/** The path the workbench fetches the firm's files from (the dev server answers it; nothing else does). */
export const FIRM_PATH = "/workbench-firm.json";

/**
 * Checks the options before the server starts: each directory file exists and is .json or .csv, the mail folder is a
 * folder. Returns the problems (empty when all is well).
 */
export async function checkFirmOptions({ directory = [], mail }) {
  const problems = [];
  for (const file of directory) {
    if (!/\.(json|csv)$/i.test(file)) problems.push(`--directory ${file}: not a .json or .csv file`);
    else if (!(await stat(file).catch(() => null))?.isFile()) problems.push(`--directory ${file}: no such file`);
  }
  if (mail !== undefined && !(await stat(mail).catch(() => null))?.isDirectory()) problems.push(`--mail ${mail}: no such folder`);
  return problems;
}

/**
 * The firm's files as the workbench reads them (src/workbench/firmFiles.ts, ServedFirm): directory files as text, each
 * .eml of the mail folder (not its subfolders) as base64, in file-name order. A mail file that cannot be read, is too
 * large or is past the cap is listed in `skipped` and the others are sent. The directory is validated by the page,
 * with the pane's own import rules.
 */
export async function readFirm({ directory = [], mail }) {
  const skipped = [];
  const dir = directory.length
    ? await Promise.all(directory.map(async (file) => ({ name: basename(file), text: await readFile(file, "utf8") })))
    : null;
  let files = null;
  if (mail !== undefined) {
    files = [];
    const names = (await readdir(mail, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".eml"))
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      try {
        if (files.length >= MAX_MAIL_FILES) {
          skipped.push({ file: name, error: `more than ${MAX_MAIL_FILES} emails, not loaded` });
          continue;
        }
        const path = join(mail, name);
        if ((await stat(path)).size > MAX_MAIL_FILE_BYTES) {
          skipped.push({ file: name, error: `larger than ${MAX_MAIL_FILE_BYTES / 1024 / 1024} MB, not loaded` });
          continue;
        }
        files.push({ name, base64: (await readFile(path)).toString("base64") });
      } catch (error) {
        skipped.push({ file: name, error: `could not be read (${error instanceof Error ? error.message : String(error)})` });
      }
    }
  }
  return { directory: dir, mail: files, skipped };
}

/** A dev-server middleware answering FIRM_PATH with the firm's files. */
export function firmMiddleware(options) {
  return async (req, res, next) => {
    if (req.method !== "GET" || new URL(req.url ?? "/", "http://x").pathname !== FIRM_PATH) return next();
    try {
      const body = JSON.stringify(await readFirm(options));
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" }).end(body);
    } catch (error) {
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end(error instanceof Error ? error.message : String(error));
    }
  };
}
