/** Backoff policy for retryable failures. */
export interface BackoffPolicy {
  /** Delay after the first failure, in ms. */
  readonly baseMs: number;
  /** Never wait longer than this, so an op queued while offline goes out soon after the network returns. */
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 60 * 60_000 };

/** Exponential delay after `attempts` failures (1 → base, 2 → 2×base, …), capped. Deterministic: no jitter, since keys already spread load. */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, attempts - 1);
  // Cap the exponent first so 2^n cannot overflow to Infinity on a long-offline device.
  const raw = policy.baseMs * 2 ** Math.min(exponent, 40);
  return Math.min(policy.capMs, raw);
}

/** ISO time of the next attempt after `attempts` failures at `now`. */
export function nextAttemptAt(now: Date, attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF): string {
  return new Date(now.getTime() + backoffDelayMs(attempts, policy)).toISOString();
}
