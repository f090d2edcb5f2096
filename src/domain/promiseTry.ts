/**
 * Runs `work` now and gives its result as a promise; a throw becomes a rejection, as in an `async` function. For code
 * that is synchronous underneath but keeps a promise-returning contract (in-memory stores, Office calls that answer at
 * once), so callers meet every failure as a rejection. This is ES2025's `Promise.try`, which Node 20 lacks.
 */
export function promiseTry<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}
