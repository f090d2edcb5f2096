import { describe, expect, it } from "vitest";
import type { AuthenticationResult } from "@azure/msal-browser";
import { requirementSupport } from "@adapters/auth/requirements";
import { parseAuthDialogMessage } from "@adapters/auth/dialogFallback";
import { runAuthDialogPage, type AuthDialogPageDeps } from "@adapters/auth/authDialogPage";
import { fakeOfficeContext } from "./fakes";

describe("requirementSupport", () => {
  it("reports a current Outlook as fully capable", () => {
    const s = requirementSupport(fakeOfficeContext(["Mailbox@1.14", "NestedAppAuth@1.1"]));
    expect(s).toMatchObject({ mailbox: "1.14", nestedAppAuth: true, categories: true, onMessageSend: true, multiSelect: true });
    expect(s.limitations).toEqual([]);
  });

  it("degrades clearly on LTSC Outlook 2021 (Mailbox 1.9, no nested app auth)", () => {
    const s = requirementSupport(fakeOfficeContext(["Mailbox@1.9"]));
    expect(s).toMatchObject({ mailbox: "1.9", nestedAppAuth: false, categories: true, onMessageSend: false, multiSelect: false });
    expect(s.limitations).toHaveLength(3);
    expect(s.limitations.join(" ")).toMatch(/sign-in window/);
    expect(s.limitations.join(" ")).toMatch(/one at a time/);
  });

  it("handles no Office at all, and hosts that throw for unknown sets", () => {
    expect(requirementSupport(null)).toMatchObject({ mailbox: null, nestedAppAuth: false });
    const throwing = {
      requirements: {
        isSetSupported: (name: string) => {
          if (name === "NestedAppAuth") throw new Error("unknown set");
          return true;
        },
      },
    };
    expect(requirementSupport(throwing)).toMatchObject({ mailbox: "1.15", nestedAppAuth: false });
  });
});

describe("the dialog page protocol", () => {
  it("accepts only well-formed Matterline messages", () => {
    expect(parseAuthDialogMessage("not json")).toBeNull();
    expect(parseAuthDialogMessage(JSON.stringify({ type: "other", ok: true, accessToken: "x" }))).toBeNull();
    expect(parseAuthDialogMessage(JSON.stringify({ type: "matterline-auth", ok: true }))).toBeNull();
    expect(parseAuthDialogMessage(JSON.stringify({ type: "matterline-auth", ok: false, errorCode: "x" }))).toEqual({
      type: "matterline-auth",
      ok: false,
      errorCode: "x",
      message: "",
    });
  });

  it("starts a redirect for the requested scopes, then reports the token when it comes back", async () => {
    const sent: string[] = [];
    const redirects: string[][] = [];
    const pca: AuthDialogPageDeps["pca"] = {
      initialize: () => Promise.resolve(),
      handleRedirectPromise: () => Promise.resolve(null),
      acquireTokenRedirect: (req) => {
        redirects.push(req.scopes);
        return Promise.resolve();
      },
    };
    await runAuthDialogPage({
      pca,
      messageParent: (m) => sent.push(m),
      location: "https://localhost:3000/auth.html?scopes=Mail.ReadWrite+Mail.Send",
    });
    expect(redirects).toEqual([["Mail.ReadWrite", "Mail.Send"]]);
    expect(sent).toEqual([]);

    // The page reads the token, its expiry and who signed in (so the pane can refuse another account).
    const result = {
      accessToken: "tok",
      expiresOn: new Date("2026-03-02T13:00:00Z"),
      account: { username: "pat@firm.test", tenantId: "t" },
    } as AuthenticationResult;
    const back: AuthDialogPageDeps["pca"] = { ...pca, handleRedirectPromise: () => Promise.resolve(result) };
    await runAuthDialogPage({
      pca: back,
      messageParent: (m) => sent.push(m),
      location: "https://localhost:3000/auth.html?scopes=Mail.ReadWrite",
    });
    expect(parseAuthDialogMessage(sent[0])).toEqual({
      type: "matterline-auth",
      ok: true,
      accessToken: "tok",
      expiresOn: "2026-03-02T13:00:00.000Z",
      account: { username: "pat@firm.test", tenantId: "t" },
    });
  });
});
