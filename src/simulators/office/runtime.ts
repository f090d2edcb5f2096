import type { FakeError } from "./types";

/** Office.AsyncResult as the fake reports it. */
export interface FakeAsyncResult<T> {
  readonly status: "succeeded" | "failed";
  readonly value: T | undefined;
  readonly error?: { readonly code: number; readonly name: string; readonly message: string };
  readonly asyncContext?: unknown;
}

type AnyCallback = (result: FakeAsyncResult<unknown>) => void;

/** Thrown inside a fake method's body to make the call report failure (like a host-side rejection). */
export class FakeOfficeCallError extends Error {
  readonly code: number;
  constructor(code: number, name: string, message: string) {
    super(message);
    this.name = name;
    this.code = code;
  }
}

/** Office's own generic failure code, used when a test does not name one. */
const GENERIC_CODE = 5001;

/**
 * Shared machinery of the fake: queued failures per method name and the asynchronous call-back.
 * Every async method goes through `respond`, so failure injection and async delivery behave the same everywhere.
 */
export class FakeRuntime {
  private readonly failures = new Map<string, FakeError[]>();
  private readonly schedule: (fn: () => void) => void;
  private pendingCount = 0;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(schedule?: (fn: () => void) => void) {
    this.schedule = schedule ?? ((fn) => void setTimeout(fn, 0));
  }

  /** Makes the next `times` calls of `method` fail with `error`. */
  /** Forgets every queued failure (the workbench switching its fault mode back to normal). */
  clearFailures(): void {
    this.failures.clear();
  }

  failNext(method: string, error: FakeError | string, times = 1): void {
    const e = typeof error === "string" ? { message: error } : error;
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(e);
    this.failures.set(method, queue);
  }

  /** Takes the queued failure for `method`, if any. Used directly by synchronous methods, which throw. */
  takeFailure(method: string): FakeError | undefined {
    const queue = this.failures.get(method);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.failures.delete(method);
    return next;
  }

  /** Throws the queued failure of a synchronous method, as Office throws from sync APIs. */
  throwIfFailing(method: string): void {
    const failure = this.takeFailure(method);
    if (failure) throw new FakeOfficeCallError(failure.code ?? GENERIC_CODE, failure.name ?? "InternalError", failure.message);
  }

  /** Runs `fn` later, counted so tests can wait until the fake is idle. */
  later(fn: () => void): void {
    this.pendingCount++;
    this.schedule(() => {
      try {
        fn();
      } finally {
        this.pendingCount--;
        if (this.pendingCount === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      }
    });
  }

  /** Resolves once every scheduled callback has run. */
  idle(): Promise<void> {
    if (this.pendingCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Completes an Office-style async call. `tail` is what followed the required arguments: `(options?, callback?)`.
   * `body` runs at call-back time; throwing FakeOfficeCallError (or any error) reports failure.
   */
  respond<T>(method: string, tail: readonly unknown[], body: () => T): void {
    const { options, callback } = splitTail(tail);
    const asyncContext = options?.asyncContext;
    this.later(() => {
      const failure = this.takeFailure(method);
      let result: FakeAsyncResult<unknown>;
      if (failure) {
        result = failed(failure.code ?? GENERIC_CODE, failure.name ?? "InternalError", failure.message, asyncContext);
      } else {
        try {
          result = { status: "succeeded", value: body(), asyncContext };
        } catch (error) {
          const e = error instanceof FakeOfficeCallError ? error : new FakeOfficeCallError(GENERIC_CODE, "InternalError", String(error));
          result = failed(e.code, e.name, e.message, asyncContext);
        }
      }
      callback?.(result);
    });
  }
}

function failed(code: number, name: string, message: string, asyncContext: unknown): FakeAsyncResult<unknown> {
  return { status: "failed", value: undefined, error: { code, name, message }, asyncContext };
}

/** Office accepts `(callback)`, `(options, callback)`, `(options)` or nothing after the required arguments. */
export function splitTail(tail: readonly unknown[]): {
  options?: { asyncContext?: unknown; [k: string]: unknown };
  callback?: AnyCallback;
} {
  const last = tail[tail.length - 1];
  const callback = typeof last === "function" ? (last as AnyCallback) : undefined;
  const first = tail[0];
  const options = first && typeof first === "object" ? (first as { asyncContext?: unknown }) : undefined;
  return { options, callback };
}

/** Compares dotted versions numerically ("1.13" > "1.9"). */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
