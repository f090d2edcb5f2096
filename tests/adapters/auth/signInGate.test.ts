import { describe, expect, it } from "vitest";
import { createSignInGate } from "@adapters/auth/signInGate";
import { MatterlineError } from "@domain/errors";
import type { TokenProvider, TokenRequestOptions } from "@ports/tokenProvider";

/** A token provider that refuses silent requests until `signedIn`, and scripts what an interactive sign-in does. */
function scripted() {
  const calls: { scopes: readonly string[]; interactive: boolean }[] = [];
  const state = { signedIn: false, interactive: [] as ("ok" | MatterlineError)[] };
  const provider: TokenProvider = {
    getToken(scopes: readonly string[], options?: TokenRequestOptions) {
      const interactive = options?.interactive === true;
      calls.push({ scopes, interactive });
      if (!interactive)
        return state.signedIn ? Promise.resolve("t") : Promise.reject(new MatterlineError("sign-in-required", "Sign in to continue."));
      const next = state.interactive.shift() ?? "ok";
      if (next === "ok") {
        state.signedIn = true;
        return Promise.resolve("t");
      }
      return Promise.reject(next);
    },
  };
  return { provider, calls, state };
}

const fails = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as MatterlineError,
  );

describe("the sign-in gate", () => {
  it("asks only silently for background work, shows one state for many failures, and signs in once for every waiting scope", async () => {
    const { provider, calls } = scripted();
    const gate = createSignInGate(provider, ["Mail.ReadWrite"]);
    let changes = 0;
    gate.subscribe(() => (changes += 1));
    const failures = await Promise.all([
      fails(gate.tokens.getToken(["Mail.ReadWrite"])),
      fails(gate.tokens.getToken(["Calendars.ReadWrite"])),
      fails(gate.tokens.getToken(["Mail.ReadWrite"])),
    ]);
    expect(failures.map((f) => f?.code)).toEqual(["sign-in-required", "sign-in-required", "sign-in-required"]);
    expect(calls.every((c) => !c.interactive)).toBe(true);
    expect(gate.state().status).toBe("needed");
    expect(changes).toBe(1);

    await gate.signIn();
    const interactive = calls.filter((c) => c.interactive);
    expect(interactive).toHaveLength(1);
    expect([...interactive[0].scopes].sort()).toEqual(["Calendars.ReadWrite", "Mail.ReadWrite"]);
    expect(gate.state()).toEqual({ status: "ok", message: null });
    expect(await gate.tokens.getToken(["Mail.ReadWrite"])).toBe("t");
  });

  it("remembers a cancel until the user chooses Sign in again: background failures neither ask nor hide it", async () => {
    const { provider, calls, state } = scripted();
    state.interactive.push(new MatterlineError("auth-cancelled", "Sign-in was cancelled."));
    const gate = createSignInGate(provider, ["Mail.ReadWrite"]);
    await fails(gate.tokens.getToken(["Mail.ReadWrite"]));
    await gate.signIn();
    expect(gate.state().status).toBe("cancelled");
    expect(gate.state().message).toMatch(/will not ask again until you choose Sign in/);
    for (let i = 0; i < 5; i++) await fails(gate.tokens.getToken(["Mail.ReadWrite"]));
    expect(gate.state().status).toBe("cancelled");
    expect(calls.filter((c) => c.interactive)).toHaveLength(1);
    await gate.signIn();
    expect(gate.state().status).toBe("ok");
  });

  it("shows a refused permission and a wrong account with their own sentences", async () => {
    const { provider, state } = scripted();
    state.interactive.push(new MatterlineError("consent-refused", "Ask your IT administrator to grant admin consent for Sites.Selected."));
    const gate = createSignInGate(provider, ["Mail.ReadWrite"]);
    await gate.signIn();
    expect(gate.state().status).toBe("refused");
    expect(gate.state().message).toMatch(/administrator.*Sites\.Selected/);

    const wrong: TokenProvider = {
      getToken: () => Promise.reject(new MatterlineError("wrong-account", "You are signed in as sam@other.test, not pat@firm.test.")),
    };
    const gate2 = createSignInGate(wrong, ["Mail.ReadWrite"]);
    expect((await fails(gate2.tokens.getToken(["Mail.ReadWrite"])))?.code).toBe("wrong-account");
    expect(gate2.state().status).toBe("wrong-account");
    expect(gate2.state().message).toMatch(/sam@other\.test/);
  });
});
