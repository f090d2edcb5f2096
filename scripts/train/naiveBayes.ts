/**
 * A naive Bayes model folded into a trained linear model's weights.
 *
 * Multinomial naive Bayes over present/absent features is itself linear: its score for a class is the class's log
 * prior plus, for each feature present, log P(feature | class). So its weights can be added to the logistic
 * regression's, scaled by `share`, and the pane still scores one linear model and names the features behind each
 * decision. Why: the regression fits whatever separates the training writers, including their quirks; naive Bayes
 * only counts how often a feature comes with a class, which holds better for writers it has not seen (see
 * docs/language.md, "Naive Bayes folded into the intent model"). Only the regression's kept features are touched, so
 * the model does not grow.
 */
import type { LinearModelData } from "@domain/language/linearModel";
import { roundWeight } from "./logistic";

export interface CountedRow {
  /** Index of the row's class in the model's classes (rows with -1 are skipped). */
  readonly label: number;
  readonly features: ReadonlyMap<string, number>;
}

/** Add-one smoothing of the counts: a feature never seen with a class is rare there, not impossible. */
const SMOOTHING = 1;

/** `model` with `share` × naive Bayes (trained on `rows`) added; log-probabilities are centred across classes. */
export function foldNaiveBayes(model: LinearModelData, rows: readonly CountedRow[], share: number): LinearModelData {
  if (share === 0) return model;
  const classes = model.classes.length;
  const names = Object.keys(model.weights);
  const column = new Map(names.map((name, i) => [name, i] as const));
  const counts = names.map(() => new Float64Array(classes));
  const totals = new Float64Array(classes);
  const docs = new Float64Array(classes);
  for (const row of rows) {
    if (row.label < 0 || row.label >= classes) continue;
    docs[row.label]++;
    for (const name of row.features.keys()) {
      const i = column.get(name);
      if (i === undefined) continue;
      counts[i][row.label]++;
      totals[row.label]++;
    }
  }
  const weights: Record<string, number[]> = {};
  for (let i = 0; i < names.length; i++) {
    const logP = centred(Array.from(counts[i], (c, k) => Math.log((c + SMOOTHING) / (totals[k] + SMOOTHING * names.length))));
    weights[names[i]] = model.weights[names[i]].map((w, k) => roundWeight(w + share * logP[k]));
  }
  const all = docs.reduce((a, b) => a + b, 0);
  const logPrior = centred(Array.from(docs, (d) => Math.log((d + SMOOTHING) / (all + SMOOTHING * classes))));
  return { ...model, bias: model.bias.map((b, k) => roundWeight(b + share * logPrior[k])), weights };
}

/** Minus the mean: the same decisions (only differences between classes count) with smaller numbers. */
function centred(values: readonly number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => v - mean);
}
