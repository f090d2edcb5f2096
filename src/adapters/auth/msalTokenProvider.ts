import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from "@azure/msal-browser";
import { MatterlineError } from "@domain/errors";
import type { TokenProvider } from "@ports/tokenProvider";
import { consentMessage, consentRefused, mapAuthError, needsInteraction, popupUnavailable } from "./authErrors";
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
  /**
   * The firm's tenant (a GUID or a domain such as `firm.onmicrosoft.com`): sign-in goes to that tenant only, and an
   * account from any other tenant is refused. Also read from a tenant-specific authority.
   */
  readonly tenant?: string;
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
  /**
   * The mailbox's user (`Office.context.mailbox.userProfile.emailAddress`): given to Entra as the login hint, and the
   * only account whose tokens are used, so Matterline never writes into another person's mailbox.
   */
  readonly mailboxUser?: string;
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

/** Authority path segments that do not name one tenant. */
const MULTI_TENANT = new Set(["common", "organizations", "consumers"]);

/** The tenant sign-in is pinned to: the configured one, or the one a tenant-specific authority names; null when none. */
export function pinnedTenant(config: AuthConfig): string | null {
  const explicit = config.tenant?.trim().toLowerCase();
  if (explicit) return explicit;
  if (!config.authority) return null;
  try {
    const segment = new URL(config.authority).pathname.split("/").find(Boolean)?.toLowerCase() ?? "";
    return segment && !MULTI_TENANT.has(segment) ? segment : null;
  } catch {
    return null;
  }
}

/** The authority MSAL gets: the configured one, else the pinned tenant's on the public cloud, else "common". */
function authorityFor(config: AuthConfig): string {
  if (config.authority) return config.authority;
  const tenant = pinnedTenant(config);
  return tenant ? `https://login.microsoftonline.com/${tenant}` : DEFAULT_AUTHORITY;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Refuses a token whose account is not the mailbox's user, or not of the pinned tenant. A tenant given as a domain is
 * enforced by the authority itself (Entra signs in only that tenant's users there); a GUID is also compared here,
 * because nested app auth may hand back the account Outlook is signed in with.
 */
export function checkAccount(
  account: Pick<AccountInfo, "username" | "tenantId"> | null | undefined,
  mailboxUser: string | undefined,
  tenant: string | null,
): void {
  const expected = mailboxUser?.trim().toLowerCase();
  const got = account?.username?.trim().toLowerCase();
  if (expected && got && got !== expected)
    throw new MatterlineError(
      "wrong-account",
      `You are signed in to Microsoft 365 as ${account?.username ?? "another account"}, but this mailbox belongs to ${mailboxUser}. ` +
        `Matterline stopped so it does not change another person's mailbox. Choose Sign in and use ${mailboxUser}.`,
    );
  if (tenant && GUID.test(tenant) && account?.tenantId && account.tenantId.toLowerCase() !== tenant)
    throw new MatterlineError(
      "wrong-account",
      `The account ${account.username} belongs to another organisation than the one Matterline is set up for. Sign in with your firm account.`,
    );
}

/** The configuration MSAL gets; exported so the README and tests show exactly what is sent. */
export function msalConfiguration(config: AuthConfig, origin: string, nested: boolean): Configuration {
  if (!config.clientId?.trim())
    throw new MatterlineError("invalid-config", "Sign-in is not set up: the add-in has no client id. Ask your IT administrator.");
  const host = new URL(origin).host;
  return {
    auth: {
      clientId: config.clientId.trim(),
      authority: authorityFor(config),
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
 * browser client. Each call asks silently for exactly the scopes it needs (incremental consent). Only a call with
 * `interactive: true` (a sign-in the user asked for) may go on to a popup, then the Office dialog when the popup cannot
 * open; anything else fails with `sign-in-required`, so background work never opens a window by surprise. Only one
 * interactive sign-in runs at a time.
 *
 * Nested app auth: try `acquireTokenSilent` first and fall back to `acquireTokenPopup` only on an
 * InteractionRequiredAuthError, as Microsoft documents for Office add-ins
 * (learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in); the popup
 * takes the mailbox's address as `loginHint` (learn.microsoft.com/entra/msal/javascript/browser/login-user,
 * request parameters) so Entra proposes the right account.
 */
export function createMsalTokenProvider(config: AuthConfig, deps: MsalTokenProviderDeps): TokenProvider {
  const nested = requirementSupport(deps.officeContext).nestedAppAuth;
  const configuration = msalConfiguration(config, deps.origin, nested);
  const factory = deps.createClient ?? defaultFactory;
  const now = deps.now ?? (() => new Date());
  const mailboxUser = deps.mailboxUser?.trim() || undefined;
  const tenant = pinnedTenant(config);
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

  /** The cached account to use: the mailbox user's when known (never someone else's), else the active or first one. */
  const account = (pca: MsalClient): AccountInfo | undefined => {
    const all = pca.getAllAccounts();
    if (mailboxUser) {
      const wanted = mailboxUser.toLowerCase();
      const active = pca.getActiveAccount();
      if (active?.username?.toLowerCase() === wanted) return active;
      return all.find((a) => a.username?.toLowerCase() === wanted);
    }
    return pca.getActiveAccount() ?? all[0] ?? undefined;
  };

  const remember = (pca: MsalClient, result: AuthenticationResult) => {
    checkAccount(result.account, mailboxUser, tenant);
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
    const token = await acquireTokenViaDialog({
      ui,
      dialogUrl: config.dialogUrl ?? `${deps.origin}/auth.html`,
      scopes,
      loginHint: mailboxUser,
    });
    checkAccount(token.account, mailboxUser, tenant);
    dialogTokens.set(scopeKey(scopes), token);
    return token.accessToken;
  };

  const signInRequired = (scopes: readonly string[], cause: unknown) =>
    new MatterlineError("sign-in-required", `Sign in to continue: Matterline needs ${scopes.join(", ")} and will not ask by itself.`, {
      cause,
    });

  return {
    async getToken(scopes, options) {
      if (scopes.length === 0) throw new MatterlineError("invalid-input", "No permissions were requested.");
      const cached = dialogTokens.get(scopeKey(scopes));
      if (cached && (!cached.expiresOn || cached.expiresOn.getTime() - EXPIRY_MARGIN_MS > now().getTime())) return cached.accessToken;
      const pca = await getClient();
      const request = { scopes: [...scopes], account: account(pca) };
      let silentError: unknown = null;
      try {
        // Under nested app auth, Outlook knows the user even when MSAL has no account yet; silent works without one.
        if (request.account || nested) return remember(pca, await pca.acquireTokenSilent(request));
      } catch (error) {
        if (error instanceof MatterlineError) throw error;
        if (!needsInteraction(error)) throw mapAuthError(error, scopes);
        silentError = error;
      }
      if (options?.interactive !== true) throw signInRequired(scopes, silentError);
      return serially(async () => {
        try {
          return remember(pca, await pca.acquireTokenPopup({ scopes: [...scopes], account: request.account, loginHint: mailboxUser }));
        } catch (error) {
          if (error instanceof MatterlineError) throw error;
          if (popupUnavailable(error)) {
            try {
              return await viaDialog(scopes);
            } catch (dialogError) {
              throw mapAuthError(dialogError, scopes);
            }
          }
          if (consentRefused(error)) throw new MatterlineError("consent-refused", consentMessage(scopes), { cause: error });
          throw mapAuthError(error, scopes);
        }
      });
    },
  };
}
