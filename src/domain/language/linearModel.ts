/**
 * A small linear classifier over named features (words, phrases and structural signs), trained by
 * `scripts/train/language.ts` and committed as JSON. Scoring is a sum of weights per class, so each decision can
 * name the features that pushed it: the pane's reasons come from here.
 */

/** Named feature values of one message (most are 1 for "present"). */
export type Features = ReadonlyMap<string, number>;

/** The committed weights of one model. */
export interface LinearModelData {
  /** How the weights were made (script, data, seed, settings, checksum of the training data). */
  readonly header: Readonly<Record<string, string | number>>;
  /** Class names, in the order of each weight row; a binary model has one class (the positive one). */
  readonly classes: readonly string[];
  readonly bias: readonly number[];
  /** Feature name → one weight per class. */
  readonly weights: Readonly<Record<string, readonly number[]>>;
}

/** A feature that pushed a decision, and by how much. */
export interface Contribution {
  readonly feature: string;
  readonly weight: number;
}

/** A model ready to score: weights in a map for one lookup per feature. */
export interface LinearModel {
  readonly classes: readonly string[];
  readonly bias: readonly number[];
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

/** Loads committed model data for scoring. */
export function loadModel(data: LinearModelData): LinearModel {
  return { classes: data.classes, bias: data.bias, weights: new Map(Object.entries(data.weights)) };
}

/** Raw class scores (logits) of a feature set; `offset` adds fixed logits first (a baseline the model corrects). */
export function scores(model: LinearModel, features: Features, offset?: readonly number[]): number[] {
  const out = model.bias.map((b, k) => b + (offset?.[k] ?? 0));
  for (const [name, value] of features) {
    const w = model.weights.get(name);
    if (!w) continue;
    for (let k = 0; k < out.length; k++) out[k] += w[k] * value;
  }
  return out;
}

/** Softmax probabilities of logits (numerically stable). */
export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The features that pushed class `k` up the most (largest positive weight × value first). */
export function topContributions(model: LinearModel, features: Features, k: number, limit = 3): Contribution[] {
  const out: Contribution[] = [];
  for (const [name, value] of features) {
    const w = model.weights.get(name);
    if (!w || w[k] * value <= 0) continue;
    out.push({ feature: name, weight: w[k] * value });
  }
  return out.sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature)).slice(0, limit);
}
