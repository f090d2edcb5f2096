import { describe, expect, it } from "vitest";
import { createMsalTokenProvider, msalConfiguration } from "@adapters/auth/msalTokenProvider";
import { GraphScopes } from "@ports/tokenProvider";
import { account, authError, factoryFor, fakeOfficeContext, fakeUi, FakeMsal } from "./fakes";

const origin = "https://localhost:3000";
const NAA = ["Mailbox@1.13", "NestedAppAuth@1.1"];
const interactionRequired = () => authError("InteractionRequiredAuthError", "interaction_required");

describe("createMsalTokenProvider", () => {
  it("uses nested app auth with the brk-multihub redirect when Outlook supports it, and asks only the scopes given", async () => {
    const msal = new FakeMsal(["t-mail", "t-cal"]);
    const { factory, made } = factoryFor(msal);
    const provider = createMsalTokenProvider(
      { clientId: "00000000-0000-0000-0000-000000000001" },
      { officeContext: fakeOfficeContext(NAA), origin, createClient: factory },
    );
    expect(await provider.getToken(GraphScopes.mail)).toBe("t-mail");
    expect(await provider.getToken(GraphScopes.calendar)).toBe("t-cal");
    expect(made).toHaveLength(1);
    expect(made[0].kind).toBe("nestable");
    expect(made[0].configuration.auth.redirectUri).toBe("brk-multihub://localhost:3000");
    expect(msal.calls).toEqual(["silent:Mail.ReadWrite", "silent:Calendars.ReadWrite"]);
  });

  it("falls back to a popup when interaction is required and remembers the account", async () => {
    const msal = new FakeMsal([interactionRequired()], ["t-popup"]);
    const provider = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(NAA), origin, createClient: factoryFor(msal).factory },
    );
    expect(await provider.getToken(["Mail.ReadWrite"])).toBe("t-popup");
    expect(msal.calls).toEqual(["silent:Mail.ReadWrite", "popup:Mail.ReadWrite"]);
    expect(msal.active).toEqual(account);
  });

  it("without nested app auth (LTSC 2021) uses the standard client and goes straight to a popup when nobody is signed in", async () => {
    const msal = new FakeMsal([], ["t"]);
    const { factory, made } = factoryFor(msal);
    const provider = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(["Mailbox@1.9"]), origin, createClient: factory },
    );
    expect(await provider.getToken(["Mail.ReadWrite"])).toBe("t");
    expect(made[0].kind).toBe("standard");
    expect(made[0].configuration.auth.redirectUri).toBe("https://localhost:3000/auth.html");
    expect(msal.calls).toEqual(["popup:Mail.ReadWrite"]);
  });

  it("opens the Office dialog when the popup is blocked, and keeps its token in memory until it expires", async () => {
    let now = new Date("2026-03-02T12:00:00Z");
    const msal = new FakeMsal(
      [interactionRequired(), interactionRequired()],
      [authError("BrowserAuthError", "popup_window_error"), authError("BrowserAuthError", "popup_window_error")],
    );
    const message = JSON.stringify({ type: "matterline-auth", ok: true, accessToken: "t-dialog", expiresOn: "2026-03-02T13:00:00Z" });
    const { ui, opened, closedCount } = fakeUi({ message, origin });
    const provider = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(NAA, ui), origin, createClient: factoryFor(msal).factory, now: () => now },
    );
    expect(await provider.getToken(["Mail.ReadWrite", "Mail.Send"])).toBe("t-dialog");
    expect(opened[0]).toBe("https://localhost:3000/auth.html?scopes=Mail.ReadWrite+Mail.Send");
    expect(closedCount()).toBe(1);
    expect(await provider.getToken(["Mail.Send", "Mail.ReadWrite"])).toBe("t-dialog");
    expect(opened).toHaveLength(1);
    now = new Date("2026-03-02T12:58:00Z");
    await provider.getToken(["Mail.ReadWrite", "Mail.Send"]);
    expect(opened).toHaveLength(2);
  });

  it("ignores dialog messages from another origin", async () => {
    const msal = new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "popup_window_error")]);
    const message = JSON.stringify({ type: "matterline-auth", ok: true, accessToken: "stolen", expiresOn: null });
    const { ui } = fakeUi({ message, origin: "https://evil.test" });
    const provider = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(NAA, ui), origin, createClient: factoryFor(msal).factory },
    );
    const outcome = await Promise.race([provider.getToken(["Mail.ReadWrite"]), new Promise((r) => setTimeout(() => r("no token"), 50))]);
    expect(outcome).toBe("no token");
  });

  it("maps a closed dialog, a cancelled popup, no network and other failures to plain MatterlineErrors", async () => {
    const closed = fakeUi({ error: 12006 });
    const p1 = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA, closed.ui),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "popup_window_error")])).factory,
      },
    );
    await expect(p1.getToken(["Mail.ReadWrite"])).rejects.toMatchObject({ code: "auth-cancelled", kind: "service" });

    const p2 = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "user_cancelled")])).factory,
      },
    );
    const cancelled = p2.getToken(["Mail.ReadWrite"]);
    await expect(cancelled).rejects.toMatchObject({ code: "auth-cancelled" });
    await expect(cancelled).rejects.toThrow(/cancelled/);

    const p3 = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal([authError("BrowserAuthError", "no_network_connectivity")])).factory,
      },
    );
    await expect(p3.getToken(["Mail.ReadWrite"])).rejects.toMatchObject({ code: "offline", retryable: true });

    const p4 = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("ServerError", "invalid_client")])).factory,
      },
    );
    const refused = p4.getToken(["Mail.ReadWrite"]);
    await expect(refused).rejects.toMatchObject({ code: "auth-failed" });
    await expect(refused).rejects.toThrow("invalid_client");

    const noUi = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "popup_window_error")])).factory,
      },
    );
    await expect(noUi.getToken(["Mail.ReadWrite"])).rejects.toMatchObject({ code: "auth-failed" });

    const failOpen = fakeUi("fail-open");
    const p5 = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA, failOpen.ui),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "popup_window_error")])).factory,
      },
    );
    const notOpened = p5.getToken(["Mail.ReadWrite"]);
    await expect(notOpened).rejects.toMatchObject({ code: "auth-failed" });
    await expect(notOpened).rejects.toThrow(/could not open/);
  });

  it("runs one popup at a time when several features ask at once", async () => {
    let open = 0;
    let maxOpen = 0;
    const msal = new FakeMsal([interactionRequired(), interactionRequired()], []);
    msal.acquireTokenPopup = (async () => {
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      await new Promise((r) => setTimeout(r, 10));
      open -= 1;
      return { accessToken: "t", account };
    }) as unknown as FakeMsal["acquireTokenPopup"];
    const provider = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(NAA), origin, createClient: factoryFor(msal).factory },
    );
    await Promise.all([provider.getToken(["Mail.ReadWrite"]), provider.getToken(["Calendars.ReadWrite"])]);
    expect(maxOpen).toBe(1);
  });

  it("refuses a missing client id with a configuration error", () => {
    expect(() => msalConfiguration({ clientId: " " }, origin, true)).toThrow(expect.objectContaining({ code: "invalid-config" }));
    expect(
      msalConfiguration({ clientId: "id", authority: "https://login.microsoftonline.com/firm.test" }, origin, true).auth.authority,
    ).toBe("https://login.microsoftonline.com/firm.test");
  });
});
