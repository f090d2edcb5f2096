/** One figure of `npm run bench`: printed as one JSON line. `ok` is value compared with target. */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  /** null for figures printed for context only (baselines). */
  target: number | null;
  ok: boolean | null;
}

/** A figure where lower is better (times, sizes, request counts). */
export function atMost(name: string, value: number, unit: string, target: number): BenchLine {
  return { name, value: round(value), unit, target, ok: value <= target };
}

/** A figure where higher is better (quality). */
export function atLeast(name: string, value: number, unit: string, target: number): BenchLine {
  return { name, value: round(value), unit, target, ok: value >= target };
}

/** A context figure with no target. */
export function info(name: string, value: number, unit: string): BenchLine {
  return { name, value: round(value), unit, target: null, ok: null };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The Wilson score interval of a proportion (95% at z = 1.96): how far a ratio measured on n items may sit from the
 * ratio the same reader would score on all such mail. On 248 emails a ratio of 0.83 spans about ±0.05, so a target
 * two or three emails away cannot be told from chance; the bench prints the interval beside such a figure.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
