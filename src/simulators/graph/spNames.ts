/**
 * SharePoint Online's rules for file and folder names, as the simulator enforces them (kept apart from the code that
 * makes names safe, so the simulator checks that code instead of trusting it).
 * support.microsoft.com/office/restrictions-and-limitations-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa
 * - `" * : < > ? / \ |` are not allowed anywhere in a name, nor control characters;
 * - no leading or trailing spaces (and, as Windows and the sync client also refuse them, no leading or trailing dots);
 * - reserved names: .lock, CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, desktop.ini, "_vti_" anywhere, "~$" at the start;
 * - the entire decoded path, file name included, can't contain more than 400 characters.
 */
export const SP_PATH_MAX = 400;

const INVALID_CHARS = /["*:<>?/\\|]/;
const hasControl = (name: string) => [...name].some((ch) => ch.charCodeAt(0) < 0x20);
const RESERVED = /^(\.lock|con|prn|aux|nul|com\d|lpt\d|desktop\.ini)$/i;

/** Why a name is refused, or null when SharePoint accepts it. */
export function nameProblem(name: string): string | null {
  if (!name) return "The name is empty.";
  if (INVALID_CHARS.test(name) || hasControl(name))
    return `The name '${name}' contains characters that are not allowed: " * : < > ? / \\ |`;
  if (/^[ .]|[ .]$/.test(name)) return `The name '${name}' starts or ends with a space or a dot.`;
  if (RESERVED.test(name) || name.includes("_vti_") || name.startsWith("~$")) return `The name '${name}' is reserved.`;
  return null;
}
