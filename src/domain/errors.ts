/**
 * The one error type of Matterline. `code` is a closed union so the UI can map every
 * failure to a plain message; `kind` keeps "the service said no" apart from "the input is bad".
 */
export type ErrorCode =
  // client errors: bad input or configuration
  | "invalid-directory"
  | "invalid-input"
  | "invalid-config"
  | "no-directory" // no firm directory imported yet
  | "not-supported" // the Outlook host lacks a requirement set
  | "no-item" // no message is selected
  | "office-failed" // an Office.js callback reported failure
  | "storage-failed"
  // service errors: Graph or sign-in said no, or could not be reached
  | "offline"
  | "timeout"
  | "throttled"
  | "graph-error"
  | "auth-failed"
  | "auth-cancelled"
  | "sign-in-required" // background work found that only an interactive sign-in can go on; it asked nobody
  | "consent-refused" // the user or the tenant refused a permission (access_denied / consent_required)
  | "wrong-account" // the signed-in account is not the mailbox's user (or not in the pinned tenant)
  | "not-found"
  | "conflict"
  | "rejected" // Graph refused the request itself (400, 413): sending it again cannot succeed
  | "sync-reset"; // Graph no longer knows a delta cursor (410, syncStateNotFound, resyncRequired): start a fresh sync

export type ErrorKind = "client" | "service";

const SERVICE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "offline",
  "timeout",
  "throttled",
  "graph-error",
  "auth-failed",
  "auth-cancelled",
  "sign-in-required",
  "consent-refused",
  "wrong-account",
  "not-found",
  "conflict",
  "rejected",
  "sync-reset",
]);

/** Error with a machine-readable code, a human message, and the underlying cause. */
export class MatterlineError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  /** Extra structured detail, e.g. the list of import problems. */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: readonly string[] } = {}) {
    super(message, { cause: options.cause });
    this.name = "MatterlineError";
    this.code = code;
    this.kind = SERVICE_CODES.has(code) ? "service" : "client";
    this.details = options.details ?? [];
  }

  /** True when retrying later may succeed (used by the outbox). */
  get retryable(): boolean {
    return this.code === "offline" || this.code === "timeout" || this.code === "throttled" || this.code === "graph-error";
  }
}

/** Wraps anything thrown into a MatterlineError, keeping it as the cause. */
export function toMatterlineError(error: unknown, fallback: ErrorCode = "graph-error"): MatterlineError {
  if (error instanceof MatterlineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MatterlineError(fallback, message, { cause: error });
}

/** What the pane says when a feature needs the firm directory and none has been imported yet. */
export const NO_DIRECTORY_MESSAGE = "Import the firm directory first (Settings tab).";

/**
 * The one error for "no firm directory has been imported yet". `context` says, where it helps, what the feature needs
 * the directory for ("The response clock needs to know who your clients are."); the pane shows it under
 * {@link NO_DIRECTORY_MESSAGE}.
 */
export function noDirectoryError(context?: string): MatterlineError {
  return new MatterlineError("no-directory", context ?? NO_DIRECTORY_MESSAGE);
}
