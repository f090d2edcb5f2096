/** Where sign-in stands, as the pane's one "Sign in to continue" bar shows it. */
export type SignInStatus =
  /** Tokens come silently; nothing to show. */
  | "ok"
  /** Background work needs a person to sign in (or to consent to a new permission); it waits until they do. */
  | "needed"
  /** The user closed the sign-in window; remembered until they choose Sign in again. */
  | "cancelled"
  /** The user or the tenant refused a permission; only an administrator can grant it. */
  | "refused"
  /** The signed-in account is not the mailbox's user (or not of the firm's tenant): nothing is written. */
  | "wrong-account"
  /** A sign-in the user started is running. */
  | "signing-in";

/** The state behind the bar: a status and the plain sentence to show with it. */
export interface SignInState {
  readonly status: SignInStatus;
  /** Null while status is "ok" or "signing-in". */
  readonly message: string | null;
}

/** What the pane's sign-in bar needs: the current state, changes to it, and the user's own Sign in. */
export interface SignInControl {
  readonly state: () => SignInState;
  /** Calls the listener on every change; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
  /** The user chose Sign in: one interactive sign-in for everything that waited. Never rejects; the outcome is the new state. */
  readonly signIn: () => Promise<void>;
}
