import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from "@azure/msal-browser";
import { MatterlineError } from "@domain/errors";
import type { TokenProvider } from "@ports/tokenProvider";
import { mapAuthError, needsInteraction, popupUnavailable } from "./authErrors";
import { acquireTokenViaDialog, type DialogToken, type OfficeUiLike } from "./dialogFallback";
import { requirementSupport, type OfficeContextLike } from "./requirements";

/** Sign-in configuration: public values only (a client id is not a secret), read from the deployment's config. */
export interface AuthConfig {
  /** Application (client) id of the Entra app registration. */
  readonly clientId: string;
  /** Defaults to "https://login.microsoftonline.com/common" (or "organizations"); a tenant URL pins one firm. */
  readonly authority?: string;
  /** Defaults to `brk-multihub://<host>` for nested app auth, as Entra expects for NAA. */
  readonly redirectUri?: string;
  /** URL of the sign-in dialog page; defaults to `<origin>/auth.html`. Also the redirect URI of the popup fallback. */
  readonly dialogUrl?: string;
}

/** The MSAL calls we use; a fake with these methods stands in for MSAL in tests. */
export type MsalClient = Pick<
  IPublicClientApplication,
  "acquireTokenSilent" | "acquireTokenPopup" | "getAllAccounts" | "getActiveAccount" | "setActiveAccount"
>;

/** Creates the MSAL client: "nestable" under nested app auth, "standard" otherwise. */
export type MsalFactory = (kind: "nestable" | "standard", configuration: Configuration) => Promise<MsalClient>;

export interface MsalTokenProviderDeps {
  /** `Office.context`, or a fake; its requirement sets choose nested app auth or not, its `ui` opens the dialog. */
  readonly officeContext: (OfficeContextLike & { readonly ui?: OfficeUiLike }) | null;
  /** The add-in's origin, e.g. "https://localhost:3000". */
  readonly origin: string;
  /** Defaults to MSAL's createNestablePublicClientApplication / createStandardPublicClientApplication. */
  readonly createClient?: MsalFactory;
  /** Clock for dialog-token expiry; the adapter may read it, the domain may not. */
  readonly now?: () => Date;
}

const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/common";
/** Renew dialog tokens a little early so a request never leaves with a token that expires in flight. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

const defaultFactory: MsalFactory = async (kind, configuration) => {
  // Imported lazily so tests and the workbench never load MSAL unless they sign in for real.
  const msal = await import("@azure/msal-browser");
  return kind === "nestable"
    ? msal.createNestablePublicClientApplication(configuration)
    : msal.createStandardPublicClientApplication(configuration);
};

/** The configuration MSAL gets; exported so the README and tests show exactly what is sent. */
export function msalConfiguration(config: AuthConfig, origin: string, nested: boolean): Configuration {
  if (!config.clientId?.trim())
    throw new MatterlineError("invalid-config", "Sign-in is not set up: the add-in has no client id. Ask your IT administrator.");
  const host = new URL(origin).host;
  return {
    auth: {
      clientId: config.clientId.trim(),
      authority: config.authority ?? DEFAULT_AUTHORITY,
      redirectUri: nested ? (config.redirectUri ?? `brk-multihub://${host}`) : (config.dialogUrl ?? `${origin}/auth.html`),
    },
    // MSAL keeps its own cache for the session only; Matterline itself never stores a token.
    cache: { cacheLocation: "sessionStorage" },
  };
}

function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes.map((s) => s.toLowerCase()))].sort().join(" ");
}

/**
 * A TokenProvider over MSAL: nested app auth when Outlook supports it (NestedAppAuth 1.1), otherwise the standard
 * browser client. Each call asks silently for exactly the scopes it needs (incremental consent), then with a popup,
 * then through the Office dialog when the popup cannot open. Only one interactive sign-in runs at a time.
 */
export function createMsalTokenProvider(config: AuthConfig, deps: MsalTokenProviderDeps): TokenProvider {
  const nested = requirementSupport(deps.officeContext).nestedAppAuth;
  const configuration = msalConfiguration(config, deps.origin, nested);
  const factory = deps.createClient ?? defaultFactory;
  const now = deps.now ?? (() => new Date());
  let client: Promise<MsalClient> | null = null;
  let interactive: Promise<unknown> = Promise.resolve();
  // Dialog tokens never enter MSAL's cache, so they are kept here, in memory, until they expire.
  const dialogTokens = new Map<string, DialogToken>();

  const getClient = () => {
    client ??= factory(nested ? "nestable" : "standard", configuration).catch((error) => {
      client = null;
      throw mapAuthError(error);
    });
    return client;
  };

  const account = (pca: MsalClient): AccountInfo | undefined => pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? undefined;

  const remember = (pca: MsalClient, result: AuthenticationResult) => {
    if (result.account) pca.setActiveAccount(result.account);
    if (!result.accessToken) throw new MatterlineError("auth-failed", "Sign-in finished without a token. Try again.");
    return result.accessToken;
  };

  /** Runs interactive steps one after another: MSAL refuses a second popup while one is open. */
  const serially = <T>(run: () => Promise<T>): Promise<T> => {
    const next = interactive.then(run, run);
    interactive = next.catch(() => undefined);
    return next;
  };

  const viaDialog = async (scopes: readonly string[]): Promise<string> => {
    const ui = deps.officeContext?.ui;
    if (!ui) throw new MatterlineError("auth-failed", "Sign-in needs a window, but this host cannot open one. Open Matterline in Outlook.");
    const token = await acquireTokenViaDialog({ ui, dialogUrl: config.dialogUrl ?? `${deps.origin}/auth.html`, scopes });
    dialogTokens.set(scopeKey(scopes), token);
    return token.accessToken;
  };

  return {
    async getToken(scopes) {
      if (scopes.length === 0) throw new MatterlineError("invalid-input", "No permissions were requested.");
      const cached = dialogTokens.get(scopeKey(scopes));
      if (cached && (!cached.expiresOn || cached.expiresOn.getTime() - EXPIRY_MARGIN_MS > now().getTime())) return cached.accessToken;
      const pca = await getClient();
      const request = { scopes: [...scopes], account: account(pca) };
      try {
        // Under nested app auth, Outlook knows the user even when MSAL has no account yet; silent works without one.
        if (request.account || nested) return remember(pca, await pca.acquireTokenSilent(request));
      } catch (error) {
        if (!needsInteraction(error)) throw mapAuthError(error);
      }
      return serially(async () => {
        try {
          return remember(pca, await pca.acquireTokenPopup({ scopes: [...scopes], account: request.account }));
        } catch (error) {
          if (popupUnavailable(error)) {
            try {
              return await viaDialog(scopes);
            } catch (dialogError) {
              throw mapAuthError(dialogError);
            }
          }
          throw mapAuthError(error);
        }
      });
    },
  };
}
