// Logistic regression (softmax for several classes, sigmoid for one) by full-batch gradient descent with L2: no
// randomness at all, so the same data and settings always give the same weights, on any machine.
import type { LinearModelData } from "@domain/language/linearModel";

/** One training example: its named features and its class index (binary models: 1 = positive, 0 = negative). */
export interface Example {
  readonly features: ReadonlyMap<string, number>;
  readonly label: number;
  /** Fixed logits added before the learned ones (a baseline the model learns to correct), one per class. */
  readonly offset?: readonly number[];
}

export interface TrainOptions {
  /** Class names; one name makes a binary (sigmoid) model for that class. */
  readonly classes: readonly string[];
  /** Keep only features seen in at least this many examples. */
  readonly minCount: number;
  /** L2 penalty. */
  readonly l2: number;
  readonly iterations: number;
  readonly learningRate: number;
  /** Weight of positive examples in a binary model (balances a rare class). */
  readonly positiveWeight?: number;
  /**
   * Features whose every weight is smaller than this are dropped from the JSON (default 0.02): with word pairs a
   * lightly regularised model has thousands of tiny weights that change no decision but weigh on the pane's download.
   */
  readonly minWeight?: number;
  /** Feature names never learned (kept out whatever the data says). */
  readonly exclude?: (feature: string) => boolean;
}

/** Trains and returns the weights, rounded to 2 decimals with near-zero weights dropped (smaller JSON, same decisions). */
export function trainLogistic(
  examples: readonly Example[],
  options: TrainOptions,
  header: Record<string, string | number>,
): LinearModelData {
  const counts = new Map<string, number>();
  for (const e of examples) for (const name of e.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts.entries()]
    .filter(([name, n]) => n >= options.minCount && !(options.exclude?.(name) ?? false))
    .map(([name]) => name)
    .sort();
  const index = new Map(names.map((n, i) => [n, i]));
  // Feature indices and values in typed arrays: the inner loops below run over them millions of times.
  const rows = examples.map((e) => {
    const kept = [...e.features.entries()].filter(([n]) => index.has(n));
    return {
      idx: Int32Array.from(kept, ([n]) => index.get(n)!),
      val: Float64Array.from(kept, ([, v]) => v),
      y: e.label,
      offset: e.offset,
    };
  });
  const binary = options.classes.length === 1;
  const K = options.classes.length;
  const F = names.length;
  const W = Array.from({ length: K }, () => new Float64Array(F));
  const b = new Float64Array(K);
  // Adam keeps full-batch descent fast on sparse features; its steps are deterministic too.
  const mW = Array.from({ length: K }, () => new Float64Array(F));
  const vW = Array.from({ length: K }, () => new Float64Array(F));
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const n = rows.length;
  for (let it = 1; it <= options.iterations; it++) {
    const gW = Array.from({ length: K }, () => new Float64Array(F));
    const gb = new Float64Array(K);
    for (const { idx, val, y, offset } of rows) {
      const logits = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        let s = b[k] + (offset?.[k] ?? 0);
        const w = W[k];
        for (let i = 0; i < idx.length; i++) s += w[idx[i]] * val[i];
        logits[k] = s;
      }
      const p = new Float64Array(K);
      let sampleWeight = 1;
      if (binary) {
        p[0] = 1 / (1 + Math.exp(-logits[0]));
        if (y === 1) sampleWeight = options.positiveWeight ?? 1;
      } else {
        const max = Math.max(...logits);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += p[k] = Math.exp(logits[k] - max);
        for (let k = 0; k < K; k++) p[k] /= sum;
      }
      for (let k = 0; k < K; k++) {
        const target = binary ? y : y === k ? 1 : 0;
        const d = ((p[k] - target) * sampleWeight) / n;
        gb[k] += d;
        const g = gW[k];
        for (let i = 0; i < idx.length; i++) g[idx[i]] += d * val[i];
      }
    }
    const lr = options.learningRate;
    const c1 = 1 - beta1 ** it;
    const c2 = 1 - beta2 ** it;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < F; j++) {
        const g = gW[k][j] + options.l2 * W[k][j];
        mW[k][j] = beta1 * mW[k][j] + (1 - beta1) * g;
        vW[k][j] = beta2 * vW[k][j] + (1 - beta2) * g * g;
        W[k][j] -= (lr * (mW[k][j] / c1)) / (Math.sqrt(vW[k][j] / c2) + 1e-8);
      }
      mb[k] = beta1 * mb[k] + (1 - beta1) * gb[k];
      vb[k] = beta2 * vb[k] + (1 - beta2) * gb[k] * gb[k];
      b[k] -= (lr * (mb[k] / c1)) / (Math.sqrt(vb[k] / c2) + 1e-8);
    }
  }
  const weights: Record<string, number[]> = {};
  for (let j = 0; j < F; j++) {
    const w = W.map((row) => roundWeight(row[j]));
    if (w.some((v) => Math.abs(v) >= (options.minWeight ?? 0.02))) weights[names[j]] = w;
  }
  return { header, classes: options.classes, bias: [...b].map(roundWeight), weights };
}

/** A committed weight: 2 decimals (smaller JSON, same decisions). Anything that changes weights after training uses it too. */
export function roundWeight(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The top features of each class, for the training script to print (what the model learned, inspectable). */
export function topFeatures(model: LinearModelData, perClass: number): string[] {
  const lines: string[] = [];
  model.classes.forEach((cls, k) => {
    const top = Object.entries(model.weights)
      .map(([name, w]) => [name, w[k]] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, perClass)
      .map(([name, w]) => `${name} ${w.toFixed(2)}`);
    lines.push(`${cls}: ${top.join(", ")}`);
  });
  return lines;
}
