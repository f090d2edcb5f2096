import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { trainAll } from "../../scripts/train/language";

// The committed weights are data produced by a script: re-running it must give the same bytes, or the weights in the
// repository are not the ones the script and data say they are.
describe("scripts/train/language.ts", () => {
  it("reproduces the committed weights exactly", () => {
    const fresh = trainAll();
    expect(Object.keys(fresh).sort()).toEqual(["intent.json", "request.json", "unhappy.json"]);
    for (const [file, text] of Object.entries(fresh)) {
      expect(text, file).toBe(readFileSync(new URL(`../../src/domain/language/models/${file}`, import.meta.url), "utf8"));
    }
  }, 180_000);
});
