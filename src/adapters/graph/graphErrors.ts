import { GraphError } from "@microsoft/microsoft-graph-client";
import { MatterlineError } from "@domain/errors";

/** Names our middleware gives transport failures, so the mapping survives the SDK wrapping them in a GraphError. */
export const TransportErrorName = {
  offline: "TypeError",
  timeout: "TimeoutError",
  aborted: "AbortError",
  authFailed: "AuthFailed",
  authCancelled: "AuthCancelled",
  signInRequired: "AuthSignInRequired",
  consentRefused: "AuthConsentRefused",
  wrongAccount: "AuthWrongAccount",
} as const;

/** Sign-in outcomes that keep their own code (and their sentence) through the SDK's wrapping. */
const AUTH_CODES: Readonly<Record<string, "sign-in-required" | "consent-refused" | "wrong-account">> = {
  [TransportErrorName.signInRequired]: "sign-in-required",
  [TransportErrorName.consentRefused]: "consent-refused",
  [TransportErrorName.wrongAccount]: "wrong-account",
};

/**
 * True when Graph says a delta cursor can no longer be used and the sync must start over: `410 Gone`, or the error
 * codes `syncStateNotFound` / `resyncRequired` (any status; Outlook answers some with 400). Delta tokens of Outlook
 * resources live as long as Graph's token cache keeps them (learn.microsoft.com/graph/delta-query-overview, "Duration of
 * delta tokens"), so every delta consumer meets this sooner or later: mail folders here, SharePoint lists elsewhere.
 */
export function isDeltaReset(status: number, code: string): boolean {
  const c = code.toLowerCase();
  return status === 410 || c === "syncstatenotfound" || c === "resyncrequired" || c === "syncstateinvalid";
}

/** Turns whatever a Graph call threw into a MatterlineError with a plain message. */
export function mapGraphError(error: unknown, what = "Microsoft Graph request"): MatterlineError {
  if (error instanceof MatterlineError) return error;
  const status = error instanceof GraphError ? error.statusCode : -1;
  const code = error instanceof GraphError ? (error.code ?? "") : error instanceof Error ? error.name : "";
  const details = code ? [code] : [];
  const auth = AUTH_CODES[code];
  if (auth) {
    // The SDK keeps only "Name: message" of a middleware's error, in `body`.
    const body = error instanceof GraphError && typeof error.body === "string" ? error.body : "";
    const message = body.startsWith(`${code}: `) ? body.slice(code.length + 2) : body || "Sign in to continue.";
    return new MatterlineError(auth, message, { cause: error });
  }
  if (code === TransportErrorName.authCancelled)
    return new MatterlineError("auth-cancelled", "Sign-in was cancelled.", { cause: error, details });
  if (code === TransportErrorName.authFailed || status === 401)
    return new MatterlineError("auth-failed", "Matterline could not sign you in to Microsoft 365. Try again, or ask your administrator.", {
      cause: error,
      details,
    });
  if (code === TransportErrorName.timeout || code === TransportErrorName.aborted || status === 504)
    return new MatterlineError("timeout", `${what} took too long. It will be retried.`, { cause: error, details });
  if (status === -1 || code === TransportErrorName.offline)
    return new MatterlineError("offline", "Microsoft 365 cannot be reached. Check your connection; the work waits and is retried.", {
      cause: error,
      details,
    });
  if (status === 429)
    return new MatterlineError("throttled", "Microsoft 365 asked us to slow down. The work will be retried shortly.", {
      cause: error,
      details,
    });
  if (status === 404)
    return new MatterlineError("not-found", "The item was not found in the mailbox. It may have been deleted.", { cause: error, details });
  if (status === 409) return new MatterlineError("conflict", "That item already exists.", { cause: error, details });
  if (status === 412)
    return new MatterlineError("conflict", "The item changed in the mailbox meanwhile; it has to be read again.", {
      cause: error,
      details,
    });
  if (isDeltaReset(status, code))
    return new MatterlineError("sync-reset", "Microsoft 365 no longer knows where the last sync stopped; a fresh sync is needed.", {
      cause: error,
      details,
    });
  // A request Graph refuses as such (malformed, too large) fails the same way every time: retrying it 24 times only
  // hides the problem, so it is shown instead.
  if (status === 400 || status === 413)
    return new MatterlineError(
      "rejected",
      `Microsoft 365 refused the request (${status}${code ? ` ${code}` : ""}). It will not be retried by itself.`,
      { cause: error, details },
    );
  if (status === 403)
    return new MatterlineError("auth-failed", "You do not have access to this mailbox or setting.", { cause: error, details });
  const message = error instanceof Error && error.message ? error.message : "unknown error";
  return new MatterlineError(
    "graph-error",
    `Microsoft 365 could not complete the request (${status > 0 ? status : "no status"}): ${message}`,
    { cause: error, details },
  );
}

/** The same mapping for one `$batch` sub-response. */
export function mapBatchFailure(status: number, body: unknown): MatterlineError {
  const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
  const ge = new GraphError(status, err?.message ?? `status ${status}`);
  ge.code = err?.code ?? null;
  return mapGraphError(ge);
}
