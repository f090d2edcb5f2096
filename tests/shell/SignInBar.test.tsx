// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SignInBar } from "@shell/SignInBar";
import { ErrorNotice } from "@shell/ErrorNotice";
import { createSignInGate } from "@adapters/auth/signInGate";
import { MatterlineError } from "@domain/errors";
import type { TokenProvider, TokenRequestOptions } from "@ports/tokenProvider";

function provider(interactiveOutcomes: ("ok" | MatterlineError)[]) {
  let signedIn = false;
  const interactive: (readonly string[])[] = [];
  const tokens: TokenProvider = {
    getToken(scopes, options?: TokenRequestOptions) {
      if (options?.interactive !== true)
        return signedIn ? Promise.resolve("t") : Promise.reject(new MatterlineError("sign-in-required", "Sign in to continue."));
      interactive.push(scopes);
      const next = interactiveOutcomes.shift() ?? "ok";
      if (next !== "ok") return Promise.reject(next);
      signedIn = true;
      return Promise.resolve("t");
    },
  };
  return { tokens, interactive };
}

describe("the sign-in bar", () => {
  it("appears once when background work needs a sign-in, remembers a cancel, and signs in from its button", async () => {
    const { tokens, interactive } = provider([new MatterlineError("auth-cancelled", "Sign-in was cancelled.")]);
    const gate = createSignInGate(tokens, ["Mail.ReadWrite"]);
    const failure = new MatterlineError("sign-in-required", "Sign in to continue.");
    render(
      <FluentProvider theme={webLightTheme}>
        <SignInBar control={gate} />
        {/* a section's own error for the same cause says nothing: the bar says it */}
        <ErrorNotice error={failure} />
      </FluentProvider>,
    );
    expect(screen.queryByTestId("sign-in-bar")).toBeNull();

    await act(async () => {
      await Promise.allSettled([gate.tokens.getToken(["Mail.ReadWrite"]), gate.tokens.getToken(["Calendars.ReadWrite"])]);
    });
    expect(screen.getAllByTestId("sign-in-bar")).toHaveLength(1);
    expect(screen.getAllByText("Sign in to continue")).toHaveLength(1);
    expect(interactive).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.getByText(/Sign-in was cancelled\. Matterline waits/)).toBeTruthy());
    await act(async () => {
      await Promise.allSettled([gate.tokens.getToken(["Mail.ReadWrite"])]);
    });
    expect(screen.getByText(/Sign-in was cancelled\. Matterline waits/)).toBeTruthy();
    expect(interactive).toHaveLength(1);

    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.queryByTestId("sign-in-bar")).toBeNull());
    expect(interactive).toHaveLength(2);
    expect([...interactive[1]].sort()).toEqual(["Calendars.ReadWrite", "Mail.ReadWrite"]);
  });

  it("says plainly when the account is not the mailbox's, as an error", async () => {
    const tokens: TokenProvider = {
      getToken: () =>
        Promise.reject(
          new MatterlineError("wrong-account", "You are signed in as sam@other.test, but this mailbox belongs to pat@firm.test."),
        ),
    };
    const gate = createSignInGate(tokens, ["Mail.ReadWrite"]);
    render(
      <FluentProvider theme={webLightTheme}>
        <SignInBar control={gate} />
      </FluentProvider>,
    );
    await act(async () => {
      await gate.tokens.getToken(["Mail.ReadWrite"]).catch(() => undefined);
    });
    expect(screen.getByRole("alert").textContent).toMatch(/Wrong account.*sam@other\.test.*pat@firm\.test/);
  });
});
