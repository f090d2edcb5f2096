import { describe, expect, it } from "vitest";
import { featureWord, surfaceWord, wordPairs } from "@domain/language/featureWord";
import { wordsOf } from "@domain/language/analysis";

describe("one word as the models read it", () => {
  it("gives a word's inflections one feature, so a writer's tense or plural is not a new word", () => {
    expect(new Set(["schedule", "scheduled", "scheduling"].map(featureWord)).size).toBe(1);
    expect(featureWord("invoices")).toBe(featureWord("invoice"));
    expect(featureWord("chasing")).toBe(featureWord("chased"));
    expect(featureWord("meeting")).not.toBe(featureWord("money"));
  });

  it("folds numbers, amounts, days, months and times into classes before anything else", () => {
    expect(["£450", "$1,200"].map(featureWord)).toEqual(["<money>", "<money>"]);
    expect(["thursday", "tomorrow", "march", "3pm", "21st", "2026"].map(featureWord)).toEqual([
      "<day>",
      "<day>",
      "<month>",
      "<clock>",
      "<nth>",
      "<num>",
    ]);
  });

  it("leaves words that are not plain letters, or longer than any English word, as they are", () => {
    expect(featureWord("e-mail")).toBe("e-mail");
    expect(featureWord("i'll")).toBe("i'll");
    const long = "a".repeat(30) + "ing";
    expect(featureWord(long)).toBe(long);
  });

  it("keeps the surface form for the request model, a plural's s apart", () => {
    expect(surfaceWord("scheduling")).toBe("scheduling");
    expect(surfaceWord("invoices")).toBe("invoice");
    expect(surfaceWord("address")).toBe("address");
    expect(surfaceWord("friday")).toBe("<day>");
  });
});

describe("the words of a sentence", () => {
  it("leaves out the parts of email and web addresses, which say nothing about what the writer asks", () => {
    expect(wordsOf("please email jo.smith@firm.example or see https://www.firm.example/docs today")).toEqual([
      "please",
      "email",
      "or",
      "see",
      "today",
    ]);
    expect(wordsOf("see www.land-registry.example for the title")).toEqual(["see", "for", "the", "title"]);
    // Without an address nothing is dropped, punctuation included.
    expect(wordsOf("we'll sign at 3pm, ok?")).toEqual(["we'll", "sign", "at", "3pm", "ok"]);
  });
});

describe("word pairs", () => {
  const pairsOf = (words: string[], names: string[] = []) => {
    const out: string[] = [];
    wordPairs(words, new Set(names), (p) => out.push(p));
    return out;
  };

  it("pairs adjacent words as the models read them, skipping names and pairs of two filler words", () => {
    expect(pairsOf(["still", "waiting", "for", "the", "contract"])).toEqual(["still_wait", "wait_for", "the_contract"]);
    // The name is left out first, so the pair spans it.
    expect(pairsOf(["i", "asked", "priya", "twice"], ["priya"])).toEqual(["i_ask", "ask_twice"]);
    expect(pairsOf(["one"])).toEqual([]);
  });
});
