import { MatterlineError } from "@domain/errors";
import type { TokenProvider } from "@ports/tokenProvider";
import type { SignInControl, SignInState } from "@ports/signIn";

/** A token provider that never opens a window, and the control behind the pane's one sign-in bar. */
export interface SignInGate extends SignInControl {
  /** For every Graph request the pane makes by itself: silent only. */
  readonly tokens: TokenProvider;
}

const OK: SignInState = { status: "ok", message: null };
const NEEDED =
  "Sign in to continue. Matterline's background work (sending filings, checking for overdue mail, syncing the record) waits until you do.";
const CANCELLED = "Sign-in was cancelled. Matterline waits and will not ask again until you choose Sign in.";

/**
 * Puts every automatic token request through `inner` silently, and collects what needs a person: the scopes refused
 * silently, a cancel, a refused consent, a wrong account. The pane shows that as one bar; only its button
 * ({@link SignInGate.signIn}, a user gesture, which a popup needs anyway) runs an interactive sign-in, once, for all
 * the scopes that waited. A cancel is remembered until the user chooses Sign in again: nothing asks by itself.
 */
export function createSignInGate(inner: TokenProvider, fallbackScopes: readonly string[]): SignInGate {
  let state: SignInState = OK;
  const pending = new Map<string, readonly string[]>();
  const listeners = new Set<() => void>();
  const set = (next: SignInState) => {
    if (next.status === state.status && next.message === state.message) return;
    state = next;
    listeners.forEach((l) => l());
  };
  const key = (scopes: readonly string[]) =>
    [...scopes]
      .map((s) => s.toLowerCase())
      .sort()
      .join(" ");

  /** Records what a failed token request means for the bar. A cancel or a refusal is not overwritten by background work. */
  const note = (error: unknown) => {
    if (!(error instanceof MatterlineError)) return;
    if (error.code === "wrong-account") set({ status: "wrong-account", message: error.message });
    else if (error.code === "consent-refused") set({ status: "refused", message: error.message });
    else if (error.code === "sign-in-required" && state.status === "ok") set({ status: "needed", message: NEEDED });
  };

  const tokens: TokenProvider = {
    async getToken(scopes) {
      try {
        const token = await inner.getToken(scopes, { interactive: false });
        pending.delete(key(scopes));
        // The mailbox's user signed in meanwhile (e.g. in Outlook itself): what waited can go on.
        if (pending.size === 0 && (state.status === "needed" || state.status === "wrong-account")) set(OK);
        return token;
      } catch (error) {
        if (error instanceof MatterlineError && error.code === "sign-in-required") pending.set(key(scopes), scopes);
        note(error);
        throw error;
      }
    },
  };

  let running: Promise<void> | null = null;
  const signIn = (): Promise<void> => {
    running ??= (async () => {
      const scopes = [...new Set([...pending.values()].flat())];
      set({ status: "signing-in", message: null });
      try {
        await inner.getToken(scopes.length ? scopes : fallbackScopes, { interactive: true });
        pending.clear();
        set(OK);
      } catch (error) {
        const e = error instanceof MatterlineError ? error : null;
        if (e?.code === "auth-cancelled") set({ status: "cancelled", message: CANCELLED });
        else if (e?.code === "consent-refused") set({ status: "refused", message: e.message });
        else if (e?.code === "wrong-account") set({ status: "wrong-account", message: e.message });
        else set({ status: "needed", message: e?.message ?? NEEDED });
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    tokens,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn,
  };
}
