import { describe, expect, it } from "vitest";
import { countWords, readability, splitSentences, syllablesOf } from "@domain/readability";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("splits on stops, questions and exclamations with exact spans", () => {
    const t = "We filed it. Did the court reply? Yes!";
    const s = splitSentences(t);
    expect(s.map((x) => [x.start, x.end])).toEqual([
      [0, 12],
      [13, 33],
      [34, 38],
    ]);
    expect(s.map((x) => t.slice(x.start, x.end))).toEqual(["We filed it.", "Did the court reply?", "Yes!"]);
  });

  it("keeps abbreviations, titles, initials and decimals inside the sentence", () => {
    expect(texts("Dr. Lee met Mr. J. R. Smith at 3.5 hours past noon. Then he left.")).toEqual([
      "Dr. Lee met Mr. J. R. Smith at 3.5 hours past noon.",
      "Then he left.",
    ]);
    expect(texts("Bring papers, e.g. the lease and i.e. the deed. Then sign.")).toEqual([
      "Bring papers, e.g. the lease and i.e. the deed.",
      "Then sign.",
    ]);
    expect(texts("See Matter No. 2025-0042 for details. Thanks.")).toEqual(["See Matter No. 2025-0042 for details.", "Thanks."]);
    expect(texts("We need the forms, leases etc. Please send them.")).toEqual(["We need the forms, leases etc.", "Please send them."]);
    expect(texts("Visit bramley.example today. It helps.")).toEqual(["Visit bramley.example today.", "It helps."]);
  });

  it("treats blank lines and short lines as boundaries but keeps hard-wrapped lines together", () => {
    expect(
      texts("Hi Anna,\n\nThe hearing is set\nfor next month and we are ready for it now\nso do not worry\n\nBest wishes,\nKate"),
    ).toEqual(["Hi Anna,", "The hearing is set\nfor next month and we are ready for it now\nso do not worry", "Best wishes,", "Kate"]);
  });

  it("keeps closing quotes with the sentence", () => {
    expect(texts('He said "no." Then we met.')).toEqual(['He said "no."', "Then we met."]);
  });
});

describe("words and syllables", () => {
  it("counts contractions and references as single words", () => {
    expect(countWords("Don't worry about 2025-0042, it's fine.")).toBe(6);
  });
  it("counts syllables with the syllable package and digits in pairs", () => {
    expect(syllablesOf("agreement")).toBe(3);
    expect(syllablesOf("2025")).toBe(2);
    expect(syllablesOf("don't")).toBeGreaterThanOrEqual(1);
  });
});

describe("readability", () => {
  it("computes Flesch–Kincaid grade and reading ease from the standard formulas", () => {
    // 2 sentences, 8 words, 8 syllables → 0.39*4 + 11.8*1 - 15.59 = -2.23; ease 206.835 - 4.06 - 84.6 = 118.2
    const r = readability("The cat sat. The dog ran to me.");
    expect(r.words).toBe(8);
    expect(r.sentences).toBe(2);
    expect(r.syllables).toBe(8);
    expect(r.grade).toBeCloseTo(-2.2, 1);
    expect(r.readingEase).toBeCloseTo(118.2, 1);
    expect(r.longestSentenceWords).toBe(5);
    expect(r.perSentence.map((s) => [s.start, s.end, s.words])).toEqual([
      [0, 12, 3],
      [13, 31, 5],
    ]);
  });

  it("rates legalese far harder than plain words", () => {
    const hard = readability(
      "Notwithstanding the aforementioned considerations, the undersigned respectfully acknowledges the indemnification obligations.",
    );
    const easy = readability("We know about the problem. We will fix it this week.");
    expect(hard.grade).toBeGreaterThan(15);
    expect(easy.grade).toBeLessThan(4);
    expect(hard.readingEase).toBeLessThan(easy.readingEase);
  });

  it("handles empty text", () => {
    expect(readability("")).toMatchObject({ grade: 0, readingEase: 100, words: 0, sentences: 0, longestSentenceWords: 0 });
  });
});
