import { describe, expect, it } from "vitest";
import { createMsalTokenProvider, msalConfiguration, pinnedTenant } from "@adapters/auth/msalTokenProvider";
import { GraphScopes } from "@ports/tokenProvider";
import { account, authError, factoryFor, fakeOfficeContext, fakeUi, FakeMsal } from "./fakes";

const origin = "https://localhost:3000";
const NAA = ["Mailbox@1.13", "NestedAppAuth@1.1"];
const interactionRequired = () => authError("InteractionRequiredAuthError", "interaction_required");
/** A sign-in the user asked for (the sign-in bar's button): the only kind that may open a window. */
const I = { interactive: true } as const;

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
    expect(await provider.getToken(["Mail.ReadWrite"], I)).toBe("t-popup");
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
    expect(await provider.getToken(["Mail.ReadWrite"], I)).toBe("t");
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
    expect(await provider.getToken(["Mail.ReadWrite", "Mail.Send"], I)).toBe("t-dialog");
    expect(opened[0]).toBe("https://localhost:3000/auth.html?scopes=Mail.ReadWrite+Mail.Send");
    expect(closedCount()).toBe(1);
    expect(await provider.getToken(["Mail.Send", "Mail.ReadWrite"], I)).toBe("t-dialog");
    expect(opened).toHaveLength(1);
    now = new Date("2026-03-02T12:58:00Z");
    await provider.getToken(["Mail.ReadWrite", "Mail.Send"], I);
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
    const outcome = await Promise.race([provider.getToken(["Mail.ReadWrite"], I), new Promise((r) => setTimeout(() => r("no token"), 50))]);
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
    await expect(p1.getToken(["Mail.ReadWrite"], I)).rejects.toMatchObject({ code: "auth-cancelled", kind: "service" });

    const p2 = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "user_cancelled")])).factory,
      },
    );
    const cancelled = p2.getToken(["Mail.ReadWrite"], I);
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
    await expect(p3.getToken(["Mail.ReadWrite"], I)).rejects.toMatchObject({ code: "offline", retryable: true });

    const p4 = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("ServerError", "invalid_client")])).factory,
      },
    );
    const refused = p4.getToken(["Mail.ReadWrite"], I);
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
    await expect(noUi.getToken(["Mail.ReadWrite"], I)).rejects.toMatchObject({ code: "auth-failed" });

    const failOpen = fakeUi("fail-open");
    const p5 = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA, failOpen.ui),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "popup_window_error")])).factory,
      },
    );
    const notOpened = p5.getToken(["Mail.ReadWrite"], I);
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
    await Promise.all([provider.getToken(["Mail.ReadWrite"], I), provider.getToken(["Calendars.ReadWrite"], I)]);
    expect(maxOpen).toBe(1);
  });

  it("refuses a missing client id with a configuration error", () => {
    expect(() => msalConfiguration({ clientId: " " }, origin, true)).toThrow(expect.objectContaining({ code: "invalid-config" }));
    expect(
      msalConfiguration({ clientId: "id", authority: "https://login.microsoftonline.com/firm.test" }, origin, true).auth.authority,
    ).toBe("https://login.microsoftonline.com/firm.test");
  });

  it("never opens a window for a request that is not interactive: it fails with sign-in-required instead", async () => {
    const msal = new FakeMsal([interactionRequired(), interactionRequired()], ["t-popup"]);
    const provider = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(NAA), origin, createClient: factoryFor(msal).factory, mailboxUser: "pat@firm.test" },
    );
    await expect(provider.getToken(["Mail.ReadWrite"])).rejects.toMatchObject({ code: "sign-in-required" });
    await expect(provider.getToken(["Mail.ReadWrite"], { interactive: false })).rejects.toMatchObject({ code: "sign-in-required" });
    expect(msal.calls).toEqual(["silent:Mail.ReadWrite", "silent:Mail.ReadWrite"]);
  });

  it("asks for the mailbox's user: the login hint, and that user's cached account rather than the active one", async () => {
    const other = { ...account, homeAccountId: "o", username: "sam@elsewhere.test" };
    const msal = new FakeMsal(["t-silent", interactionRequired()], ["t-popup"]);
    msal.accounts = [other, account];
    msal.active = other;
    const requests: { account?: { username: string }; loginHint?: string }[] = [];
    const silent = msal.acquireTokenSilent;
    msal.acquireTokenSilent = (r: { scopes: string[]; account?: { username: string } }) => {
      requests.push(r);
      return silent(r as never);
    };
    const popup = msal.acquireTokenPopup;
    msal.acquireTokenPopup = (r: { scopes: string[]; loginHint?: string }) => {
      requests.push(r);
      return popup(r);
    };
    const provider = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(NAA), origin, createClient: factoryFor(msal).factory, mailboxUser: "Pat@Firm.test" },
    );
    expect(await provider.getToken(["Mail.ReadWrite"])).toBe("t-silent");
    expect(requests[0].account?.username).toBe("pat@firm.test");
    msal.accounts = [other];
    msal.active = other;
    expect(await provider.getToken(["Mail.Send"], I)).toBe("t-popup");
    // Without the user's own account cached, NAA's silent call goes without one and the popup proposes the mailbox's address.
    expect(requests[1].account).toBeUndefined();
    expect(requests[2]).toMatchObject({ loginHint: "Pat@Firm.test" });
  });

  it("refuses a token for another account than the mailbox's, and an account of another tenant when one is pinned", async () => {
    const msal = new FakeMsal(["t1"], ["t2"]);
    const wrong = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(NAA), origin, createClient: factoryFor(msal).factory, mailboxUser: "amy@firm.test" },
    );
    const silent = wrong.getToken(["Mail.ReadWrite"]);
    await expect(silent).rejects.toMatchObject({ code: "wrong-account" });
    await expect(silent).rejects.toThrow(/pat@firm\.test.*amy@firm\.test/);
    expect(msal.active).toBeNull();

    const tenant = "11111111-2222-3333-4444-555555555555";
    const pinned = createMsalTokenProvider(
      { clientId: "id", tenant },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal(["t"])).factory,
        mailboxUser: "pat@firm.test",
      },
    );
    // The fake's account is of tenant "t", not the pinned one.
    await expect(pinned.getToken(["Mail.ReadWrite"])).rejects.toMatchObject({ code: "wrong-account" });
    expect(msalConfiguration({ clientId: "id", tenant }, origin, true).auth.authority).toBe(`https://login.microsoftonline.com/${tenant}`);
    expect(pinnedTenant({ clientId: "id", authority: "https://login.microsoftonline.com/firm.onmicrosoft.com" })).toBe(
      "firm.onmicrosoft.com",
    );
    expect(pinnedTenant({ clientId: "id", authority: "https://login.microsoftonline.com/organizations" })).toBeNull();
    const same = createMsalTokenProvider(
      { clientId: "id", tenant: "T" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal(["ok"])).factory,
        mailboxUser: "pat@firm.test",
      },
    );
    expect(await same.getToken(["Mail.ReadWrite"])).toBe("ok");
  });

  it("checks the account a sign-in dialog reports, and passes the login hint to the dialog page", async () => {
    const msal = new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "popup_window_error")]);
    const message = JSON.stringify({
      type: "matterline-auth",
      ok: true,
      accessToken: "t-dialog",
      expiresOn: null,
      account: { username: "intruder@other.test", tenantId: "x" },
    });
    const { ui, opened } = fakeUi({ message, origin });
    const provider = createMsalTokenProvider(
      { clientId: "id" },
      { officeContext: fakeOfficeContext(NAA, ui), origin, createClient: factoryFor(msal).factory, mailboxUser: "pat@firm.test" },
    );
    await expect(provider.getToken(["Mail.ReadWrite"], I)).rejects.toMatchObject({ code: "wrong-account" });
    expect(new URL(opened[0]).searchParams.get("loginHint")).toBe("pat@firm.test");
  });

  it("tells a refused consent apart from a cancel, and says what the administrator must grant", async () => {
    const refusals = [
      authError("ServerError", "access_denied"),
      authError("InteractionRequiredAuthError", "consent_required"),
      authError("ServerError", "invalid_grant"),
    ];
    refusals[1].message = "AADSTS65001: The user or administrator has not consented to use the application.";
    refusals[2].message = "AADSTS65001: consent missing";
    for (const refusal of refusals) {
      const p = createMsalTokenProvider(
        { clientId: "id" },
        {
          officeContext: fakeOfficeContext(NAA),
          origin,
          createClient: factoryFor(new FakeMsal([interactionRequired()], [refusal])).factory,
        },
      );
      const outcome = p.getToken(["Sites.Selected"], I);
      await expect(outcome).rejects.toMatchObject({ code: "consent-refused" });
      await expect(outcome).rejects.toThrow(/Sites\.Selected.*administrator.*admin consent/);
    }
    const cancel = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal([interactionRequired()], [authError("BrowserAuthError", "user_cancelled")])).factory,
      },
    );
    await expect(cancel.getToken(["Mail.ReadWrite"], I)).rejects.toMatchObject({ code: "auth-cancelled" });
    // A silent consent_required (nobody asked yet) is not a refusal: it asks for a sign-in.
    const notYet = createMsalTokenProvider(
      { clientId: "id" },
      {
        officeContext: fakeOfficeContext(NAA),
        origin,
        createClient: factoryFor(new FakeMsal([authError("InteractionRequiredAuthError", "consent_required")])).factory,
      },
    );
    await expect(notYet.getToken(["Mail.ReadWrite"])).rejects.toMatchObject({ code: "sign-in-required" });
  });
});
