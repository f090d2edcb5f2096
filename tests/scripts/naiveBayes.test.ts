import { describe, expect, it } from "vitest";
import type { LinearModelData } from "@domain/language/linearModel";
import { foldNaiveBayes } from "../../scripts/train/naiveBayes";

const model: LinearModelData = {
  header: { model: "test" },
  classes: ["a", "b"],
  bias: [0, 0],
  weights: { x: [0.5, -0.5], y: [0, 0] },
};
const row = (label: number, ...names: string[]) => ({ label, features: new Map(names.map((n) => [n, 1] as const)) });

describe("foldNaiveBayes", () => {
  it("leaves the model as it is at share 0", () => {
    expect(foldNaiveBayes(model, [row(0, "x")], 0)).toBe(model);
  });

  it("adds share times the centred log-likelihoods of the counts, rounded like the regression's weights", () => {
    // Class a: x twice, y once (3 counts); class b: y once (1 count). Two features, add-one smoothing.
    const folded = foldNaiveBayes(model, [row(0, "x", "y"), row(0, "x"), row(1, "y")], 1);
    const x = [Math.log(3 / 5), Math.log(1 / 3)];
    const y = [Math.log(2 / 5), Math.log(2 / 3)];
    const centre = (v: number[]) => v.map((e) => e - (v[0] + v[1]) / 2);
    const round = (v: number) => Math.round(v * 100) / 100;
    expect(folded.weights.x).toEqual([round(0.5 + centre(x)[0]), round(-0.5 + centre(x)[1])]);
    expect(folded.weights.y).toEqual(centre(y).map(round));
    // Priors: a has 2 of 3 rows, b 1 of 3 (add-one: 3/5 and 2/5).
    expect(folded.bias).toEqual(centre([Math.log(3 / 5), Math.log(2 / 5)]).map(round));
    expect(folded.classes).toEqual(model.classes);
    expect(folded.header).toEqual(model.header);
  });

  it("touches only the regression's kept features, and skips rows without a class", () => {
    const folded = foldNaiveBayes(model, [row(0, "x", "unkept"), row(-1, "y"), row(1, "y")], 0.5);
    expect(Object.keys(folded.weights).sort()).toEqual(["x", "y"]);
    // The row without a class counted nothing: y came once, with b only.
    expect(folded.weights.y[1]).toBeGreaterThan(folded.weights.y[0]);
    expect(folded.weights.x[0]).toBeGreaterThan(model.weights.x[0]);
  });
});
