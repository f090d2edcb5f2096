import { Client, ResponseType, RetryHandler, RetryHandlerOptions, type MiddlewareOptions } from "@microsoft/microsoft-graph-client";
import type { TokenProvider } from "@ports/tokenProvider";
import type { MatterlineError } from "@domain/errors";
import { AnonymousOption, AuthMiddleware, FetchMiddleware, LimiterMiddleware, ScopesOption } from "./graphMiddleware";
import { mapBatchFailure, mapGraphError } from "./graphErrors";
import type { BatchRequest, BatchRequestBody, BatchResponse, BatchResponseBody } from "./graphTypes";

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface GraphClientOptions {
  readonly tokenProvider: TokenProvider;
  /**
   * Graph's service root on the firm's cloud (graph.microsoft.us for US Government, for example); the global service by
   * default. Scopes stay short ("Mail.ReadWrite"), which every cloud accepts:
   * https://learn.microsoft.com/graph/sdks/national-clouds
   */
  readonly baseUrl?: string;
  /** Scopes for every request; when absent each request asks for what its path needs. */
  readonly scopes?: readonly string[];
  /** Default: the global fetch. Tests and the workbench pass the simulator's fetch. */
  readonly fetchImpl?: FetchLike;
  /** Requests in flight per mailbox (Graph allows 4). */
  readonly maxInFlight?: number;
  /** Per-request timeout in ms (default 30 s; 0 disables). */
  readonly timeoutMs?: number;
  /** Retries of 429/503/504 by the SDK's RetryHandler (default 6; it honours Retry-After). */
  readonly maxRetries?: number;
  /** Retries of idempotent reads after a dropped connection or timeout (default 2), and the pause before each. */
  readonly readRetries?: number;
  readonly readRetryDelayMs?: number;
}

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface GraphCall {
  readonly method: HttpMethod;
  /** Path after the version (`/me/messages?...`) or an absolute Graph URL (a nextLink). */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly scopes?: readonly string[];
  /** "arraybuffer" for bytes (a message's MIME); "text" for plain text. */
  readonly responseType?: "json" | "text" | "arraybuffer";
  /**
   * No token and no Graph headers: for pre-authorized URLs such as an upload session's, where an Authorization
   * header is refused. learn.microsoft.com/graph/api/driveitem-createuploadsession
   */
  readonly anonymous?: boolean;
  /**
   * False for a request that must never be repeated by itself (sending mail: a 503 or 504 may come after Graph has
   * sent it, and a digest sent twice is worse than a failure the user can retry). Default true.
   */
  readonly retry?: boolean;
  /**
   * A read the pane waits on (the Overdue list's refresh): at most one retry, within about a second, and no waiting
   * out a longer Retry-After. The caller shows the last known results with "couldn't refresh — retrying" and tries
   * again itself, instead of the user seeing nothing for the ~20 s the full budget takes against a 503.
   */
  readonly quick?: boolean;
}

export interface BatchStep {
  readonly id: string;
  readonly method: HttpMethod;
  /** Relative URL, e.g. `/me/messages/{id}`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly dependsOn?: readonly string[];
}

export interface BatchResult {
  readonly id: string;
  readonly status: number;
  readonly body: unknown;
  /** Set when the step failed (status ≥ 400 after retries, or the whole batch request failed). */
  readonly error: MatterlineError | null;
}

/** The Graph client Matterline's adapters use: the SDK with our middleware chain, plus `$batch` chunking. */
export interface GraphClient {
  readonly sdk: Client;
  call<T>(c: GraphCall): Promise<T>;
  /** Runs the steps in `$batch` requests of at most 20; throttled steps are retried. Never throws: failures are per step. */
  batch(steps: readonly BatchStep[], scopes?: readonly string[]): Promise<Map<string, BatchResult>>;
}

/** Longest Retry-After (seconds) a quick read waits out before giving up to its caller. */
const QUICK_MAX_RETRY_AFTER_SEC = 1;

/** The retry budget of a quick read: one retry after ~1 s, none when Graph asks for a longer pause. */
function quickRetryOptions(): RetryHandlerOptions {
  return new RetryHandlerOptions(1, 1, (_delay, _attempt, _request, _options, response) => {
    const header = (response as Response | undefined)?.headers?.get("Retry-After");
    if (header === null || header === undefined) return true;
    const seconds = Number(header);
    return Number.isFinite(seconds) && seconds <= QUICK_MAX_RETRY_AFTER_SEC;
  });
}

/**
 * The same client with every GET marked {@link GraphCall.quick}: for reads the pane shows as they come, whose caller
 * keeps the last results and retries on its own schedule.
 */
export function withQuickReads(graph: GraphClient): GraphClient {
  return { ...graph, call: <T>(c: GraphCall) => graph.call<T>(c.method === "GET" ? { ...c, quick: true } : c) };
}

