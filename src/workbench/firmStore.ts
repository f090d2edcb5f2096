import { deleteMatterlineDatabases, readWorkbenchValue, writeWorkbenchValue } from "@adapters/storage/workbenchStore";
import type { FirmFiles } from "./firmFiles";

const KEY = "dropped-firm";

/** What a drop left for the next start of the workbench. */
export interface DroppedFirm {
  readonly firm: FirmFiles;
  readonly skipped: readonly { readonly file: string; readonly error: string }[];
  /** When it was dropped (ISO-8601): tells one load from the next. */
  readonly loadedAt: string;
}

/** The firm dropped earlier, or null when the workbench plays the sample (or what `npm start -- --mail` serves). */
export async function readDroppedFirm(): Promise<DroppedFirm | null> {
  return ((await readWorkbenchValue(KEY)) as DroppedFirm | undefined) ?? null;
}

/** Keeps a dropped firm; a part it lacks (no directory, or no mail) keeps what was dropped before. */
export async function saveDroppedFirm(next: DroppedFirm): Promise<void> {
  const before = await readDroppedFirm();
  const firm: FirmFiles = {
    directory: next.firm.directory ?? before?.firm.directory ?? null,
    mail: next.firm.mail ?? before?.firm.mail ?? null,
  };
  const skipped = next.firm.mail ? next.skipped : [...(before?.skipped ?? []), ...next.skipped];
  await writeWorkbenchValue(KEY, { firm, skipped, loadedAt: next.loadedAt } satisfies DroppedFirm);
}

/** Forgets the dropped firm: the next start plays the sample again. */
export function forgetDroppedFirm(): Promise<void> {
  return writeWorkbenchValue(KEY, undefined);
}

const LAST_FIRM = "matterline-workbench-firm";

/**
 * The pane's own databases hold the directory and filings of the firm it last ran with. When the workbench starts with
 * another firm, they are deleted before the pane opens (it then starts from the new directory, as a first run does).
 */
export async function forgetPaneDataIfFirmChanged(fingerprint: string): Promise<void> {
  // Before any firm was loaded the workbench played the sample.
  if ((localStorage.getItem(LAST_FIRM) ?? "sample") === fingerprint) return;
  await deleteMatterlineDatabases();
  localStorage.setItem(LAST_FIRM, fingerprint);
}
