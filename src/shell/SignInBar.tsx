import { useSyncExternalStore } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { SignInControl, SignInStatus } from "@ports/signIn";

const TITLES: Record<Exclude<SignInStatus, "ok">, string> = {
  needed: "Sign in to continue",
  cancelled: "Sign in to continue",
  "signing-in": "Signing in…",
  refused: "Permission needed",
  "wrong-account": "Wrong account",
};

/**
 * The pane's one sign-in bar: shown when background work found that a person must sign in (it never opens a window by
 * itself), after a cancel (remembered until the user acts), a refused permission or a wrong account. Its button is
 * the only place a sign-in window opens.
 */
export function SignInBar({ control }: { control: SignInControl }) {
  const state = useSyncExternalStore(control.subscribe, control.state);
  if (state.status === "ok") return null;
  const busy = state.status === "signing-in";
  const intent = state.status === "wrong-account" || state.status === "refused" ? "error" : "warning";
  return (
    <MessageBar intent={intent} layout="multiline" role={busy ? "status" : "alert"} data-testid="sign-in-bar">
      <MessageBarBody>
        <MessageBarTitle>{TITLES[state.status]}</MessageBarTitle>
        {state.message ? <div>{state.message}</div> : null}
      </MessageBarBody>
      <MessageBarActions>
        {busy ? (
          <Spinner size="tiny" label="Waiting for sign-in" />
        ) : (
          <Button appearance="primary" onClick={() => void control.signIn()}>
            Sign in
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
