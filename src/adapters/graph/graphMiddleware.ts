import type { Context, Middleware, MiddlewareOptions } from "@microsoft/microsoft-graph-client";
import { GraphScopes, type TokenProvider } from "@ports/tokenProvider";
import { MatterlineError } from "@domain/errors";
import { mailboxKeyOf } from "./requestKey";
import { TransportErrorName } from "./graphErrors";

/** Per-request scopes, passed with `.middlewareOptions([new ScopesOption([...])])`: scopes are asked incrementally. */
export class ScopesOption implements MiddlewareOptions {
  constructor(readonly scopes: readonly string[]) {}
}

/** Header access over whatever shape the SDK left in the options (plain object, Headers, or pairs). */
function headerAccess(context: Context): { get(name: string): string | null; set(name: string, value: string): void } {
  context.options ??= {};
  const opts = context.options;
  if (!(opts.headers instanceof Headers)) opts.headers = new Headers(opts.headers ?? {});
  const h = opts.headers;
  return { get: (n) => h.get(n), set: (n, v) => h.set(n, v) };
}

function urlOf(context: Context): string {
  return typeof context.request === "string" ? context.request : context.request.url;
}

/** Marks a request to a pre-authorized URL (an upload session's): no token, no Graph headers. */
export class AnonymousOption implements MiddlewareOptions {}

/** Scopes a request needs when the caller did not say: shared mailboxes need the `.Shared` scopes, and so on. */
export function defaultScopesFor(url: string): readonly string[] {
  const path = url.replace(/^https?:\/\/[^/]+\/(v1\.0|beta)/, "");
  if (path.startsWith("/shares/")) return GraphScopes.files;
  if (/^\/(sites|drives)\//.test(path)) return GraphScopes.sites;
  const scopes = new Set<string>();
  const shared = /^\/users\//.test(path);
  if (/\/(events|calendarView|calendar)(\/|\?|$)/.test(path)) {
    GraphScopes.calendar.forEach((s) => scopes.add(s));
    // another person's calendar: the calendar's shared scope, not the mail one (the permissions reference,
    // learn.microsoft.com/graph/permissions-reference, lists them apart)
    if (shared) GraphScopes.sharedCalendar.forEach((s) => scopes.add(s));
    return [...scopes];
  }
  if (shared) GraphScopes.sharedMail.forEach((s) => scopes.add(s));
  if (/\/sendMail(\?|$)/.test(path)) GraphScopes.send.forEach((s) => scopes.add(s));
  else if (/\/mailboxSettings/.test(path)) GraphScopes.mailboxSettings.forEach((s) => scopes.add(s));
  else GraphScopes.mail.forEach((s) => scopes.add(s));
  return [...scopes];
}

function transportNameOf(e: unknown): string {
  if (!(e instanceof MatterlineError)) return TransportErrorName.authFailed;
  switch (e.code) {
    case "auth-cancelled":
      return TransportErrorName.authCancelled;
    case "sign-in-required":
      return TransportErrorName.signInRequired;
    case "consent-refused":
      return TransportErrorName.consentRefused;
    case "wrong-account":
      return TransportErrorName.wrongAccount;
    default:
      return TransportErrorName.authFailed;
  }
}

/** Adds the bearer token (scopes per request) and asks Graph for immutable ids on every request. */
export class AuthMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly tokens: TokenProvider,
    private readonly fallbackScopes: readonly string[] | undefined,
  ) {}

  async execute(context: Context): Promise<void> {
    const control = context.middlewareControl as { getMiddlewareOptions?: (fn: unknown) => unknown } | undefined;
    if (control?.getMiddlewareOptions?.(AnonymousOption)) return this.next!.execute(context);
    const option = control?.getMiddlewareOptions?.(ScopesOption) as ScopesOption | undefined;
    const scopes = option?.scopes ?? this.fallbackScopes ?? defaultScopesFor(urlOf(context));
    let token: string;
    try {
      token = await this.tokens.getToken(scopes);
    } catch (e) {
      // The SDK wraps middleware errors in a GraphError keeping only the name: carry the meaning in it.
      const err = new Error(e instanceof Error ? e.message : "Sign-in failed", { cause: e });
      err.name = transportNameOf(e);
      throw err;
    }
    const headers = headerAccess(context);
    headers.set("Authorization", `Bearer ${token}`);
    // Ids must survive moves between folders; EWS-style ids do not. Keep the caller's own preferences.
    const prefer = headers.get("Prefer");
    if (!prefer?.includes("IdType")) headers.set("Prefer", prefer ? `${prefer}, IdType="ImmutableId"` : 'IdType="ImmutableId"');
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Keeps at most `max` requests in flight per mailbox, because Graph allows only 4 concurrent requests per mailbox. */
export class LimiterMiddleware implements Middleware {
  private next?: Middleware;
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  constructor(private readonly max: number) {}

  private async acquire(key: string): Promise<void> {
    const n = this.active.get(key) ?? 0;
    if (n < this.max) {
      this.active.set(key, n + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const q = this.waiting.get(key) ?? [];
      q.push(resolve);
      this.waiting.set(key, q);
    });
  }

  private release(key: string): void {
    const q = this.waiting.get(key);
    const nextWaiter = q?.shift();
    if (nextWaiter)
      nextWaiter(); // the slot passes straight to the waiter
    else this.active.set(key, (this.active.get(key) ?? 1) - 1);
  }

  async execute(context: Context): Promise<void> {
    const key = mailboxKeyOf(urlOf(context), context.options?.body);
    await this.acquire(key);
    try {
      await this.next!.execute(context);
    } finally {
      this.release(key);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The last link: calls the injected fetch (global fetch, or the simulator's), with a timeout. */
export class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const init: RequestInit = { ...(context.options ?? {}) };
    if (this.timeoutMs > 0 && !init.signal) init.signal = AbortSignal.timeout(this.timeoutMs);
    context.response = await this.fetchImpl(context.request, init);
  }
}
