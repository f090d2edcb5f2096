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
