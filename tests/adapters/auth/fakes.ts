import type { AccountInfo, AuthenticationResult, Configuration } from "@azure/msal-browser";
import type { MsalClient } from "@adapters/auth/msalTokenProvider";
import type { DialogLike, OfficeUiLike } from "@adapters/auth/dialogFallback";

/** Office.context with the requirement sets given as "Name@version" strings. */
export function fakeOfficeContext(sets: string[], ui?: OfficeUiLike) {
  const supported = new Set(sets);
  return {
    requirements: {
      isSetSupported(name: string, version = "1.1") {
        // A host supporting a set at N supports every lower minor version of it.
        return [...supported].some((s) => {
          const [n, v] = s.split("@");
          return n === name && Number(v.split(".")[1]) >= Number(version.split(".")[1]);
        });
      },
    },
    ui,
  };
}

export const account = {
  homeAccountId: "h",
  environment: "e",
  tenantId: "t",
  username: "pat@firm.test",
  localAccountId: "l",
} as AccountInfo;

export function authError(name: string, errorCode: string): Error & { errorCode: string } {
  return Object.assign(new Error(errorCode), { name, errorCode });
}

function result(token: string): AuthenticationResult {
  return { accessToken: token, account } as AuthenticationResult;
}

/** A scripted MSAL client: each method answers from a queue of outcomes (a token string or an error). */
export class FakeMsal implements MsalClient {
  readonly calls: string[] = [];
  active: AccountInfo | null = null;
  accounts: AccountInfo[] = [];
  constructor(
    private readonly silent: (string | Error)[] = [],
    private readonly popup: (string | Error)[] = [],
  ) {}
  private answer(queue: (string | Error)[], what: string) {
    const next = queue.shift();
    if (next === undefined) throw new Error(`unexpected ${what}`);
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve(result(next));
  }
  acquireTokenSilent = ((req: { scopes: string[] }) => {
    this.calls.push(`silent:${req.scopes.join(",")}`);
    return this.answer(this.silent, "silent");
  }) as MsalClient["acquireTokenSilent"];
  acquireTokenPopup = ((req: { scopes: string[] }) => {
    this.calls.push(`popup:${req.scopes.join(",")}`);
    return this.answer(this.popup, "popup");
  }) as MsalClient["acquireTokenPopup"];
  getAllAccounts = (() => this.accounts) as MsalClient["getAllAccounts"];
  getActiveAccount = (() => this.active) as MsalClient["getActiveAccount"];
  setActiveAccount = ((a: AccountInfo | null) => {
    this.active = a;
  }) as MsalClient["setActiveAccount"];
}

export function factoryFor(client: FakeMsal) {
  const made: { kind: string; configuration: Configuration }[] = [];
  const factory = (kind: "nestable" | "standard", configuration: Configuration) => {
    made.push({ kind, configuration });
    return Promise.resolve(client);
  };
  return { factory, made };
}

/** An Office dialog that answers with a scripted message or event once a handler is attached. */
export function fakeUi(reply: { message?: string; origin?: string; error?: number } | "fail-open") {
  const opened: string[] = [];
  let closed = 0;
  const ui: OfficeUiLike = {
    displayDialogAsync(url, _options, callback) {
      opened.push(url);
      if (reply === "fail-open") {
        callback({ status: "failed", value: null as unknown as DialogLike, error: { code: 12007, message: "busy" } });
        return;
      }
      const handlers = new Map<string, (arg: { message?: string; origin?: string; error?: number }) => void>();
      const dialog: DialogLike = {
        addEventHandler(type, handler) {
          handlers.set(type, handler);
        },
        close() {
          closed += 1;
        },
      };
      callback({ status: "succeeded", value: dialog });
      queueMicrotask(() => {
        if (reply.error !== undefined) handlers.get("dialogEventReceived")?.({ error: reply.error });
        else handlers.get("dialogMessageReceived")?.({ message: reply.message, origin: reply.origin });
      });
    },
  };
  return { ui, opened, closedCount: () => closed };
}