/** Graph's `$batch` limit. */
export const MAX_BATCH = 20;
const RETRYABLE_STEP = new Set([429, 503, 504]);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Builds the client: auth (token per request scopes) → RetryHandler (429/503/504, Retry-After) → limiter (≤ maxInFlight
 * per mailbox) → fetch. The retry sits outside the limiter so a request waiting out Retry-After holds no slot.
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const fetchImpl: FetchLike = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const readRetries = options.readRetries ?? 2;
  const readRetryDelayMs = options.readRetryDelayMs ?? 250;
  const sdk = Client.initWithMiddleware({
    middleware: [
      new AuthMiddleware(options.tokenProvider, options.scopes),
      new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 6)),
      new LimiterMiddleware(options.maxInFlight ?? 4),
      new FetchMiddleware(fetchImpl, options.timeoutMs ?? 30_000),
    ],
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });

  async function once<T>(c: GraphCall): Promise<T> {
    let req = sdk.api(c.path);
    const options: MiddlewareOptions[] = [];
    if (c.scopes) options.push(new ScopesOption(c.scopes));
    if (c.anonymous) options.push(new AnonymousOption());
    if (c.retry === false) options.push(new RetryHandlerOptions(0, 0));
    else if (c.quick) options.push(quickRetryOptions());
    if (options.length) req = req.middlewareOptions(options);
    if (c.headers) req = req.headers({ ...c.headers });
    if (c.responseType === "text") req = req.responseType(ResponseType.TEXT);
    if (c.responseType === "arraybuffer") req = req.responseType(ResponseType.ARRAYBUFFER);
    switch (c.method) {
      case "GET":
        return (await req.get()) as T;
      case "POST":
        return (await req.post(c.body ?? {})) as T;
      case "PATCH":
        return (await req.patch(c.body ?? {})) as T;
      case "PUT":
        return (await req.put(c.body ?? {})) as T;
      case "DELETE":
        return (await req.delete()) as T;
    }
  }

  async function call<T>(c: GraphCall): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once<T>(c);
      } catch (e) {
        const err = mapGraphError(e);
        // Reads are idempotent, so a dropped connection or a timeout is worth another try; writes are retried by
        // their owners (outbox, transactionId), who know whether a repeat is safe.
        const transient =
          err.code === "offline" || err.code === "timeout" || (err.code === "graph-error" && /\((5\d\d)\)/.test(err.message));
        if (c.method !== "GET" || !transient || attempt >= (c.quick ? 0 : readRetries)) throw err;
        await sleep(readRetryDelayMs * (attempt + 1));
      }
    }
  }

  async function batch(steps: readonly BatchStep[], scopes?: readonly string[]): Promise<Map<string, BatchResult>> {
    const results = new Map<string, BatchResult>();
    let pending = [...steps];
    for (let round = 0; pending.length > 0; round++) {
      const retry: BatchStep[] = [];
      let waitSec = 0;
      for (let i = 0; i < pending.length; i += MAX_BATCH) {
        const chunk = pending.slice(i, i + MAX_BATCH);
        const ids = new Set(chunk.map((s) => s.id));
        const requests = chunk.map((s): BatchRequest => ({
          id: s.id,
          method: s.method,
          url: s.url,
          ...(s.body !== undefined
            ? { body: s.body, headers: { "Content-Type": "application/json", ...(s.headers ?? {}) } }
            : s.headers
              ? { headers: s.headers }
              : {}),
          // a dependency outside this chunk has already run
          ...(s.dependsOn?.some((d) => ids.has(d)) ? { dependsOn: s.dependsOn.filter((d) => ids.has(d)) } : {}),
        }));
        let responses: BatchResponse[];
        try {
          const res = await call<BatchResponseBody>({
            method: "POST",
            path: "/$batch",
            body: { requests } satisfies BatchRequestBody,
            scopes,
          });
          responses = res.responses ?? [];
        } catch (e) {
          const err = mapGraphError(e);
          for (const s of chunk) results.set(s.id, { id: s.id, status: 0, body: null, error: err });
          continue;
        }
        const byId = new Map(responses.map((r) => [r.id, r]));
        for (const s of chunk) {
          const r = byId.get(s.id);
          if (!r) {
            results.set(s.id, { id: s.id, status: 0, body: null, error: mapBatchFailure(500, null) });
            continue;
          }
          if (RETRYABLE_STEP.has(r.status) && round < 3) {
            retry.push(s);
            const ra = Number(Object.entries(r.headers ?? {}).find(([k]) => k.toLowerCase() === "retry-after")?.[1] ?? 1);
            waitSec = Math.max(waitSec, Number.isFinite(ra) ? ra : 1);
            continue;
          }
          results.set(s.id, {
            id: s.id,
            status: r.status,
            body: r.body ?? null,
            error: r.status >= 400 ? mapBatchFailure(r.status, r.body) : null,
          });
        }
      }
      pending = retry;
      if (pending.length) await sleep(Math.min(waitSec, 60) * 1000);
    }
    return results;
  }

  return { sdk, call, batch };
}
